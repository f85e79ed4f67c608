"""Easy Finnish (selkosuomi) pages, issue 17: Finnish-only by design (extra.finnish_only, one place), with a pointer
page in every other language at the same path (a short page in that language linking the Easy Finnish page and the
standard page; not a translation), their fields,
their outdated state from the standard page's source hash, and the readability gate with one failing mistake per
rule. The fixture is tests/fixtures/content with tests/fixtures/easy-finnish laid over it (a mkdocs.yml that
declares selko/ Finnish-only, docs/fi/selko/guide.md, the Easy Finnish version of guide.md, and its pointers
docs/{en,sv,ru,uk}/selko/guide.md). Expected files,
lines and messages are written here by hand.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT

EASY = "docs/fi/selko/guide.md"


def fixture(tmp_path: Path) -> Path:
    work = tmp_path / "content"
    shutil.copytree(FIXTURES / "content", work)
    shutil.copytree(FIXTURES / "easy-finnish", work, dirs_exist_ok=True)
    return work


def run_check(work: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "scripts.check", "--docs", "docs", "--data", str(ROOT / "data"), *args],
        cwd=work,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def edit(work: Path, file: str, old: str, new: str) -> None:
    path = work / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"the fixture no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_easy_finnish_fixture_passes_every_gate_and_reports_its_figures(tmp_path):
    result = run_check(fixture(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 problems in 8 gate(s)" in result.stderr
    # Counted by hand: title 1, description 1, headings 2, paragraph 2, items 2 = 8 sentences of 30 words; the
    # longest have 5 words (the description, each item); the longest word is "selkosuomeksi" (13 letters).
    assert f"  {EASY}: 8 sentences, 3.8 words each (longest 5), longest word 13 letters" in result.stdout
    assert "100 % common words, 0 problem(s)" in result.stdout


def test_every_language_has_a_pointer_page_at_an_easy_finnish_pages_path(tmp_path):
    work = fixture(tmp_path)
    (work / "docs" / "sv" / "selko" / "guide.md").unlink()
    result = run_check(work, "--only", "translations")
    assert result.returncode == 1
    assert (
        "docs/fi/selko/guide.md:1: the Easy Finnish page has no sv page at its path: create docs/sv/selko/guide.md, "
        "a short page in Svenska that says what the Easy Finnish page covers and for whom"
    ) in result.stderr
    assert "docs/en/selko/guide.md" not in result.stderr


def test_a_pointer_page_is_no_translation_of_the_easy_finnish_page(tmp_path):
    """A copy of the Easy Finnish page under another language is refused field by field. (The structure gate, which
    compares a translation with its Finnish page, leaves pointers alone: the fixture's pointers, without the Finnish
    page's headings and items, pass every gate.)"""
    work = fixture(tmp_path)
    shutil.copy(work / EASY, work / "docs" / "ru" / "selko" / "guide.md")
    result = run_check(work, "--only", "translations,structure")
    assert result.returncode == 1
    for line, field in ((6, "easy_finnish_of"), (7, "checklist_items")):
        assert f"docs/ru/selko/guide.md:{line}: '{field}' belongs only in an Easy Finnish page" in result.stderr
    assert (
        "docs/ru/selko/guide.md:8: 'source_hash' does not belong in this page: it points to an Easy Finnish page"
    ) in result.stderr
    assert (
        "docs/ru/selko/guide.md:1: this page points to an Easy Finnish page but does not link the standard page: "
        "add a link to (../guide.md)"
    ) in result.stderr


@pytest.mark.parametrize(
    "old, new, missing",
    [
        ("[Opas selkosuomeksi](guide.md)", "Opas selkosuomeksi", "the Easy Finnish page: add a link to (guide.md)"),
        ("[Guide for employers](../guide.md)", "the guide", "the standard page: add a link to (../guide.md)"),
    ],
)
def test_a_pointer_page_links_the_easy_finnish_page_and_the_standard_page(tmp_path, old, new, missing):
    work = fixture(tmp_path)
    edit(work, "docs/en/selko/guide.md", old, new)
    result = run_check(work, "--only", "translations")
    assert result.returncode == 1
    assert f"docs/en/selko/guide.md:1: this page points to an Easy Finnish page but does not link {missing}" in (
        result.stderr
    )


def test_a_pointers_link_to_an_anchor_is_checked_against_the_finnish_page(tmp_path):
    """The build leads a pointer's link to the Easy Finnish page (same path) to the Finnish page, so the links
    gate looks for its anchor there, not in the pointer."""
    work = fixture(tmp_path)
    edit(work, "docs/en/selko/guide.md", "](guide.md)", "](guide.md#checklist)")
    assert run_check(work, "--only", "links").returncode == 0
    edit(work, "docs/en/selko/guide.md", "](guide.md#checklist)", "](guide.md#nowhere)")
    result = run_check(work, "--only", "links")
    assert result.returncode == 1
    assert "docs/en/selko/guide.md:" in result.stderr and "nowhere" in result.stderr


def test_a_standard_page_is_still_required_in_every_language(tmp_path):
    work = fixture(tmp_path)
    (work / "docs" / "sv" / "other.md").unlink()
    result = run_check(work, "--only", "translations")
    assert result.returncode == 1
    assert "docs/fi/other.md:1: no sv translation: create docs/sv/other.md" in result.stderr


# rule: (old text, new text, expected "file:line:", expected words of the message)
FIELD_MISTAKES = {
    "unknown standard page": (
        "easy_finnish_of: guide",
        "easy_finnish_of: guid",
        f"{EASY}:6:",
        "easy_finnish_of: 'guid' is not a standard Finnish page",
    ),
    "an item too few in checklist_items": (
        "checklist_items: [1, 2]",
        "checklist_items: [1]",
        f"{EASY}:7:",
        "'checklist_items' lists 1 numbers but the page has 2 items",
    ),
    "an item the standard checklist does not have": (
        "checklist_items: [1, 2]",
        "checklist_items: [1, 3]",
        f"{EASY}:7:",
        "'checklist_items' [3]: docs/fi/guide.md has items 1-2",
    ),
}


@pytest.mark.parametrize("name", sorted(FIELD_MISTAKES))
def test_easy_finnish_fields_are_checked(tmp_path, name):
    old, new, where, what = FIELD_MISTAKES[name]
    work = fixture(tmp_path)
    edit(work, EASY, old, new)
    result = run_check(work, "--only", "translations")
    assert result.returncode == 1, result.stdout + result.stderr
    assert [line for line in result.stderr.splitlines() if line.startswith(where) and what in line], result.stderr


def test_easy_finnish_fields_belong_only_in_easy_finnish_pages(tmp_path):
    work = fixture(tmp_path)
    edit(work, "docs/fi/other.md", "audience:", "easy_finnish_of: guide\naudience:")
    result = run_check(work, "--only", "translations")
    assert "docs/fi/other.md:4: 'easy_finnish_of' belongs only in an Easy Finnish page" in result.stderr


# rule: (old text, new text, expected "file:line:", expected words of the message)
READABILITY_MISTAKES = {
    "sentence length": (
        "Tarkista ensin yksi asia.",
        "Tarkista ensin yksi asia, joka on tärkeä sinulle ja työnantajalle, ennen kuin teet sopimuksen.",
        f"{EASY}:16:",
        "a sentence of 14 words (Easy Finnish: at most 12)",
    ),
    "word length": (
        "Tarkista ensin yksi asia.",
        "Tarkista ensin yksi asia ulkomaalaisviranomaisilta.",
        f"{EASY}:16:",
        "'ulkomaalaisviranomaisilta' has 25 letters (Easy Finnish: at most 16)",
    ),
    "compound length": (
        "Sovi päivä, jolloin työ alkaa.",
        "Sovi työsopimuspäivä.",
        f"{EASY}:22:",
        "'työsopimuspäivä' is a compound of more than 2 parts (Voikko)",
    ),
    "passive": (
        "Sovi päivä, jolloin työ alkaa.",
        "Päivä sovitaan yhdessä.",
        f"{EASY}:22:",
        "'sovitaan' is passive (Voikko)",
    ),
    "participle": (
        "Tarkista ensin yksi asia.",
        "Tarkista ensin hakijan antama tieto.",
        f"{EASY}:16:",
        "'antama' is a participle construction (Voikko)",
    ),
    "paragraph length": (
        "Saako ihminen tehdä työtä Suomessa?",
        "Saako ihminen tehdä työtä Suomessa? Kysy häneltä. Katso hänen luvat. Kirjoita ne ylös.",
        f"{EASY}:16:",
        "a paragraph of 5 sentences (Easy Finnish: at most 4)",
    ),
    "uncommon word": (
        "Tarkista ensin yksi asia.",
        "Tarkista ensin yksi asia harkinnan mukaan.",
        f"{EASY}:16:",
        "'harkinnan' is not among the common Finnish words (data/words/fi-common.txt)",
    ),
}


@pytest.mark.parametrize("name", sorted(READABILITY_MISTAKES))
def test_each_readability_rule_fails_on_its_mistake(tmp_path, name):
    old, new, where, what = READABILITY_MISTAKES[name]
    work = fixture(tmp_path)
    edit(work, EASY, old, new)
    result = run_check(work, "--only", "readability")
    assert result.returncode == 1, result.stdout + result.stderr
    assert [line for line in result.stderr.splitlines() if line.startswith(where) and what in line], result.stderr


def test_an_official_term_in_the_exceptions_list_passes(tmp_path):
    work = fixture(tmp_path)
    edit(work, EASY, "Tarkista ensin yksi asia.", "Kysy ensin asiakasvastaavalta.")
    result = run_check(work, "--only", "readability")
    assert result.returncode == 0, result.stderr


def test_the_readability_gate_reads_only_easy_finnish_pages(tmp_path):
    work = fixture(tmp_path)
    edit(work, "docs/fi/other.md", "audience:", "audience:")  # the standard pages are long-sentenced as they are
    result = run_check(work, "--only", "readability")
    assert result.returncode == 0, result.stderr
    assert "docs/fi/guide.md:" not in result.stdout + result.stderr


def test_a_change_of_the_standard_pages_words_marks_the_easy_finnish_page_outdated(tmp_path):
    from scripts import translations

    work = fixture(tmp_path)
    docs = work / "docs"
    assert translations.status(docs).easy_finnish == {"selko/guide.md": "current"}
    assert "selko/guide.md" not in translations.status(docs).states  # no translations to follow
    edit(work, "docs/fi/guide.md", "reviewed: 2026-11-01", "reviewed: 2026-11-20")
    assert translations.status(docs).easy_finnish["selko/guide.md"] == "current"  # a date is not a fact
    edit(work, "docs/fi/guide.md", "Sovi työn aloituspäivä.", "Sovi työn aloituspäivä ja palkka.")
    assert translations.status(docs).easy_finnish["selko/guide.md"] == "outdated"
    report = run_check(work, "--only", "translations").stdout
    assert "selko outdated: docs/fi/selko/guide.md (its standard page changed" in report
    done = subprocess.run(
        [sys.executable, "-m", "scripts.translations", "done", EASY],
        cwd=work,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 0, done.stderr
    assert translations.status(docs).easy_finnish["selko/guide.md"] == "current"


def test_an_easy_finnish_page_has_only_its_own_address_and_its_pointers_alternate_with_each_other():
    from scripts.content import alternates

    site = "https://example.org/x/"
    assert alternates(site, "selko/starttiraha/", ("selko/",)) == [
        ("fi", "https://example.org/x/selko/starttiraha/"),
        ("x-default", "https://example.org/x/selko/starttiraha/"),
    ]
    assert alternates(site, "uk/selko/starttiraha/", ("selko/",)) == [
        ("en", "https://example.org/x/en/selko/starttiraha/"),
        ("sv", "https://example.org/x/sv/selko/starttiraha/"),
        ("ru", "https://example.org/x/ru/selko/starttiraha/"),
        ("uk", "https://example.org/x/uk/selko/starttiraha/"),
        ("x-default", "https://example.org/x/en/selko/starttiraha/"),
    ]
    assert [code for code, _ in alternates(site, "en/about/", ("selko/",))] == [
        "fi",
        "en",
        "sv",
        "ru",
        "uk",
        "x-default",
    ]


def test_the_real_configuration_declares_the_easy_finnish_pages_once():
    from scripts.content import finnish_only_paths

    assert finnish_only_paths(ROOT / "docs") == ("selko/",)
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert text.count("finnish_only:") == 1


def test_the_language_menu_of_an_easy_finnish_page_leads_to_the_same_topic_in_each_language(html_site):
    """An Easy Finnish page has no translation: choosing another language leads to the standard page it is the Easy
    Finnish version of, in that language, and from the Easy Finnish home page to the language's home page."""
    import re

    def menu(path: str) -> dict[str, str]:
        page = (html_site / path / "index.html").read_text(encoding="utf-8")
        links = re.findall(r'<a href="([^"]+)" hreflang="(\w+)" class="md-select__link">', page)
        return {lang: href for href, lang in links if lang != "fi"}

    assert menu("selko/starttiraha") == {
        "en": "/toimi-opas/en/checklists/starttiraha/",
        "sv": "/toimi-opas/sv/checklists/starttiraha/",
        "ru": "/toimi-opas/ru/checklists/starttiraha/",
        "uk": "/toimi-opas/uk/checklists/starttiraha/",
    }
    assert menu("selko")["uk"] == "/toimi-opas/uk/"
    for easy in sorted((html_site / "selko").glob("**/index.html")):
        path = easy.parent.relative_to(html_site).as_posix()
        for lang, href in menu(path).items():
            assert (html_site / href.removeprefix("/toimi-opas/") / "index.html").exists(), (path, lang, href)
    # A standard page's menu still leads to the same page.
    assert menu("checklists/starttiraha")["ru"].endswith("ru/checklists/starttiraha/")


def test_a_pointer_page_leads_to_the_finnish_easy_finnish_page_and_is_not_searched_or_printed(html_site):
    """The Russian pointer at selko/starttiraha: its link to the Easy Finnish page opens the Finnish page (marked
    hreflang="fi"), its link to the standard checklist stays in Russian, it has no PDF of its own (only the handbook's
    link, as every page has), and the search
    finds the standard page rather than the pointer, whose words only lead elsewhere."""
    import json
    import re

    pointer = html_site / "ru" / "selko" / "starttiraha" / "index.html"
    article = pointer.read_text(encoding="utf-8").split('<article class="md-content__inner', 1)[1]
    article = article.split("</article>", 1)[0]
    finnish = re.findall(r'<a href="([^"]+)" hreflang="fi"', article)
    assert finnish, "the pointer has no link to the Finnish Easy Finnish page"
    targets = {(pointer.parent / href / "index.html").resolve() for href in finnish}
    assert (html_site / "selko" / "starttiraha" / "index.html").resolve() in targets
    assert all(target.is_relative_to((html_site / "selko").resolve()) and target.exists() for target in targets)
    # Its link text is the Finnish page's title: marked as Finnish words, for screen readers (WCAG 3.1.2).
    assert '<a href="../../../selko/starttiraha/" hreflang="fi" lang="fi">Muistilista: starttiraha</a>' in article
    assert 'href="../../checklists/starttiraha/"' in article
    assert "selko-starttiraha.pdf" not in article and "/ru/toimi-opas-ru.pdf" in article  # the handbook only
    assert not (html_site / "pdf" / "ru" / "selko-starttiraha.pdf").exists()
    urls = {
        json.loads(passage.read_text(encoding="utf-8"))["url"]
        for passage in (html_site / "search" / "ru" / "passages").glob("*.json")
    }
    assert "ru/checklists/starttiraha/" in urls
    assert not [url for url in urls if url.startswith("ru/selko/")]
