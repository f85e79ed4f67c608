"""A workshop module's projector view and run sheet in Chromium, and the "Who helps" card in the built site.

Expected blocks, minutes and clock times are read by hand from the module pages' agendas
(docs/*/workshops/is-entrepreneurship-for-me.md and idea-to-first-customer.md)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from test_accessibility import WCAG_TAGS, run_axe

from conftest import LANGUAGES, SITE_HOST, url_for

# Each module and the number of rows in its agenda table (breaks included).
BLOCKS = {
    "recruiting-across-cultures": 12,
    "partial-work-ability-at-work": 7,
    "employment-supplement-session": 7,
    "is-entrepreneurship-for-me": 11,
    "idea-to-first-customer": 12,
}
MODULES = list(BLOCKS)


def status(page) -> str:
    return page.locator(".toimi-deck__status").inner_text()


def visible_titles(page) -> list[str]:
    return page.locator(".toimi-slide:visible .toimi-slide__title").all_inner_texts()


def test_the_projector_moves_block_by_block_with_the_keyboard(server, page):
    page.goto(url_for(server, "fi", "workshops/is-entrepreneurship-for-me-projector/"), wait_until="networkidle")
    assert status(page) == "Osio 1/11: Tervetuloa, tavoitteet ja pelisäännöt"
    assert visible_titles(page) == ["Tervetuloa, tavoitteet ja pelisäännöt"]
    time = "10 min · ohjeet 3 min, työskentely 5 min, purku 2 min · Koko ryhmä"  # the row's split, by hand
    assert page.locator(".toimi-slide:visible .toimi-slide__time").inner_text() == time
    page.keyboard.press("ArrowRight")
    assert status(page) == "Osio 2/11: Yrittäjän viikko"
    assert page.url.endswith("#block-2")
    slide = page.locator(".toimi-slide:visible")
    assert (
        slide.locator(".toimi-slide__time").inner_text()
        == "20 min · ohjeet 3 min, työskentely 12 min, purku 5 min · Pareittain"
    )
    assert "Lajitelkaa kortit kolmeen pinoon" in slide.inner_text()
    assert "Ajat:" not in slide.inner_text()  # a facilitator note (its timings) stays off the screen
    # The focus goes to the block's title, and it shows.
    assert page.evaluate("document.activeElement.textContent.replace(/\\u00ad/g, '')") == "Yrittäjän viikko"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
    for key, expected in [
        ("PageDown", "Osio 3/11: Kolme tapaa yrittää ja Yritysmuotokysely"),
        ("PageDown", "Osio 4/11: Tauko"),
        ("PageUp", "Osio 3/11: Kolme tapaa yrittää ja Yritysmuotokysely"),
        ("ArrowLeft", "Osio 2/11: Yrittäjän viikko"),
        ("End", "Osio 11/11: Palaute ja lopetus"),
        ("ArrowRight", "Osio 11/11: Palaute ja lopetus"),
        ("Home", "Osio 1/11: Tervetuloa, tavoitteet ja pelisäännöt"),
        ("ArrowLeft", "Osio 1/11: Tervetuloa, tavoitteet ja pelisäännöt"),
    ]:
        page.keyboard.press(key)
        assert status(page) == expected, key
        assert len(visible_titles(page)) == 1
    # The status is a live region: a screen reader hears "Osio n/N: title".
    assert page.locator(".toimi-deck__status").get_attribute("aria-live") == "polite"
    # The buttons work from the keyboard and keep the focus.
    page.locator(".toimi-deck__next").focus()
    page.keyboard.press("Enter")
    assert status(page) == "Osio 2/11: Yrittäjän viikko"
    assert page.evaluate("document.activeElement.classList.contains('toimi-deck__next')")
    # A reload stays on the block in the address.
    page.goto(url_for(server, "fi", "workshops/is-entrepreneurship-for-me-projector/#block-8"))
    page.wait_for_load_state("networkidle")
    assert status(page) == "Osio 8/11: Tapaustarinat"
    assert page.problems == [], page.problems
    hosts = {urlsplit(url).hostname for url in page.requests if not url.startswith("data:")}
    assert hosts == {SITE_HOST}, hosts


def test_a_block_shows_its_worked_example_and_the_last_one_the_who_helps_card(server, page):
    page.goto(url_for(server, "en", "workshops/idea-to-first-customer-projector/#block-7"), wait_until="networkidle")
    assert status(page) == "Block 7 of 12: First calculations – price and profitability"
    slide = page.locator(".toimi-slide:visible")
    split = "instructions 10 min, work 25 min, debrief 10 min"
    assert slide.locator(".toimi-slide__time").inner_text() == f"45 min · {split} · Example together, then individually"
    assert "Example: Jouni's garden services, Kontiolahti." in slide.inner_text()
    page.keyboard.press("End")
    link = page.locator(".toimi-slide:visible a", has_text="Who helps? Agree on your next step")
    assert link.get_attribute("href") == "../who-helps/"


def test_without_javascript_every_block_follows_the_other(server, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(url_for(server, "sv", "workshops/is-entrepreneurship-for-me-projector/"))
    assert page.locator(".toimi-slide:visible").count() == 11
    assert page.locator(".toimi-deck__bar").is_hidden()
    context.close()


def test_the_projector_passes_axe_and_fits_320_px_on_every_block(server, page):
    for lang in ("uk", "ru"):
        for module in MODULES:
            page.set_viewport_size({"width": 1280, "height": 800})
            page.goto(url_for(server, lang, f"workshops/{module}-projector/"), wait_until="networkidle")
            result = run_axe(page, {"runOnly": {"type": "tag", "values": WCAG_TAGS}})
            assert result["violations"] == [], (lang, module, [v["id"] for v in result["violations"]])
            page.set_viewport_size({"width": 320, "height": 640})
            assert page.locator(".toimi-slide").count() == BLOCKS[module]
            for block in range(BLOCKS[module]):
                too_wide = page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth")
                assert not too_wide, (lang, module, block + 1)
                page.keyboard.press("ArrowRight")
    assert page.problems == [], page.problems


# is-entrepreneurship-for-me: 10, 20, 25, break 10, 25, 25, break 10, 25, (10) optional, 15, 5 minutes.
FULL = ["9:00", "9:10", "9:30", "9:55", "10:05", "10:30", "10:55", "11:05", "11:30", "11:40", "11:55", "12:00"]
SHORT = ["9:00", "9:10", "9:30", "9:55", "10:05", "10:30", "10:55", "11:05", "left out", "11:30", "11:45", "11:50"]


def test_the_run_sheet_turns_a_typed_start_time_into_clock_times(server, page):
    page.goto(url_for(server, "en", "workshops/is-entrepreneurship-for-me-run-sheet/"), wait_until="networkidle")
    rows = page.locator(".toimi-run-sheet tbody tr")
    assert rows.count() == 12
    assert rows.nth(1).locator("td").nth(1).inner_text() == "10 min from the start"
    page.fill("#toimi-start-time", "09:00")

    def column(index: int) -> list[str]:
        cells = [rows.nth(i).locator("td").nth(index) for i in range(12)]
        return [
            (c.locator(".toimi-clock").inner_text() if c.locator(".toimi-clock").count() else c.inner_text())
            for c in cells
        ]

    assert column(1) == FULL
    assert column(2) == SHORT
    headers = page.locator(".toimi-run-sheet thead th").all_inner_texts()
    assert headers[2:] == ["Starts: full workshop (180 min)", "Starts: short version (170 min)"]
    assert "The short version leaves out the optional blocks: Ask the guest." in page.locator("article").inner_text()
    # Finnish writes 9.10; a cleared time shows the minutes again.
    page.goto(url_for(server, "fi", "workshops/is-entrepreneurship-for-me-run-sheet/"), wait_until="networkidle")
    page.fill("#toimi-start-time", "13:30")
    assert page.locator(".toimi-run-sheet tbody tr").nth(11).locator(".toimi-clock").first.inner_text() == "16.30"
    page.fill("#toimi-start-time", "")
    assert page.locator(".toimi-clock").all_inner_texts() == [""] * page.locator(".toimi-clock").count()
    assert page.problems == [], page.problems


def test_the_run_sheet_prints_on_one_a4_page_in_every_language(server, page):
    from io import BytesIO

    from pypdf import PdfReader

    for lang in LANGUAGES:
        for module in MODULES:
            page.goto(url_for(server, lang, f"workshops/{module}-run-sheet/"), wait_until="networkidle")
            page.fill("#toimi-start-time", "09:00")
            pages = len(PdfReader(BytesIO(page.pdf(format="A4"))).pages)
            assert pages == 1, (lang, module, pages)


def test_the_run_sheet_without_javascript_shows_minutes_from_the_start(server, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(url_for(server, "ru", "workshops/is-entrepreneurship-for-me-run-sheet/"))
    assert page.locator(".toimi-run-sheet__start").is_hidden()
    last = page.locator(".toimi-run-sheet tbody tr").nth(11).locator("td")
    assert last.nth(1).inner_text() == "180 мин от начала"
    assert last.nth(2).inner_text() == "170 мин от начала"
    context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_module_links_to_its_views_and_the_who_helps_card(site_dir, lang):
    root = site_dir if lang == "fi" else site_dir / lang
    for module in MODULES:
        html = (root / "workshops" / module / "index.html").read_text(encoding="utf-8")
        for target in (f"../{module}-projector/", f"../{module}-run-sheet/", "../who-helps/"):
            assert f'href="{target}"' in html, (lang, module, target)


TEMPLATES = ["attendance", "feedback", "feedback-tally", "invitation", "follow-up"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_module_facts_box_and_the_workshops_index_link_to_the_templates(site_dir, lang):
    """The templates every module uses are found from each module's "For the facilitator" line and the index."""
    root = site_dir if lang == "fi" else site_dir / lang
    for module in MODULES:
        html = (root / "workshops" / module / "index.html").read_text(encoding="utf-8")
        facts = re.search(r'<div class="toimi-module-facts">(.*?)</div>', html, re.S)
        assert facts and 'href="../templates/"' in facts[1], (lang, module)
    index = (root / "workshops" / "index.html").read_text(encoding="utf-8")
    assert 'href="templates/"' in index, lang
    templates = (root / "workshops" / "templates" / "index.html").read_text(encoding="utf-8")
    for template in TEMPLATES:
        assert f'href="{template}/"' in templates, (lang, template)
    # What is never collected is said on the page, and the pending notice names who confirms the participant data.
    assert 'id="never-collect"' in templates and 'data-pending="toimi_participant_data"' in templates, lang


def test_the_who_helps_card_shows_pending_contacts_with_their_note_and_no_invented_details(site_dir):
    html = (site_dir / "en" / "workshops" / "who-helps" / "index.html").read_text(encoding="utf-8")
    # The client services of the employment area are pending: who confirms them, and what works today.
    assert "contact details to be confirmed by the North Karelia employment area" in html
    assert "contact your own client manager (asiakasvastaava) for now" in html
    # Confirmed contacts with their published details only.
    assert 'href="https://tyomarkkinatori.fi/"' in html and 'href="tel:096224830"' in html
    assert html.count('href="mailto:') == 1  # the unemployment fund for entrepreneurs, the only e-mail on record


def test_agenda_rows_read_the_front_matter(tmp_path):
    from scripts import modules
    from scripts.content import read_page

    activities = "## Harjoitukset {#activities}\n\n### Kolme saraketta {#three-columns}\n\nOhje.\n"
    # Split minutes, a break row, the section named by `activity` or by a heading of the same words, and keys
    # this code does not know.
    front = tmp_path / "front.md"
    front.write_text(
        "---\ntitle: T\nduration: 50\nagenda:\n"
        "  - {title: Mitä tiedetään, activity: three-columns, instructions: 5, work: 10, debrief: 5, online: x}\n"
        "  - break: 10\n"
        "  - {title: Kolme saraketta, optional: true, instructions: 2, work: 6, debrief: 2}\n---\n\n" + activities,
        encoding="utf-8",
    )
    rows = modules.agenda_rows(read_page(front))
    assert [(r.title, r.minutes, r.optional, r.is_break, r.section, r.parts) for r in rows] == [
        ("Mitä tiedetään", 20, False, False, "three-columns", {"instructions": 5, "work": 10, "debrief": 5}),
        ("", 10, False, True, None, {}),
        ("Kolme saraketta", 10, True, False, "three-columns", {"instructions": 2, "work": 6, "debrief": 2}),
    ]
    assert modules.section_markdown(read_page(front), "three-columns") == "Ohje."
