"""The offline copy: one zip per language (site/offline/<lang>.zip) for a USB stick or a laptop without a network.

Unzipped and opened from the disk (file://), the copy works with no network: its pages, the checklists
(ticks kept in the browser), the company-form questionnaire, the PDFs and the search. It is a second MkDocs
build of the same sources, made for the disk rather than a web server:

- `--no-directory-urls`: a link goes to employers/x.html, which a browser opens from the disk (employers/x/
  would show the folder);
- TOIMI_OFFLINE=1 (scripts/hooks.py): the language menu and the link to a translation's Finnish original lead
  to the online site and say so, since the copy has one language;
- the search index as scripts (scripts/search.py as_scripts, classic_script): a page opened from the disk
  cannot fetch JSON or import a module, but it can load a script. The online search is unchanged;
- the fonts inside the stylesheet (inline_fonts): a page opened from the disk may not fetch a font.

The zip is reproducible: its entries are in a fixed order, each with the date of the commit it was built from
(1 January 1980 outside git), fixed permissions, and a fixed compression level. Each zip holds one folder,
toimi-opas-<lang>/, with a start page (index.html) and the site (site/).

    python -m scripts.offline [--site-dir site]   (scripts.build runs it after the PDFs)
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import html
import json
import os
import posixpath
import re
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import yaml

from scripts import data, pdf, print_sets, search
from scripts.content import LANGUAGES, SOURCE_LANGUAGE

ROOT = Path(__file__).resolve().parent.parent
# Not needed from the disk: sitemaps and 404 pages serve web servers and crawlers; Material's own search code
# (lunr and its worker) is unused, the site has its own search. (print.css keeps its font addresses, but only
# WeasyPrint reads that file: the browser's print rules are inside toimi.css.)
LEFT_OUT_NAMES = {"sitemap.xml", "sitemap.xml.gz", "404.html"}
LEFT_OUT_DIRS = ("assets/javascripts/lunr/", "assets/javascripts/workers/")
# The font files too (the stylesheet carries them; their licence, OFL.txt, stays), and source maps.
LEFT_OUT_ENDINGS = (".woff2", ".ttf", ".map")
# Already compressed: stored as they are (deflating them again costs time and saves nothing).
STORED = (".pdf", ".woff2", ".png", ".jpg", ".gz", ".zip")
MARKER = '<div class="toimi-offline"></div>'


def build_html(work: Path, config_file: Path) -> None:
    """The offline variant of the site, every language, into `work`."""
    shutil.rmtree(work, ignore_errors=True)
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--no-directory-urls"]
        + ["--config-file", str(config_file), "--site-dir", str(work.resolve())],
        check=True,
        cwd=config_file.parent,
        env={**os.environ, "TOIMI_OFFLINE": "1", "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(config_file.parent)},
    )


def inline_fonts(stylesheet: Path) -> None:
    """A page opened from the disk may not fetch a font (Chromium refuses file:// fonts as cross-origin), so the
    copy's stylesheet carries its fonts as data: addresses (every subset of assets/fonts/web/, 95 KB)."""

    def data(match: re.Match) -> str:
        font = (stylesheet.parent / match[1]).resolve()
        return f'url("data:font/woff2;base64,{base64.b64encode(font.read_bytes()).decode()}")'

    text = stylesheet.read_text(encoding="utf-8")
    stylesheet.write_text(re.sub(r'url\("?(\.\./fonts/[\w/-]+\.woff2)"?\)', data, text), encoding="utf-8")


def zip_date(root: Path) -> tuple[int, int, int, int, int, int]:
    """The date of the commit the copy is built from, so the same commit gives the same bytes."""
    try:
        stamp = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True, check=True
        ).stdout.strip()
        moment = dt.datetime.fromtimestamp(int(stamp), dt.UTC)
    except (OSError, subprocess.CalledProcessError, ValueError):
        return (1980, 1, 1, 0, 0, 0)
    return (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second - moment.second % 2)


def files_of(work: Path, language: str) -> list[str]:
    """The files of one language's copy, relative to the site root, sorted."""
    others = [other for other in LANGUAGES if other != language]
    chosen = []
    for path in work.rglob("*"):
        if not path.is_file() or path.name in LEFT_OUT_NAMES or path.name.endswith(LEFT_OUT_ENDINGS):
            continue
        rel = path.relative_to(work).as_posix()
        top = rel.split("/")[0]
        if rel.startswith(LEFT_OUT_DIRS) or top in ("offline",):
            continue
        if top in others or any(rel.startswith(f"{kind}/{other}/") for kind in ("search", "pdf") for other in others):
            continue
        if language != SOURCE_LANGUAGE and top not in (language, "assets", "search", "pdf"):
            continue  # the Finnish pages at the root belong to the Finnish copy only
        chosen.append(rel)
    return sorted(chosen)


def start_page(language: str, ui: dict, site_url: str) -> str:
    """The copy's start page (index.html next to site/): what it is, where to begin, where the PDFs are."""

    def text(key: str) -> str:
        return html.escape(ui[key][language])

    home = "site/index.html" if language == SOURCE_LANGUAGE else f"site/{language}/index.html"
    printables = posixpath.join(posixpath.dirname(home), "printables.html")
    online = pdf.page_url(site_url, language, "index")
    return f"""<!DOCTYPE html>
<html lang="{language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{text("offline_start_title")}</title>
<style>body {{ font: 1.1rem/1.5 system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; }}
body {{ color: #111; }} a {{ color: #1d5b79; }} .open {{ font-size: 1.4rem; font-weight: 700; }}
.funding {{ display: flex; align-items: center; gap: 1rem; }}</style></head>
<body><main>
<h1>{text("offline_start_title")}</h1>
<p class="open"><a href="{home}">{text("offline_start_open")}</a></p>
<p><a href="{printables}">{text("offline_start_printables")}</a></p>
<p>{text("offline_in_copy")} <a href="{html.escape(online)}">{html.escape(online)}</a></p>
<p class="funding"><img src="site/assets/images/eu-emblem.svg" alt="{text("emblem_alt")}" height="48">
<strong>{text("funding")}</strong></p>
<p>{text("project_line")} {text("licence")}</p>
</main></body></html>
"""


def write_zip(work: Path, language: str, target: Path, date: tuple, ui: dict, site_url: str) -> int:
    folder = f"toimi-opas-{language}/"
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w") as archive:

        def add(name: str, data: bytes) -> None:
            info = zipfile.ZipInfo(folder + name, date_time=date)
            info.external_attr = 0o644 << 16
            info.create_system = 3
            info.compress_type = zipfile.ZIP_STORED if name.endswith(STORED) else zipfile.ZIP_DEFLATED
            archive.writestr(info, data, compresslevel=9 if info.compress_type == zipfile.ZIP_DEFLATED else None)

        add("index.html", start_page(language, ui, site_url).encode())
        for rel in files_of(work, language):
            add(f"site/{rel}", (work / rel).read_bytes())
    return target.stat().st_size


def fill_download(site_dir: Path, language: str, size: int, ui: dict) -> None:
    """The download (with its size and a one-line instruction) on the Printables page and the workshops index."""
    for key in ("printables", "workshops/index"):
        page = pdf.page_file(site_dir, language, key)
        if not page.exists():
            continue
        text = page.read_text(encoding="utf-8")
        href = posixpath.relpath(f"offline/{language}.zip", posixpath.dirname(page.relative_to(site_dir).as_posix()))
        label = html.escape(ui["offline_download"][language].format(size=data.format_size(size, language, ui)))
        block = (
            f'<div class="toimi-offline"><p><a href="{href}" type="application/zip" download>{label}</a></p>'
            f"<p>{html.escape(ui['offline_instruction'][language])}</p></div>"
        )
        page.write_text(text.replace(MARKER, block), encoding="utf-8")


def fill_in_copy(work: Path, language: str, ui: dict, site_url: str) -> None:
    """In the copy itself the same place says that this is the offline copy, and where the online one is."""
    for key in ("printables", "workshops/index"):
        page = pdf.page_file(work, language, key, directory_urls=False)
        if not page.exists():
            continue
        online = html.escape(pdf.page_url(site_url, language, key))
        block = (
            f'<div class="toimi-offline"><p>{html.escape(ui["offline_in_copy"][language])} '
            f'<a href="{online}">{online}</a></p></div>'
        )
        page.write_text(page.read_text(encoding="utf-8").replace(MARKER, block), encoding="utf-8")


def build(site_dir: Path, config_file: Path = ROOT / "mkdocs.yml") -> dict:
    """Write site_dir/offline/<lang>.zip from the built site_dir (HTML, PDFs, printables.json); fill in the
    download on the online pages. Returns the size of each zip and the time taken."""
    started = time.perf_counter()
    config = pdf.load_config(config_file)
    root = config_file.resolve().parent
    docs_dir = root / config.get("docs_dir", "docs")
    ui = yaml.safe_load((root / "data" / "ui.yml").read_text(encoding="utf-8"))
    entries = json.loads((site_dir / "printables.json").read_text(encoding="utf-8"))
    work = site_dir.parent / f".{site_dir.name}-offline"
    build_html(work, config_file)
    search.write_index(work, root / "data" / "search_rules.yml", directory_urls=False)
    search.as_scripts(work / "search")
    inline_fonts(work / "assets" / "stylesheets" / "toimi.css")
    code = work / "assets" / "javascripts" / "search.js"
    code.write_text(search.classic_script(code.read_text(encoding="utf-8")), encoding="utf-8")
    shutil.copytree(site_dir / "pdf", work / "pdf", dirs_exist_ok=True)
    for language in LANGUAGES:
        mine = [entry for entry in entries if entry["language"] == language]
        pdf.fill_printables_page(work, language, mine, ui, directory_urls=False)
        print_sets.fill(work, language, mine, ui, docs_dir, directory_urls=False)
        fill_in_copy(work, language, ui, config["site_url"])
    date = zip_date(root)
    sizes = {}
    for language in LANGUAGES:
        target = site_dir / "offline" / f"{language}.zip"
        sizes[language] = write_zip(work, language, target, date, ui, config["site_url"])
        fill_download(site_dir, language, sizes[language], ui)
    shutil.rmtree(work, ignore_errors=True)
    return {"bytes": sizes, "seconds": round(time.perf_counter() - started, 2)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site-dir", type=Path, default=Path("site"))
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    args = parser.parse_args()
    print(json.dumps(build(args.site_dir, args.config.resolve())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
