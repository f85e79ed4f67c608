"""Readers of a draft or outdated translation are told so in their language, with a link to the Finnish
page; the Translation status page shows every page's state in each language."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from conftest import FIXTURES, ROOT, build_fixture
from scripts.content import finnish_only_paths, is_finnish_only

# The states' names in each language, written by hand (the translation status table, data/ui.yml).
STATE_NAMES = {
    "reviewed": {"fi": "Tarkistettu", "en": "Reviewed", "sv": "Granskad", "ru": "Проверен", "uk": "Перевірений"},
    "draft": {"fi": "Luonnos", "en": "Draft", "sv": "Utkast", "ru": "Черновик", "uk": "Чернетка"},
    "outdated": {"fi": "Vanhentunut", "en": "Outdated", "sv": "Inaktuell", "ru": "Устарел", "uk": "Застарілий"},
}
STATUS_TABLE = re.compile(r'<table class="toimi-cards toimi-translation-status">(.*?)</table>', re.S)
STATE_CELL = re.compile(r'<td data-label="[^"]+" class="toimi-state-(\w+)">([^<]+)</td>')


def notice(html: str) -> str | None:
    match = re.search(r'<div class="admonition \w+ toimi-translation-notice"[^>]*>(.*?)</div>', html, re.S)
    return match[1] if match else None


def test_draft_and_outdated_translations_show_a_notice_linking_to_the_finnish_page(tmp_path):
    overlay = tmp_path / "overlay"
    # The fixture's translations record no Finnish source, so they are all outdated. Bring the English and
    # Swedish guide up to date with the translators' command, and mark the English one a draft.
    for language in ("en", "sv"):
        (overlay / "docs" / language).mkdir(parents=True)
        (overlay / "docs" / language / "guide.md").write_bytes(
            (FIXTURES / "site" / "docs" / language / "guide.md").read_bytes()
        )
    (overlay / "docs" / "fi").mkdir(parents=True)
    (overlay / "docs" / "fi" / "guide.md").write_bytes((FIXTURES / "site" / "docs" / "fi" / "guide.md").read_bytes())
    english = overlay / "docs" / "en" / "guide.md"
    english.write_text(english.read_text(encoding="utf-8").replace("translation: reviewed", "translation: draft"))
    # The glossary page of each language also shows the translation status table.
    for language in ("fi", "en", "sv", "ru", "uk"):
        glossary = FIXTURES / "site" / "docs" / language / "glossary.md"
        (overlay / "docs" / language).mkdir(parents=True, exist_ok=True)
        (overlay / "docs" / language / "glossary.md").write_text(
            glossary.read_text(encoding="utf-8") + "\n[[translation_status]]\n", encoding="utf-8"
        )
    done = subprocess.run(
        [sys.executable, "-m", "scripts.translations", "done", "docs/en/guide.md", "docs/sv/guide.md"],
        cwd=overlay,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 0, done.stdout + done.stderr

    result = build_fixture(tmp_path, overlay)
    assert result.returncode == 0, result.output
    page = lambda *parts: (result.site.joinpath(*parts, "index.html")).read_text(encoding="utf-8")  # noqa: E731

    draft = notice(page("en", "guide"))
    assert draft and "A native speaker has not yet checked this translation" in draft
    assert 'href="/toimi-opas/guide/" hreflang="fi"' in draft and "The Finnish page" in draft

    assert notice(page("sv", "guide")) is None  # up to date and reviewed

    outdated = notice(page("uk", "guide"))
    assert outdated and "Сторінку фінською мовою змінили" in outdated
    assert 'href="/toimi-opas/guide/"' in outdated
    outdated_ru_module = notice(page("ru", "workshops", "module"))
    assert outdated_ru_module and 'href="/toimi-opas/workshops/module/"' in outdated_ru_module

    assert notice(page("guide")) is None  # the Finnish page itself

    # The status table names each state in the reader's language: the guide is a draft in English, reviewed in
    # Swedish and outdated in Russian and Ukrainian.
    for language in ("fi", "en", "sv", "ru", "uk"):
        table = STATUS_TABLE.search(page(*([] if language == "fi" else [language]), "glossary"))[1]
        row = re.search(r'<tr><th scope="row"><a href="[^"]*guide/">.*?</tr>', table)[0]
        states = ["draft", "reviewed", "outdated", "outdated"]  # en, sv, ru, uk
        assert STATE_CELL.findall(row) == [(state, STATE_NAMES[state][language]) for state in states], language


def test_the_real_site_has_a_translation_status_page_in_every_language(site_dir):
    # Every Finnish page except the Finnish-only ones (the Easy Finnish pages have no translations to list).
    finnish_only = finnish_only_paths(ROOT / "docs")
    finnish_pages = len(
        [
            p
            for p in (ROOT / "docs" / "fi").rglob("*.md")
            if not is_finnish_only(p.relative_to(ROOT / "docs" / "fi").as_posix(), finnish_only)
        ]
    )
    for language in ("fi", "en", "sv", "ru", "uk"):
        # (make check lists what is draft or outdated; the notices are tested on the fixture site above)
        folder = site_dir if language == "fi" else site_dir / language
        table = STATUS_TABLE.search((folder / "translation-status" / "index.html").read_text(encoding="utf-8"))[1]
        rows = re.findall(r"<tr><th scope=\"row\">", table)
        assert len(rows) == finnish_pages
        cells = STATE_CELL.findall(table)
        assert len(cells) == 4 * finnish_pages
        # A pull request may bring drafts or outdated pages; whatever the states, each is named in the page's
        # language (the page itself is a translation, hence no notice check here; the fixture above has them all).
        assert all(text == STATE_NAMES[state][language] for state, text in cells), language
        assert any(state == "reviewed" for state, _ in cells)
