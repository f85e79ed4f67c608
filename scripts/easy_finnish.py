"""Easy Finnish (selkosuomi) pages: Finnish-only versions of the pages a jobseeker uses (issue 17).

Where they live is said once, in mkdocs.yml (`extra.finnish_only`, read by scripts.content.finnish_only_paths).
Each such page names in its front matter the standard Finnish page it is the Easy Finnish version of:

    easy_finnish_of: checklists/starttiraha   # the standard page's path inside docs/fi/, without .md
    source_hash: 0123456789ab                 # `python -m scripts.translations done docs/fi/selko/x.md`
    checklist_items: [1, 2, 5]                # a checklist: the standard item each of its items is

The source hash is the translations' mechanism (scripts/translations.py): when the standard page's words change,
the Easy Finnish page is outdated until its editor has caught up and run `translations done`. A checklist's
items carry the standard page's item IDs (`checklist_items`), so a tick on one page shows on the other.
The page that links them all (the Easy Finnish home page) has no `easy_finnish_of`.

Every other language has a page at each Easy Finnish page's path: a pointer, not a translation. Written in its own
language for a reader who meets the path (the language menu, a shared address, a facilitator choosing handouts),
it says what the Easy Finnish page covers and for whom, and links it (the build leads that link to the Finnish page,
hooks.link_finnish_only) and the standard page in its own language. The translations and structure gates, the
translation status and the PDFs leave pointers out; check() below requires their two links.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from scripts.content import (
    SOURCE_LANGUAGE,
    Page,
    finnish_only_paths,
    is_easy_finnish_pointer,
    is_finnish_only,
    problem,
)
from scripts.links import resolve
from scripts.outline import outline


def easy_pages(pages: dict[str, Page], finnish_only: tuple[str, ...]) -> dict[str, Page]:
    """The Finnish pages (path inside docs/fi/ -> page) that are Easy Finnish pages."""
    return {rel: page for rel, page in pages.items() if is_finnish_only(rel, finnish_only)}


def versions(pages: dict[str, Page], finnish_only: tuple[str, ...]) -> dict[str, str]:
    """Standard page key -> its Easy Finnish page's key (keys are paths without .md: "checklists/starttiraha")."""
    return {
        str(page.meta["easy_finnish_of"]): rel.removesuffix(".md")
        for rel, page in easy_pages(pages, finnish_only).items()
        if page.meta.get("easy_finnish_of")
    }


def versions_in(docs_dir: Path) -> dict[str, str]:
    """versions() read from the disk (the build's hooks, which see one page at a time)."""
    from scripts.content import read_page

    finnish_only = finnish_only_paths(docs_dir)
    tree = docs_dir / SOURCE_LANGUAGE
    pages = {p.relative_to(tree).as_posix(): read_page(p) for p in tree.rglob("*.md")}
    return versions(pages, finnish_only)


def check(pages: dict[str, dict[str, Page]], docs_dir: Path) -> list[str]:
    """The Easy Finnish fields: only on Easy Finnish pages, naming a standard Finnish page (one Easy Finnish
    version each), and a checklist's items matching the standard checklist's."""
    finnish_only = finnish_only_paths(docs_dir)
    finnish = pages[SOURCE_LANGUAGE]
    out = []
    for language, by_path in pages.items():
        for rel, page in by_path.items():
            easy = language == SOURCE_LANGUAGE and is_finnish_only(rel, finnish_only)
            for field in ("easy_finnish_of", "checklist_items"):
                if field in page.meta and not easy:
                    out.append(
                        problem(
                            page.path,
                            page.field_lines.get(field, 2),
                            f"'{field}' belongs only in an Easy Finnish page (docs/fi/ under "
                            f"{', '.join(finnish_only) or 'extra.finnish_only in mkdocs.yml'}): remove it",
                        )
                    )
    for language, by_path in pages.items():
        for rel, page in by_path.items():
            if is_easy_finnish_pointer(language, rel, finnish_only) and rel in finnish:
                out += pointer_problems(page, rel, finnish[rel])
    claimed: dict[str, str] = {}
    for rel, page in easy_pages(finnish, finnish_only).items():
        standard = page.meta.get("easy_finnish_of")
        line = page.field_lines.get("easy_finnish_of", 2)
        if standard is None:
            if "checklist_items" in page.meta:
                out.append(problem(page.path, 2, "'checklist_items' needs 'easy_finnish_of': the standard checklist"))
            continue
        source = finnish.get(f"{standard}.md")
        if source is None or is_finnish_only(f"{standard}.md", finnish_only):
            out.append(
                problem(
                    page.path,
                    line,
                    f"easy_finnish_of: '{standard}' is not a standard Finnish page: give its path inside docs/fi/ "
                    "without .md, for example easy_finnish_of: checklists/starttiraha",
                )
            )
            continue
        if standard in claimed:
            out.append(
                problem(page.path, line, f"'{standard}' already has an Easy Finnish version, {claimed[standard]}")
            )
        claimed[standard] = rel
        out += checklist_problems(page, source)
    return out


def pointer_problems(page: Page, rel: str, easy: Page) -> list[str]:
    """A pointer is no translation, and it links the Easy Finnish page at its path and the standard page."""
    out = [
        problem(
            page.path,
            page.field_lines.get(field, 2),
            f"'{field}' does not belong in this page: it points to an Easy Finnish page, which has no translations; "
            "remove it",
        )
        for field in ("translation", "source_hash")
        if field in page.meta
    ]
    linked = {resolve(rel, link.target)[0] for link in outline(page).links}
    standard = easy.meta.get("easy_finnish_of")
    wanted = [(rel, "the Easy Finnish page"), *([(f"{standard}.md", "the standard page")] if standard else [])]
    for target, what in wanted:
        if target not in linked:
            name = posixpath.relpath(target, posixpath.dirname(rel))
            out.append(
                problem(
                    page.path,
                    1,
                    f"this page points to an Easy Finnish page but does not link {what}: add a link "
                    f"to ({name}) in its text",
                )
            )
    return out


def checklist_problems(page: Page, source: Page) -> list[str]:
    """An Easy Finnish checklist says, item by item, which standard item it is (so both share the tick)."""
    items, standard_items = outline(page).checkboxes, outline(source).checkboxes
    numbers = page.meta.get("checklist_items")
    line = page.field_lines.get("checklist_items", 2)
    if not items and numbers is None:
        return []
    if not isinstance(numbers, list) or not all(isinstance(n, int) and not isinstance(n, bool) for n in numbers):
        return [
            problem(
                page.path,
                line,
                f"this checklist has {items} items (- [ ]): list in 'checklist_items' the number of the item of "
                f"{source.path} that each one is, in order (counting from 1), e.g. checklist_items: [1, 2, 5]",
            )
        ]
    out = []
    if len(numbers) != items:
        out.append(
            problem(
                page.path,
                line,
                f"'checklist_items' lists {len(numbers)} numbers but the page has {items} items (- [ ]): one "
                "number per item, in order",
            )
        )
    wrong = [n for n in numbers if not 1 <= n <= standard_items]
    if wrong:
        out.append(
            problem(
                page.path,
                line,
                f"'checklist_items' {wrong}: {source.path} has items 1-{standard_items}; count its '- [ ]' lines",
            )
        )
    twice = sorted({n for n in numbers if numbers.count(n) > 1})
    if twice:
        out.append(problem(page.path, line, f"'checklist_items' {twice} appear twice: one Easy Finnish item each"))
    return out
