"""Links in the content: every internal link and anchor resolves in its own language, outside links use
https, link text says where the link goes, and a report lists every outside address with its pages.
"""

from __future__ import annotations

import posixpath
import re
from collections import defaultdict
from pathlib import PurePosixPath

from scripts.content import Page, is_finnish_only, problem
from scripts.outline import outline

# Link texts that say nothing out of context (WCAG 2.4.4), in the five languages. Compared after
# lower-casing and dropping punctuation.
VAGUE_LINK_TEXTS = {
    "click here", "here", "this link", "link", "read more", "more",
    "tästä", "täältä", "klikkaa tästä", "klikkaa", "linkki", "lue lisää", "tässä",
    "här", "klicka här", "länk", "läs mer",
    "здесь", "тут", "нажмите здесь", "ссылка", "подробнее",
    "натисніть тут", "посилання", "детальніше",
}  # fmt: skip


def resolve(page_rel: str, target: str) -> tuple[str, str]:
    """(page path inside the language folder, anchor) that a link on `page_rel` points to."""
    path, _, anchor = target.partition("#")
    if not path:
        return page_rel, anchor
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page_rel), path))
    if path.endswith("/"):
        joined += "/index.md"
    return joined, anchor


def check_links(
    pages: dict[str, Page], finnish_pages: dict[str, Page] | None = None, finnish_only: tuple[str, ...] = ()
) -> list[str]:
    """`pages`: one language's pages by their path inside the language folder (employers/index.md). A translation
    may link a Finnish-only page (`finnish_only`, content.finnish_only_paths): that link is checked against the
    Finnish pages (`finnish_pages`), and the build points it to the Finnish page (hooks.link_finnish_only)."""
    borrowed = {rel: page for rel, page in (finnish_pages or {}).items() if is_finnish_only(rel, finnish_only)}
    own = pages
    # A link to a Finnish-only path leads to the Finnish page, even from a language that has a pointer there.
    pages = {**own, **borrowed}
    anchors = {rel: outline(page).anchors for rel, page in pages.items()}
    out = []
    for rel, page in own.items():
        for link in outline(page).links:
            target = link.target
            if target.startswith("mailto:"):
                continue
            if target.startswith("http://"):
                out.append(
                    problem(
                        page.path,
                        link.line,
                        f"'{target}' is not secure (http): use the https:// address (open it in a browser to check "
                        "that it works)",
                    )
                )
                continue
            if re.match(r"[a-z][a-z0-9+.-]*:", target):
                if not target.startswith("https://"):
                    out.append(
                        problem(page.path, link.line, f"'{target}': only https:// and mailto: links are allowed")
                    )
                elif not link.image:
                    out += vague_text(page, link)
                continue
            if not link.image:
                out += vague_text(page, link)
            path, anchor = resolve(rel, target)
            if path not in pages:
                if PurePosixPath(path).suffix != ".md":
                    continue  # an image or a download: MkDocs checks that the file exists
                out.append(
                    problem(
                        page.path,
                        link.line,
                        f"the link '{target}' goes to a page that does not exist ({path}): check the file name and the "
                        "'../' steps (links point to .md files in the same language folder)",
                    )
                )
            elif anchor and anchor not in anchors[path]:
                known = ", ".join(sorted(anchors[path])[:8])
                out.append(
                    problem(
                        page.path,
                        link.line,
                        f"the link '{target}' goes to '#{anchor}', which {path} does not have: use one of its heading "
                        f"IDs ({known}{', …' if len(anchors[path]) > 8 else ''})",
                    )
                )
    return out


def vague_text(page: Page, link) -> list[str]:
    words = re.sub(r"[^\w\s]", " ", re.sub(r"\[\[[^\]|]*\|?([^\]]*)\]\]", r"\1", link.text)).lower().split()
    if " ".join(words) in VAGUE_LINK_TEXTS:
        return [
            problem(
                page.path,
                link.line,
                f"the link text '{link.text}' does not say where the link goes: write the name of the page or "
                "service instead, for example [Kelan starttiraha-ohje](…)",
            )
        ]
    return []


OUTSIDE = ("https://", "http://")


def outside_addresses(page: Page) -> list[tuple[str, int]]:
    """Every outside address of a page with its line: its links, then the `url` of its sources (on the line of
    the `sources` field). The outside-link report, the monthly freshness issue and the pull-request summary all
    read the addresses from here."""
    found = [(link.target, link.line) for link in outline(page).links if link.target.startswith(OUTSIDE)]
    line = page.field_lines.get("sources", 2)
    for source in page.meta.get("sources") or []:
        if isinstance(source, dict) and str(source.get("url", "")).startswith(OUTSIDE):
            found.append((source["url"], line))
    return found


def external_report(pages: list[Page]) -> str:
    """Every outside address (links and sources) with the pages that use it, as a Markdown list, for checking
    by hand that the addresses still work."""
    users = defaultdict(set)
    for page in pages:
        for target, _ in outside_addresses(page):
            users[target].add(str(page.path))
    lines = [f"# Outside links ({len(users)} addresses)", ""]
    for url in sorted(users):
        lines.append(f"- <{url}>")
        lines += [f"    - {path}" for path in sorted(users[url])]
    return "\n".join(lines) + "\n"
