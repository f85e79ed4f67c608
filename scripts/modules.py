"""Workshop modules: the agenda check, the facts box, and the participant's handout.

A module page (front matter with `duration`) has its agenda in the front matter (`agenda:`, one row per
block: instructions, work and debrief minutes; breaks as rows of their own), so that the page, a run sheet or a
projector view can all be made from it. The build checks that the minutes add up to `duration`, that no stretch
runs over 75 minutes without a break in the full or the short version, that every learning objective is practised
and checked in a core block, and that the module says what to cut for 3 or 20 participants and how to run it
online. `[[agenda]]` shows the agenda as a table. The handout page (`[[handout:<slug>]]`) is
built from the module's participant sections, without facilitator notes and without the agenda.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import field as dataclass_field

from scripts.content import Page, problem

MODULE_FIELDS = ["duration", "group_size", "materials", "objectives", "agenda", "adapt"]
HANDOUT_SECTIONS = ["goals", "activities", "handout", "key-points", "feedback", "read-more"]
HEADING = re.compile(r"^(#{1,6})\s.*\{\s*#(?P<id>[\w-]+)\s*\}\s*$")
FACILITATOR = re.compile(r"^(\?\?\?\+?|!!!)\s*facilitator\b")
GOAL_ITEM = re.compile(r"^[-*]\s")
# An agenda row is a block of the session or a break. Minutes: the facilitator's instructions, the
# participants' work, the debrief; a break has only its length.
ROW_MINUTES = ["instructions", "work", "debrief"]
ROW_FIELDS = ["title", "method", *ROW_MINUTES, "optional", "activity", "practises", "checks"]
ADAPT_FIELDS = {
    "small": "what to cut or change when only 3 participants come",
    "large": "what to cut or change for 20 participants",
    "online": "how to run the module online (a video call)",
}
MAX_WITHOUT_BREAK = 75  # minutes; adults' attention and the review of 2026-12 (issue 22)
SCHEMA = "see 'Workshop modules' in CONTRIBUTING.md"


@dataclass
class Row:
    index: int
    line: int
    title: str
    minutes: int
    is_break: bool
    optional: bool


def validate_module_fields(page: Page) -> list[str]:
    meta = page.meta
    present = [field for field in MODULE_FIELDS if field in meta]
    if not present:
        return []
    out = []
    line = page.field_lines.get(present[0], 2)
    for field in MODULE_FIELDS:
        if field not in meta:
            out.append(problem(page.path, line, f"a workshop module needs '{field}' too ({SCHEMA})"))
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
    if "adapt" in meta:
        out += check_adapt(page)
    return out


def check_adapt(page: Page) -> list[str]:
    adapt, line = page.meta["adapt"], page.field_lines["adapt"]
    if not isinstance(adapt, dict):
        return [problem(page.path, line, f"'adapt' must have the fields {', '.join(ADAPT_FIELDS)} ({SCHEMA})")]
    out = []
    for key, what in ADAPT_FIELDS.items():
        if not (isinstance(adapt.get(key), str) and adapt[key].strip()):
            out.append(problem(page.path, line, f"'adapt' needs '{key}:', a text saying {what}"))
    for key in adapt:
        if key not in ADAPT_FIELDS:
            where = page.node_lines.get(("adapt", key), line)
            out.append(problem(page.path, where, f"unknown field '{key}' in 'adapt': use {', '.join(ADAPT_FIELDS)}"))
    return out


def rows(page: Page) -> tuple[list[Row], list[str]]:
    """The agenda's rows from the front matter, and the problems of their form."""
    agenda = page.meta.get("agenda")
    top = page.field_lines.get("agenda", 2)
    if not isinstance(agenda, list) or not agenda:
        return [], [problem(page.path, top, f"'agenda' must be a list of rows ({SCHEMA})")]
    out, found = [], []
    for index, row in enumerate(agenda):
        line = page.node_lines.get(("agenda", index), top)
        if isinstance(row, dict) and set(row) == {"break"}:
            if not isinstance(row["break"], int) or row["break"] <= 0:
                out.append(problem(page.path, line, f"a break is '- break: 10', its minutes, got '{row['break']}'"))
                continue
            found.append(Row(index, line, "", row["break"], True, False))
            continue
        if not isinstance(row, dict):
            out.append(problem(page.path, line, f"an agenda row is a block with 'title:' or '- break: 10' ({SCHEMA})"))
            continue
        unknown = [key for key in row if key not in ROW_FIELDS]
        for key in unknown:
            where = page.node_lines.get(("agenda", index, key), line)
            hint = " (a break is a row of its own: '- break: 10')" if key == "break" else ""
            out.append(
                problem(page.path, where, f"unknown field '{key}' in an agenda row{hint}: use {', '.join(ROW_FIELDS)}")
            )
        title = row.get("title")
        if not (isinstance(title, str) and title.strip()):
            out.append(
                problem(page.path, line, "an agenda row needs 'title:', the block's name as participants see it")
            )
            title = "?"
        missing = [key for key in ROW_MINUTES if not isinstance(row.get(key), int) or row[key] < 0]
        if missing:
            out.append(
                problem(
                    page.path,
                    line,
                    f"the row '{title}' needs {', '.join(missing)} as whole minutes: every row is split into "
                    "instructions (the facilitator explains), work (the participants work) and debrief "
                    "(together, afterwards); write 0 for a part the row does not have",
                )
            )
            continue
        minutes = sum(row[key] for key in ROW_MINUTES)
        if minutes == 0:
            out.append(problem(page.path, line, f"the row '{title}' has 0 minutes: give it time or remove it"))
        found.append(Row(index, line, title, minutes, False, row.get("optional") is True))
    return found, out


def agenda(page: Page) -> tuple[int, int, int] | None:
    """(line of the agenda in the front matter, all minutes, minutes without the optional activities)."""
    found, problems = rows(page)
    if problems or not found:
        return None
    total = sum(row.minutes for row in found)
    required = sum(row.minutes for row in found if not row.optional)
    return page.field_lines["agenda"], total, required


def check_agenda(page: Page) -> list[str]:
    if "duration" not in page.meta or "agenda" not in page.meta:
        return []
    found, out = rows(page)
    if out:
        return out
    total = sum(row.minutes for row in found)
    if isinstance(page.meta["duration"], int) and total != page.meta["duration"]:
        out.append(
            problem(
                page.path,
                page.field_lines["agenda"],
                f"the agenda's minutes add up to {total}, but 'duration' is "
                f"{page.meta['duration']}: fix the minutes of the rows or the duration in the front matter",
            )
        )
    out += check_breaks(page, found)
    out += check_objectives(page)
    return out


def check_breaks(page: Page, found: list[Row]) -> list[str]:
    """No stretch longer than MAX_WITHOUT_BREAK minutes. Breaks are never optional (a break row has only its
    minutes), so the short version, which only leaves rows out, keeps to the limit whenever the full one does."""
    since_break = 0
    for row in found:
        since_break = 0 if row.is_break else since_break + row.minutes
        if since_break > MAX_WITHOUT_BREAK:
            return [
                problem(
                    page.path,
                    row.line,
                    f"'{row.title}' ends {since_break} minutes after the start or the last break; the limit is "
                    f"{MAX_WITHOUT_BREAK}: add a row '- break: 10' before it, or shorten the rows before it",
                )
            ]
    return []


def goal_count(page: Page) -> tuple[int, int]:
    """(line of the goals heading, number of list items directly in the goals section)."""
    lines = page.body.split("\n")
    start = next((i for i, line in enumerate(lines) if (m := HEADING.match(line)) and m["id"] == "goals"), None)
    if start is None:
        return page.body_line, 0
    count = 0
    for line in lines[start + 1 :]:
        if HEADING.match(line):
            break
        count += bool(GOAL_ITEM.match(line))
    return page.body_line + start, count


def check_objectives(page: Page) -> list[str]:
    """Every learning objective is practised in a core block and checked (a formative check) in a core block."""
    objectives, line = page.meta.get("objectives"), page.field_lines.get("objectives", 2)
    if not (isinstance(objectives, list) and objectives and all(isinstance(o, str) for o in objectives)):
        return [problem(page.path, line, f"'objectives' must be a list of short IDs, one per goal ({SCHEMA})")]
    out = []
    goals_line, goals = goal_count(page)
    if goals != len(objectives):
        out.append(
            problem(
                page.path,
                line,
                f"'objectives' lists {len(objectives)} IDs but the goals section ({page.path}:{goals_line}) has "
                f"{goals} items: give each goal one ID, in the same order",
            )
        )
    practised, checked = set(), set()
    for index, row in enumerate(page.meta["agenda"]):
        if not isinstance(row, dict) or "break" in row:
            continue
        for key, into in (("practises", practised), ("checks", checked)):
            named = row.get(key, [])
            where = page.node_lines.get(("agenda", index, key), page.node_lines.get(("agenda", index), line))
            if not isinstance(named, list):
                out.append(
                    problem(page.path, where, f"'{key}' must be a list of objective IDs, e.g. [{objectives[0]}]")
                )
                continue
            for name in named:
                if name not in objectives:
                    out.append(
                        problem(page.path, where, f"'{name}' is not one of the objectives ({', '.join(objectives)})")
                    )
                elif row.get("optional") is not True:
                    into.add(name)
    for name in objectives:
        if name not in practised:
            out.append(
                problem(
                    page.path,
                    line,
                    f"the objective '{name}' is practised in no core (non-optional) agenda row: add it to "
                    "'practises:' of a core row, make its activity core, or drop the objective",
                )
            )
        if name not in checked:
            out.append(
                problem(
                    page.path,
                    line,
                    f"the objective '{name}' has no formative check in a core agenda row: add it to 'checks:' of "
                    "the row where 2–3 diagnostic questions or coloured cards show who has it",
                )
            )
    return out


def participant_sections(module_markdown: str) -> str:
    """The module's sections for participants, with every facilitator note removed."""
    kept, keep = [], False
    for line in module_markdown.split("\n"):
        heading = HEADING.match(line)  # a note's lines are indented: never a section heading
        if heading and len(heading.group(1)) == 2:
            keep = heading["id"] in HANDOUT_SECTIONS
        if keep:
            kept.append(line)
    return without_facilitator_notes("\n".join(kept)).strip() + "\n"


# -- The agenda as blocks: for the projector view and the run sheet (scripts/workshop_views.py) -------------------
# Everything else reads the agenda through these functions only, so that the agenda's form (a table today, rows in
# the front matter later) is known here alone.

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

    A row names the activity section it is about with `activity: <heading ID>` (or `section:`), or by a title
    that is word for word the heading of a level-3 section under {#activities}. A row that names none (welcome,
    feedback, a break) has no section. Unknown keys are ignored; the schema gate reports a malformed agenda."""
    headings = activity_headings(page)
    rows = page.meta.get("agenda")
    if isinstance(rows, list):
        return [front_matter_row(row, headings) for row in rows if isinstance(row, dict)]
    return []


def front_matter_row(row: dict, headings: dict[str, str]) -> AgendaRow:
    parts = {key: row[key] for key in MINUTE_PARTS if isinstance(row.get(key), int)}
    is_break = bool(row.get("break")) or row.get("kind") == "break"
    minutes = row.get("minutes")
    if not isinstance(minutes, int):
        minutes = sum(parts.values()) or (row["break"] if isinstance(row.get("break"), int) else 0)
    title = str(row.get("title") or "")
    section = row.get("section") or row.get("activity") or headings.get(normalised(title))
    return AgendaRow(title, minutes, bool(row.get("optional")), str(row.get("method") or ""), is_break, section, parts)


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


ADAPTATIONS = ("small", "large", "online")


def adaptations(page: Page) -> list[tuple[str, str]]:
    """The module's `adapt:` texts in order, (key, text): for 3 participants, for 20, and the online variant."""
    adapt = page.meta.get("adapt")
    if not isinstance(adapt, dict):
        return []
    return [(key, str(adapt[key])) for key in ADAPTATIONS if adapt.get(key)]
