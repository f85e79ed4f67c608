"""PDFs of every printable unit in every language, made from the built site with WeasyPrint.

The printable units are the content pages of the sections listed under `extra.printables` in
mkdocs.yml (a new guide there becomes a PDF without code changes), plus one handbook per
language with every unit in menu order. A module page is the facilitator's edition, its
`-handout` page the participant's edition.

Each PDF gets a cover (title, language, content date, EU funding statement, online address
and QR code), a table of contents with page numbers, bookmarks, running heads and "page N / M".
It is tagged PDF/UA-1 with /Lang and metadata, and reproducible: the only date in it is the
content date, the newest commit among the unit's own source files.

Rendering runs in one process per CPU core; a content-hash cache outside site/ (.cache/pdf)
skips every PDF whose print HTML, stylesheet and fonts did not change.

    python -m scripts.pdf [--site-dir site]        (scripts.build runs it after the HTML)
"""

from __future__ import annotations

import argparse
import base64
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
from urllib.parse import urljoin

import yaml

from scripts.content import LANGUAGES, SOURCE_LANGUAGE, read_page
from scripts.data import format_date
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
    title: str = ""
    path: str = ""  # the PDF's address inside site/
    sources: list[str] = field(default_factory=list)  # the unit's own source files
    pages: int = 0
    bytes: int = 0
    content_date: str = ""


def load_config(config_file: Path) -> dict:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    return yaml.load(config_file.read_text(encoding="utf-8"), Loader=Loader)


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
    sections = config["extra"]["printables"]["sections"]
    tree = docs_dir / language
    order = {path: index for index, path in enumerate(nav_order(config.get("nav") or []))}
    pages = sorted(
        (p.relative_to(tree).as_posix() for p in tree.rglob("*.md")),
        key=lambda rel: (order.get(rel, len(order)), rel),
    )
    units = []
    for rel in pages:
        if rel.split("/")[0] not in sections or rel.endswith("index.md"):
            continue
        key = rel.removesuffix(".md")
        sources = [f"docs/{language}/{rel}"]
        if key.endswith("-handout"):
            edition = "participant"
            sources.append(f"docs/{language}/{key.removesuffix('-handout')}.md")
        elif "duration" in read_page(tree / rel).meta:
            edition = "facilitator"
        else:
            edition = "standard"
        units.append(Unit(language, key, edition, path=pdf_path(language, key), sources=sources))
    return units


def pdf_path(language: str, key: str) -> str:
    return f"pdf/{language}/{key.replace('/', '-')}.pdf"


def handbook_path(language: str) -> str:
    return f"pdf/{language}/toimi-opas-{language}.pdf"


def page_file(site_dir: Path, language: str, key: str) -> Path:
    return (site_dir if language == SOURCE_LANGUAGE else site_dir / language) / key / "index.html"


def page_url(site_url: str, language: str, key: str) -> str:
    prefix = "" if language == SOURCE_LANGUAGE else f"{language}/"
    return urljoin(site_url, prefix + key + "/")


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


def qr_data_uri(url: str) -> str:
    import qrcode
    import qrcode.image.svg

    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=2)
    return "data:image/svg+xml;base64," + base64.b64encode(image.to_string()).decode()


# --- The print HTML --------------------------------------------------------------------------

REMOVE = [
    r'<div class="toimi-checklist-tools".*?</div>',
    r'<p class="toimi-actions"[^>]*>.*?</p>',
    r'<a class="headerlink"[^>]*>.*?</a>',
    r'<a [^>]*class="md-content__button[^"]*"[^>]*>.*?</a>',
    r'<form class="toimi-helper-form".*?</form>',
    r'<div id="toimi-helper-results".*?</div>',
    r"<script[^>]*>.*?</script>",
    r'<p class="toimi-pdf-link"[^>]*>.*?</p>',
]


def article_html(page_html: str, page_address: str, prefix: str, in_document: dict[str, str]) -> str:
    """The page's article, ready for paper: ids made unique, links resolved, boxes empty."""
    body = ARTICLE.search(page_html).group(1)
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
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8">
<title>{html.escape(unit.title)}</title>
<meta name="author" content="TOIMI-hanke, Pohjois-Karjalan työllisyysalue">
<meta name="description" content="{html.escape(edition or unit.title)}">
<meta name="keywords" content="TOIMI, Pohjois-Karjala, {html.escape(unit.key.split("/")[0])}">
<meta name="dcterms.created" content="{date.isoformat()}"><meta name="dcterms.modified" content="{date.isoformat()}">
<link rel="stylesheet" href="assets/stylesheets/print.css"></head>
<body>{cover}{toc(articles, unit.edition == "handbook")}<div class="print-doc">{"".join(articles)}</div></body></html>"""


def fill_printables_page(site_dir: Path, language: str, entries: list[dict], ui: dict) -> None:
    """Put the list of PDFs (size, pages, content date) on the language's Printables page."""
    page = page_file(site_dir, language, "printables")
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
        cells = [edition or "–", str(entry["pages"]), f"{max(1, round(entry['bytes'] / 1024))} kB", date]
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


def _render(job: tuple[str, str, str]) -> tuple[str, int]:
    from weasyprint import HTML

    source, base_url, target = job
    rendered = HTML(string=source, base_url=base_url).render()
    Path(target).write_bytes(rendered.write_pdf(pdf_variant="pdf/ua-1"))
    return target, len(rendered.pages)


def assets_digest(site_dir: Path) -> str:
    """What every PDF depends on besides its own content: fonts, the print stylesheet, the emblem,
    and this file (the document template), so a change to any of them renders everything again."""
    digest = hashlib.sha256(b"weasyprint-70 pdf/ua-1")
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


def build(site_dir: Path, config_file: Path = ROOT / "mkdocs.yml", processes: int | None = None) -> dict:
    """Write every PDF and site/printables.json; return what was done (for the benchmark and tests)."""
    started = time.perf_counter()
    config = load_config(config_file)
    root = config_file.resolve().parent
    docs_dir = root / config.get("docs_dir", "docs")
    site_url = config["site_url"]
    ui = yaml.safe_load((root / "data" / "ui.yml").read_text(encoding="utf-8"))
    CACHE.mkdir(parents=True, exist_ok=True)
    jobs, listed, cached = [], [], 0
    commits = commit_dates(root)
    assets = assets_digest(site_dir)
    for language in LANGUAGES:
        units = units_for(language, docs_dir, config)
        articles_by_unit = {}
        for index, unit in enumerate(units):
            page = page_file(site_dir, language, unit.key).read_text(encoding="utf-8")
            title = html.unescape(TAG.sub("", TITLE.search(ARTICLE.search(page).group(1)).group(1))).strip()
            unit.title = without_soft_hyphens(title)  # the PDF's metadata and the printables list
            articles_by_unit[unit.key] = (page, f"u{index}-")
        handbook = Unit(
            language,
            "handbook",
            "handbook",
            path=handbook_path(language),
            title=ui["handbook_title"][language],
            sources=[s for u in units if u.edition != "participant" for s in u.sources],
        )
        for unit in units + [handbook]:
            members = [u for u in units if u.edition != "participant"] if unit is handbook else [unit]
            in_document = {page_url(site_url, language, u.key): articles_by_unit[u.key][1] for u in members}
            articles = [
                article_html(
                    articles_by_unit[u.key][0],
                    page_url(site_url, language, u.key),
                    articles_by_unit[u.key][1],
                    in_document,
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
    rendered = 0
    if jobs:
        with Pool(processes or os.cpu_count() or 1) as pool:
            for _ in pool.imap_unordered(_render, jobs):
                rendered += 1
    from pypdf import PdfReader

    entries = []
    for unit, cached_pdf, target in listed:
        if not target.exists() or target.stat().st_size != cached_pdf.stat().st_size:
            shutil.copyfile(cached_pdf, target)
        count_file = cached_pdf.with_suffix(".pages")
        if not count_file.exists():
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
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site-dir", type=Path, default=Path("site"))
    args = parser.parse_args()
    print(json.dumps(build(args.site_dir)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
