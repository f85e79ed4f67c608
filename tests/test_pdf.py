"""The PDFs: one per printable unit and language plus a handbook, tagged, in the right language,
reproducible, and rendered again only when their content changed."""

from __future__ import annotations

import json
import shutil

import pytest
from pypdf import PdfReader

from conftest import LANGUAGES, ROOT, build_fixture
from scripts import pdf

SECTIONS = ["employers", "entrepreneurship", "checklists", "workshops"]


def struct_types(reader: PdfReader) -> set[str]:
    """Every structure type in the PDF's tag tree."""
    found, stack = set(), [reader.trailer["/Root"]["/StructTreeRoot"]]
    while stack:
        node = stack.pop().get_object()
        if "/S" in node:
            found.add(str(node["/S"]))
        kids = node.get("/K")
        if kids is None:
            continue
        for kid in kids if isinstance(kids, list) else [kids]:
            kid = kid.get_object() if hasattr(kid, "get_object") else kid
            if isinstance(kid, dict):
                stack.append(kid)
    return found


@pytest.fixture(scope="module")
def printables(site_dir):
    return json.loads((site_dir / "printables.json").read_text(encoding="utf-8"))


def test_every_printable_unit_has_a_pdf_in_every_language(site_dir, printables):
    units = sorted(
        str(p.relative_to(ROOT / "docs" / "fi").with_suffix(""))
        for p in (ROOT / "docs" / "fi").rglob("*.md")
        if p.relative_to(ROOT / "docs" / "fi").parts[0] in SECTIONS and p.name != "index.md"
    )
    for lang in LANGUAGES:
        listed = sorted(e["key"] for e in printables if e["language"] == lang and e["edition"] != "handbook")
        assert listed == units, lang
        assert [e for e in printables if e["language"] == lang and e["edition"] == "handbook"]


def test_every_pdf_opens_is_tagged_and_speaks_its_language(site_dir, printables):
    for entry in printables:
        path = site_dir / entry["path"]
        reader = PdfReader(path)
        root = reader.trailer["/Root"]
        assert root["/Lang"] == entry["language"], entry["path"]
        assert bool(root["/MarkInfo"]["/Marked"])
        assert "/StructTreeRoot" in root
        assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
        assert reader.metadata.title == entry["title"]
        assert entry["pages"] == len(reader.pages) and entry["bytes"] == path.stat().st_size
        # A long title breaks at a compound boundary with a hyphen (U+2010) at the end of the line: join it.
        cover = reader.pages[0].extract_text().replace("\u2010\n", "")
        assert " ".join(entry["title"].split()[:2]) in " ".join(cover.split()), (entry["path"], cover[:200])
        assert "/Widget" not in str(reader.pages[0].get("/Annots", ""))


def test_headings_lists_and_tables_are_tagged(site_dir):
    types = struct_types(PdfReader(site_dir / "pdf" / "uk" / "employers-partial-work-ability.pdf"))
    assert {"/H1", "/H2", "/L", "/LI", "/Table", "/TR", "/TH", "/TD", "/P"} <= types, types
    assert "/Figure" in types  # the EU emblem and the QR code, with alt text


def test_checklist_pdf_prints_empty_boxes(site_dir):
    reader = PdfReader(site_dir / "pdf" / "fi" / "checklists-employer-immigrant-recruitment.pdf")
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Tyhjennä rastit" not in text and " / " not in text.split("\n")[0]


def test_every_page_links_to_its_pdf(site_dir):
    page = site_dir / "sv" / "checklists" / "starttiraha" / "index.html"
    if not page.exists():
        page = site_dir / "sv" / "checklists" / "employer-immigrant-recruitment" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert 'href="../../../pdf/sv/checklists-' in html and 'href="../../../pdf/sv/toimi-opas-sv.pdf"' in html


@pytest.fixture(scope="module")
def fixture_with_pdfs(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("pdf-fixture")
    result = build_fixture(tmp)
    assert result.returncode == 0, result.output
    return tmp / "fixture-site"


def render(work, cache, monkeypatch):
    monkeypatch.setattr(pdf, "CACHE", cache)
    return pdf.build(work / "site", work / "mkdocs.yml", processes=2)


def test_handout_pdf_has_no_facilitator_notes(fixture_with_pdfs, tmp_path, monkeypatch):
    render(fixture_with_pdfs, tmp_path / "cache", monkeypatch)
    for lang in LANGUAGES:
        handout = PdfReader(fixture_with_pdfs / "site" / "pdf" / lang / "workshops-module-handout.pdf")
        text = "".join(page.extract_text() for page in handout.pages)
        assert f"Take-home summary {lang}" in text
        assert "SECRET-FACILITATOR-NOTE" not in text
        module = PdfReader(fixture_with_pdfs / "site" / "pdf" / lang / "workshops-module.pdf")
        assert f"SECRET-FACILITATOR-NOTE-{lang}" in "".join(page.extract_text() for page in module.pages)


def test_two_builds_give_byte_identical_pdfs(fixture_with_pdfs, tmp_path, monkeypatch):
    render(fixture_with_pdfs, tmp_path / "first", monkeypatch)
    pdfs = fixture_with_pdfs / "site" / "pdf"
    first = {str(p.relative_to(pdfs)): p.read_bytes() for p in pdfs.rglob("*.pdf")}
    shutil.rmtree(fixture_with_pdfs / "site" / "pdf")
    stats = render(fixture_with_pdfs, tmp_path / "second", monkeypatch)
    assert stats["rendered"] == stats["pdfs"], "the second build rendered everything again, from an empty cache"
    second = {str(p.relative_to(pdfs)): p.read_bytes() for p in pdfs.rglob("*.pdf")}
    assert first.keys() == second.keys() and len(first) == 5 * 3  # module, handout, handbook
    assert [name for name in first if first[name] != second[name]] == []


def test_changing_one_page_renders_only_its_unit_and_handbook(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    result = build_fixture(tmp_path / "a")
    assert result.returncode == 0, result.output
    work = tmp_path / "a" / "fixture-site"
    cold = render(work, cache, monkeypatch)
    assert cold["rendered"] == cold["pdfs"]
    warm = render(work, cache, monkeypatch)
    assert warm["rendered"] == 0
    # A new facilitator note: the facilitator's edition and the handbook change, the handout does not.
    page = work / "docs" / "sv" / "workshops" / "module.md"
    text = page.read_text(encoding="utf-8").replace(
        "??? facilitator\n", "??? facilitator\n    En ny anteckning.\n\n", 1
    )
    page.write_text(text, encoding="utf-8")
    import subprocess
    import sys

    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", "site"],
        cwd=work,
        check=True,
        env={**__import__("os").environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(work)},
    )
    changed = render(work, cache, monkeypatch)
    assert changed["rendered"] == 2, changed  # the Swedish module and the Swedish handbook


def test_the_pdf_has_no_web_controls(site_dir):
    text = "".join(
        page.extract_text() for page in PdfReader(site_dir / "pdf" / "en" / "employers-immigrant-recruitment.pdf").pages
    )
    assert "Download the printable PDF" not in text and "Edit this page" not in text
