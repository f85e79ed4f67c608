"""A workshop module's print kit: the cards its activities hand out (case cards, role cards, cards to sort),
drawn at build time from the module's own Markdown, so that a card is written once, in the module, and never
copied. With them the kit lists the name cards and the feedback form that every workshop shares (templates).

In a module page, the cards of one activity (a level-3 section under {#activities}) lie between two lines:

    [[kit:roles]]                 (or cards, slips: see KINDS)
    - **Janne:** ”…”
    - **Aino:** ”…”
    [[kit:end]]

in the participants' text or inside a facilitator note (then indented like the note's text). Between the lines, a
card is:
- each top-level item of a list; or
- a paragraph that begins with a bold title (`**Kortti 1: Leipomo Kiteellä.**`) with what follows it (its
  questions) up to the next such paragraph; or
- the whole text, when it has neither a list nor a bold title (one card).
On the module page, its handout and its projector view the two lines show nothing. The kit page
(`workshops/<slug>-kit.md`, the line `[[print_kit:<slug>]]`) shows every card in a dashed box to cut out; each kind
of card is a PDF of its own (`workshops/<slug>-kit-<kind>`, scripts/pdf.py), listed in the module's print set.
check() stops the build with file:line when a set is malformed; compare() keeps a translation's cards one for one
with the Finnish ones.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from scripts.content import Page, problem

# The kinds of card, in the order the kit shows them: cards for the groups (a case, a situation), role cards (one
# per role, shown to nobody else) and cards to sort (short, two to a row).
KINDS = ("cards", "roles", "slips")
END = "end"
KIT_SUFFIX = "-kit"
MARKER = re.compile(r"\[\[kit:(?P<kind>[^\]]*)\]\]")
HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.*?)\s*(?:\{[^}]*?#(?P<id>[\w-]+)[^}]*\})?\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")
LIST_ITEM = re.compile(r"^(?:[-*+]|\d+[.)])\s+")
SHORTCODE = re.compile(r"\[\[[^\]]*\]\]")
# A card is cut out and handed round: it must be short enough to fit a third of an A4 page in any language.
MAX_CARD_CHARS = 900
# The name cards (workshops/templates/name-cards): two folded cards on an A4 sheet.
NAME_CARDS_PER_SHEET = 2
NAME_CARDS_PAGE = "workshops/templates/name-cards"
FEEDBACK_PAGE = "workshops/templates/feedback"
# The pages every kit shares, with the interface text that names them.
SHARED_PAGES = {NAME_CARDS_PAGE: "kit_name_cards", FEEDBACK_PAGE: "kit_feedback"}
HOW = (
    "see 'Cards to print' in CONTRIBUTING.md: a list (a card per item), cards that each begin with a bold title, "
    "or one text"
)


@dataclass
class Card:
    line: int
    lines: list[str] = field(default_factory=list)

    @property
    def markdown(self) -> str:
        return "\n".join(self.lines).strip()


@dataclass
class CardSet:
    kind: str
    activity: str  # the {#id} of the activity the cards belong to
    title: str  # the activity's heading, as written
    line: int  # the [[kit:…]] line
    cards: list[Card]


def is_kit(key: str) -> bool:
    """key: a page's path in its language folder without .md ("workshops/x-kit")."""
    return key.startswith("workshops/") and key.endswith(KIT_SUFFIX)


def module_key(kit_key: str) -> str:
    return kit_key.removesuffix(KIT_SUFFIX)


def sheet_key(kit_key: str, kind: str) -> str:
    """The PDF unit of one kind of card: workshops/x-kit-roles."""
    return f"{kit_key}-{kind}"


def body_lines(page: Page):
    """(line number, text, what the line is: code, heading or text, the activity (id, title) it lies in)."""
    in_activities, activity, in_fence = False, None, False
    for index, text in enumerate(page.body.split("\n")):
        number = page.body_line + index
        fence = FENCE.match(text)
        if fence:
            in_fence = not in_fence
        if in_fence or fence:  # code is never a heading or a marker
            yield number, text, "code", activity
            continue
        heading = HEADING.match(text)
        if heading:
            level = len(heading["hashes"])
            if level == 2:
                in_activities, activity = heading["id"] == "activities", None
            elif level == 3:  # an activity is a level-3 section with an {#id} under {#activities}
                activity = (heading["id"], heading["text"]) if in_activities and heading["id"] else None
            yield number, text, "heading", activity
            continue
        yield number, text, "text", activity


def card_sets(page: Page) -> tuple[list[CardSet], list[str]]:
    """The module's card sets in order, and the problems of their marking."""
    found, problems, opened = [], [], None
    for number, text, what, activity in body_lines(page):
        marker = MARKER.search(text) if what == "text" else None
        if what == "heading" and opened:
            problems.append(
                problem(
                    page.path,
                    opened["line"],
                    f"the card set opened here with [[kit:{opened['kind']}]] runs into the heading on line {number}: "
                    "close it with a line [[kit:end]] after its last card",
                )
            )
            opened = None
        if not marker:
            if opened:
                opened["body"].append((number, text))
            continue
        kind, indent = marker["kind"].strip(), len(text) - len(text.lstrip(" "))
        if text.strip() != marker[0]:
            problems.append(problem(page.path, number, f"write [[kit:{kind}]] on a line of its own"))
        elif kind == END and opened:
            problems += close(page, opened, number, indent, found)
            opened = None
        elif wrong := opening_problem(kind, activity, opened, found):
            problems.append(problem(page.path, number, wrong))
            if not opened and kind != END:  # its [[kit:end]] then closes it without a second message
                opened = {"kind": kind, "line": number, "indent": indent, "activity": activity, "body": [], "bad": 1}
        else:
            opened = {"kind": kind, "line": number, "indent": indent, "activity": activity, "body": []}
    if opened:
        problems.append(
            problem(
                page.path,
                opened["line"],
                f"the card set opened here with [[kit:{opened['kind']}]] is never closed: add a line [[kit:end]] "
                "after its last card",
            )
        )
    return found, problems


def close(page: Page, opened: dict, number: int, indent: int, found: list[CardSet]) -> list[str]:
    """Close the open set at its [[kit:end]] line: its cards join `found`; the problems of its form are returned."""
    if opened.get("bad"):
        return []
    if indent != opened["indent"]:
        return [
            problem(
                page.path,
                number,
                f"[[kit:end]] is indented {indent} spaces, but its [[kit:{opened['kind']}]] on line {opened['line']} "
                f"{opened['indent']}: indent the two lines alike (inside a facilitator note, like the note's text)",
            )
        ]
    cards, wrong = split_cards(page, opened)
    if not wrong:
        found.append(CardSet(opened["kind"], opened["activity"][0], opened["activity"][1], opened["line"], cards))
    return wrong


def opening_problem(kind: str, activity: tuple | None, opened: dict | None, found: list[CardSet]) -> str | None:
    """What is wrong with a [[kit:…]] line that would open a set here, if anything."""
    if kind == END:
        return "[[kit:end]] closes no card set: open one with a line [[kit:cards]] (or roles, slips) above the cards"
    if kind not in KINDS:
        return f"unknown kind of card '{kind}' in [[kit:{kind}]]: use {', '.join(KINDS)}"
    if opened:
        return (
            f"[[kit:{kind}]] opens a card set inside the one opened on line {opened['line']}: close that one first "
            "with a line [[kit:end]]"
        )
    if not activity:
        return (
            f"[[kit:{kind}]] is outside the activities: a card set belongs to an activity, a section "
            "'### Title {#id}' under '## … {#activities}'"
        )
    twin = next((s for s in found if s.activity == activity[0] and s.kind == kind), None)
    if twin:
        return (
            f"a second [[kit:{kind}]] set in the activity {{#{activity[0]}}} (the first opens on line {twin.line}): "
            "put the cards of one kind of an activity in one set"
        )
    return None


def split_cards(page: Page, opened: dict) -> tuple[list[Card], list[str]]:
    """The cards between the two lines of a set (see the module's docstring)."""
    indent, rows = opened["indent"], []
    for number, text in opened["body"]:
        if not text.strip():
            rows.append((number, ""))
            continue
        if len(text) - len(text.lstrip(" ")) < indent:
            return [], [
                problem(
                    page.path,
                    number,
                    f"this line is indented less than the [[kit:{opened['kind']}]] line {opened['line']}: a set "
                    f"inside a facilitator note stays inside it (indent its lines by {indent} spaces, as the note's)",
                )
            ]
        rows.append((number, text[indent:]))
    while rows and not rows[0][1]:
        rows.pop(0)
    while rows and not rows[-1][1]:
        rows.pop()
    if not rows:
        return [], [
            problem(
                page.path,
                opened["line"],
                f"the card set [[kit:{opened['kind']}]] has no cards: put them between this line and [[kit:end]]",
            )
        ]
    cards = list_cards(page, rows) if LIST_ITEM.match(rows[0][1]) else paragraph_cards(page, rows)
    if isinstance(cards, str):
        return [], [cards]
    out = []
    for card in cards:
        length = len(" ".join(SHORTCODE.sub("", card.markdown).replace("*", "").split()))
        if length > MAX_CARD_CHARS:
            out.append(
                problem(
                    page.path,
                    card.line,
                    f"this card has {length} characters, too long to cut out and hand round (at most "
                    f"{MAX_CARD_CHARS}): shorten it, or split it into two cards",
                )
            )
    return cards, out


def list_cards(page: Page, rows: list[tuple[int, str]]) -> list[Card] | str:
    """A list: each top-level item is a card, its indented lines (a nested list, a second paragraph) with it."""
    cards: list[Card] = []
    previous = ""
    for number, text in rows:
        item = LIST_ITEM.match(text)
        if item:
            cards.append(Card(number, [text[item.end() :]]))
        elif not text or text.startswith(" ") or previous:  # a blank, an indented or a wrapped (lazy) line
            cards[-1].lines.append(text[min(len(text) - len(text.lstrip(" ")), 4) :])
        else:
            return problem(
                page.path,
                number,
                f"text between the items of a list of cards: each card is one item of the list ({HOW})",
            )
        previous = text
    return cards


def paragraph_cards(page: Page, rows: list[tuple[int, str]]) -> list[Card] | str:
    """Cards that each begin with a paragraph opening with a bold title; without any bold title, one card."""
    starts = [
        index
        for index, (_, text) in enumerate(rows)
        if text.startswith("**") and (index == 0 or not rows[index - 1][1])
    ]
    if not starts:
        return [Card(rows[0][0], [text for _, text in rows])]
    if starts[0] != 0:
        return problem(
            page.path,
            rows[0][0],
            f"this text comes before the first card's bold title and belongs to no card: begin each card with a "
            f"bold title, or move the text above [[kit:…]] ({HOW})",
        )
    bounds = starts + [len(rows)]
    return [Card(rows[a][0], [text for _, text in rows[a:b]]) for a, b in zip(bounds, bounds[1:], strict=False)]


def check(page: Page) -> list[str]:
    """The build's check of one page: card sets only in a module, each well formed."""
    if "[[kit:" not in page.body:
        return []
    sets, problems = card_sets(page)
    if "duration" not in page.meta and (sets or problems):
        line = sets[0].line if sets else page.body_line
        return [problem(page.path, line, "[[kit:…]] marks cards in a workshop module (a page with 'duration') only")]
    return problems


def compare(source: Page, translation: Page) -> list[str]:
    """A translation has the Finnish page's card sets, each with as many cards (the structure gate)."""
    fi, problems_fi = card_sets(source)
    tr, problems_tr = card_sets(translation)
    if problems_fi or problems_tr:
        return []  # the schema gate names them
    for want, got in zip(fi, tr, strict=False):
        if (want.kind, want.activity, len(want.cards)) != (got.kind, got.activity, len(got.cards)):
            return [
                problem(
                    translation.path,
                    got.line,
                    f"this [[kit:{got.kind}]] set in {{#{got.activity}}} has {len(got.cards)} card(s), but the set on "
                    f"{source.path}:{want.line} is [[kit:{want.kind}]] in {{#{want.activity}}} with {len(want.cards)}: "
                    "a translation keeps the Finnish cards one for one",
                )
            ]
    return []


def kinds(module: Page) -> list[str]:
    """The kinds of card a module has, in KINDS order (a malformed set is the schema gate's to report)."""
    present = {card_set.kind for card_set in card_sets(module)[0]}
    return [kind for kind in KINDS if kind in present]


# -- The kit page and the PDFs ------------------------------------------------------------------------------------


def kit_markdown(module: Page, text, link_to) -> str:
    """The kit page's body: a section per kind of card, a dashed box per card, then the shared name cards and
    feedback form. `text`: the language's interface texts; `link_to`: a page's relative link from the kit page."""
    sets = card_sets(module)[0]
    how = html.escape(text("kit_how"))
    out = []
    for kind in kinds(module):
        title = f"{text('kit_' + kind)}: {module.meta['title']}"
        out.append(
            f'<section class="toimi-kit-sheet toimi-kit-sheet--{kind}" id="kit-{kind}" data-kind="{kind}" '
            f'data-title="{html.escape(title)}" markdown>\n\n'
            f'<h2 id="kit-{kind}-title">{html.escape(text("kit_" + kind))}</h2>\n\n<p class="toimi-kit-how">{how}</p>\n'
        )
        for card_set in (s for s in sets if s.kind == kind):
            label = html.escape(SHORTCODE.sub("", card_set.title).strip())
            out.append(
                f'<div class="toimi-kit-set" markdown>\n\n<h3 id="kit-{kind}-{card_set.activity}">{label}</h3>\n\n'
                f'<div class="toimi-kit-cards toimi-kit-cards--{kind}" markdown>\n'
            )
            for card in card_set.cards:
                out.append(
                    '<div class="toimi-cut toimi-kit-card" markdown>\n\n'
                    f'<p class="toimi-kit-card__label">{label}</p>\n\n{card.markdown}\n\n</div>\n'
                )
            out.append("</div>\n\n</div>\n")
        out.append("</section>\n")
    if not out:
        out.append(f"{text('kit_no_cards')}\n")
    shared = " · ".join(f"[{text(label)}]({link_to(page + '.md')})" for page, label in SHARED_PAGES.items())
    out.append(f"## {text('kit_shared')} {{#kit-shared}}\n\n{text('kit_shared_text')} {shared}\n")
    return "\n".join(out)


ARTICLE = re.compile(r'(<article class="md-content__inner md-typeset"[^>]*>)(.*?)</article>', re.S)
BAND = re.compile(r'<header class="toimi-print-band.*?</header>', re.S)


def sheet_page(page_html: str, kind: str) -> str:
    """One kind of card of a built kit page, as a page of its own for its PDF: the kit page's header band, the
    sheet's title as the <h1>, and the sheet's cards (its activity headings one level up)."""
    article = ARTICLE.search(page_html)
    section = re.search(rf'<section (?=[^>]*\bid="kit-{kind}")([^>]*)>(.*?)</section>', article[2], re.S)
    title = re.search(r'data-title="([^"]*)"', section[1])[1]
    band = BAND.search(article[2])
    body = re.sub(r"<h2\b[^>]*>.*?</h2>", "", section[2], count=1, flags=re.S)
    body = re.sub(r"<(/?)h3\b", r"<\1h2", body)
    return f"{article[1]}{band[0] if band else ''}<h1>{title}</h1>{body}</article>"


def name_cards(text) -> str:
    """The name cards' sheet: cards to cut out and fold, the name on the lower half (it faces the room)."""
    card = (
        '<div class="toimi-cut toimi-name-card"><div class="toimi-name-card__back"></div>'
        f'<p class="toimi-name-card__front">{html.escape(text("name_card_hint"))}</p></div>'
    )
    return f'<div class="toimi-name-cards">{card * NAME_CARDS_PER_SHEET}</div>'
