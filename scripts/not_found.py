"""Pages that MkDocs and mkdocs-static-i18n get wrong for a five-language site on a static host.

1. A missing page answers in the language of the address. Static hosts (GitHub Pages among them)
   serve only the root 404.html for every missing address, and every language build of
   mkdocs-static-i18n overwrites that one file. After each language build its 404 page is moved to
   /<lang>/404.html, and the root keeps the Finnish one, whose small script (overrides/404.html) goes
   on at once to the language's own 404 page under /en/, /sv/, /ru/ or /uk/ (same host; nothing leaves
   the site), keeping the address that was asked for after '#'. Replacing the document in place was
   tried and left Chromium with a page that never finished loading. Without JavaScript the Finnish
   page stays, and its language menu leads to every language.
"""

from __future__ import annotations

from pathlib import Path


def finish_language_build(site_dir: Path, language: str, default_language: str, state: dict) -> None:
    page = site_dir / "404.html"
    text = page.read_text(encoding="utf-8")
    if language == default_language:
        state["root_404"] = text
    else:
        (site_dir / language).mkdir(exist_ok=True)
        (site_dir / language / "404.html").write_text(text, encoding="utf-8")
    if "root_404" in state:
        page.write_text(state["root_404"], encoding="utf-8")
