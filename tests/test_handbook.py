"""The handbook of each language (site/pdf/<lang>/toimi-opas-<lang>.pdf) as a reader opens it: every unit of the
menu in the menu's order, a contents page and bookmarks with the unit titles, images with alternative text for a
screen reader, and checklists whose boxes print as boxes.

What the handbook holds is a design decision of scripts/pdf.py: its members are the printable units whose edition is
not "participant" and that are `in_handbook`. So it leaves out
- the participants' handouts: a handout is made from its module's participant sections with the facilitator notes
  removed (scripts/modules.py, participant_sections), and the module's facilitator's edition, which the handbook
  holds, has every one of those sections already. Printing both would print each exercise twice; a facilitator
  prints the handouts for the group from their own PDFs (the module's print set).
- the Easy Finnish pages (selko/, Finnish only), so that the handbook is the same book in every language.

The expected units are written by hand for Finnish (HANDBOOK_FI) from mkdocs.yml's nav; for the other languages the
same keys come from the nav alone and the titles from each language's Markdown source, never from
site/printables.json, which the code under test writes. Each PDF is read once per test session: its text and
bookmarks with poppler (pdftotext, pdftohtml), fast; its tag tree and page drawings with pypdf, slower (see
pdf_drawing)."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml

from conftest import LANGUAGES, ROOT

# The handbook's units in menu order (mkdocs.yml nav) with their Finnish titles, written by hand. Not here: the
# section index pages (not units), the handouts (see the docstring), the projector views and run sheets (screens).
HANDBOOK_FI = {
    "employers/immigrant-recruitment": "Maahanmuuttajataustaisen työntekijän rekrytointi",
    "employers/partial-work-ability": "Osatyökykyisen työntekijän palkkaaminen",
    "employers/employment-supplement": "Työllistämislisä työnantajalle",
    "entrepreneurship/company-forms": "Yritysmuodon valinta",
    "entrepreneurship/company-form-helper": "Yritysmuotokysely",
    "entrepreneurship/supported-entrepreneurship": "Tuettu yrittäjyys TOIMI-hankkeessa",
    "entrepreneurship/coaching-path": "TOIMI-valmennus työnhakijalle",
    "checklists/employer-immigrant-recruitment": "Muistilista: maahanmuuttajataustaisen työntekijän rekrytointi",
    "checklists/employer-partial-work-ability": "Muistilista: osatyökykyisen työntekijän palkkaaminen",
    "checklists/employment-supplement-application": "Muistilista: työllistämislisän hakeminen",
    "checklists/starttiraha": "Muistilista: starttiraha",
    "checklists/social-security-transition": "Muistilista: työttömästä yrittäjäksi – sosiaaliturva",
    "workshops/who-helps": "Kuka auttaa? Seuraava askel",
    "workshops/templates/attendance": "Osallistujalista",
    "workshops/templates/feedback": "Palautelomake",
    "workshops/templates/feedback-tally": "Palautteen yhteenveto",
    "workshops/templates/invitation": "Kutsu työpajaan",
    "workshops/templates/follow-up": "Seurantaviesti 4–6 viikon kuluttua",
    "workshops/templates/name-cards": "Nimikortit",
    "workshops/recruiting-across-cultures": "Rekrytointi yli kulttuurirajojen",
    "workshops/partial-work-ability-at-work": "Osatyökykyisyys työpaikalla",
    "workshops/employment-supplement-session": "Työllistämislisä ja muut tuet työnantajalle",
    "workshops/is-entrepreneurship-for-me": "Onko yrittäjyys minua varten?",
    "workshops/idea-to-first-customer": "Ideasta ensimmäiseen asiakkaaseen",
}
# The sections whose pages print (extra.printables), without the Finnish-only Easy Finnish section.
PRINTED_SECTIONS = ("employers", "entrepreneurship", "checklists", "workshops")
# Checklist items ("- [ ]") of each unit, counted by hand in the Finnish source; the structure gate keeps the same
# items in every translation. Every other unit has none.
BOXES = {
    "entrepreneurship/coaching-path": 5,
    "checklists/employer-immigrant-recruitment": 32,
    "checklists/employer-partial-work-ability": 31,
    "checklists/employment-supplement-application": 24,
    "checklists/starttiraha": 47,
    "checklists/social-security-transition": 48,
    "workshops/employment-supplement-session": 11,
}
# The participants' handouts, one per module (mkdocs.yml nav).
HANDOUTS = [
    "workshops/recruiting-across-cultures-handout",
    "workshops/partial-work-ability-at-work-handout",
    "workshops/employment-supplement-session-handout",
    "workshops/is-entrepreneurship-for-me-handout",
    "workshops/idea-to-first-customer-handout",
]
CONTENTS = {"fi": "Sisällys", "en": "Contents", "sv": "Innehåll", "ru": "Содержание", "uk": "Зміст"}
EMBLEM_ALT = {
    "fi": "Euroopan unionin lippu",
    "en": "Flag of the European Union",
    "sv": "Europeiska unionens flagga",
    "ru": "Флаг Европейского союза",
    "uk": "Прапор Європейського Союзу",
}
QR_ALT = {
    "fi": "QR-koodi verkkoversioon",
    "en": "QR code to the online version",
    "sv": "QR-kod till webbversionen",
    "ru": "QR-код онлайн-версии",
    "uk": "QR-код онлайн-версії",
}


def menu_keys() -> list[str]:
    """The pages of mkdocs.yml's nav that are handbook units, in menu order."""

    def flatten(items) -> list[str]:
        out = []
        for item in items:
            if isinstance(item, str):
                out.append(item)
            else:
                for value in item.values():
                    out += flatten(value) if isinstance(value, list) else [value]
        return out

    nav = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))["nav"]
    keys = [path.removesuffix(".md") for path in flatten(nav)]
    return [
        key
        for key in keys
        if key.split("/")[0] in PRINTED_SECTIONS and not key.endswith(("index", "-handout", "-projector", "-run-sheet"))
    ]


def title_in_source(lang: str, key: str) -> str:
    text = (ROOT / "docs" / lang / f"{key}.md").read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---")[1])["title"]


def expected_units(lang: str) -> dict[str, str]:
    """The handbook's units and their titles: by hand in Finnish, through the nav in the other languages."""
    if lang == "fi":
        return HANDBOOK_FI
    return {key: title_in_source(lang, key) for key in menu_keys()}


def plain(text: str) -> str:
    """Text as a reader reads it: soft hyphens out, a word broken at the end of a line joined, spaces single."""
    text = text.replace("\u00ad", "").replace("\u2010\n", "")
    return " ".join(text.split())


# A checklist box as WeasyPrint draws it (print.css .print-box: a square with a 0.7 pt border): two squares, the
# outer one and the inner one, filled with the even-odd rule, so only the ring between them is ink.
FRAME = re.compile(rb"[\d.]+ [\d.]+ ([\d.]+) ([\d.]+) re\s+[\d.]+ [\d.]+ ([\d.]+) ([\d.]+) re\s+f\*")
MM = 96 / 25.4  # WeasyPrint draws in CSS pixels


def boxes_drawn(content: bytes) -> int:
    """The squares of 3 to 6 mm drawn as a frame in a page's content stream."""
    count = 0
    for match in FRAME.finditer(content):
        first, second = sorted([(float(match[1]), float(match[2])), (float(match[3]), float(match[4]))])
        (inner_width, inner_height), (outer_width, outer_height) = first, second
        square = abs(outer_width - outer_height) < 0.01 and abs(inner_width - inner_height) < 0.01
        if square and 3 * MM <= outer_width <= 6 * MM and inner_width < outer_width:
            count += 1
    return count


@dataclass
class Text:
    """A PDF as poppler reads it, in well under a second for a handbook."""

    pages: list[str]  # the text of each page (pdftotext)
    bookmarks: list[tuple[str, int]]  # the top-level bookmarks: title and page index (0 = the cover)


@dataclass
class Drawing:
    """What only a look inside the PDF tells (pypdf): the tag tree's images and the page drawings."""

    figures: list[str]  # the /Alt of every /Figure in the tag tree ("" when it has none)
    boxes: list[int]  # the checklist boxes drawn on each page


def read_text(path: Path) -> Text:
    def run(*command: str) -> str:
        return subprocess.run([*command, str(path), "-"], capture_output=True, check=True).stdout.decode("utf-8")

    pages = run("pdftotext", "-enc", "UTF-8").split("\f")[:-1]  # every page ends with a form feed
    # pdftohtml writes the whole outline however few pages it converts (here the first only, for speed).
    xml = ElementTree.fromstring(run("pdftohtml", "-xml", "-i", "-q", "-f", "1", "-l", "1", "-stdout"))
    outline = xml.find("outline")
    bookmarks = [(item.text or "", int(item.get("page")) - 1) for item in outline.findall("item")]
    return Text(pages, bookmarks)


def read_drawing(path: Path) -> Drawing:
    from pypdf import PdfReader

    reader = PdfReader(path)
    figures, stack = [], [reader.trailer["/Root"]["/StructTreeRoot"]]
    while stack:
        node = stack.pop().get_object()
        if node.get("/S") == "/Figure":
            figures.append(str(node.get("/Alt", "")))
        kids = node.get("/K", [])
        kids = kids.get_object() if hasattr(kids, "get_object") else kids
        for kid in kids if isinstance(kids, list) else [kids]:
            kid = kid.get_object() if hasattr(kid, "get_object") else kid
            if isinstance(kid, dict):  # a structure element (not a marked-content number)
                stack.append(kid)
    contents = [page.get_contents() for page in reader.pages]  # a stream, or None for an empty page
    boxes = [0 if content is None else boxes_drawn(content.get_data()) for content in contents]
    return Drawing(figures, boxes)


@pytest.fixture(scope="session")
def pdf_text(site_dir):
    """A PDF's text and bookmarks (by its path in site/), read once per test session."""
    return cache(lambda path: read_text(site_dir / path))


@pytest.fixture(scope="session")
def pdf_drawing(site_dir):
    """A PDF's tagged images and checklist boxes (by its path in site/), read once per test session. pypdf parses
    the whole object stream at its first look inside: about 6 s of one core for a handbook. Each language's
    handbook is read this way: its images' alternative texts are in its language, and its units are its own."""
    return cache(lambda path: read_drawing(site_dir / path))


def handbook(lang: str) -> str:
    return f"pdf/{lang}/toimi-opas-{lang}.pdf"


def test_the_finnish_menu_gives_the_handbook_written_here():
    """The derivation the other languages rely on agrees with the Finnish list written by hand."""
    assert menu_keys() == list(HANDBOOK_FI)
    assert {key: title_in_source("fi", key) for key in HANDBOOK_FI} == HANDBOOK_FI


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_handbook_holds_every_unit_in_menu_order_and_its_bookmarks_name_them(pdf_text, lang):
    found = pdf_text(handbook(lang))
    units = expected_units(lang)
    titles = [plain(title) for title in units.values()]
    # One top-level bookmark per unit, in menu order, each pointing at the page where that unit begins.
    assert [plain(title) for title, _ in found.bookmarks] == titles
    starts = [page for _, page in found.bookmarks]
    assert starts == sorted(set(starts)), starts
    for title, start in zip(titles, starts, strict=True):
        assert title in plain(found.pages[start]), (lang, title, start + 1)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_handbook_leaves_out_the_participants_handouts(pdf_text, lang):
    """By design (see the module docstring): the facilitator's edition of each module is in, its handout is not."""
    found = pdf_text(handbook(lang))
    text = plain("".join(found.pages)).replace("’", "'")
    bookmarks = [plain(title) for title, _ in found.bookmarks]
    for key in HANDOUTS:
        # Every unit's title is a bookmark; a module's notes may name its handout in a sentence, so the text is
        # searched for the handout's own opening words instead.
        assert plain(title_in_source(lang, key)) not in bookmarks, (lang, key)
        assert handout_opening(lang, key) not in text, (lang, key)
        assert plain(title_in_source(lang, key.removesuffix("-handout"))) in bookmarks, (lang, key)


def handout_opening(lang: str, key: str) -> str:
    """The first words of a handout page's first paragraph, up to the workshop's name in quotes ("This handout is
    for participants in the workshop"): words that only the handout has."""
    body = (ROOT / "docs" / lang / f"{key}.md").read_text(encoding="utf-8").split("---", 2)[2]
    first = next(paragraph for paragraph in body.split("\n\n") if paragraph.strip())
    opening = re.split(r"[\"”«:]", first)[0].replace("’", "'")
    assert len(opening.split()) >= 3, (lang, key, opening)
    return plain(opening)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_handbook_has_a_contents_page_that_lists_every_unit_with_its_page(pdf_text, lang):
    found = pdf_text(handbook(lang))
    first_unit = found.bookmarks[0][1]
    contents = [page for page in found.pages[:first_unit] if CONTENTS[lang] in page.split("\n")[:3]]
    assert contents, f"{lang}: no page before the first unit is titled {CONTENTS[lang]}"
    listed = plain("\n".join(found.pages[found.pages.index(contents[0]) : first_unit]))
    position = 0
    for title, start in zip(expected_units(lang).values(), (page for _, page in found.bookmarks), strict=True):
        # The unit's title, its dotted leader and the number of the page it starts on (the cover is page 1). A
        # section of another unit may have the same words as a title: the page number tells them apart.
        entry = re.compile(re.escape(plain(title)) + r"[ .]*" + str(start + 1) + r"(?!\d)")
        match = entry.search(listed, position)
        assert match, (lang, title, start + 1, listed[position : position + 300])
        position = match.end()


def images_in_articles(site_dir: Path, lang: str, keys) -> int:
    """The <img> elements of the units' built pages, in their articles but outside the print band, which a PDF with
    a cover drops (its cover says the same)."""
    count = 0
    for key in keys:
        page = (site_dir if lang == "fi" else site_dir / lang) / key / "index.html"
        article = re.search(r"<article .*?</article>", page.read_text(encoding="utf-8"), re.S)[0]
        count += re.sub(r'<header class="toimi-print-band.*?</header>', "", article, flags=re.S).count("<img ")
    return count


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_image_in_the_handbook_has_alternative_text(site_dir, pdf_drawing, lang):
    """PDF/UA: each image is a /Figure of the tag tree with /Alt, or a screen reader skips it. The cover has two,
    the EU emblem and the QR code of the online address; each image of a unit's page comes in too."""
    figures = pdf_drawing(handbook(lang)).figures
    assert len(figures) == 2 + images_in_articles(site_dir, lang, expected_units(lang)), figures
    assert all(alt.strip() for alt in figures), figures
    assert EMBLEM_ALT[lang] in figures, figures
    printables = "https://toimi-opas.github.io/toimi-opas/" + ("" if lang == "fi" else f"{lang}/") + "printables/"
    assert f"{QR_ALT[lang]}: {printables}" in figures, figures


CHECKLIST = "checklists/employer-immigrant-recruitment"


def checklist_pdf(lang: str) -> str:
    return f"pdf/{lang}/{CHECKLIST.replace('/', '-')}.pdf"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_short_units_images_have_alternative_text_in_its_language(pdf_drawing, lang):
    """A checklist opens with the header band instead of a cover: its emblem and QR code are tagged the same way."""
    site_url = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))["site_url"]
    address = site_url + ("" if lang == "fi" else f"{lang}/") + CHECKLIST + "/"
    figures = pdf_drawing(checklist_pdf(lang)).figures
    assert sorted(figures) == sorted([EMBLEM_ALT[lang], f"{QR_ALT[lang]}: {address}"]), figures


@pytest.mark.parametrize("lang", LANGUAGES)
def test_checklist_boxes_print_as_boxes_in_the_handbook(pdf_text, pdf_drawing, lang):
    """print.css draws each checklist item's box (.print-box, which scripts/pdf.py puts where the page has its
    checkbox) as a small square frame: one per item, on the pages of the unit that has the items. A translation's
    checklist has the Finnish one's items (the structure gate), so the counts are the same in every language."""
    units = list(expected_units(lang))
    starts = [page for _, page in pdf_text(handbook(lang)).bookmarks]
    boxes = pdf_drawing(handbook(lang)).boxes
    starts.append(len(boxes))
    drawn = {key: sum(boxes[starts[i] : starts[i + 1]]) for i, key in enumerate(units)}
    assert drawn == {key: BOXES.get(key, 0) for key in units}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_checklist_boxes_print_as_boxes_in_the_checklists_own_pdf(pdf_drawing, lang):
    """The checklist's own PDF, a short unit with a header band, draws one box per item too, in every language."""
    assert sum(pdf_drawing(checklist_pdf(lang)).boxes) == BOXES[CHECKLIST]
