"""Content gates that need no build: a translation keeps its Finnish page's structure, headings go in
order, images have alt text in the page's language, no raw script or iframe, Russian and Ukrainian
are not mixed up, and review dates are reported when they grow old.

Each function returns problems as `file:line: what is wrong and how to fix it` (scripts.content.problem).
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections import Counter

from scripts.content import SOURCE_LANGUAGE, Page, is_finnish_only, problem
from scripts.outline import Outline, body_lines, outline

REVIEW_INTERVAL = dt.timedelta(days=365)
# Letters that only one of the two languages uses (Ukrainian і ї є ґ, Russian ы э ъ ё).
ONLY_IN = {"uk": "іїєґІЇЄҐ", "ru": "ыэъёЫЭЪЁ"}
TELLTALE = {"uk": "іїє", "ru": "ыэъ"}


def external_host(target: str) -> str | None:
    match = re.match(r"https?://([^/?#]+)", target)
    return match[1].lower() if match else None


def internal_targets(page_outline: Outline, rel: str = "", finnish_only: tuple[str, ...] = ()) -> Counter:
    """A page's links inside the site, leaving out links to Finnish-only pages (`finnish_only`, as in
    content.finnish_only_paths; `rel` is the page's path inside its language folder): only the Finnish page can
    link them, and a translation points its readers to them in its own words."""
    folder = posixpath.dirname(rel)
    return Counter(
        link.target
        for link in page_outline.links
        if not link.image
        and external_host(link.target) is None
        and not link.target.startswith("mailto:")
        and not is_finnish_only(posixpath.normpath(posixpath.join(folder, link.target.split("#")[0])), finnish_only)
    )


def external_hosts(page_outline: Outline) -> Counter:
    return Counter(host for host in (external_host(link.target) for link in page_outline.links) if host)


def shortcode_references(page_outline: Outline) -> Counter:
    """Figures, contacts, pending notices etc. by name and count; glossary terms by name only (a translator
    may link a term once more or less)."""
    return Counter({key: (1 if key[0] == "term" else count) for key, count in page_outline.shortcodes.items()})


def compare_counters(page: Page, line: int, what: str, source: Counter, translation: Counter, fi_path) -> list[str]:
    out = []
    for item in sorted(set(source) | set(translation), key=str):
        if source[item] != translation[item]:
            shown = ":".join(filter(None, item)) if isinstance(item, tuple) else item
            out.append(
                problem(
                    page.path,
                    line,
                    f"{what} '{shown}' appears {translation[item]} time(s) here but {source[item]} time(s) in "
                    f"{fi_path}: a translation keeps the Finnish page's {what}s; add or remove it to match",
                )
            )
    return out


def agenda_skeleton(page: Page) -> list[tuple]:
    """What a translation of a module keeps from the Finnish agenda: every row's minutes, links and objectives."""
    agenda = page.meta.get("agenda")
    if not isinstance(agenda, list):
        return []
    keys = ["break", "instructions", "work", "debrief", "optional", "activity", "practises", "checks"]
    return [tuple(str(row.get(key)) for key in keys) if isinstance(row, dict) else (str(row),) for row in agenda]


def compare_agenda(source: Page, translation: Page) -> list[str]:
    fi, tr = agenda_skeleton(source), agenda_skeleton(translation)
    for index in range(max(len(fi), len(tr))):
        if index < len(fi) and index < len(tr) and fi[index] == tr[index]:
            continue
        line = translation.node_lines.get(("agenda", index), translation.field_lines.get("agenda", 2))
        finnish = source.node_lines.get(("agenda", index), source.field_lines.get("agenda", 2))
        return [
            problem(
                translation.path,
                line,
                f"agenda row {index + 1} differs from {source.path}:{finnish}: translate only 'title' and 'method'; "
                "keep the rows, their minutes, 'optional', 'activity', 'practises' and 'checks' as in Finnish",
            )
        ]
    return []


def structure(source: Page, translation: Page, rel: str = "", finnish_only: tuple[str, ...] = ()) -> list[str]:
    """A translation keeps the Finnish page's headings (levels and IDs), links (except those to Finnish-only
    pages), shortcodes and checklist items. `rel`: the page's path inside its language folder."""
    fi, tr = outline(source), outline(translation)
    out = []
    for index in range(max(len(fi.headings), len(tr.headings))):
        want = fi.headings[index] if index < len(fi.headings) else None
        got = tr.headings[index] if index < len(tr.headings) else None
        if want and got and (want.level, want.id) == (got.level, got.id):
            continue
        line = got.line if got else translation.body_line
        if want is None:
            fix = f"this heading '{got.text}' has no counterpart in {source.path}; remove it or add it there first"
        elif got is None:
            fix = f"the heading '{want.text}' {{#{want.id}}} of {source.path}:{want.line} is missing; translate it here"
        else:
            fix = (
                f"heading {index + 1} is level {got.level} with ID '{got.id}', but in {source.path}:{want.line} it "
                f"is level {want.level} ({'#' * want.level}) with ID '{want.id}': keep the Finnish heading's "
                f"level and its {{#{want.id}}}"
            )
        out.append(problem(translation.path, line, fix))
        break  # one heading message is enough: the rest usually follow from the first difference
    out += compare_agenda(source, translation)
    first_line = translation.body_line
    fi_links, tr_links = internal_targets(fi, rel, finnish_only), internal_targets(tr, rel, finnish_only)
    out += compare_counters(translation, first_line, "link", fi_links, tr_links, source.path)
    out += compare_counters(
        translation,
        first_line,
        "link to the site",
        external_hosts(fi),
        external_hosts(tr),
        source.path,
    )
    out += compare_counters(
        translation, first_line, "shortcode", shortcode_references(fi), shortcode_references(tr), source.path
    )
    if fi.checkboxes != tr.checkboxes:
        out.append(
            problem(
                translation.path,
                first_line,
                f"{tr.checkboxes} checklist items (- [ ]) here but {fi.checkboxes} in {source.path}: every item "
                "of the Finnish checklist is translated, one item per line",
            )
        )
    return out


def heading_order(page: Page) -> list[str]:
    """Headings start at ## (the title is the page's h1) and never skip a level on the way down."""
    out, previous = [], 1
    for heading in outline(page).headings:
        if heading.level == 1:
            out.append(
                problem(
                    page.path,
                    heading.line,
                    "a '# ' heading repeats the page title (which comes from 'title'): start the headings at '## '",
                )
            )
        elif heading.level > previous + 1:
            out.append(
                problem(
                    page.path,
                    heading.line,
                    f"heading '{heading.text}' is level {heading.level} after a level {previous}: do not skip a level "
                    f"(use {'#' * (previous + 1)})",
                )
            )
        previous = heading.level
    return out


def safe_html(page: Page) -> list[str]:
    return [
        problem(
            page.path,
            line,
            f"{what} in the content: pages may not run code or embed other sites; remove it (link to the other "
            "site instead, or ask a developer for a component)",
        )
        for line, what in outline(page).raw_html
    ]


def alt_texts(page: Page, language: str, source: Page | None) -> list[str]:
    """Every image has alt text, and a translated page's alt text is not the Finnish one left as it was."""
    page_outline = outline(page)
    out = []
    images = [link for link in page_outline.links if link.image]
    source_alts = [link.text.strip() for link in outline(source).links if link.image] if source else []
    for index, image in enumerate(images):
        alt = image.text.strip()
        if not alt:
            out.append(
                problem(
                    page.path,
                    image.line,
                    f"the image {image.target} has no alt text: write what it shows between the brackets, "
                    "![like this](image.png)",
                )
            )
        elif language != SOURCE_LANGUAGE and index < len(source_alts) and alt == source_alts[index]:
            out.append(problem(page.path, image.line, f"the alt text '{alt}' is still in Finnish: translate it"))
    for line, attrs in page_outline.html_images:
        if not re.search(r"\balt\s*=\s*\"[^\"]+\"", attrs):
            out.append(problem(page.path, line, 'an <img> without alt text: add alt="what the image shows"'))
    return out


def letters(page: Page, language: str) -> list[str]:
    """The commonest slip between Russian and Ukrainian: letters of the other language."""
    if language not in ONLY_IN:
        return []
    other = "ru" if language == "uk" else "uk"
    name = {"uk": "Ukrainian", "ru": "Russian"}
    out = []
    lines = [(page.field_lines.get(key, 2), str(page.meta.get(key, ""))) for key in ("title", "description")]
    text_lines = lines + list(body_lines(page))
    for number, line in text_lines:
        wrong = sorted(set(re.sub(r"\[\[[^\]]*\]\]|\([^)\s]*\)|`[^`]*`", " ", line)) & set(ONLY_IN[other]))
        if wrong:
            out.append(
                problem(
                    page.path,
                    number,
                    f"letters {' '.join(wrong)} are {name[other]}, not {name[language]}: check this line's "
                    f"spelling (a {name[language]} page must not contain {' '.join(ONLY_IN[other][:4])})",
                )
            )
    if not any(letter in text for _, text in text_lines for letter in TELLTALE[language]):
        out.append(
            problem(
                page.path,
                1,
                f"the page has none of the letters {' '.join(TELLTALE[language])}, which every {name[language]} "
                f"text has: is it written in {name[language]}?",
            )
        )
    return out


def review_dates(pages: list[Page], on: dt.date) -> list[str]:
    """Report lines (not failures) for pages whose review is over 12 months old."""
    return [
        problem(
            page.path,
            page.field_lines.get("reviewed", 2),
            f"reviewed {page.meta['reviewed'].isoformat()}, over 12 months ago: check the page's facts against "
            "its sources and update 'reviewed'",
        )
        for page in pages
        if isinstance(page.meta.get("reviewed"), dt.date) and on - page.meta["reviewed"] > REVIEW_INTERVAL
    ]
