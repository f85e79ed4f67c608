"""The pull-request summary (scripts/pr_summary.py), offline: a git repository made in the test with two commits (the
tree tests/fixtures/pr-summary/base, then head), the problems that `make check` writes for it and the facts of a
preview, against the summary written by hand in tests/fixtures/pr-summary/expected-summary.md."""

from __future__ import annotations

import shutil

import pytest
import yaml

from conftest import FIXTURES, git
from scripts import check, pr_summary

FIXTURE = FIXTURES / "pr-summary"
BASE, HEAD = FIXTURE / "base", FIXTURE / "head"
ARTIFACT = "toimi-opas-preview-pr-42"
URL = "https://github.com/toimi-opas/toimi-opas/actions/runs/1/artifacts/2"
pytestmark = pytest.mark.usefixtures("no_network")  # offline: tests/conftest.py refuses every socket


def lay(tree, repo) -> None:
    """Make the repository's content that of the fixture tree (docs/, data/ and mkdocs.yml)."""
    for name in ("docs", "data"):
        shutil.rmtree(repo / name, ignore_errors=True)
    # copied as new files (not with the fixture's times), so that git does not take a file for unchanged
    shutil.copytree(tree, repo, dirs_exist_ok=True, copy_function=shutil.copy)


@pytest.fixture
def repo(tmp_path):
    """main has the base tree; the branch `change`, checked out, has one commit more with the head tree."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "--quiet", "--initial-branch=main")
    lay(BASE, repo)
    git(repo, "add", "--all")
    git(repo, "commit", "--quiet", "--message", "Before")
    git(repo, "switch", "--quiet", "--create", "change")
    lay(HEAD, repo)
    git(repo, "add", "--all")
    git(repo, "commit", "--quiet", "--message", "The editor's change")
    return repo


def expected(commit: str) -> str:
    return (FIXTURE / "expected-summary.md").read_text(encoding="utf-8").replace("{commit}", commit[:12])


def test_the_summary_is_the_text_written_by_hand(repo, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(repo)
    monkeypatch.setenv("TOIMI_TODAY", "2026-12-06")
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    problems = tmp_path / "problems.json"
    assert check.main(["--only", "translations", "--problems", str(problems)]) == 1  # as `make check` writes it
    capsys.readouterr()
    preview = ["--preview", str(FIXTURE / "preview.json"), "--artifact", ARTIFACT, "--artifact-url", URL]
    assert pr_summary.main(["--base", "main", "--problems", str(problems), *preview]) == 0
    assert capsys.readouterr().out == expected(git(repo, "rev-parse", "main").strip())


def test_two_trees_without_git_give_the_same_summary():
    changes = pr_summary.compare(BASE, HEAD)
    summary = pr_summary.summarise(BASE, HEAD, changes, "main", "{commit}")
    summary.other_files = ["mkdocs.yml"]  # outside docs/ and data/ only git tells
    summary.problems = [
        f"docs/{problem}"
        for language in ("sv", "ru", "uk")
        for problem in (
            f"fi/new.md:1: no {language} translation: create docs/{language}/new.md (copy the Finnish page and "
            "translate it)",
            f"{language}/old.md:1: this page has no Finnish source docs/fi/old.md: every page starts in docs/fi/; "
            "move or rename it to match",
        )
    ]
    summary.preview = {**pr_summary.read_json(FIXTURE / "preview.json"), "artifact": ARTIFACT, "url": URL}
    assert pr_summary.render(summary) == expected("{commit}")


def test_uncommitted_edits_count_and_the_base_is_where_the_branch_left_it(repo, monkeypatch, capsys):
    git(repo, "switch", "--quiet", "main")
    (repo / "docs" / "fi" / "index.md").write_text("changed on main after the branch left it\n", encoding="utf-8")
    git(repo, "commit", "--quiet", "--all", "--message", "Later on main")
    git(repo, "switch", "--quiet", "change")
    page = repo / "docs" / "sv" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nEn ny mening.\n", encoding="utf-8")
    (repo / "notes.txt").write_text("a new file\n", encoding="utf-8")
    monkeypatch.chdir(repo)
    assert pr_summary.main(["--base", "main"]) == 0
    out = capsys.readouterr().out
    assert "| sv | – | `guide.md`, `index.md` | – |" in out  # the uncommitted edit
    assert "| fi | `new.md` | `guide.md` | `old.md` |" in out  # not index.md: that changed on main
    assert "Muut tiedostot / Other files: `mkdocs.yml`, `notes.txt`" in out
    assert "Tarkistukset eivät valmistuneet" in out  # no problems file: make check did not finish
    assert "Esikatselua ei ole" in out


def test_figures_are_compared_as_data_not_as_text(tmp_path):
    figures = yaml.safe_load((BASE / "data" / "figures.yml").read_text(encoding="utf-8"))
    relaid = tmp_path / "data" / "figures.yml"
    relaid.parent.mkdir()
    relaid.write_text("# Laid out again\n" + yaml.safe_dump(dict(reversed(figures.items())), indent=4), "utf-8")
    assert pr_summary.figure_rows(pr_summary.load_figures(BASE), pr_summary.load_figures(tmp_path)) == []
    changed = ["daily_allowance", "grant", "supplement", "travel_grant", "old_fee"]
    assert pr_summary.changed_figures(BASE, HEAD) == changed


def test_a_new_value_ends_the_one_before_it():
    base = yaml.safe_load((BASE / "data" / "figures.yml").read_text(encoding="utf-8"))
    head = yaml.safe_load((BASE / "data" / "figures.yml").read_text(encoding="utf-8"))
    head["supplement"]["values"].append(
        {"value": 25, "valid_from": head["grant"]["values"][0]["valid_from"].replace(year=2027), "source": "x"}
    )
    head["supplement"]["values"][0]["value"] = 24.5
    rows = pr_summary.figure_rows(base, head)
    assert [(r.change, r.value, r.valid_from, r.valid_until) for r in rows] == [
        ("arvo muuttui / value changed (oli / was 24,4\u00a0%)", "24,5\u00a0%", "2025-01-01", "2026-12-31"),
        ("uusi arvo / new value", "25\u00a0%", "2027-01-01", "toistaiseksi / open-ended"),
    ]


def test_without_problems_the_summary_says_the_checks_passed():
    summary = pr_summary.Summary("main", "", [], problems=[], translations=[])
    text = pr_summary.render(summary)
    passed = "## Ongelmat / Problems (0)\n\nEi ongelmia: `make check` meni läpi. / No problems: `make check` passed."
    assert passed in text
    assert "Suomenkielisiä sivuja ei muutettu. / No Finnish page changed." in text
    assert "Lukuja ei muutettu. / No figures changed." in text
    assert "Ei uusia ulkoisia linkkejä. / No outside links added." in text


def test_a_long_table_is_cut_and_says_so():
    summary = pr_summary.Summary("main", "", [], problems=[f"docs/fi/a.md:{n}: x | y" for n in range(1, 131)])
    text = pr_summary.render(summary)
    assert "| `docs/fi/a.md` | 100 | x \\| y |" in text and "| `docs/fi/a.md` | 101 |" not in text
    assert "… ja 30 lisää: katso loki. / … and 30 more: see the log." in text


def test_a_preview_without_pdfs_says_so():
    preview = {"bytes": 2_000_000, "zip_bytes": 500_000, "pages": ["en/about/index.html"], "pdfs": []}
    text = "\n".join(pr_summary.preview_section(preview))
    assert "0,5 Mt ladattavana, 2,0 Mt purettuna" in text and "0.5 MB to download, 2.0 MB unzipped" in text
    assert "**preview**" in text  # no name given: still says what to look for
    assert "Ei PDF-tiedostoja: muutokset eivät koske tulostettavia sivuja." in text
