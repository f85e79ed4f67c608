"""Pages that MkDocs and mkdocs-static-i18n get wrong for a five-language site on a static host.

1. A missing page answers in the language of the address. Static hosts (GitHub Pages among them)
   serve only the root 404.html for every missing address, and every language build of
   mkdocs-static-i18n overwrites that one file. After each language build its 404 page is moved to
   /<lang>/404.html, and the root keeps the Finnish one with a small script: under /en/, /sv/, /ru/
   or /uk/ it goes on at once to that language's own 404 page (same host; nothing leaves the site),
   keeping the address that was asked for after '#'. Replacing the document in place was tried
   and left Chromium with a page that never finished loading. Without JavaScript the Finnish page
   stays, and its language menu leads to every language.
2. A 404 page's language menu points to the language home pages (the template is rendered with
   whatever page was built last, so its links would point to a random page).
3. Material's language menu fetches sitemap.xml next to every alternate address (each page's
   translations). A minimal sitemap in every page folder answers those requests, so none is a 404.
"""

from __future__ import annotations

import re
from pathlib import Path

ROUTER = """<script id="toimi-404-router">
(function () {
  var match = location.pathname.match(/^(.*?\\/)(%(langs)s)\\//);
  if (match) location.replace(match[1] + match[2] + "/404.html#" + encodeURIComponent(location.pathname));
})();
</script>"""

EMPTY_SITEMAP = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n'
)
ALTERNATE = re.compile(r'href="(?P<href>[^"]*)"(?P<rest> hreflang="(?P<lang>[a-z]{2})")')


def language_home_links(text: str, base_path: str, default_language: str) -> str:
    def home(match: re.Match) -> str:
        lang = match["lang"]
        target = base_path if lang == default_language else f"{base_path}{lang}/"
        return f'href="{target}"{match["rest"]}'

    return ALTERNATE.sub(home, text)


def finish_language_build(
    site_dir: Path, language: str, default_language: str, languages: list[str], base_path: str, state: dict
) -> None:
    page = site_dir / "404.html"
    text = language_home_links(page.read_text(encoding="utf-8"), base_path, default_language)
    if language == default_language:
        others = [lang for lang in languages if lang != default_language]
        state["root_404"] = text.replace("<head>", "<head>\n" + ROUTER % {"langs": "|".join(others)}, 1)
    else:
        (site_dir / language).mkdir(exist_ok=True)
        (site_dir / language / "404.html").write_text(text, encoding="utf-8")
    if "root_404" in state:
        page.write_text(state["root_404"], encoding="utf-8")
    for index in site_dir.rglob("index.html"):
        stub = index.parent / "sitemap.xml"
        if not stub.exists():
            stub.write_text(EMPTY_SITEMAP, encoding="utf-8")
