"""WCAG 2.1 AA (axe-core with the rule tags of tests/test_accessibility.py's walk) in the states a reader puts a page
in, in every language. The walk over every page sees each page as it loads; these tests open the search dialog and
show its results (and more of them), answer the company-form questionnaire, tick checklist items, move the
projector view from block to block and type a start time into the run sheet, and run axe again.

One browser context serves the whole module; every wait is for a condition the page's own script sets."""

from __future__ import annotations

import pytest
from test_accessibility import AXE, WCAG_TAGS

from conftest import LANGUAGES, url_for

OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
# In the dark scheme, the rules that colours decide (as tests/test_accessibility.py's dark-scheme test).
DARK_OPTIONS = {
    "runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]},
    "resultTypes": ["violations"],
}
AXE_SOURCE = AXE.read_text(encoding="utf-8")
SWITCH_SCHEME = """scheme => {
  const input = document.querySelector(`[data-md-component="palette"] input[data-md-color-scheme="${scheme}"]`);
  input.checked = true;
  input.dispatchEvent(new Event("change", {bubbles: true}));
}"""


@pytest.fixture(scope="module")
def tab(browser, server):
    """One page, reused by every test here, that records console errors (tab.problems)."""
    context = browser.new_context()
    context.add_init_script(AXE_SOURCE)  # axe on every page, sent to the browser once
    page = context.new_page()
    page.server = server
    page.problems = []
    page.on("console", lambda message: page.problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    yield page
    context.close()


def open_page(tab, lang: str, path: str) -> None:
    tab.problems.clear()
    tab.goto(url_for(tab.server, lang, path), wait_until="load")


def violations(tab, state: str, within: str, schemes: tuple[str, ...] = ("default", "slate")) -> list[str]:
    """axe's violations in the page's current state, one line each (the rule, its impact and the first element):
    every rule in the light scheme, then the contrast rules in the dark one. The scheme is switched through the
    header's toggle as Material's own script reads it (its radio input changed), not by a click, which would move
    the focus and cannot reach the header past an open dialog: the state the test made stays as it is.
    `within`: the part of the page that the state changes (the walk over every page checked the rest as it loaded)."""
    found = []
    for scheme in schemes:
        options = OPTIONS if scheme == "default" else DARK_OPTIONS
        tab.evaluate(SWITCH_SCHEME, scheme)
        # Material fades colours in (CSS transitions): axe must see the colours they end with.
        tab.wait_for_function(
            """scheme => document.body.dataset.mdColorScheme === scheme
                && !document.getAnimations().some(a => a instanceof CSSTransition)""",
            arg=scheme,
        )
        result = tab.evaluate("([within, options]) => axe.run(within, options)", [within, options])
        found += [
            f"{tab.url} ({state}, {scheme} scheme): {v['id']} ({v['impact']}) "
            + "; ".join(f"{node['target']} {node['failureSummary'][:160]}" for node in v["nodes"][:3])
            for v in result["violations"]
        ]
    tab.evaluate(SWITCH_SCHEME, "default")  # Material keeps the choice for the next page
    return found


def assert_clean(tab, found: list[str]) -> None:
    """No axe violation in any state the test made, and no console error on the way."""
    assert not found, "\n".join(found)
    assert tab.problems == [], tab.problems


# A word that finds more pages than the dialog shows at first (ten), so that "show more" appears.
MANY_RESULTS = {"fi": "työnantaja", "en": "employer", "sv": "arbetsgivare", "ru": "работодатель", "uk": "роботодавець"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_search_dialog_with_results_and_more_results(tab, lang):
    open_page(tab, lang, "about/")
    tab.click(".toimi-search__open")
    tab.wait_for_function("() => document.getElementById('toimi-search-dialog').open")
    tab.fill("#toimi-search-input", MANY_RESULTS[lang])
    tab.wait_for_function("q => document.querySelector('.toimi-search').dataset.query === q", arg=MANY_RESULTS[lang])
    assert tab.locator(".toimi-search__results li").count() == 10
    assert tab.locator(".toimi-search__more").is_visible(), "the word finds more than ten pages"
    found = violations(tab, "search results", within="#toimi-search-dialog")
    tab.click(".toimi-search__more")
    # The focus goes to the first result added (search.js).
    tab.wait_for_function(
        """() => document.querySelectorAll('.toimi-search__results li').length > 10
            && document.activeElement === document.querySelectorAll('.toimi-search__results a')[10]"""
    )
    found += violations(tab, "search results after show more", within="#toimi-search-dialog")
    assert_clean(tab, found)


# Every question answered, so that both warnings, forms that fit, forms that do not and a note all show.
ANSWERS = {
    "together": "with_others",
    "keep_benefit": "yes",
    "workload": "full_time",
    "starttiraha": "yes",
    "turnover": "above",
    "invoicing": "own_company",
    "admin": "yes",
    "risk": "yes",
    "residence": "permit",
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_company_form_questionnaire_answered(tab, lang):
    open_page(tab, lang, "entrepreneurship/company-form-helper/")
    # Each answer clicked as a reader clicks it (the change event the questionnaire listens to), in one round trip.
    tab.evaluate(
        """answers => Object.entries(answers).forEach(([question, value]) =>
            document.querySelector(`input[name="${question}"][value="${value}"]`).click())""",
        ANSWERS,
    )
    tab.wait_for_function(
        """() => document.querySelectorAll('.toimi-helper-form .toimi-helper-warning').length === 2
            && document.querySelector('.toimi-helper-results .toimi-helper-excluded')
            && document.querySelector('.toimi-helper-results .toimi-helper-notes')"""
    )
    found = violations(tab, "questionnaire answered", within=".toimi-helper")
    assert_clean(tab, found)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_checklist_with_items_ticked(tab, lang):
    open_page(tab, lang, "checklists/employer-immigrant-recruitment/")
    boxes = tab.locator("input[data-check]")
    for index in (0, 1, 5):
        boxes.nth(index).check()
    tab.wait_for_function(
        """() => document.querySelectorAll('input[data-check]:checked').length === 3
            && /\\b3\\b/.test(document.querySelector('.toimi-checklist-progress').textContent)"""
    )
    found = violations(tab, "three items ticked", within="article")
    assert_clean(tab, found)


# One module per language, so that five runs cover every module and every language.
MODULE_FOR = {
    "fi": "recruiting-across-cultures",
    "en": "partial-work-ability-at-work",
    "sv": "employment-supplement-session",
    "ru": "is-entrepreneurship-for-me",
    "uk": "idea-to-first-customer",
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_projector_on_every_block(tab, lang):
    """The walk and tests/test_workshop_views.py see the first block only: the others are hidden until the
    presenter moves to them. Here every block is shown in turn (the arrow key, as a presenter does; the focus goes
    to the block's title), the last one with the "next" button marked as disabled; then the deck in full screen, in
    both schemes. Only the deck is checked: nothing else on the page changes."""
    open_page(tab, lang, f"workshops/{MODULE_FOR[lang]}-projector/")
    tab.wait_for_function("() => !document.querySelector('.toimi-deck__bar').hidden")
    blocks = tab.locator(".toimi-slide").count()
    found = []
    for block in range(1, blocks):
        tab.keyboard.press("ArrowRight")
        tab.wait_for_function(
            """n => !document.querySelectorAll('.toimi-slide')[n].hidden
                && document.activeElement.classList.contains('toimi-slide__title')""",
            arg=block,
        )
        found += violations(tab, f"block {block + 1} of {blocks}", within=".toimi-deck", schemes=("default",))
    assert tab.locator(".toimi-deck__next").get_attribute("aria-disabled") == "true"
    # The dark scheme's colours do not depend on which block is shown: one contrast run over every block at once, as
    # the page shows them without JavaScript, rather than one a block (the slowest part of this file otherwise).
    tab.evaluate("() => document.querySelectorAll('.toimi-slide').forEach(slide => { slide.hidden = false; })")
    found += violations(tab, "every block shown", within=".toimi-deck", schemes=("slate",))
    # Full screen, as a presenter shows it (the deck fills the screen, its type grows, the button is pressed); back to
    # the first block and on with the "next" button from the keyboard, which keeps the focus.
    tab.click(".toimi-deck__full")
    tab.keyboard.press("Home")
    tab.focus(".toimi-deck__next")
    tab.keyboard.press("Enter")
    tab.wait_for_function(
        """() => document.fullscreenElement === document.querySelector('.toimi-deck')
            && document.querySelector('.toimi-deck__full').getAttribute('aria-pressed') === 'true'
            && !document.querySelectorAll('.toimi-slide')[1].hidden
            && document.activeElement.classList.contains('toimi-deck__next')"""
    )
    found += violations(tab, "full screen, block 2, the next button focused", within=".toimi-deck")
    tab.evaluate("() => document.exitFullscreen()")
    assert_clean(tab, found)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_run_sheet_with_a_start_time(tab, lang):
    open_page(tab, lang, f"workshops/{MODULE_FOR[lang]}-run-sheet/")
    tab.fill("#toimi-start-time", "09:00")
    tab.wait_for_function("() => document.querySelector('.toimi-clock').textContent !== ''")
    found = violations(tab, "start time 09:00", within="article")
    assert_clean(tab, found)
