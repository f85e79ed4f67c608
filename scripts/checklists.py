"""Checklists: Markdown task lists become real, labelled checkboxes that a reader can tick.

pymdownx.tasklist writes `<input type="checkbox" disabled/> text` with the text outside any label,
so a screen reader announces an unnamed checkbox. Here every item becomes
`<label><input type="checkbox" data-check="ID"> text</label>`. The ID is the page's path without
its language folder plus the item's number, so the same item has the same ID in all five languages
(the translations keep the Finnish page's items in the same order), and a reader who switches
language keeps the ticks. overrides/assets/javascripts/checklists.js stores the ticks in the
browser only (localStorage), shows progress and offers a reset.
"""

from __future__ import annotations

import html
import re

ITEM = re.compile(
    r'<li class="task-list-item">(?P<p><p>)?<input type="checkbox" (?P<checked>checked )?disabled ?/?>'
    r"(?P<text>.*?)(?=</p>|</li>|<ul|<ol)",
    re.S,
)


def label_checkboxes(page_html: str, page_key: str, progress: str, reset: str, numbers: list[int] | None = None) -> str:
    """Give every task-list item a label and a stable ID; add the progress line before the first list.
    `numbers`: the item numbers to use in order (an Easy Finnish checklist's `checklist_items`, which are items of
    its standard checklist `page_key`), instead of 1, 2, 3 …"""
    counter = iter(numbers or range(1, 10_000))

    def item(match: re.Match) -> str:
        number = next(counter)
        checked = " checked" if match["checked"] else ""
        return (
            f'<li class="task-list-item">{match["p"] or ""}<label class="toimi-check">'
            f'<input type="checkbox" data-check="{html.escape(page_key)}#{number}"{checked}>'
            f"<span>{match['text'].strip()}</span></label>"
        )

    out = ITEM.sub(item, page_html)
    if out == page_html:
        return page_html
    tools = (
        f'<div class="toimi-checklist-tools" hidden data-progress="{html.escape(progress)}">'
        f'<p class="toimi-checklist-progress" role="status"></p>'
        f'<button type="button" class="md-button toimi-checklist-reset">{html.escape(reset)}</button></div>'
    )
    first = out.find('<ul class="task-list">')
    return out[:first] + tools + out[first:]
