"""Workshop modules: the agenda check, the facts box, and the participant's handout.

A module page (front matter with `duration`) has an agenda table whose first column is minutes,
optional activities in brackets. The build checks that the minutes add up to `duration` and shows
the length with and without the optional activities. The handout page (`[[handout:<slug>]]`) is
built from the module's participant sections, without facilitator notes and without the agenda.
"""

from __future__ import annotations

import re

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
