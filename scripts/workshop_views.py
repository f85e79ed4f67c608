"""A workshop module's two views for the facilitator, built from the module's own Markdown (no slide source):

- the projector view (`workshops/<slug>-projector.md`, the line `[[projector:<slug>]]`): one screen per agenda
  block with its title, minutes, way of working and the participants' part of its activity section (the
  instructions and any worked example, without facilitator notes); the first block also shows the goals and the
  last one points to the "Who helps" card. toimi.js shows one block at a time and moves with the keyboard;
  without JavaScript the blocks follow one another.
- the run sheet (`workshops/<slug>-run-sheet.md`, the line `[[run_sheet:<slug>]]`): the blocks with their
  minutes from the start, for the full module and for the short one (without the optional activities), and
  what to cut. With JavaScript, the start time the facilitator types in turns the minutes into clock times.

The agenda is read only through scripts/modules.py (agenda_rows, section_markdown, adaptations).
"""

from __future__ import annotations

import html

from scripts import modules, print_kit
from scripts.content import Page

# The views' pages: not a PDF themselves and not in the search index (they repeat the module), printed with the
# short band; the projector hides the side menus. The print kit page (scripts/print_kit.py) is one too: its PDFs
# are its sheets, one per kind of card.
PROJECTOR_SUFFIX = "-projector"
RUN_SHEET_SUFFIX = "-run-sheet"
VIEW_SUFFIXES = (PROJECTOR_SUFFIX, RUN_SHEET_SUFFIX, print_kit.KIT_SUFFIX)
WHO_HELPS_PAGE = "workshops/who-helps.md"
# The templates every module uses (attendance sheet, feedback form and tally, invitation, follow-up message).
TEMPLATES_PAGE = "workshops/templates/index.md"


def is_view(key: str) -> bool:
    """key: a page's path in its language folder without .md ("workshops/x-projector")."""
    return key.startswith("workshops/") and key.endswith(VIEW_SUFFIXES)


def minutes_text(text, minutes: int) -> str:
    return text("minutes", minutes=minutes)


def timing(row: modules.AgendaRow, text) -> str:
    """ "25 min · Small groups", with the instructions / work / debrief minutes when the agenda gives them."""
    pieces = [minutes_text(text, row.minutes)]
    if row.optional:
        pieces[0] += f" ({text('projector_optional')})"
    if row.parts:
        pieces.append(", ".join(text(f"minutes_{part}", minutes=value) for part, value in row.parts.items()))
    if row.method and not row.is_break:
        pieces.append(row.method)
    return " · ".join(pieces)


def block_title(row: modules.AgendaRow, text) -> str:
    """A block's title; a break row (`- break: 10`) has none of its own and is called a break."""
    return row.title or (text("agenda_break") if row.is_break else "")


def projector(page: Page, text, who_helps_link: str) -> str:
    """The deck as Markdown (md_in_html): a <section> per agenda block."""
    rows = modules.agenda_rows(page)
    total = len(rows)
    slides = []
    for number, row in enumerate(rows, start=1):
        body = modules.section_markdown(page, row.section) if row.section else ""
        if number == 1 and not body:
            body = modules.section_markdown(page, "goals")
        if number == total:
            body += f"\n\n[{text('projector_who_helps')}]({who_helps_link})"
        kind = " toimi-slide--break" if row.is_break else ""
        slides.append(
            f'<section class="toimi-slide{kind}" id="block-{number}" aria-labelledby="block-{number}-title" markdown>\n'
            f'<p class="toimi-slide__count">{html.escape(text("projector_block", n=number, total=total))}</p>\n'
            f'<h2 class="toimi-slide__title" id="block-{number}-title">{html.escape(block_title(row, text))}</h2>\n'
            f'<p class="toimi-slide__time">{html.escape(timing(row, text))}</p>\n\n'
            f"{body.strip()}\n\n</section>"
        )
    # The bar is for JavaScript only (hidden until toimi.js shows it): without it the blocks simply follow.
    bar = (
        '<div class="toimi-deck__bar" hidden>'
        f'<button type="button" class="md-button toimi-deck__prev">{html.escape(text("projector_previous"))}</button>'
        '<p class="toimi-deck__status" aria-live="polite"></p>'
        f'<button type="button" class="md-button toimi-deck__next">{html.escape(text("projector_next"))}</button>'
        f'<button type="button" class="md-button toimi-deck__full">{html.escape(text("projector_fullscreen"))}'
        "</button></div>"
    )
    return (
        f'<p class="toimi-deck__keys">{html.escape(text("projector_keys"))}</p>\n\n'
        f'<div class="toimi-deck" data-blocks="{total}" markdown>\n\n' + "\n\n".join(slides) + f"\n\n{bar}\n\n</div>"
    )


def offsets(rows: list[modules.AgendaRow], short: bool) -> list[int | None]:
    """Each block's start in minutes from the beginning (None: left out of the short version), then the end."""
    out, clock = [], 0
    for row in rows:
        if short and row.optional:
            out.append(None)
            continue
        out.append(clock)
        clock += row.minutes
    return out + [clock]


def time_cell(offset: int | None, text) -> str:
    if offset is None:
        return f'<td class="toimi-left-out">{html.escape(text("run_sheet_left_out"))}</td>'
    return (
        f'<td data-offset="{offset}"><span class="toimi-clock"></span>'
        f'<span class="toimi-offset">{html.escape(text("run_sheet_offset", minutes=offset))}</span></td>'
    )


def run_sheet(page: Page, text) -> str:
    """The run sheet as HTML and Markdown: the start time, the table, and what to cut."""
    rows = modules.agenda_rows(page)
    full, short = offsets(rows, short=False), offsets(rows, short=True)
    has_optional = any(row.optional for row in rows)
    head = [text("run_sheet_block"), text("run_sheet_minutes"), text("run_sheet_full", total=full[-1])]
    if has_optional:
        head.append(text("run_sheet_short", total=short[-1]))
    body = []
    for index, row in enumerate(rows):
        cells = [time_cell(full[index], text)] + ([time_cell(short[index], text)] if has_optional else [])
        method = f'<br><span class="toimi-run-sheet__method">{html.escape(row.method)}</span>' if row.method else ""
        optional = f" ({html.escape(text('projector_optional'))})" if row.optional else ""
        kind = ' class="toimi-run-sheet__break"' if row.is_break else ""
        title = block_title(row, text)
        body.append(
            f'<tr{kind}><th scope="row">{html.escape(title)}{optional}'
            f"{method if not row.is_break else ''}</th><td>{row.minutes}</td>{''.join(cells)}</tr>"
        )
    end = [time_cell(full[-1], text)] + ([time_cell(short[-1], text)] if has_optional else [])
    end_title = html.escape(text("run_sheet_end"))
    body.append(f'<tr class="toimi-run-sheet__end"><th scope="row">{end_title}</th><td></td>{"".join(end)}</tr>')
    columns = "".join(f'<th scope="col">{html.escape(label)}</th>' for label in head)
    start = (
        '<p class="toimi-run-sheet__start"><label for="toimi-start-time">'
        f"{html.escape(text('run_sheet_start_label'))}</label> "
        '<input type="time" id="toimi-start-time" name="start" step="300" '
        f'aria-describedby="toimi-start-hint" data-separator="{html.escape(text("time_separator"))}">'
        f' <span id="toimi-start-hint">{html.escape(text("run_sheet_start_hint"))}</span></p>'
    )
    table = (
        f'<table class="toimi-run-sheet"><caption>{html.escape(text("run_sheet_caption"))}</caption>'
        f"<thead><tr>{columns}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    )
    left_out = [row.title for row in rows if row.optional]
    cutting = [f"**{html.escape(text('adapt_' + key))}** {adapt}" for key, adapt in modules.adaptations(page)]
    if left_out:
        cutting.insert(0, html.escape(text("run_sheet_short_leaves_out", blocks=", ".join(left_out))))
    cut = "".join(f'<div class="toimi-run-sheet__cut" markdown>\n\n{item}\n\n</div>\n\n' for item in cutting)
    cut_section = f'<h2 id="cutting">{html.escape(text("run_sheet_cutting"))}</h2>\n\n{cut}' if cut else ""
    return f"{start}\n\n{table}\n\n{cut_section}"
