"""The outline of a Markdown page: its headings, links, images, shortcodes, checklist items and raw HTML,
each with its line in the file. The content gates (scripts/gates.py, scripts/links.py, scripts/spelling.py)
read pages through this one parser, so they agree on what a heading or a link is.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from markdown.extensions.toc import slugify

from scripts.content import Page

FENCE = re.compile(r"^\s*(```|~~~)")
HEADING = re.compile(r"^\s*(?P<hashes>#{1,6})\s+(?P<text>.*?)\s*(?:\{(?P<attrs>[^}]*)\})?\s*$")
ATTR_ID = re.compile(r"#(?P<id>[\w-]+)")
# [text](target) and ![alt](src), with an optional "title"; the text may hold one level of brackets.
LINK = re.compile(
    r"(?P<image>!?)\[(?P<text>(?:[^\[\]]|\[[^\[\]]*\])*)\]\((?P<target><[^>]*>|[^)\s]+)(?:\s+\"[^\"]*\")?\)"
)
AUTOLINK = re.compile(r"<(?P<target>https?://[^>\s]+)>")
SHORTCODE = re.compile(r"\[\[(?P<kind>\w+)(?::(?P<name>[^\]|]+))?(?:\|[^\]]*)?\]\]")
CHECKBOX = re.compile(r"^\s*[-*+]\s+\[[ xX]\]\s")
HTML_IMG = re.compile(r"<img\b(?P<attrs>[^>]*)>", re.I)
FORBIDDEN_HTML = [
    (re.compile(r"<script\b", re.I), "a <script> element"),
    (re.compile(r"<iframe\b", re.I), "an <iframe> element"),
    (re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I), "an inline event handler (on...=)"),
]
INLINE_CODE = re.compile(r"`[^`]*`")


@dataclass
class Heading:
    line: int
    level: int
    text: str
    id: str
    explicit_id: bool


@dataclass
class Link:
    line: int
    text: str
    target: str
    image: bool = False


@dataclass
class Outline:
    headings: list[Heading] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    shortcodes: Counter = field(default_factory=Counter)  # (kind, name) -> count
    checkboxes: int = 0
    anchors: set[str] = field(default_factory=set)  # every id a link can point to
    raw_html: list[tuple[int, str]] = field(default_factory=list)  # (line, what) of forbidden HTML
    html_images: list[tuple[int, str]] = field(default_factory=list)  # (line, attributes) of <img>


def body_lines(page: Page):
    """(line number in the file, text) of every body line outside fenced code blocks."""
    in_fence = False
    for index, line in enumerate(page.body.split("\n")):
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if not in_fence:
            yield page.body_line + index, line


def outline(page: Page) -> Outline:
    result = Outline()
    for number, line in body_lines(page):
        code_free = INLINE_CODE.sub(" ", line)
        heading = HEADING.match(code_free)
        if heading:
            attrs = heading["attrs"] or ""
            explicit = ATTR_ID.search(attrs)
            text = heading["text"]
            anchor = explicit["id"] if explicit else slugify(SHORTCODE.sub(" ", text), "-")
            result.headings.append(Heading(number, len(heading["hashes"]), text, anchor, bool(explicit)))
        for attrs in re.findall(r"\{:?\s*([^}]*)\}", code_free):
            result.anchors.update(ATTR_ID.findall(attrs))
        result.anchors.update(re.findall(r"\sid=\"([\w-]+)\"", code_free))
        for match in LINK.finditer(code_free):
            target = match["target"].strip("<>")
            result.links.append(Link(number, match["text"], target, image=bool(match["image"])))
        for match in AUTOLINK.finditer(code_free):
            result.links.append(Link(number, match["target"], match["target"]))
        for match in SHORTCODE.finditer(code_free):
            result.shortcodes[(match["kind"], (match["name"] or "").strip())] += 1
        if CHECKBOX.match(code_free):
            result.checkboxes += 1
        for pattern, what in FORBIDDEN_HTML:
            if pattern.search(code_free):
                result.raw_html.append((number, what))
        for match in HTML_IMG.finditer(code_free):
            result.html_images.append((number, match["attrs"]))
    result.anchors.update(h.id for h in result.headings)
    return result
