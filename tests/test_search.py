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


def every_result(page) -> list[str]:
    """The addresses of all results of the query shown, after choosing "show more" until it is hidden."""
    links, more = page.locator(".toimi-search__results a"), page.locator(".toimi-search__more")
    while more.is_visible():
        shown = links.count()
        more.click()
        page.wait_for_function("n => document.querySelectorAll('.toimi-search__results a').length > n", arg=shown)
    return links.evaluate_all("links => links.map(a => new URL(a.href).pathname + new URL(a.href).hash)")


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
    """Every listed word finds its page among the first results shown, except the words listed as known misses
    (tests/data/search_recall.yml, known_misses), which must still miss: a fixed one leaves the list."""
    page = search(lang)
    missed = []
    for word, target in RECALL[lang].items():
        results = [r.split("#")[0] for r in page.query(word)]
        if page_url(server, lang, target) not in results:
            results = [r.split("#")[0] for r in every_result(page)]  # ranked after the first ten: still found
        if page_url(server, lang, target) not in results:
            missed.append(word)
    assert missed == (RECALL["known_misses"].get(lang) or []), lang
    assert len(RECALL[lang]) >= (30 if lang == "fi" else 10)


# --- ranking -----------------------------------------------------------------------------------------------

# A site of four Finnish pages, where "starttiraha" stands in a known place on each: the title of one, a heading
# of another, and only the text of the third, which names it most often and is the shortest. "hakemus" is on the
# first, the third and the fourth. Indexed by scripts/search.py, ranked by search.js's own functions.
FILLER = "Tässä kappaleessa kerrotaan muista asioista. "
RANKING_PAGES = {
    "title": "<h1>Starttiraha</h1><p>" + FILLER * 16 + "Hakemus jätetään ajoissa.</p>",
    "heading": "<h1>Tuet yrittäjälle</h1><p>" + FILLER * 4 + '</p><h2 id="tuki">Starttiraha</h2><p>' + FILLER * 4,
    "text": "<h1>Muita asioita</h1><p>" + "Starttiraha. " * 15 + "Hakemus. " + FILLER * 3 + "</p>",
    "other": "<h1>Lomakkeet</h1><p>Hakemus. " + FILLER * 3 + "</p>",
}
RANK = """async ([url, query, idx, file]) => {
  const search = await import(url);
  const keys = query.split(" ").map(word => search.key(word, idx.rules));
  return search.rank(keys.map(readerKey => search.scoreWord(readerKey, file, idx)), idx);
}"""


@pytest.fixture(scope="module")
def ranked(browser, server, tmp_path_factory):
    """query -> the addresses of the results, best first, over the four pages above."""
    from scripts.search import write_index

    site = tmp_path_factory.mktemp("ranking")
    for name, body in RANKING_PAGES.items():
        (site / name).mkdir()
        (site / name / "index.html").write_text(
            f"<html><body><article data-search-body>{body}</article></body></html>", encoding="utf-8"
        )
    write_index(site, ROOT / "data" / "search_rules.yml")
    folder = site / "search" / "fi"
    index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    words = {}
    for file in (folder / "words").glob("*.json"):
        words.update(json.loads(file.read_text(encoding="utf-8")))
    context = browser.new_context()
    page = context.new_page()
    page.goto(server, wait_until="load")

    def run(query: str) -> list[str]:
        passages = page.evaluate(RANK, [server + "assets/javascripts/search.js", query, index, words])
        return [json.loads((folder / "passages" / f"{n}.json").read_text(encoding="utf-8"))["url"] for n in passages]

    yield run
    context.close()


def test_the_title_outranks_a_heading_and_a_heading_outranks_the_text(ranked):
    # The text page names the word fifteen times in fewer words: by word counts alone (BM25) it would come first.
    assert ranked("starttiraha") == ["title/", "heading/#tuki", "text/"]
    assert ranked("starttirahan") == ["title/", "heading/#tuki", "text/"]  # inflected, the same order


def test_a_query_of_several_words_finds_the_pages_that_have_them_all(ranked):
    assert ranked("starttiraha hakemus") == ["title/", "text/"]
    assert ranked("hakemus starttiraha") == ["title/", "text/"]
    assert set(ranked("hakemus")) == {"title/", "text/", "other/"}
    assert ranked("starttiraha qwxzvkj") == []


def test_on_the_site_the_pages_with_the_word_in_their_title_come_first(search, server):
    page = search("fi")
    results = [r.split("#")[0] for r in page.query("työllistämislisä")]
    titled = ["employers/employment-supplement", "checklists/employment-supplement-application"]
    titled.append("workshops/employment-supplement-session")  # the handout and the module's views are not indexed
    assert sorted(results[:3]) == sorted(page_url(server, "fi", path) for path in titled), results
    assert len(results) > 3, results


def test_on_the_site_a_heading_outranks_the_pages_that_only_mention_the_word(search, server):
    # No Finnish page has "palkkatuki" in its title; two have it in a heading, and the glossary has it as a term.
    page = search("fi")
    results = [r.split("#")[0] for r in page.query("palkkatuki")]
    headed = ["employers/partial-work-ability", "employers/employment-supplement", "glossary"]
    assert sorted(results[:3]) == sorted(page_url(server, "fi", path) for path in headed), results
    assert len(results) > 3, results


def test_show_more_adds_the_next_results_and_moves_the_focus_to_the_first_new_one(search, server):
    page = search("fi")
    page.query("työllistämislisä")
    total = int("".join(c for c in page.inner_text(".toimi-search__status") if c.isdigit()))
    assert 10 < total <= 20, total  # more than one batch of ten, and one click shows the rest
    links = page.locator(".toimi-search__results a")
    assert links.count() == 10
    more = page.locator(".toimi-search__more")
    assert more.is_visible() and more.inner_text() == "Näytä lisää tuloksia"
    first_ten = links.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    more.click()
    page.wait_for_function("n => document.querySelectorAll('.toimi-search__results a').length === n", arg=total)
    shown = links.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert shown[:10] == first_ten and len(set(shown)) == total, shown
    assert page.evaluate("document.activeElement.getAttribute('href')") == shown[10]
    assert not more.is_visible()
    assert page.problems == []


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
