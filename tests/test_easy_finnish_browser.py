"""Easy Finnish (selkosuomi) pages in Chromium, as a reader: the "Selkosuomeksi" link on a standard page in every
language, the label and lang of an Easy Finnish page, the language menu's "Selkosuomi" entry reached by keyboard,
ticks shared between an Easy Finnish checklist and its standard checklist, the search ranking, and 320 px."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from conftest import LANGUAGES, SITE_HOST, url_for

STANDARD = "checklists/starttiraha/"
EASY = "selko/starttiraha/"


OFFER = {
    "fi": "Tämä sivu on myös helpolla suomen kielellä:",
    "en": "This page is also available in Easy Finnish (selkosuomi), a simpler form of Finnish:",
    "sv": "Den här sidan finns också på lätt finska (selkosuomi), alltså på finska som är lätt att läsa:",
    "ru": "Эта страница есть и на упрощённом финском языке (selkosuomi)",
    "uk": "Ця сторінка є також спрощеною фінською мовою (selkosuomi), тобто фінською, яку легко читати:",
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_standard_page_offers_its_easy_finnish_version_above_the_title(server, page, lang):
    page.goto(url_for(server, lang, STANDARD), wait_until="networkidle")
    offer = page.locator("article .toimi-easy-link")
    assert OFFER[lang] in offer.inner_text()
    # Above the title, and visible without scrolling.
    assert offer.bounding_box()["y"] < page.locator("article h1").bounding_box()["y"]
    link = offer.get_by_role("link", name="Selkosuomeksi")
    assert link.get_attribute("hreflang") == "fi"
    link.click()
    page.wait_for_load_state("networkidle")
    assert urlsplit(page.url).path == urlsplit(url_for(server, "fi", EASY)).path
    assert page.evaluate("document.documentElement.lang") == "fi"
    assert page.locator("article .toimi-easy-label").inner_text().startswith("Selkosuomi")
    assert page.problems == [], page.problems
    hosts = {urlsplit(url).hostname for url in page.requests if not url.startswith("data:")}
    assert hosts == {SITE_HOST}, hosts


def test_a_page_without_an_easy_finnish_version_has_no_link(server, page):
    page.goto(url_for(server, "fi", "employers/partial-work-ability/"), wait_until="networkidle")
    assert page.locator(".toimi-easy-link").count() == 0


def test_the_finnish_language_menu_offers_selkosuomi_by_keyboard(server, page):
    page.goto(url_for(server, "fi", "entrepreneurship/coaching-path/"), wait_until="networkidle")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Selkosuomi":
            break
    else:
        pytest.fail("the keyboard never reached the Selkosuomi entry")
    assert page.locator(".toimi-easy-menu a").is_visible()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlsplit(page.url).path.endswith("/selko/coaching-path/")
    # On the other languages' sites the menu has no such entry.
    page.goto(url_for(server, "en", "entrepreneurship/coaching-path/"), wait_until="networkidle")
    assert page.locator(".toimi-easy-menu").count() == 0


def test_a_tick_in_the_easy_finnish_checklist_shows_in_the_standard_one_and_back(server, page):
    page.goto(url_for(server, "fi", EASY), wait_until="networkidle")
    easy_boxes = page.locator("input[data-check]")
    # The third Easy Finnish item is the standard checklist's item 12 (checklist_items in its front matter).
    assert easy_boxes.nth(2).get_attribute("data-check") == "checklists/starttiraha#12"
    easy_boxes.nth(2).check()
    page.goto(url_for(server, "ru", STANDARD), wait_until="networkidle")
    assert page.locator('input[data-check="checklists/starttiraha#12"]').is_checked()
    page.locator('input[data-check="checklists/starttiraha#1"]').check()
    page.goto(url_for(server, "fi", EASY), wait_until="networkidle")
    assert easy_boxes.nth(0).is_checked() and easy_boxes.nth(2).is_checked() and not easy_boxes.nth(1).is_checked()
    assert page.problems == [], page.problems


def test_the_search_ranks_the_easy_finnish_page_after_its_standard_page(server, page):
    page.goto(url_for(server, "fi", "about/"), wait_until="networkidle")
    page.click(".toimi-search__open")
    for query in ("starttiraha", "valmennus"):
        page.fill("#toimi-search-input", query)
        page.dispatch_event("#toimi-search-input", "input")
        page.wait_for_function("q => document.querySelector('.toimi-search').dataset.query === q", arg=query)
        results = page.locator(".toimi-search__results a").evaluate_all(
            "links => links.map(a => new URL(a.href).pathname)"
        )
        standard, easy = {
            "starttiraha": ("/toimi-opas/checklists/starttiraha/", "/toimi-opas/selko/starttiraha/"),
            "valmennus": ("/toimi-opas/entrepreneurship/coaching-path/", "/toimi-opas/selko/coaching-path/"),
        }[query]
        assert standard in results and easy in results, (query, results)
        assert results.index(standard) < results.index(easy), (query, results)


def test_easy_finnish_pages_fit_320_px(server, browser):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    for path in ("selko/", EASY, "selko/company-forms/"):
        page.goto(url_for(server, "fi", path), wait_until="networkidle")
        width = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert width[0] <= width[1], f"{path} at 320 px scrolls sideways: {width}"
    context.close()
