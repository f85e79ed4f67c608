"""The site search, as a reader uses it: results in the page's language only, inflected words found,
a localised "no results" message, keyboard use, and a small first download."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest
import yaml

from conftest import LANGUAGES, ROOT

RECALL = yaml.safe_load((ROOT / "tests" / "data" / "search_recall.yml").read_text(encoding="utf-8"))
NO_RESULTS = {
    "fi": "Haulla ei löytynyt sivuja",
    "en": "No pages found",
    "sv": "Inga sidor hittades",
    "ru": "Ничего не найдено",
    "uk": "Нічого не знайдено",
}


def prefix(server: str, lang: str) -> str:
    return server + ("" if lang == "fi" else f"{lang}/")


def page_url(server: str, lang: str, path: str) -> str:
    """The address path of a page given as its path in the language folder (workshops/index -> workshops/)."""
    path = path.removesuffix("index")
    return urlsplit(prefix(server, lang) + path + ("" if path.endswith("/") or not path else "/")).path


@pytest.fixture
def search(browser, server):
    contexts = []

    def open_on(lang: str, path: str = "about/"):
        context = browser.new_context()
        contexts.append(context)
        page = context.new_page()
        page.problems = []
        page.on("console", lambda m: page.problems.append(m.text) if m.type == "error" else None)
        page.goto(prefix(server, lang) + path, wait_until="networkidle")
        page.click(".toimi-search__open")

        def query(text: str) -> list[str]:
            page.fill("#toimi-search-input", text)
            page.dispatch_event("#toimi-search-input", "input")
            page.wait_for_function("q => document.querySelector('.toimi-search').dataset.query === q", arg=text)
            return page.locator(".toimi-search__results a").evaluate_all(
                "links => links.map(a => new URL(a.href).pathname + new URL(a.href).hash)"
            )

        page.query = query
        return page

    yield open_on
    for context in contexts:
        context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_word_on_one_page_finds_that_page_and_no_other_language(search, server, lang):
    page = search(lang)
    for word, target in (("Traficom", "accessibility"), ("localStorage", "privacy")):
        results = page.query(word)
        assert results, word
        assert results[0].split("#")[0] == "/toimi-opas/" + ("" if lang == "fi" else f"{lang}/") + target + "/"
        for result in results:
            first = result.split("/")[2]
            assert (first not in LANGUAGES) if lang == "fi" else first == lang, (word, result)
    assert page.problems == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_inflected_words_find_their_pages(search, server, lang):
    page = search(lang)
    found = 0
    missed = []
    for word, target in RECALL[lang].items():
        results = [r.split("#")[0] for r in page.query(word)]
        if page_url(server, lang, target) in results:
            found += 1
        else:
            missed.append(word)
    share = found / len(RECALL[lang])
    # Finnish, Swedish, Russian and English: 90 %; Ukrainian 80 % (its key rules are the youngest).
    assert share >= (0.8 if lang == "uk" else 0.9), (lang, share, missed)
    assert len(RECALL[lang]) >= (30 if lang == "fi" else 10)


def test_the_issue_examples_in_finnish_and_russian(search, server):
    page = search("fi")
    for word, target in (
        ("starttirahan", "checklists/starttiraha"),
        ("kuntoutuksen", "employers/partial-work-ability"),
        ("palkkatuen", "employers/partial-work-ability"),
        ("yrittäjäksi", "checklists/social-security-transition"),
    ):
        assert page_url(server, "fi", target) in [r.split("#")[0] for r in page.query(word)], word
    page = search("ru")
    assert page_url(server, "ru", "checklists/social-security-transition") in [
        r.split("#")[0] for r in page.query("предпринимателя")
    ]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_hit_shows_a_message_in_the_page_language(search, lang):
    page = search(lang)
    assert page.query("qwxzvkj") == []
    assert NO_RESULTS[lang] in page.inner_text(".toimi-search__status")


def test_results_show_title_highlighted_passage_and_go_to_the_section(search, server):
    page = search("sv")
    results = page.query("startpengen")
    assert any("#" in r for r in results), results
    assert page.locator(".toimi-search__results mark").count() > 0
    assert page.locator(".toimi-search__title").first.inner_text()


def test_search_is_usable_by_keyboard_alone(browser, server):
    context = browser.new_context()
    page = context.new_page()
    page.goto(server + "uk/", wait_until="networkidle")
    page.focus(".toimi-search__open")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Пошук у довіднику"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "toimi-search-input"
    page.keyboard.insert_text("кооперативу")
    page.dispatch_event("#toimi-search-input", "input")
    page.wait_for_function("() => document.querySelector('.toimi-search').dataset.query === 'кооперативу'")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") == "A"
    target = page.evaluate("document.activeElement.href")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == target
    context.close()


def test_escape_closes_the_dialog(search):
    page = search("en")
    assert page.locator("dialog").is_visible()
    page.keyboard.press("Escape")
    assert not page.locator("dialog").is_visible()


@pytest.mark.parametrize("lang", ["fi", "ru"])
def test_first_search_downloads_little(browser, server, site_dir, lang):
    """Compressed bytes of everything the first search loads, the search code included, counted at the
    server as a static host sends them: at most 150 KB (the issue's limit). It is about 15 KB: the code,
    the language's index.json, one word file (the build splits them until each is small, so this does not
    grow with the site) and one passage per result shown (so it grows with the hits, ten at a time)."""
    from scripts.static_server import SENT

    context = browser.new_context()
    page = context.new_page()
    page.goto(prefix(server, lang) + "employers/", wait_until="networkidle")
    before = len(SENT)
    page.click(".toimi-search__open")
    page.fill("#toimi-search-input", "starttiraha" if lang == "fi" else "предпринимателя")
    page.dispatch_event("#toimi-search-input", "input")
    page.wait_for_function("() => document.querySelector('.toimi-search').dataset.query")
    page.wait_for_load_state("networkidle")
    loaded = SENT[before:]
    first_search = sum(size for _, size in loaded)
    code = [size for path, size in loaded if path.endswith("/assets/javascripts/search.js")]
    assert code, loaded  # the search code was counted, and compressed as a static host sends it
    assert code[0] < (site_dir / "assets" / "javascripts" / "search.js").stat().st_size / 2, code
    assert len([p for p, _ in loaded if "/words/" in p]) == 1, loaded
    passages = [p for p, _ in loaded if "/passages/" in p]
    assert len(passages) == page.locator(".toimi-search__results li").count() <= 10, loaded
    assert first_search <= 150 * 1024, (first_search, loaded)
    context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_browser_reduces_words_to_the_same_keys_as_the_build(browser, server, site_dir, lang):
    """search.js and scripts/search.py must agree, or a word the reader types would miss its pages."""
    from scripts.search import key, load_rules, words_of

    rules = load_rules(ROOT / "data" / "search_rules.yml")[lang]
    words = list(RECALL[lang])
    for passage in sorted((site_dir / "search" / lang / "passages").glob("*.json"))[:40]:
        words += words_of(json.loads(passage.read_text(encoding="utf-8"))["text"])[:30]
    context = browser.new_context()
    page = context.new_page()
    page.goto(prefix(server, lang), wait_until="networkidle")
    in_browser = page.evaluate(
        "async ([url, words, rules]) => { const code = await import(url); return words.map(w => code.key(w, rules)); }",
        [server + "assets/javascripts/search.js", words, rules],
    )
    assert in_browser == [key(word, rules) for word in words]
    context.close()
