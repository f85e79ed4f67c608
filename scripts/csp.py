"""The Content-Security-Policy of every page, as a <meta http-equiv> (GitHub Pages cannot send headers).

Everything the site loads comes from the site itself; the only exceptions are the inline scripts that
Material's templates and ours write into a page (the color scheme read before the first paint, the
`toimi-js` class, the 404 page's language router), each allowed by the SHA-256 hash of its exact text,
computed here from the page as built. An injected script has no such hash and does not run.

The template (overrides/main.html) writes the policy with PLACEHOLDER where the hashes go; fill() puts in
the hashes of that page's inline scripts, so the policy always matches what ships.
"""

from __future__ import annotations

import base64
import hashlib
from html.parser import HTMLParser

PLACEHOLDER = "'toimi-inline-script-hashes'"
# Styles need no 'unsafe-inline': the pages have no style attribute or <style> element (Material's
# scripts change styles through the CSSOM, which a policy does not restrict).
DIRECTIVES = [
    ("default-src", "'self'"),
    ("script-src", f"'self' {PLACEHOLDER}"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'none'"),
]
POLICY = "; ".join(f"{name} {value}" for name, value in DIRECTIVES)
# The offline copy carries its fonts inside its stylesheet as data: addresses (a page opened from the disk may not
# fetch a font file): there, and only there, fonts may come from data: too.
OFFLINE_POLICY = POLICY.replace("font-src 'self'", "font-src 'self' data:")
# Outside sites linked from a page learn nothing of which page the reader came from.
REFERRER = "no-referrer"
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}


class InlineScripts(HTMLParser):
    """The text of every inline script a browser would run (not JSON data blocks, not src= scripts)."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self._current: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            attributes = dict(attrs)
            runs = (attributes.get("type") or "").lower() in SCRIPT_TYPES and "src" not in attributes
            self._current = [] if runs else None

    def handle_data(self, data):
        if self._current is not None:
            self._current.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._current is not None:
            self.scripts.append("".join(self._current))
            self._current = None


def inline_scripts(page_html: str) -> list[str]:
    parser = InlineScripts()
    parser.feed(page_html)
    parser.close()
    return parser.scripts


def script_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def fill(page_html: str, where: str) -> str:
    """The page with its policy completed by the hashes of its inline scripts."""
    if page_html.count(PLACEHOLDER) != 1:
        raise RuntimeError(f"{where}: the page must contain the Content-Security-Policy placeholder once")
    hashes = sorted({script_hash(script) for script in inline_scripts(page_html)})
    return page_html.replace(" " + PLACEHOLDER, "".join(" " + h for h in hashes))
