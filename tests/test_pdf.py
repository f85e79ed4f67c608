"""The PDFs: one per printable unit and language plus a handbook, tagged, in the right language,
reproducible, and rendered again only when their content changed."""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin

import pytest
from pypdf import PdfReader

from conftest import LANGUAGES, ROOT, build_fixture, pdf_page_text, pdf_reader
from scripts import pdf
from scripts.content import finnish_only_paths, is_finnish_only
from scripts.data import format_date

SECTIONS = ["employers", "entrepreneurship", "checklists", "workshops", "selko"]


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
        if p.relative_to(ROOT / "docs" / "fi").parts[0] in SECTIONS
        and p.name != "index.md"
        # A module's projector view and run sheet are screens (the run sheet is printed once its time is in); its
        # print kit page is printed as a PDF per kind of card (KIT_SHEETS).
        and not p.stem.endswith(("-projector", "-run-sheet", "-kit"))
    )
    units = sorted(units + KIT_SHEETS)
    finnish_only = finnish_only_paths(ROOT / "docs")  # the Easy Finnish pages: their PDFs are Finnish only
    for lang in LANGUAGES:
        listed = sorted(e["key"] for e in printables if e["language"] == lang and e["edition"] != "handbook")
        expected = units if lang == "fi" else [unit for unit in units if not is_finnish_only(unit, finnish_only)]
        assert listed == expected, lang
        assert [e for e in printables if e["language"] == lang and e["edition"] == "handbook"]


# The print kits' sheets: a PDF per kind of card a module has (the idea-to-first-customer module has none).
KIT_SHEETS = [
    "workshops/employment-supplement-session-kit-cards",
    "workshops/is-entrepreneurship-for-me-kit-slips",
    "workshops/partial-work-ability-at-work-kit-cards",
    "workshops/partial-work-ability-at-work-kit-roles",
    "workshops/partial-work-ability-at-work-kit-slips",
    "workshops/recruiting-across-cultures-kit-cards",
    "workshops/recruiting-across-cultures-kit-roles",
]


# Titles written by hand: the Markdown titles of a few pages, and the handbooks' names.
TITLES = {
    ("fi", "checklists/starttiraha"): "Muistilista: starttiraha",
    ("en", "employers/partial-work-ability"): "Hiring an employee with partial work ability",
    ("sv", "workshops/recruiting-across-cultures-handout"): "Deltagarmaterial: Rekrytering över kulturgränser",
    ("ru", "checklists/starttiraha"): "Чек-лист: стартовые деньги",
    ("uk", "workshops/who-helps"): "Хто допоможе? Ваш наступний крок",
}
HANDBOOK_TITLES = {
    "fi": "TOIMI-opas – käsikirja",
    "en": "TOIMI guide – handbook",
    "sv": "TOIMI-guiden – handbok",
    "ru": "Справочник TOIMI — полное издание",
    "uk": "Довідник TOIMI – повне видання",
}


def page_title(site_dir: Path, language: str, key: str, part: str = "") -> str:
    """The <h1> of a built page, as a reader sees it (without the soft hyphens of Finnish headings); for a print
    kit's sheet (`part`, a kind of card), the title its section on the kit page shows."""
    root = site_dir if language == "fi" else site_dir / language
    page = (root / key / "index.html").read_text(encoding="utf-8")
    if part:
        section = re.search(rf'<section (?=[^>]*\bid="kit-{part}")[^>]*\bdata-title="([^"]*)"', page)
        return " ".join(html.unescape(section[1]).replace("\u00ad", "").split())
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)[1]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", heading)).replace("\u00ad", "").split())


def test_every_pdf_opens_is_tagged_and_speaks_its_language(site_dir, printables):
    checked_by_hand = 0
    for entry in printables:
        path = site_dir / entry["path"]
        reader = pdf_reader(path)
        root = reader.trailer["/Root"]
        assert root["/Lang"] == entry["language"], entry["path"]
        assert bool(root["/MarkInfo"]["/Marked"])
        assert "/StructTreeRoot" in root
        assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
        # The title: the page's heading (the handbook's name), not what printables.json says.
        if entry["edition"] == "handbook":
            title = HANDBOOK_TITLES[entry["language"]]
        else:
            title = page_title(site_dir, entry["language"], entry.get("page") or entry["key"], entry.get("part", ""))
        if (entry["language"], entry["key"]) in TITLES:
            assert title == TITLES[(entry["language"], entry["key"])]
            checked_by_hand += 1
        assert reader.metadata.title == title and entry["title"] == title, entry["path"]
        assert entry["pages"] == len(reader.pages) and entry["bytes"] == path.stat().st_size
        # A long title breaks at a compound boundary with a hyphen (U+2010) at the end of the line: join it.
        cover = pdf_page_text(path, 0).replace("\u2010\n", "")
        assert " ".join(title.split()[:2]) in " ".join(cover.split()), (entry["path"], cover[:200])
        assert "/Widget" not in str(reader.pages[0].get("/Annots", ""))
    assert checked_by_hand == len(TITLES)


def test_every_pdfs_text_reads_in_words_not_letter_by_letter(site_dir, printables):
    """What a screen reader, a search inside the PDF and copy-paste get is the text as printed. A box hidden on
    screen (a pending figure's long description was one, kept 1 px wide) comes out of a PDF one letter per line,
    between the lines of the paragraph it sits in: no line of any PDF's text may be a lone letter."""
    garbled = {}
    for entry in printables:
        text = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(site_dir / entry["path"]), "-"], capture_output=True, check=True
        ).stdout.decode("utf-8")
        letters = [line for line in text.splitlines() if len(line.strip()) == 1 and line.strip().isalpha()]
        if letters:
            garbled[entry["path"]] = "".join(letters)[:60]
    assert not garbled, garbled


# Renders stdin's HTML to argv[2], with scripts/pdf.py's correction of WeasyPrint's target counters if argv[1] is
# "fixed" (it changes WeasyPrint for the whole process), and prints how many times a page was laid out.
RENDER_COUNTING_LAYOUTS = """
import logging, sys
from weasyprint import HTML
from weasyprint.logger import PROGRESS_LOGGER
from scripts import pdf
if sys.argv[1] == "fixed":
    pdf._resolve_page_references_in_one_pass()
laid = []
class Count(logging.Handler):
    def emit(self, record):
        if "Creating layout - Page" in record.getMessage() and "up-to-date" not in record.getMessage():
            laid.append(1)
PROGRESS_LOGGER.setLevel(logging.INFO)
PROGRESS_LOGGER.addHandler(Count())
open(sys.argv[2], "wb").write(HTML(string=sys.stdin.read()).render().write_pdf(pdf_variant="pdf/ua-1"))
print(len(laid))
"""
LINKED_PARTS = (
    "<html lang='en'><style>@page { size: A6 } h2 { break-before: page }"
    " .toc a::after { content: ' p. ' target-counter(attr(href), page) }"
    " a.ref::after { content: ' (p. ' target-counter(attr(href), page) ')' }</style>"
    "<nav class='toc'>" + "".join(f"<p><a href='#h{i}'>Part {i}</a></p>" for i in range(5)) + "</nav>"
    "<h2 id='h0'>Part 0</h2><p>Read <a class='ref' href='#h4'>the last part</a> too.</p>"
    + "".join(f"<h2 id='h{i}'>Part {i}</h2><p>Text.</p>" for i in range(1, 4))
    + "<h2 id='h4'>Part 4</h2><p>Back to <a class='ref' href='#h0'>the first part</a>.</p></html>"
)


def test_page_references_resolve_in_one_pass_and_the_pdf_is_the_same(tmp_path):
    """scripts/pdf.py corrects WeasyPrint 70's target counters (a page with a contents list or a "(p. N)" link was
    laid out three times): the same bytes, the right page numbers, fewer layouts."""
    results = {}
    for mode in ("plain", "fixed"):
        out = tmp_path / f"{mode}.pdf"
        run = subprocess.run(
            [sys.executable, "-c", RENDER_COUNTING_LAYOUTS, mode, str(out)],
            input=LINKED_PARTS,
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        assert run.returncode == 0, run.stderr
        results[mode] = (int(run.stdout), out.read_bytes())
    assert results["fixed"][1] == results["plain"][1]
    text = subprocess.run(["pdftotext", str(tmp_path / "fixed.pdf"), "-"], capture_output=True, text=True).stdout
    pages = [" ".join(page.split()) for page in text.split("\f")]
    assert pages[0] == "Part 0 p. 2 Part 1 p. 3 Part 2 p. 4 Part 3 p. 5 Part 4 p. 6"
    assert pages[1] == "Part 0 Read the last part (p. 6) too."
    assert pages[5] == "Part 4 Back to the first part (p. 2)."
    # Six pages, each laid out once, then again each of the three with a page reference (the contents, part 0 and
    # part 4: a first layout shows no page number yet); WeasyPrint alone lays those three out a third time.
    assert (results["fixed"][0], results["plain"][0]) == (9, 12)


# Renders three documents that link one stylesheet (argv[1]'s folder holds it) in one process, as a worker does,
# with scripts/pdf.py's stylesheet reuse if argv[2] is "once", and writes each PDF's bytes next to it.
RENDER_THREE_WITH_ONE_STYLESHEET = """
import sys
from pathlib import Path
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher
from scripts import pdf
folder, mode = Path(sys.argv[1]), sys.argv[2]
if mode == "once":
    pdf._parse_each_stylesheet_once()
fonts, fetched = FontConfiguration(), []
class Counting(URLFetcher):
    def fetch(self, url, headers=None):
        fetched.append(url)
        return super().fetch(url, headers)
fetch = Counting()
for n in range(3):
    source = (f"<html lang='en'><link rel='stylesheet' href='sheet.css'><h1>Document {n}</h1>"
              + "<p class='x'>Text.</p>" * (n + 1) + "</html>")
    rendered = HTML(string=source, base_url=str(folder) + "/", url_fetcher=fetch).render(font_config=fonts)
    (folder / f"{mode}-{n}.pdf").write_bytes(rendered.write_pdf(pdf_variant="pdf/ua-1"))
print(len(fetched))
"""
SHEET = (
    "@page { size: A6; @bottom-center { content: 'Footer ' counter(page) } }"
    " h1 { color: #1d5b79; string-set: title content() } p.x { break-after: page }"
)


def test_a_worker_parses_the_print_stylesheet_once_and_every_pdf_is_the_same(tmp_path):
    """Each document links the same print stylesheet: a worker parses it once (scripts/pdf.py), and every later
    document still gets its @page rules. The PDFs are byte for byte what WeasyPrint alone makes: the second and third
    documents keep the page size and the footer of the @page rule."""
    (tmp_path / "sheet.css").write_text(SHEET, encoding="utf-8")
    fetched = {}
    for mode in ("plain", "once"):
        run = subprocess.run(
            [sys.executable, "-c", RENDER_THREE_WITH_ONE_STYLESHEET, str(tmp_path), mode],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        assert run.returncode == 0, run.stderr
        fetched[mode] = int(run.stdout)
    assert fetched == {"plain": 3, "once": 1}  # the stylesheet was read (and parsed) once, not once a document
    for n in range(3):
        assert (tmp_path / f"once-{n}.pdf").read_bytes() == (tmp_path / f"plain-{n}.pdf").read_bytes(), n
    third = PdfReader(tmp_path / "once-2.pdf")
    assert len(third.pages) == 3
    assert [round(float(v)) for v in third.pages[0].mediabox[2:]] == [298, 420]  # A6 in points
    assert "Footer 3" in third.pages[2].extract_text()


# Running text with a figure in it, as the Finnish partial-work-ability guide has it (the figure's span is what
# the [[figure:]] shortcode writes).
FIGURE_PARAGRAPH = (
    "Palkkatuettu työ ei yleensä enää kerrytä työssäoloehtoa eli sitä työhistoriaa, jonka perusteella "
    "työttömyyspäivärahaa maksetaan. Kun palkkatuki myönnetään alentuneen työkyvyn perusteella, työ kerryttää ehtoa "
    'vasta 10 kuukauden jälkeen, ja silloinkin ehtoon lasketaan vain <span class="toimi-figure" data-figure="x">'
    "75\u00a0%</span> työstä. Tämä vaikuttaa työntekijän turvaan työsuhteen jälkeen. Kerro asiasta työntekijälle, kun "
    "sovitte työsuhteen pituudesta. Hän voi kysyä tarkemmin työttömyyskassastaan tai Kelasta."
)


def test_running_text_with_a_figure_fills_its_lines(tmp_path):
    """WeasyPrint 70 ended a line too early before an inline box that follows a long run of text: "perusteella,"
    stood alone on a line. Every line of the paragraph but its last is filled (at least half the longest)."""
    from weasyprint import HTML

    from scripts import data

    page = (
        '<article class="md-content__inner md-typeset"><h1>Palkkatuki</h1><div class="admonition warning">'
        f'<p class="admonition-title">Muutos 2.9.2024</p><p>{FIGURE_PARAGRAPH}</p></div></article>'
    )
    article = pdf.article_html(page, "https://example.org/x/", "u0-", {})
    unit = pdf.Unit("fi", "employers/x", "standard", path="x.pdf", title="Palkkatuki")
    ui = data.load("ui", ROOT / "data").entries
    source = pdf.document(unit, [article], ui, "https://example.org/x/", dt.date(2026, 12, 1))
    HTML(string=source, base_url=str(ROOT / "overrides") + "/").write_pdf(tmp_path / "x.pdf")
    text = subprocess.run(["pdftotext", str(tmp_path / "x.pdf"), "-"], capture_output=True, text=True).stdout
    lines = text[text.index("Palkkatuettu") : text.index("Kelasta.") + len("Kelasta.")].splitlines()
    assert len(lines) > 3, lines
    assert all(len(line) >= max(map(len, lines)) / 2 for line in lines[:-1]), lines


def test_headings_lists_and_tables_are_tagged(site_dir):
    types = struct_types(PdfReader(site_dir / "pdf" / "uk" / "employers-partial-work-ability.pdf"))
    assert {"/H1", "/H2", "/L", "/LI", "/Table", "/TR", "/TH", "/TD", "/P"} <= types, types
    assert "/Figure" in types  # the EU emblem and the QR code, with alt text


def test_checklist_pdf_prints_empty_boxes(site_dir):
    reader = PdfReader(site_dir / "pdf" / "fi" / "checklists-employer-immigrant-recruitment.pdf")
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Tyhjennä rastit" not in text and " / " not in text.split("\n")[0]


def test_every_page_links_to_its_pdf(site_dir, html_pages):
    """Under the title of every page of every language: its own PDF if it is a printable unit (a module: the
    facilitator's edition and the handout), then the language's handbook."""
    checked = 0
    for lang in LANGUAGES:
        root, docs = (site_dir if lang == "fi" else site_dir / lang), ROOT / "docs" / lang
        for page in html_pages[lang]:
            rel = page.parent.relative_to(root).as_posix()
            key = "index" if rel == "." else rel if (docs / f"{rel}.md").exists() else f"{rel}/index"
            screen = key.endswith(("index", "-projector", "-run-sheet"))  # an index, a module's screen views
            pointer = lang != "fi" and key.startswith("selko/")  # a pointer to an Easy Finnish page is not printed
            want = []
            if key.endswith("-kit"):  # a module's print kit: its card sheets, then the name cards and feedback form
                sheets = [f"pdf/{lang}/{sheet.replace('/', '-')}.pdf" for sheet in KIT_SHEETS if sheet.startswith(key)]
                want = sheets + [f"pdf/{lang}/workshops-templates-{form}.pdf" for form in ("name-cards", "feedback")]
            elif key.split("/")[0] in SECTIONS and not screen and not pointer:
                want.append(f"pdf/{lang}/{key.replace('/', '-')}.pdf")
                if (docs / f"{key}-handout.md").exists():
                    want.append(f"pdf/{lang}/{key.replace('/', '-')}-handout.pdf")
            if not key.endswith("-kit"):  # the kit's sheets are not in the handbook
                want.append(f"pdf/{lang}/toimi-opas-{lang}.pdf")
            links = re.search(r'<p class="toimi-pdf-link"[^>]*>(.*?)</p>', page.read_text(encoding="utf-8"))
            assert links, page
            address = "http://site/" + page.relative_to(site_dir).as_posix()
            found = [
                urljoin(address, href).removeprefix("http://site/") for href in re.findall(r'href="([^"]+)"', links[1])
            ]
            assert found == want, page
            checked += 1
    assert checked == sum(len(pages) for pages in html_pages.values())


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


FUNDING = {
    "fi": "Euroopan unionin osarahoittama",
    "en": "Co-funded by the European Union",
    "sv": "Medfinansieras av Europeiska unionen",
    "ru": "Софинансируется Европейским союзом",
    "uk": "Співфінансується Європейським Союзом",
}
CONTENTS = {"fi": "Sisällys", "en": "Contents", "sv": "Innehåll", "ru": "Содержание", "uk": "Зміст"}


def test_checklists_and_handouts_open_with_a_header_band_not_a_cover(site_dir, printables):
    short = [e for e in printables if e["edition"] == "participant" or e["key"].startswith("checklists/")]
    assert len(short) == 5 * 10 and all(e["compact"] for e in short)
    for entry in short:
        path = site_dir / entry["path"]
        reader = pdf_reader(path)
        first = " ".join(pdf_page_text(path, 0).split())
        lang = entry["language"]
        assert FUNDING[lang] in first and " ".join(entry["title"].split()[:2]) in first, entry["path"]
        assert format_date(dt.date.fromisoformat(entry["content_date"]), lang) in first, entry["path"]
        lines = [line.strip() for n in range(min(2, len(reader.pages))) for line in pdf_page_text(path, n).split("\n")]
        assert CONTENTS[lang] not in lines, entry["path"]  # no contents page (its title is a line of its own)
        assert "/Figure" in struct_types(reader)  # the emblem and the QR code, with alt text
    # Guides, facilitators' editions and the handbook keep their cover and contents page.
    for entry in printables:
        if not entry["compact"]:
            second = pdf_page_text(site_dir / entry["path"], 1)
            assert CONTENTS[entry["language"]] in [line.strip() for line in second.split("\n")], entry["path"]


def test_short_units_have_no_cover_or_contents_and_each_is_shorter_than_before(printables):
    """bench/printables-before.json: the page counts before issue 14, with a cover and a contents page. The
    December content round has since made the checklists and handouts longer (the "what to do next" blocks, the
    decision steps), so the total is no longer a third lower (421 -> 278 when it was measured on the same
    content); no unit may be longer than it was with its cover and contents (make bench reports the counts)."""
    before = json.loads((ROOT / "bench" / "printables-before.json").read_text(encoding="utf-8"))["pdfs"]
    old = {(e["language"], e["key"]): e["pages"] for e in before}
    short = [e for e in printables if e["compact"] and (e["language"], e["key"]) in old]  # units that existed then
    assert len(short) == 50  # five checklists and five handouts in five languages
    longer = [
        (e["language"], e["key"], old[(e["language"], e["key"])], e["pages"])
        for e in short
        if e["pages"] > old[(e["language"], e["key"])] + 1
    ]
    assert not longer, longer


def test_fill_in_spaces_are_big_enough_to_write_by_hand(site_dir):
    """A worksheet's empty cells are answer boxes; underscores are ruled lines (print.css)."""
    css = (site_dir / "assets" / "stylesheets" / "print.css").read_text(encoding="utf-8")
    assert "td:empty { height: 11mm; }" in css and "width: 45mm" in css
    html = (site_dir / "workshops" / "recruiting-across-cultures-handout" / "index.html").read_text(encoding="utf-8")
    assert '<span class="toimi-write-line">____' in html


def test_the_browser_print_starts_with_the_same_band(site_dir):
    """Every content page carries the band (hidden on screen); short units with the QR code, like their PDF."""
    checklist = (site_dir / "sv" / "checklists" / "starttiraha" / "index.html").read_text(encoding="utf-8")
    assert '<header class="toimi-print-band toimi-print-band--compact"' in checklist
    assert "toimi-print-band__qr" in checklist and FUNDING["sv"] in checklist
    guide = (site_dir / "sv" / "employers" / "partial-work-ability" / "index.html").read_text(encoding="utf-8")
    assert '<header class="toimi-print-band"' in guide and "toimi-print-band__qr" not in guide
    css = (site_dir / "assets" / "stylesheets" / "toimi.css").read_text(encoding="utf-8")
    assert ".toimi-print-band { display: none; }" in css and "@media print" in css


def test_each_module_has_a_print_set_with_page_counts_and_sheets(site_dir, printables):
    pages = {(e["language"], e["key"]): e["pages"] for e in printables}
    for lang in LANGUAGES:
        root = site_dir if lang == "fi" else site_dir / lang
        page = (root / "workshops" / "recruiting-across-cultures" / "index.html").read_text(encoding="utf-8")
        block = re.search(r'<div class="toimi-print-set" data-module="recruiting-across-cultures">(.*?)</div>', page)
        assert block, lang
        links = re.findall(r'<a href="([^"]+)" type="application/pdf" download>', block[1])
        names = [link.rsplit("/", 1)[1] for link in links]
        assert names == [
            "workshops-recruiting-across-cultures.pdf",
            "workshops-recruiting-across-cultures-handout.pdf",
            "checklists-employer-immigrant-recruitment.pdf",
            # The print kit, one-sided: the module's cards, then what every workshop shares.
            "workshops-recruiting-across-cultures-kit-cards.pdf",
            "workshops-recruiting-across-cultures-kit-roles.pdf",
            "workshops-templates-name-cards.pdf",
            "workshops-templates-feedback.pdf",
            "workshops-who-helps.pdf",
        ], names
        handout = pages[(lang, "workshops/recruiting-across-cultures-handout")]
        checklist = pages[(lang, "checklists/employer-immigrant-recruitment")]
        facilitator = pages[(lang, "workshops/recruiting-across-cultures")]
        sheets = 18 * ((handout + 1) // 2 + (checklist + 1) // 2) + (facilitator + 1) // 2
        assert re.search(rf"(?<![\d]){sheets}(?![\d])", block[1]), (lang, sheets, block[1])
        # 18 participants: a one-page feedback form and Who helps card each (36 sheets), nine sheets of name cards.
        forms = block[1].split("</p><p>")[-1].split(str(sheets), 1)[-1]
        assert re.search(r"(?<![\d])36(?![\d]).*(?<![\d])9(?![\d])", forms), (lang, forms)
        index = (root / "workshops" / "index.html").read_text(encoding="utf-8")
        assert index.count('<div class="toimi-print-set" data-module=') == 5, lang


WHO_HELPS_TITLE = {
    "fi": "Kuka auttaa? Seuraava askel",
    "en": "Who helps? Your next step",
    "sv": "Vem hjälper? Ditt nästa steg",
    "ru": "Кто поможет? Ваш следующий шаг",
    "uk": "Хто допоможе? Ваш наступний крок",
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_who_helps_card_is_a_compact_tagged_pdf_of_one_page(site_dir, printables, lang):
    """The card every workshop ends with: short (a header band, no cover, no contents), in its language."""
    [entry] = [e for e in printables if e["language"] == lang and e["key"] == "workshops/who-helps"]
    assert entry["compact"] and entry["title"] == WHO_HELPS_TITLE[lang]
    reader = PdfReader(site_dir / entry["path"])
    assert reader.trailer["/Root"]["/Lang"] == lang and "/StructTreeRoot" in reader.trailer["/Root"]
    assert len(reader.pages) == 1
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert FUNDING[lang] in text and CONTENTS[lang] not in text.split()
    # A pending contact shows its note, never an invented address; a confirmed one its published details.
    assert "tyomarkkinatori.fi" in text and "09 622 4830" in text


# The templates every workshop uses, in Finnish: title and the most pages each may take (the attendance sheet is one
# page, passed round; the others fit on one sheet printed on both sides).
TEMPLATES_FI = {
    "workshops/templates/attendance": ("Osallistujalista", 1),
    "workshops/templates/feedback": ("Palautelomake", 1),
    "workshops/templates/feedback-tally": ("Palautteen yhteenveto", 2),
    "workshops/templates/invitation": ("Kutsu työpajaan", 2),
    "workshops/templates/follow-up": ("Seurantaviesti 4–6 viikon kuluttua", 2),
    "workshops/templates/name-cards": ("Nimikortit", 1),
}


@pytest.mark.parametrize("key", TEMPLATES_FI)
def test_the_workshop_templates_are_compact_tagged_pdfs_in_their_language(site_dir, printables, key):
    title, most_pages = TEMPLATES_FI[key]
    [entry] = [e for e in printables if e["language"] == "fi" and e["key"] == key]
    assert entry["compact"] and entry["title"] == title
    reader = PdfReader(site_dir / entry["path"])
    assert reader.trailer["/Root"]["/Lang"] == "fi" and "/StructTreeRoot" in reader.trailer["/Root"]
    assert len(reader.pages) <= most_pages, (key, len(reader.pages))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    # A header band, not a cover: the funding statement is on the page with the form, and there is no contents page.
    assert FUNDING["fi"] in reader.pages[0].extract_text() and CONTENTS["fi"] not in text.split()
    assert title in reader.pages[0].extract_text()


def test_the_attendance_sheet_asks_only_for_name_organisation_and_signature(site_dir, printables):
    [entry] = [e for e in printables if e["language"] == "fi" and e["key"] == "workshops/templates/attendance"]
    text = " ".join(PdfReader(site_dir / entry["path"]).pages[0].extract_text().split())
    assert "Nro Nimi Organisaatio ja tehtävä (työnantajat) Allekirjoitus" in text
    # The one mention of the identity code is the request not to write it.
    assert text.count("henkilötunnus") == 1 and "Älä kirjoita listaan henkilötunnusta" in text


# The units that must print on one page (extra.printables.one_page): a form handed in, cards cut out, a card kept.
ONE_PAGE = ["workshops/who-helps", "workshops/templates/feedback", "workshops/templates/name-cards"]
SOURCES = {"fi": "Lähteet", "en": "Sources", "sv": "Källor", "ru": "Источники", "uk": "Джерела"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_forms_and_cards_print_on_one_page_and_leave_their_sources_online(site_dir, printables, lang):
    """Their band's online address (and QR code) leads to the page with the sources and the review date."""
    for key in ONE_PAGE:
        [entry] = [e for e in printables if e["language"] == lang and e["key"] == key]
        reader = PdfReader(site_dir / entry["path"])
        assert entry["compact"] and len(reader.pages) == 1, (lang, key, len(reader.pages))
        text = " ".join(reader.pages[0].extract_text().split())
        assert FUNDING[lang] in text and SOURCES[lang] not in text.split(), (lang, key)


# A module's print kit in Finnish: each kind of card is a PDF of its own, a header band and no cover; its title, the
# most pages it may take (each activity's cards start on a page of their own), and the first and last words of cards
# (each card starts and ends on the same page).
KITS_FI = {
    "workshops/recruiting-across-cultures-kit-cards": (
        "Kortit ryhmille: Rekrytointi yli kulttuurirajojen",
        2,
        [
            ("Kortti 1: Leipomo Kiteellä.", "Mitä muuta leipomotyössä voidaan tarvita?"),
            ("Kortti 4: Kiinteistöhuolto Liperissä.", "Mitä tietoja yritys säilyttää?"),
            ("Kortti 5: Konepaja Kontiolahdella.", "mitä työehtosopimusta hänen työhönsä sovelletaan?"),
        ],
    ),
    "workshops/recruiting-across-cultures-kit-roles": (
        "Roolikortit: Rekrytointi yli kulttuurirajojen",
        1,
        [("”Sinä opettelet vielä suomea.", "näytä rehellisesti, mitä osaat.”")],
    ),
    "workshops/partial-work-ability-at-work-kit-cards": (
        "Kortit ryhmille: Osatyökykyisyys työpaikalla",
        2,
        [
            ("Tapaus A: Lähikauppa Juuassa.", "Hän jaksaa parhaiten lyhyempää työpäivää."),
            ("Tapaus C: Puusepänverstas Lieksassa.", "Hän oppii nopeasti, kun asiat näytetään."),
            ("Kortti 1: Matkailuyritys Ilomantsissa.", "Mika on ollut pitkään työttömänä."),
            ("Kortti 7: Teollisuusyritys Joensuussa.", "vaikuttaa yrityksen työeläkemaksuihin."),
        ],
    ),
    "workshops/partial-work-ability-at-work-kit-roles": (
        "Roolikortit: Osatyökykyisyys työpaikalla",
        1,
        [("Janne:", "tehdä lyhyemmän päivän.”"), ("Pekka:", "tukea apuvälineeseen.”")],
    ),
    "workshops/partial-work-ability-at-work-kit-slips": (
        "Lajittelukortit: Osatyökykyisyys työpaikalla",
        2,  # two activities' slips (the words, and the application timeline), each from a new page
        [("Kortti a.", "vamma rajoittaa sitä."), ("Kortti f.", "Yksi TOIMI-hankkeen kohderyhmistä.")],
    ),
    "workshops/employment-supplement-session-kit-cards": (
        "Kortit ryhmille: Työllistämislisä ja muut tuet työnantajalle",
        1,
        [("Kortti A.", "aluksi 6 kuukautta."), ("Kortti F.", "palkata uuden työntekijän palkkatuella.")],
    ),
    "workshops/is-entrepreneurship-for-me-kit-slips": (
        "Lajittelukortit: Onko yrittäjyys minua varten?",
        1,
        [("Teen varsinaisen työn asiakkaalle", "Teen varsinaisen työn asiakkaalle")],
    ),
}


@pytest.mark.parametrize("key", KITS_FI)
def test_a_print_kit_sheet_is_a_compact_tagged_pdf_with_every_card_whole_on_one_page(site_dir, printables, key):
    title, most_pages, cards = KITS_FI[key]
    [entry] = [e for e in printables if e["language"] == "fi" and e["key"] == key]
    assert entry["compact"] and entry["title"] == title and entry["edition"] == "kit"
    reader = PdfReader(site_dir / entry["path"])
    assert reader.trailer["/Root"]["/Lang"] == "fi" and "/StructTreeRoot" in reader.trailer["/Root"]
    assert len(reader.pages) <= most_pages, (key, len(reader.pages))
    texts = [" ".join(page.extract_text().replace("\u2010\n", "").split()) for page in reader.pages]
    assert FUNDING["fi"] in texts[0] and title in texts[0] and CONTENTS["fi"] not in " ".join(texts).split()
    assert SOURCES["fi"] not in " ".join(texts).split()  # a sheet is its cards: the sources are on the kit page
    for first, last in cards:
        assert sum(text.count(first) for text in texts) == 1, (key, first)
        assert [text.count(first) for text in texts] == [text.count(last) for text in texts], (key, first, last)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_print_kit_sheet_is_short_tagged_and_in_its_language(site_dir, printables, lang):
    sheets = {e["key"]: e for e in printables if e["language"] == lang and e["edition"] == "kit"}
    assert sorted(sheets) == KIT_SHEETS, lang
    for key, entry in sheets.items():
        reader = PdfReader(site_dir / entry["path"])
        assert reader.trailer["/Root"]["/Lang"] == lang and "/StructTreeRoot" in reader.trailer["/Root"], key
        assert entry["compact"] and len(reader.pages) <= KITS_FI[key][1], (lang, key, len(reader.pages))
        first = " ".join(reader.pages[0].extract_text().split())
        assert FUNDING[lang] in first and CONTENTS[lang] not in first.split(), (lang, key)
