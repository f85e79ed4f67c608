"""The preview of a pull request (scripts/preview.py): which PDFs it makes, links that open from the disk, and the facts
it records for the summary. The build itself is the one `make site` runs (tested in test_site.py); here a stand-in
writes a few pages, so that these tests take a second."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import FIXTURES, ROOT, git
from scripts import preview

pytestmark = pytest.mark.usefixtures("no_network")
MODULE = ["pdf/fi/workshops-module-handout.pdf", "pdf/fi/workshops-module.pdf"]  # the handout repeats its module


@pytest.fixture
def site_repo(tmp_path):
    """The fixture mini-site with the real configuration, committed on main."""
    repo = tmp_path / "repo"
    shutil.copytree(FIXTURES / "site" / "docs", repo / "docs", copy_function=shutil.copy)
    shutil.copy(ROOT / "mkdocs.yml", repo / "mkdocs.yml")
    shutil.copytree(ROOT / "data", repo / "data", copy_function=shutil.copy)
    git(repo, "init", "--quiet", "--initial-branch=main")
    git(repo, "add", "--all")
    git(repo, "commit", "--quiet", "--message", "Before")
    return repo


@pytest.mark.parametrize(
    ("source", "address"),
    [
        ("docs/fi/index.md", "index.html"),
        ("docs/fi/guide.md", "guide/index.html"),
        ("docs/en/workshops/index.md", "en/workshops/index.html"),
        ("docs/uk/workshops/module-handout.md", "uk/workshops/module-handout/index.html"),
        ("data/figures.yml", None),
        ("docs/fi/images/map.png", None),
    ],
)
def test_where_the_built_site_has_a_page(source, address):
    assert preview.page_address(source) == address


@pytest.mark.parametrize(
    ("link", "openable"),
    [
        ("employers/", "employers/index.html"),
        ("../glossary/#term-palkkatuki", "../glossary/index.html#term-palkkatuki"),
        ("..", "../index.html"),
        ("./", "./index.html"),
        (".", "./index.html"),
        ("../pdf/fi/toimi-opas-fi.pdf", "../pdf/fi/toimi-opas-fi.pdf"),
        ("#guides", "#guides"),
        ("https://migri.fi/", "https://migri.fi/"),
        ("mailto:toimi@example.org", "mailto:toimi@example.org"),
        ("/toimi-opas/en/", "/toimi-opas/en/"),
    ],
)
def test_a_link_to_a_folder_gets_its_index_page(link, openable):
    assert preview.openable_link(link) == openable


def test_pages_and_the_company_form_helper_open_from_the_disk(tmp_path):
    page = tmp_path / "entrepreneurship" / "company-form-helper" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text(
        '<a href="../company-forms/#toiminimi">Toiminimi</a><link href="../../assets/toimi.css" rel="stylesheet">'
        '<script type="application/json">{"forms": {"toiminimi": {"link": "../company-forms/#toiminimi"}}}</script>',
        encoding="utf-8",
    )
    assert preview.make_openable(tmp_path) == 1
    assert page.read_text(encoding="utf-8") == (
        '<a href="../company-forms/index.html#toiminimi">Toiminimi</a><link href="../../assets/toimi.css" '
        'rel="stylesheet"><script type="application/json">{"forms": {"toiminimi": {"link": '
        '"../company-forms/index.html#toiminimi"}}}</script>'
    )
    assert preview.make_openable(tmp_path) == 0  # once is enough


def test_only_the_pdfs_of_the_changed_units(site_repo):
    assert preview.changed_units(site_repo, ["docs/fi/guide.md", "docs/fi/index.md"], []) == []  # not printable
    assert preview.changed_units(site_repo, ["docs/fi/workshops/module.md"], []) == MODULE
    assert preview.changed_units(site_repo, ["docs/en/workshops/module-handout.md"], []) == [
        "pdf/en/workshops-module-handout.pdf"
    ]
    module = site_repo / "docs" / "sv" / "workshops" / "module.md"
    module.write_text(module.read_text(encoding="utf-8") + "\n[[figure:starttiraha_per_day]]\n", encoding="utf-8")
    assert preview.changed_units(site_repo, [], ["starttiraha_per_day"]) == [
        "pdf/sv/workshops-module-handout.pdf",
        "pdf/sv/workshops-module.pdf",
    ]


def fake_build(calls: list, code: int = 0):
    def build(out, config, only=None):
        calls.append(only)
        if code == 0:
            for address in ("index.html", "workshops/module/index.html", "en/workshops/module/index.html"):
                (out / address).parent.mkdir(parents=True, exist_ok=True)
                (out / address).write_text('<a href="../">Up</a>' + "text " * 2000, encoding="utf-8")
        return code

    return build


def test_the_preview_records_its_size_its_pages_and_its_pdfs(site_repo, tmp_path, monkeypatch):
    git(site_repo, "switch", "--quiet", "--create", "change")
    for language in ("en", "fi"):
        module = site_repo / "docs" / language / "workshops" / "module.md"
        module.write_text(module.read_text(encoding="utf-8") + "\nUusi kappale.\n", encoding="utf-8")
    git(site_repo, "commit", "--quiet", "--all", "--message", "The editor's change")
    calls: list = []
    monkeypatch.setattr(preview.build, "build", fake_build(calls))
    out, info = tmp_path / "preview", tmp_path / "reports" / "preview.json"
    assert preview.make(site_repo, "main", out, info) == 0
    english = ["pdf/en/workshops-module-handout.pdf", "pdf/en/workshops-module.pdf"]
    assert calls == [set(MODULE + english)]
    facts = json.loads(info.read_text(encoding="utf-8"))
    assert facts["pages"] == ["workshops/module/index.html", "en/workshops/module/index.html"]  # Finnish first
    assert facts["pdfs"] == MODULE + english
    assert facts["files"] == 3 and facts["bytes"] > 30_000 and 0 < facts["zip_bytes"] < facts["bytes"] / 10
    assert (
        (out / "workshops" / "module" / "index.html").read_text(encoding="utf-8").startswith('<a href="../index.html">')
    )


def test_a_site_that_does_not_build_leaves_no_preview_facts(site_repo, tmp_path, monkeypatch):
    info = tmp_path / "preview.json"
    info.write_text("{}", encoding="utf-8")  # from an earlier run
    monkeypatch.setattr(preview.build, "build", fake_build([], code=1))
    assert preview.make(site_repo, "main", tmp_path / "preview", info) == 1
    assert not info.exists()
