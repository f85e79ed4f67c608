"""In Chromium, as a reader: pages load without errors and without any request to another host,
the language menu keeps the reader on the same page, and a missing page answers in its language."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from conftest import LANGUAGES, SITE_HOST, url_for

NOT_FOUND = {
    "fi": "Sivua ei löytynyt",
    "en": "Page not found",
    "sv": "Sidan hittades inte",
    "ru": "Страница не найдена",
    "uk": "Сторінку не знайдено",
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_page_loads_cleanly_and_only_from_this_site(server, page, lang):
    response = page.goto(url_for(server, lang), wait_until="networkidle")
    assert response.status == 200
    assert page.evaluate("document.documentElement.lang") == lang
    assert page.problems == [], page.problems
    hosts = {urlsplit(url).hostname for url in page.requests if not url.startswith("data:")}
    assert hosts == {SITE_HOST}, hosts
    assert page.context.cookies() == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_page_asks_for_nothing_it_does_not_use(server, page, lang):
    answers = []
    page.on("response", lambda response: answers.append((response.url, response.status)))
    page.goto(url_for(server, lang, "employers/partial-work-ability/"), wait_until="networkidle")
    assert [url for url, _ in answers if "sitemap" in url] == []
    assert [(url, status) for url, status in answers if status != 200] == []


@pytest.mark.parametrize(("start", "target"), [("fi", "uk"), ("ru", "sv"), ("en", "fi")])
def test_the_language_menu_keeps_the_reader_on_the_same_page(server, page, start, target):
    page.goto(url_for(server, start, "employers/partial-work-ability/"), wait_until="networkidle")
    page.locator(".md-header__option .md-select").hover()
    page.locator(f'.md-select__link[hreflang="{target}"]').click()
    page.wait_for_load_state("networkidle")
    assert page.url == url_for(server, target, "employers/partial-work-ability/")
    assert page.evaluate("document.documentElement.lang") == target
    assert page.problems == [], page.problems


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_missing_address_answers_in_its_language(server, page, lang):
    response = page.goto(url_for(server, lang, "no/such/page/"))
    assert response.status == 404
    page.wait_for_function(f"() => document.documentElement.lang === '{lang}'")
    page.wait_for_load_state("networkidle")
    assert NOT_FOUND[lang] in page.locator("article").inner_text()
    # The only error is the 404 status of the missing address itself (which the console does report).
    assert page.problems and all("404" in problem for problem in page.problems), page.problems


CHECKLIST = "checklists/employer-immigrant-recruitment/"


def test_checklist_ticks_show_progress_survive_reload_and_language_switch(server, page):
    page.goto(url_for(server, "uk", CHECKLIST), wait_until="networkidle")
    boxes = page.locator("input[data-check]")
    total = boxes.count()
    assert total >= 15
    progress = page.locator(".toimi-checklist-progress")
    assert progress.inner_text() == f"Виконано: 0 / {total}"
    # A reader ticks by clicking the item's text: the text is the checkbox's label.
    page.locator("label.toimi-check").nth(0).click()
    page.get_by_role("checkbox", name=page.locator("label.toimi-check").nth(2).inner_text().strip()).check()
    assert progress.inner_text() == f"Виконано: 2 / {total}"
    page.reload(wait_until="networkidle")
    assert boxes.nth(0).is_checked() and boxes.nth(2).is_checked() and not boxes.nth(1).is_checked()
    page.goto(url_for(server, "fi", CHECKLIST), wait_until="networkidle")
    assert page.locator(".toimi-checklist-progress").inner_text() == f"2 / {total} tehty"
    assert page.locator("input[data-check]").nth(2).is_checked()
    page.get_by_role("button", name="Tyhjennä rastit").click()
    assert page.locator(".toimi-checklist-progress").inner_text() == f"0 / {total} tehty"
    page.reload(wait_until="networkidle")
    assert page.locator("input[data-check]:checked").count() == 0
    assert page.problems == [], page.problems


def test_checklists_are_operable_by_keyboard(server, page):
    page.goto(url_for(server, "sv", CHECKLIST), wait_until="networkidle")
    first = page.locator("input[data-check]").first
    first.focus()
    page.keyboard.press("Space")
    assert first.is_checked()
    assert page.locator(".toimi-checklist-progress").inner_text().startswith("1 / ")
