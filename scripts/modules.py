"""Workshop modules: the agenda check, the facts box, and the participant's handout.

A module page (front matter with `duration`) has an agenda table whose first column is minutes,
optional activities in brackets. The build checks that the minutes add up to `duration` and shows
the length with and without the optional activities. The handout page (`[[handout:<slug>]]`) is
built from the module's participant sections, without facilitator notes and without the agenda.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import field as dataclass_field

from scripts.content import Page, problem

MODULE_FIELDS = ["duration", "group_size", "materials"]
HANDOUT_SECTIONS = ["goals", "activities", "handout", "key-points", "feedback", "read-more"]
HEADING = re.compile(r"^(#{1,6})\s.*\{\s*#(?P<id>[\w-]+)\s*\}\s*$")
MINUTES = re.compile(r"^\|\s*(?P<open>\()?\s*(?P<minutes>\d+)\s*(?P<close>\))?\s*\|")
FACILITATOR = re.compile(r"^(\?\?\?\+?|!!!)\s*facilitator\b")


def validate_module_fields(page: Page) -> list[str]:
    meta = page.meta
    present = [field for field in MODULE_FIELDS if field in meta]
    if not present:
        return []
    out = []
    line = page.field_lines.get(present[0], 2)
    for field in MODULE_FIELDS:
        if field not in meta:
            out.append(problem(page.path, line, f"a workshop module needs '{field}' too (see CONTRIBUTING.md)"))
    if "duration" in meta and (not isinstance(meta["duration"], int) or meta["duration"] <= 0):
        out.append(
            problem(
                page.path,
                page.field_lines["duration"],
                f"'duration' must be the length in minutes, a whole number, got '{meta['duration']}'",
            )
        )
    if "materials" in meta and not (
        isinstance(meta["materials"], list) and all(isinstance(m, str) for m in meta["materials"])
    ):
        out.append(problem(page.path, page.field_lines["materials"], "'materials' must be a list of texts"))
    return out


def agenda(page: Page) -> tuple[int, int, int] | None:
    """(line of the agenda heading, all minutes, minutes without the optional activities)."""
    lines = page.body.split("\n")
    start = next((i for i, line in enumerate(lines) if (m := HEADING.match(line)) and m["id"] == "agenda"), None)
    if start is None:
        return None
    total = required = 0
    for line in lines[start + 1 :]:
        if HEADING.match(line):
            break
        match = MINUTES.match(line)
        if match:
            minutes = int(match["minutes"])
            total += minutes
            if not match["open"]:
                required += minutes
    return page.body_line + start, total, required


def check_agenda(page: Page) -> list[str]:
    if "duration" not in page.meta:
        return []
    found = agenda(page)
    if found is None:
        return [
            problem(
                page.path,
                page.body_line,
                "a workshop module needs an agenda section: a heading with "
                "{#agenda} and a table whose first column is minutes",
            )
        ]
    line, total, _ = found
    if total != page.meta["duration"]:
        return [
            problem(
                page.path,
                line,
                f"the agenda's minutes add up to {total}, but 'duration' is "
                f"{page.meta['duration']}: fix the minutes in the table or the duration in the front matter",
            )
        ]
    return []


def participant_sections(module_markdown: str) -> str:
    """The module's sections for participants, with every facilitator note removed."""
    kept, keep, skipping_note = [], False, False
    for line in module_markdown.split("\n"):
        heading = HEADING.match(line)
        if heading and len(heading.group(1)) == 2:
            keep = heading["id"] in HANDOUT_SECTIONS
        if FACILITATOR.match(line):
            skipping_note = True
            continue
        if skipping_note:
            if line.startswith("    ") or not line.strip():
                continue
            skipping_note = False
        if keep:
            kept.append(line)
    return "\n".join(kept).strip() + "\n"


# -- The agenda as blocks: for the projector view and the run sheet (scripts/workshop_views.py) -------------------
# Everything else reads the agenda through these functions only, so that the agenda's form (a table today, rows in
# the front matter later) is known here alone.

BREAK_METHODS = {"", "–", "-", "—"}
LINKED_TITLE = re.compile(r"^\[(?P<title>[^\]]+)\]\(#(?P<id>[\w-]+)\)$")
# The parts of a block's minutes, when the agenda gives them (rows in the front matter).
MINUTE_PARTS = ("instructions", "work", "debrief")


@dataclass
class AgendaRow:
    title: str
    minutes: int
    optional: bool
    method: str
    is_break: bool
    section: str | None = None  # the heading ID of the activity this block is about
    parts: dict[str, int] = dataclass_field(default_factory=dict)  # instructions / work / debrief minutes, when given


def normalised(text: str) -> str:
    """A heading or a row title compared word for word: case, quotes and punctuation do not count."""
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def activity_headings(page: Page) -> dict[str, str]:
    """The level-3 headings inside {#activities}: their normalised text → their ID."""
    found, inside = {}, False
    for line in page.body.split("\n"):
        heading = HEADING.match(line)
        if not heading:
            continue
        level = len(heading.group(1))
        if level == 2:
            inside = heading["id"] == "activities"
        elif level == 3 and inside:
            text = line[level:].split("{", 1)[0]
            found[normalised(text)] = heading["id"]
    return found


def agenda_rows(page: Page) -> list[AgendaRow]:
    """The module's agenda, one row per block, in order.

    A row names the activity section it is about: in front-matter rows with `section: <heading ID>`; in the
    agenda table by a title written as a link to the section (`[Case stories](#case-stories)`) or a title that is
    word for word the heading of a level-3 section under {#activities}. A row that names none (welcome, feedback,
    a break) has no section. Unknown keys of front-matter rows are ignored."""
    headings = activity_headings(page)
    rows = page.meta.get("agenda")
    if isinstance(rows, list) and rows and all(isinstance(row, dict) for row in rows):
        return [front_matter_row(row, headings) for row in rows]
    return table_rows(page, headings)


def front_matter_row(row: dict, headings: dict[str, str]) -> AgendaRow:
    parts = {key: row[key] for key in MINUTE_PARTS if isinstance(row.get(key), int)}
    is_break = bool(row.get("break")) or row.get("kind") == "break"
    minutes = row.get("minutes")
    if not isinstance(minutes, int):
        minutes = sum(parts.values()) or (row["break"] if isinstance(row.get("break"), int) else 0)
    title = str(row.get("title") or "")
    section = row.get("section") or headings.get(normalised(title))
    return AgendaRow(title, minutes, bool(row.get("optional")), str(row.get("method") or ""), is_break, section, parts)


def table_rows(page: Page, headings: dict[str, str]) -> list[AgendaRow]:
    lines = page.body.split("\n")
    start = next((i for i, line in enumerate(lines) if (m := HEADING.match(line)) and m["id"] == "agenda"), None)
    if start is None:
        return []
    rows = []
    for line in lines[start + 1 :]:
        if HEADING.match(line):
            break
        match = MINUTES.match(line)
        if not match:
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        title, method = (cells + ["", ""])[1:3]
        linked = LINKED_TITLE.match(title)
        section = linked["id"] if linked else headings.get(normalised(title))
        title = linked["title"] if linked else title
        is_break = method in BREAK_METHODS and section is None
        rows.append(AgendaRow(title, int(match["minutes"]), bool(match["open"]), method, is_break, section))
    return rows


def section_markdown(page: Page, section_id: str) -> str:
    """The Markdown of one section (its heading left out) down to the next heading of the same or a higher
    level, without facilitator notes: what participants see."""
    lines = page.body.split("\n")
    kept, level = [], None
    for line in lines:
        heading = HEADING.match(line)
        if level is None:
            if heading and heading["id"] == section_id:
                level = len(heading.group(1))
            continue
        if heading and len(heading.group(1)) <= level:
            break
        kept.append(line)
    return without_facilitator_notes("\n".join(kept)).strip()


def without_facilitator_notes(markdown: str) -> str:
    kept, skipping = [], False
    for line in markdown.split("\n"):
        if FACILITATOR.match(line):
            skipping = True
            continue
        if skipping:
            if line.startswith("    ") or not line.strip():
                continue
            skipping = False
        kept.append(line)
    return "\n".join(kept)


def agenda_notes(page: Page) -> list[str]:
    """The facilitator notes of the agenda section (Markdown, unindented): where a module says today what to cut
    and how to pace it."""
    lines = page.body.split("\n")
    notes, current, inside = [], None, False
    for line in lines:
        heading = HEADING.match(line)
        if heading and len(heading.group(1)) == 2:
            inside = heading["id"] == "agenda"
            continue
        if not inside:
            continue
        if FACILITATOR.match(line):
            current = []
            notes.append(current)
        elif current is not None and (line.startswith("    ") or not line.strip()):
            current.append(line[4:])
        else:
            current = None
    return [text for text in ("\n".join(note).strip() for note in notes) if text]


def cutting_options(page: Page) -> list[str]:
    """What to cut, as the module says it: front-matter texts under `cutting` (a list, or a mapping such as
    {small_group: …, large_group: …, short_of_time: …}); without them, the agenda's facilitator notes."""
    given = page.meta.get("cutting")
    if isinstance(given, dict):
        return [str(text) for text in given.values() if text]
    if isinstance(given, list):
        return [str(text) for text in given if text]
    return agenda_notes(page)
