"""PDFs of every printable unit in every language, made from the built site with WeasyPrint.

The printable units are the content pages of the sections listed under `extra.printables` in
mkdocs.yml (a new guide there becomes a PDF without code changes), plus one handbook per
language with every unit in menu order. A module page is the facilitator's edition, its
`-handout` page the participant's edition.

A guide, a facilitator's edition and the handbook get a cover (title, language, content date, EU
funding statement, online address and QR code) and a table of contents with page numbers. Short units
(the sections under `extra.printables.compact` and every participant's handout) print short: their
first page opens with a compact header band with the same facts (print_band(), which the web page
carries too, so the browser's own print looks the same). Every PDF has bookmarks, running heads and
"page N / M".
It is tagged PDF/UA-1 with /Lang and metadata, and reproducible: the only date in it is the
content date, the newest commit among the unit's own source files.

Rendering runs in one process per CPU core; a content-hash cache outside site/ (.cache/pdf)
skips every PDF whose print HTML, stylesheet and fonts did not change.

    python -m scripts.pdf [--site-dir site]        (scripts.build runs it after the HTML)
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import hashlib
import html
import json
import os
import posixpath
import re
import shutil
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from multiprocessing import Pool
from pathlib import Path
from urllib.parse import quote, urljoin

from scripts import data, print_kit, workshop_views
from scripts.content import (
    LANGUAGES,
    SOURCE_LANGUAGE,
    is_easy_finnish_pointer,
    is_finnish_only,
    load_config,
    read_page,
)
from scripts.data import format_date, format_size
from scripts.hyphenation import hyphenate_text, without_soft_hyphens

ROOT = Path(__file__).resolve().parent.parent
# The cache lives outside site/, so a clean site build still reuses it. TOIMI_PDF_CACHE moves it (tests).
CACHE = Path(os.environ.get("TOIMI_PDF_CACHE", ROOT / ".cache" / "pdf"))
LANGUAGE_NAMES = {"fi": "Suomi", "en": "English", "sv": "Svenska", "ru": "Русский", "uk": "Українська"}
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset"[^>]*>(.*?)</article>', re.S)
TITLE = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
HEADING = re.compile(r'<h([12])([^>]*) id="([^"]+)"[^>]*>(.*?)</h\1>', re.S)
TAG = re.compile(r"<[^>]+>")


@dataclass
class Unit:
    language: str
    key: str  # the page's path inside the language folder, without .md ("employers/immigrant-recruitment")
    edition: str  # standard | facilitator | participant | handbook
    compact: bool = False  # no cover and no contents page: a header band on the first page
    large_type: bool = False  # at least 14 pt (extra.printables.large_type: the Easy Finnish pages)
    in_handbook: bool = True  # the handbook is the same in every language: Finnish-only pages stay out
    title: str = ""
    path: str = ""  # the PDF's address inside site/
    sources: list[str] = field(default_factory=list)  # the unit's own source files
    pages: int = 0
    bytes: int = 0
    content_date: str = ""
    page: str = ""  # the page it is printed from, when that is not `key`: a print kit's page (workshops/x-kit)
    part: str = ""  # the part of that page it prints: a kind of card (scripts/print_kit.py)


def nav_order(nav: list) -> list[str]:
    out = []
    for item in nav:
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                out += nav_order(value) if isinstance(value, list) else [value]
    return out


def units_for(language: str, docs_dir: Path, config: dict) -> list[Unit]:
    tree = docs_dir / language
    order = {path: index for index, path in enumerate(nav_order(config.get("nav") or []))}
    pages = sorted(
        (p.relative_to(tree).as_posix() for p in tree.rglob("*.md")),
        key=lambda rel: (order.get(rel, len(order)), rel),
    )
    finnish_only = tuple(config["extra"].get("finnish_only") or ())
    units = []
    for rel in pages:
        key = rel.removesuffix(".md")
        if print_kit.is_kit(key):
            units += kit_units(language, key, tree)
            continue
        if not is_unit(key, config, language):
            continue
        edition = edition_of(key, read_page(tree / rel).meta)
        units.append(
            Unit(
                language,
                key,
                edition,
                compact=is_compact(key, config),
                large_type=key.split("/")[0] in config["extra"]["printables"].get("large_type", []),
                in_handbook=not is_finnish_only(rel, finnish_only),
                path=pdf_path(language, key),
                sources=unit_sources(language, key),
            )
        )
    return units


def kit_units(language: str, kit_key: str, tree: Path) -> list[Unit]:
    """A module's print kit page gives a PDF per kind of card the module has (none for a module without cards):
    short, one-sided sheets to cut out, not part of the handbook."""
    module = tree / f"{print_kit.module_key(kit_key)}.md"
    kinds = print_kit.kinds(read_page(module)) if module.is_file() else []
    return [
        Unit(
            language,
            print_kit.sheet_key(kit_key, kind),
            "kit",
            compact=True,
            in_handbook=False,
            path=pdf_path(language, print_kit.sheet_key(kit_key, kind)),
            sources=unit_sources(language, kit_key),
            page=kit_key,
            part=kind,
        )
        for kind in kinds
    ]


def is_unit(key: str, config: dict, language: str) -> bool:
    """A page that is a PDF: a page of the printable sections other than an index, and other than a module's
    screen views (the projector view, and the run sheet, printed from the browser once its start time is in) and
    a pointer to an Easy Finnish page (the Easy Finnish page it links is printed)."""
    if key.split("/")[0] not in config["extra"]["printables"]["sections"] or key.endswith("index"):
        return False
    finnish_only = tuple(config["extra"].get("finnish_only") or ())
    return not workshop_views.is_view(key) and not is_easy_finnish_pointer(language, key, finnish_only)


def edition_of(key: str, meta: dict) -> str:
    if key.endswith("-handout"):
        return "participant"
    return "facilitator" if "duration" in meta else "standard"


def is_compact(key: str, config: dict) -> bool:
    """A short unit: a participant's handout, a page of a section listed under extra.printables.compact, or a page
    listed under extra.printables.compact_pages."""
    printables = config["extra"]["printables"]
    return (
        key.endswith("-handout")
        or key.split("/")[0] in printables.get("compact", [])
        or key in printables.get("compact_pages", [])
        or workshop_views.is_view(key)  # a run sheet printed from the browser: one page, the short band
    )


def is_one_page(key: str, config: dict) -> bool:
    """A unit that must print on one A4 page (a form, a card to take home): extra.printables.one_page."""
    return key in config["extra"]["printables"].get("one_page", [])


def unit_sources(language: str, key: str) -> list[str]:
    """The unit's own source files: its page, and for a handout or a print kit the module it is made from."""
    sources = [f"docs/{language}/{key}.md"]
    if key.endswith("-handout"):
        sources.append(f"docs/{language}/{key.removesuffix('-handout')}.md")
    if print_kit.is_kit(key):
        sources.append(f"docs/{language}/{print_kit.module_key(key)}.md")
    return sources


def pdf_path(language: str, key: str) -> str:
    return f"pdf/{language}/{key.replace('/', '-')}.pdf"


def handbook_path(language: str) -> str:
    return f"pdf/{language}/toimi-opas-{language}.pdf"


def page_file(site_dir: Path, language: str, key: str, directory_urls: bool = True) -> Path:
    """The built page of a key: "employers/x" is employers/x/index.html, or employers/x.html in the offline
    copy (built without directory URLs); "employers/index" is employers/index.html in both."""
    root = site_dir if language == SOURCE_LANGUAGE else site_dir / language
    if key == "index" or key.endswith("/index"):
        return root / f"{key}.html"
    return root / key / "index.html" if directory_urls else root / f"{key}.html"


def page_url(site_url: str, language: str, key: str) -> str:
    """The online address of a page ("employers/index" and "index" are their folders' addresses)."""
    prefix = "" if language == SOURCE_LANGUAGE else f"{language}/"
    folder = key.removesuffix("index").removesuffix("/")
    return urljoin(site_url, prefix + (folder + "/" if folder else ""))


def commit_dates(root: Path) -> dict[str, dt.date]:
    """The newest commit date of every file under docs/, from one `git log` (one call, not one per PDF)."""
    try:
        log = subprocess.run(
            ["git", "log", "--format=%x00%cs", "--name-only", "--", "docs"],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    dates: dict[str, dt.date] = {}
    for block in log.split("\0")[1:]:
        lines = block.strip().split("\n")
        date = dt.date.fromisoformat(lines[0])
        for name in lines[1:]:
            dates.setdefault(name.strip(), date)
    return dates


def content_date(files: list[str], root: Path, commits: dict[str, dt.date]) -> dt.date:
    """The newest change among the unit's own files: its commits, or its review date outside git."""
    dates = [commits[f] for f in files if f in commits]
    if len(dates) < len(files):  # a file that was never committed (a fixture site, a new page)
        dates += [read_page(root / f).meta["reviewed"] for f in files if f not in commits and (root / f).exists()]
    return max(dates)


def svg_data_uri(svg: str) -> str:
    # Spaces too are escaped: a data: address with a space is invalid HTML (the Nu HTML Checker's error).
    return "data:image/svg+xml," + quote(svg, safe="/:='.-")


def qr_data_uri(url: str) -> str:
    """The QR code of an address as a small SVG: one path of the dark runs of each row (3-4 KB, where
    qrcode's own SVG path is 13 KB), so a web page can carry it for the browser's print."""
    import qrcode

    code = qrcode.QRCode(border=2, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(url)
    code.make(fit=True)
    matrix = code.get_matrix()
    runs = []
    for y, row in enumerate(matrix):
        x = 0
        while x < len(row):
            if row[x]:
                start = x
                while x < len(row) and row[x]:
                    x += 1
                runs.append(f"M{start} {y}h{x - start}v1h-{x - start}z")
            else:
                x += 1
    size = len(matrix)
    svg = (
        f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {size} {size}' shape-rendering='crispEdges'>"
        f"<rect width='{size}' height='{size}' fill='#fff'/><path d='{''.join(runs)}'/></svg>"
    )
    return svg_data_uri(svg)


def emblem_data_uri() -> str:
    return svg_data_uri((ROOT / "overrides" / "assets" / "images" / "eu-emblem.svg").read_text(encoding="utf-8"))


def print_band(
    ui: dict, language: str, edition: str, date: dt.date, address: str, qr: bool, one_page: bool = False
) -> str:
    """The compact header band of a short unit's first page: EU emblem and funding statement, edition,
    language, content date, online address and (qr=True) its QR code. Every web page carries it, hidden
    on screen, so the browser's own print starts like the PDF; scripts.pdf keeps it for short units and
    drops it where a cover says the same. one_page=True marks a unit that must fit one page (print.css)."""

    def text(key: str) -> str:
        return html.escape(ui[key][language])

    english = '<br><span lang="en">Co-funded by the European Union</span>' if language in ("ru", "uk") else ""
    edition_text = ui.get(f"edition_{edition}", {}).get(language, "")
    facts = [
        (text("print_language"), LANGUAGE_NAMES[language]),
        (text("printables_date"), format_date(date, language)),
        (text("print_online"), f'<span class="toimi-print-band__address">{html.escape(address)}</span>'),
    ]
    qr_image = (
        f'<img class="toimi-print-band__qr" src="{qr_data_uri(address)}" alt="{text("qr_alt")}: {html.escape(address)}">'
        if qr
        else ""
    )
    return (
        f'<header class="toimi-print-band{" toimi-print-band--compact" if qr else ""}'
        f'{" toimi-print-band--one-page" if one_page else ""}">{qr_image}'
        f'<p class="toimi-print-band__funding"><img src="{emblem_data_uri()}" alt="{text("emblem_alt")}">'
        f"<span>{text('funding')}{english}</span></p>"
        + (f'<p class="toimi-print-band__edition">{html.escape(edition_text)}</p>' if edition_text else "")
        + '<p class="toimi-print-band__facts">'
        + " · ".join(f'<span class="toimi-print-band__fact">{label}: {value}</span>' for label, value in facts)
        + "</p></header>"
    )


# --- The print HTML --------------------------------------------------------------------------

REMOVE = [
    r'<div class="toimi-checklist-tools".*?</div>',
    r'<div class="toimi-print-set".*?</div>',
    r'<p class="toimi-actions"[^>]*>.*?</p>',
    r'<a class="headerlink"[^>]*>.*?</a>',
    r'<a [^>]*class="md-content__button[^"]*"[^>]*>.*?</a>',
    r'<form class="toimi-helper-form".*?</form>',
    r'<div id="toimi-helper-results".*?</div>',
    r"<script[^>]*>.*?</script>",
    r'<p class="toimi-pdf-link"[^>]*>.*?</p>',
    # A figure still to be confirmed says so on paper ("to be confirmed (latest known ..., valid from ...)"); its
    # longer description for screen readers online (label, value, who confirms) is hidden in print, and WeasyPrint
    # lays a hidden absolute box out again with every try at its line: a sixth of a handbook's layout.
    r'<span class="md-visually-hidden">[^<]*</span>',
]


BAND = re.compile(r'<header class="toimi-print-band.*?</header>', re.S)


def article_html(
    page_html: str, page_address: str, prefix: str, in_document: dict[str, str], band: bool = False
) -> str:
    """The page's article, ready for paper: ids made unique, links resolved, boxes empty; the header band
    kept for a short unit (band=True), dropped where the cover says the same."""
    body = ARTICLE.search(page_html).group(1)
    if not band:
        body = BAND.sub("", body)
    for pattern in REMOVE:
        body = re.sub(pattern, "", body, flags=re.S)
    body = body.replace(" hidden", "")
    body = re.sub(r'<input type="checkbox"[^>]*>', '<span class="print-box"></span>', body)
    body = re.sub(r"<details([^>]*)>", r"<div\1>", body).replace("</details>", "</div>")
    body = re.sub(
        r'<div class="([^"]*)"([^>]*)>\s*<summary>(.*?)</summary>',
        r'<div class="admonition \1"\2><p class="admonition-title">\3</p>',
        body,
        flags=re.S,
    )
    body = re.sub(r'<a class="toimi-term" href="[^"]*">(.*?)</a>', r"\1", body, flags=re.S)
    # A figure prints as plain text: WeasyPrint 70 breaks a line too early before an inline box that follows a long
    # run of text (Kozea/WeasyPrint#1614), which left "perusteella," alone on a line before "... vain 75 % työstä."
    body = re.sub(r'<span class="toimi-figure" data-figure="[^"]*">([^<]*)</span>', r"\1", body)
    # The page's title (Material's <h1> has no id) gets one: toc() lists only headings with an id, and the
    # handbook's contents must name each unit.
    body = body.replace("<h1>", '<h1 id="title">', 1)
    body = re.sub(r' id="([^"]+)"', lambda m: f' id="{prefix}{m[1]}"', body)

    def link(match: re.Match) -> str:
        href = html.unescape(match[2])
        if href.startswith(("mailto:", "tel:")):
            return match[0]
        absolute = urljoin(page_address, href)
        base, _, anchor = absolute.partition("#")
        if base in in_document:
            target = in_document[base] + (anchor or "top")
            return f'<a{match[1]}href="#{target}" class="print-internal"'
        if href.startswith("#"):
            return f'<a{match[1]}href="#{prefix}{href[1:]}" class="print-internal"'
        return f'<a{match[1]}href="{html.escape(absolute)}" class="print-external"'

    body = re.sub(r'<a([^>]*?\s)href="([^"]*)"(?: class="[^"]*")?', link, body)
    return f'<article class="md-typeset" id="{prefix}top">{body}</article>'


def toc(articles: list[str], handbook: bool) -> str:
    items = []
    for article in articles:
        for level, _attrs, anchor, text in HEADING.findall(article):
            if not handbook and level == "1":
                continue
            if anchor.endswith("toimi-page-meta-title"):
                continue
            label = html.escape(html.unescape(TAG.sub("", text)).strip())
            items.append(f'<li class="level-{level}"><a href="#{anchor}">{label}</a></li>')
    return f'<nav class="print-toc"><p class="print-toc__title"></p><ol>{"".join(items)}</ol></nav>'


def document(unit: Unit, articles: list[str], ui: dict, address: str, date: dt.date) -> str:
    lang = unit.language
    edition = ui.get(f"edition_{unit.edition}", {}).get(lang, "")
    date_text = format_date(date, lang)
    cover = f"""
<section class="print-cover">
  <div class="print-cover__funding"><img src="assets/images/eu-emblem.svg" alt="{html.escape(ui["emblem_alt"][lang])}">
    <p>{html.escape(ui["funding"][lang])}{'<br><span lang="en">Co-funded by the European Union</span>' if lang in ("ru", "uk") else ""}</p></div>
  <p class="print-cover__title">{html.escape(hyphenate_text(unit.title, lang))}</p>
  <p class="print-cover__edition">{html.escape(edition)}</p>
  <dl>
    <dt class="label-language"></dt><dd>{LANGUAGE_NAMES[lang]}</dd>
    <dt class="label-date"></dt><dd>{date_text}</dd>
    <dt class="label-online"></dt><dd class="print-cover__address">{html.escape(address)}</dd>
  </dl>
  <img class="print-cover__qr" src="{qr_data_uri(address)}" alt="{html.escape(ui["qr_alt"][lang])}: {html.escape(address)}">
  <p class="print-cover__project">{html.escape(ui["project_line"][lang])} {html.escape(ui["licence"][lang])}</p>
</section>"""
    front = "" if unit.compact else cover + toc(articles, unit.edition == "handbook")
    kind = (" print-doc--compact" if unit.compact else "") + (" print-doc--large" if unit.large_type else "")
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8">
<title>{html.escape(unit.title)}</title>
<meta name="author" content="TOIMI-hanke, Pohjois-Karjalan työllisyysalue">
<meta name="description" content="{html.escape(edition or unit.title)}">
<meta name="keywords" content="TOIMI, Pohjois-Karjala, {html.escape(unit.key.split("/")[0])}">
<meta name="dcterms.created" content="{date.isoformat()}"><meta name="dcterms.modified" content="{date.isoformat()}">
<link rel="stylesheet" href="assets/stylesheets/print.css"></head>
<body>{front}<div class="print-doc{kind}">{"".join(articles)}</div></body></html>"""


def fill_printables_page(
    site_dir: Path, language: str, entries: list[dict], ui: dict, directory_urls: bool = True
) -> None:
    """Put the list of PDFs (size, pages, content date) on the language's Printables page."""
    page = page_file(site_dir, language, "printables", directory_urls)
    if not page.exists():
        return
    text = page.read_text(encoding="utf-8")
    marker = '<div class="toimi-printables"></div>'
    head = "".join(
        f'<th scope="col">{html.escape(ui[key][language])}</th>'
        for key in ("printables_unit", "printables_edition", "printables_pages", "printables_size", "printables_date")
    )
    rows = []
    for entry in entries:
        href = posixpath.relpath(entry["path"], posixpath.dirname(page.relative_to(site_dir).as_posix()))
        edition = ui.get(f"edition_{entry['edition']}", {}).get(language, "")
        date = format_date(dt.date.fromisoformat(entry["content_date"]), language)
        labels = [
            ui[key][language]
            for key in ("printables_edition", "printables_pages", "printables_size", "printables_date")
        ]
        cells = [edition or "–", str(entry["pages"]), format_size(entry["bytes"], language, ui), date]
        rows.append(
            f'<tr><th scope="row"><a href="{href}">{html.escape(entry["title"])}</a></th>'
            + "".join(
                f'<td data-label="{html.escape(label)}">{html.escape(cell)}</td>'
                for label, cell in zip(labels, cells, strict=True)
            )
            + "</tr>"
        )
    table = (
        f'<table class="toimi-cards toimi-printables-table"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
    page.write_text(text.replace(marker, table), encoding="utf-8")


# --- Rendering -------------------------------------------------------------------------------


def _remember_page_references() -> None:
    """pydyf rebuilds the list of all page references each time a tag or link asks for one page's, which makes
    tagging a handbook quadratic in its pages (about a tenth of its render). Keep the list until a page is added."""
    import pydyf

    if getattr(pydyf.PDF, "_toimi_cached_references", False):
        return
    build_references = pydyf.PDF.page_references.fget

    def page_references(pdf):
        count = len(pdf.pages["Kids"])
        if getattr(pdf, "_references_for", None) != count:
            pdf._references, pdf._references_for = build_references(pdf), count
        return pdf._references

    pydyf.PDF.page_references = property(page_references)
    pydyf.PDF._toimi_cached_references = True


# The WeasyPrint release the next function's corrections were written for (requirements.txt pins it): another
# release renders without them, as WeasyPrint itself does.
TARGET_COUNTER_FIX_FOR = "70.0"


def _resolve_page_references_in_one_pass() -> None:
    """The contents lists and the "(p. N)" after a link to another part of the document use
    target-counter(attr(href), page). WeasyPrint 70 lays every page with such a link out three times where twice is
    enough (a fifth of a handbook's layout): it files the link's wait for its target under the name of the unread
    attr() token, so a target laid out later never updates the link; the link is updated instead by the check of
    counters the link's own page uses, which, after a mix-up of two lists, names `page` and compares all page
    counters, so it fires again in the next pass because `pages` changed. Three corrections: the target's real
    name, and both checks look only at the counters the link asks for. The PDFs are byte for byte the same
    (tests/test_pdf.py renders a document with links forward and back, with and without them)."""
    import weasyprint
    from weasyprint.css import targets

    if weasyprint.__version__ != TARGET_COUNTER_FIX_FOR or getattr(targets, "_toimi_fixed", False):
        return
    targets._toimi_fixed = True
    lookup_target, anchor_name_from_token = targets.TargetCollector.lookup_target, targets.anchor_name_from_token
    resolved = {}  # id of an attr() token -> the anchor name it had for the box looked up last

    def remembering_lookup_target(self, anchor_token, source_box, css_token, parse_again):
        if anchor_token[0] == "attr()":
            name, kind, fallback = anchor_token[1]
            value = source_box.element.get(name, fallback)
            token = (
                ("url", targets.get_url_tuple(value, source_box.style.base_url)) if kind == "url" else ("string", value)
            )
            resolved[id(anchor_token)] = anchor_name_from_token(token)
        return lookup_target(self, anchor_token, source_box, css_token, parse_again)

    def anchor_name(anchor_token):
        if anchor_token[0] == "attr()" and id(anchor_token) in resolved:
            return resolved[id(anchor_token)]
        return anchor_name_from_token(anchor_token)

    class CountersAsked(dict):
        """A box's page counters, compared on the counters its content asks for only."""

        asked: tuple = ()

        def __eq__(self, other):
            return all(self.get(name) == other.get(name) for name in self.asked)

        def __ne__(self, other):
            return not self == other

        __hash__ = None

    def set_counters(lookup, values):
        lookup.__dict__["_counters"] = CountersAsked(values)
        lookup.__dict__["_counters"].asked = tuple(lookup.missing_counters)

    def cache_target_page_counters(self, anchor_name, page_counter_values, page_maker_index, page_maker):
        # WeasyPrint's own, except that a link is laid out again only when a counter it asks for changed.
        item = self.target_lookup_items.get(anchor_name)
        if self.collecting or not item or item.state != "up-to-date":
            return
        item.page_maker_index = page_maker_index
        before = item.cached_page_counter_values
        if before == page_counter_values:
            return
        item.cached_page_counter_values = copy.deepcopy(page_counter_values)
        for (_, css_token), lookup in self.counter_lookup_items.items():
            asked = lookup.missing_target_counters.get(anchor_name) if css_token == "content" else None
            if asked is None:
                continue
            if lookup.page_maker_index is None or lookup.page_maker_index >= len(page_maker):
                lookup.pending = True
                continue
            if any(page_counter_values.get(name) not in (None, before.get(name)) for name in asked):
                page_maker[lookup.page_maker_index][-1]["content_changed"] = True
                lookup.parse_again(lookup.cached_page_counter_values)

    targets.TargetCollector.lookup_target = remembering_lookup_target
    targets.anchor_name_from_token = anchor_name
    targets.CounterLookupItem.cached_page_counter_values = property(lambda lookup: lookup._counters, set_counters)
    targets.TargetCollector.cache_target_page_counters = cache_target_page_counters


def _parse_each_stylesheet_once() -> None:
    """Every document links the same print stylesheet, and WeasyPrint parses it again for each (about 0.07 CPU s,
    the selector matcher included). A worker keeps what the first document's stylesheets gave: the parsed sheets,
    and the @page rules (and layers, counter styles, colour profiles) they add to each document's own lists. Safe
    because a worker renders with one font configuration (the @font-face rules are registered in it once)."""
    from weasyprint import css

    if getattr(css, "_toimi_parsed_once", False):
        return
    css._toimi_parsed_once = True
    find_stylesheets, parsed = css.find_stylesheets, {}

    def find_stylesheets_once(
        wrapper, media_type, fetcher, base_url, fonts, counter_style, profiles, page_rules, layers
    ):
        elements = [
            (w.etree_element.tag, w.etree_element.get("href"), w.etree_element.text)
            for w in wrapper.query_all("style", "link")
        ]
        key = (media_type, base_url, id(fonts), repr(elements))
        if key not in parsed:
            first = {"counter_style": {}, "profiles": {}, "page_rules": [], "layers": []}
            sheets = list(find_stylesheets(wrapper, media_type, fetcher, base_url, fonts, *first.values()))
            parsed[key] = (sheets, first)
        sheets, first = parsed[key]
        counter_style.update(first["counter_style"])
        profiles.update(first["profiles"])
        page_rules.extend(first["page_rules"])
        layers.extend(first["layers"])
        yield from sheets

    css.find_stylesheets = find_stylesheets_once


# One font configuration per worker process: WeasyPrint decompresses a WOFF2 font into its configuration's
# folder once and reuses it, so sharing it spares every document after the first about a second.
_font_config = None


def _render(job: tuple[str, str, str]) -> tuple[str, int, float]:
    """Render one PDF; return its path, its pages and the CPU seconds this worker spent on it (make bench adds
    them up: the cost per page over all cores, which the wall-clock time of a pool hides)."""
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration

    global _font_config
    if _font_config is None:
        _font_config = FontConfiguration()
        _remember_page_references()
        _resolve_page_references_in_one_pass()
        _parse_each_stylesheet_once()
    source, base_url, target = job
    started = time.process_time()
    rendered = HTML(string=source, base_url=base_url).render(font_config=_font_config)
    Path(target).write_bytes(rendered.write_pdf(pdf_variant="pdf/ua-1"))
    return target, len(rendered.pages), time.process_time() - started


def assets_digest(site_dir: Path) -> str:
    """What every PDF depends on besides its own content: fonts, the print stylesheet, the emblem,
    and this file (the document template), so a change to any of them renders everything again."""
    from weasyprint import __version__ as weasyprint_version
    from weasyprint.text.ffi import pango

    # The renderer's own versions: an update of WeasyPrint or Pango renders every PDF again.
    versions = f"weasyprint-{weasyprint_version} pango-{pango.pango_version()} pdf/ua-1"
    digest = hashlib.sha256(versions.encode())
    for asset in sorted((site_dir / "assets" / "fonts").glob("*.woff2")) + [
        site_dir / "assets" / "stylesheets" / "print.css",
        site_dir / "assets" / "images" / "eu-emblem.svg",
        Path(__file__),
    ]:
        digest.update(asset.read_bytes())
    return digest.hexdigest()


def fingerprint(inputs: list, assets: str) -> str:
    """The cache key of one PDF, computed from its inputs before the document is assembled."""
    return hashlib.sha256((assets + json.dumps(inputs, ensure_ascii=False, default=str)).encode()).hexdigest()


def build(
    site_dir: Path, config_file: Path = ROOT / "mkdocs.yml", processes: int | None = None, only: set[str] | None = None
) -> dict:
    """Write every PDF (`only`: those at these paths, for the preview of a pull request) and site/printables.json;
    return what was done (for the benchmark and tests)."""
    started = time.perf_counter()
    config = load_config(config_file)
    root = config_file.resolve().parent
    docs_dir = root / config.get("docs_dir", "docs")
    site_url = config["site_url"]
    ui = data.load("ui", root / "data").entries
    CACHE.mkdir(parents=True, exist_ok=True)
    jobs, listed, cached = [], [], 0
    commits = commit_dates(root)
    assets = assets_digest(site_dir)
    for language in LANGUAGES:
        units = units_for(language, docs_dir, config)
        articles_by_unit = {}
        for index, unit in enumerate(units):
            page = page_file(site_dir, language, unit.page or unit.key).read_text(encoding="utf-8")
            if unit.part:  # one kind of card of a print kit page, as a page of its own
                page = print_kit.sheet_page(page, unit.part)
            title = html.unescape(TAG.sub("", TITLE.search(ARTICLE.search(page).group(1)).group(1))).strip()
            unit.title = without_soft_hyphens(title)  # the PDF's metadata and the printables list
            articles_by_unit[unit.key] = (page, f"u{index}-")
        handbook = Unit(
            language,
            "handbook",
            "handbook",
            path=handbook_path(language),
            title=ui["handbook_title"][language],
            sources=[s for u in units if u.edition != "participant" and u.in_handbook for s in u.sources],
        )
        for unit in units + [handbook]:
            if only is not None and unit.path not in only:
                continue
            members = [u for u in units if u.edition != "participant" and u.in_handbook] if unit is handbook else [unit]
            in_document = {page_url(site_url, language, u.key): articles_by_unit[u.key][1] for u in members}
            articles = [
                article_html(
                    articles_by_unit[u.key][0],
                    page_url(site_url, language, u.key),
                    articles_by_unit[u.key][1],
                    in_document,
                    band=unit.compact,
                )
                for u in members
            ]
            date = content_date(unit.sources, root, commits)
            unit.content_date = date.isoformat()
            address = (
                page_url(site_url, language, unit.key)
                if unit is not handbook
                else urljoin(site_url, ("" if language == SOURCE_LANGUAGE else f"{language}/") + "printables/")
            )
            key = fingerprint(
                [
                    unit.title,
                    unit.edition,
                    unit.compact,
                    language,
                    address,
                    date,
                    articles,
                    {k: v.get(language) for k, v in ui.items() if isinstance(v, dict)},
                ],
                assets,
            )
            cached_pdf = CACHE / f"{key}.pdf"
            target = site_dir / unit.path
            target.parent.mkdir(parents=True, exist_ok=True)
            if cached_pdf.exists():
                shutil.copyfile(cached_pdf, target)
                cached += 1
            else:
                source = document(unit, articles, ui, address, date)
                jobs.append((source, str(site_dir) + "/", str(cached_pdf)))
            listed.append((unit, cached_pdf, target))
    rendered, cpu_seconds = 0, 0.0
    if jobs:
        # The longest documents first (the handbooks): no core waits idle at the end for one long render.
        jobs.sort(key=lambda job: len(job[0]), reverse=True)
        with Pool(processes or os.cpu_count() or 1) as pool:
            for rendered_pdf, pages, cpu in pool.imap_unordered(_render, jobs):
                # The renderer knows the page count: reading a handbook back with pypdf to count costs seconds.
                Path(rendered_pdf).with_suffix(".pages").write_text(str(pages))
                rendered += 1
                cpu_seconds += cpu
    from pypdf import PdfReader

    entries = []
    for unit, cached_pdf, target in listed:
        if not target.exists() or target.stat().st_size != cached_pdf.stat().st_size:
            shutil.copyfile(cached_pdf, target)
        count_file = cached_pdf.with_suffix(".pages")
        if not count_file.exists():  # a cache from before the renderer wrote the count
            count_file.write_text(str(len(PdfReader(cached_pdf).pages)))
        unit.pages = int(count_file.read_text())
        unit.bytes = target.stat().st_size
        entry = asdict(unit)
        entry.pop("sources")
        entries.append(entry)
    (site_dir / "printables.json").write_text(json.dumps(entries, ensure_ascii=False, indent=1), encoding="utf-8")
    for language in LANGUAGES:
        fill_printables_page(site_dir, language, [e for e in entries if e["language"] == language], ui)
    return {
        "pdfs": len(entries),
        "rendered": rendered,
        "cached": cached,
        "pages": sum(e["pages"] for e in entries),
        "seconds": round(time.perf_counter() - started, 2),
        "cpu_s": round(cpu_seconds, 2),  # the renders' CPU time over all worker processes (0 when all were cached)
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site-dir", type=Path, default=Path("site"))
    args = parser.parse_args()
    print(json.dumps(build(args.site_dir)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
