"""The content gates of `make check` (scripts/check.py): each one fails on its own mistake, naming the file
and the line, and the real content passes every one of them.

The clean fixture is tests/fixtures/content (two pages in five languages, real text), checked with the fixture
data (conftest.fixture_data) on the date FIXED_TODAY. Each mistake below is one edit of it: (file, text to
replace, replacement). The expected file, line and message are written here by hand.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXED_TODAY, FIXTURES, ROOT, fixture_data

CONTENT = FIXTURES / "content"

# gate: (file, old text, new text, expected "file:line:", expected words of the message)
MISTAKES = {
    "schema: unknown figure": (
        "schema",
        "docs/sv/other.md",
        "[[figure:starttiraha_per_day]]",
        "[[figure:startiraha_per_day]]",
        "docs/sv/other.md:16:",
        "unknown figure 'startiraha_per_day'",
    ),
    "schema: hand-edited source hash": (
        "schema",
        "docs/en/other.md",
        "source_hash: ",
        "source_hash: latest-",
        "docs/en/other.md:11:",
        "'source_hash' is written by `python -m scripts.translations done <page>`",
    ),
    "translations: Russian letter on a Ukrainian page": (
        "translations",
        "docs/uk/guide.md",
        "Спершу перевірте",
        "Спершу провєрьте ы",
        "docs/uk/guide.md:16:",
        "letters ы are Russian, not Ukrainian",
    ),
    "translations: Ukrainian letter on a Russian page": (
        "translations",
        "docs/ru/other.md",
        "Стартовое пособие",
        "Стартовоє пособіє",
        "docs/ru/other.md:16:",
        "letters є і are Ukrainian, not Russian",
    ),
    "translations: page missing in one language": (
        "translations",
        "docs/sv/other.md",
        None,
        None,
        "docs/fi/other.md:1:",
        "no sv translation: create docs/sv/other.md",
    ),
    "structure: heading ID changed": (
        "structure",
        "docs/sv/guide.md",
        "{#before-recruiting}",
        "{#fore-rekryteringen}",
        "docs/sv/guide.md:14:",
        "keep the Finnish heading's level and its {#before-recruiting}",
    ),
    "structure: heading level changed": (
        "structure",
        "docs/en/guide.md",
        "## Checklist",
        "### Checklist",
        "docs/en/guide.md:20:",
        "heading 2 is level 3 with ID 'checklist', but in docs/fi/guide.md:17 it is level 2",
    ),
    "structure: link left out": (
        "structure",
        "docs/ru/guide.md",
        "[Поддержка работодателя](other.md#support)",
        "«Поддержка работодателя»",
        "docs/ru/guide.md:14:",
        "link 'other.md#support' appears 0 time(s) here but 1 time(s) in docs/fi/guide.md",
    ),
    "structure: figure typed out instead of referenced": (
        "structure",
        "docs/en/other.md",
        "[[figure:starttiraha_per_day]] a day",
        "the basic daily allowance",
        "docs/en/other.md:14:",
        "shortcode 'figure:starttiraha_per_day' appears 0 time(s) here but 1 time(s)",
    ),
    "structure: checklist item added": (
        "structure",
        "docs/uk/guide.md",
        "- [ ] Перевірте право на роботу.",
        "- [ ] Перевірте право на роботу.\n- [ ] Підпишіть договір.",
        "docs/uk/guide.md:14:",
        "3 checklist items (- [ ]) here but 2 in docs/fi/guide.md",
    ),
    "links: page that does not exist": (
        "links",
        "docs/fi/guide.md",
        "(other.md#support)",
        "(tuet.md#support)",
        "docs/fi/guide.md:13:",
        "the link 'tuet.md#support' goes to a page that does not exist (tuet.md)",
    ),
    "links: anchor that does not exist": (
        "links",
        "docs/en/guide.md",
        "(other.md#support)",
        "(other.md#supports)",
        "docs/en/guide.md:16:",
        "goes to '#supports', which other.md does not have: use one of its heading IDs (support)",
    ),
    "links: http address": (
        "links",
        "docs/sv/guide.md",
        "(https://tyomarkkinatori.fi/)",
        "(http://tyomarkkinatori.fi/)",
        "docs/sv/guide.md:25:",
        "'http://tyomarkkinatori.fi/' is not secure (http): use the https:// address",
    ),
    "links: 'tästä' as link text": (
        "links",
        "docs/fi/guide.md",
        "Lue lisää sivulta [Tuet työnantajalle](other.md#support).",
        "Tuista kerrotaan [tästä](other.md#support).",
        "docs/fi/guide.md:13:",
        "the link text 'tästä' does not say where the link goes",
    ),
    "links: 'тут' as link text": (
        "links",
        "docs/uk/guide.md",
        "[Työmarkkinatori](https://tyomarkkinatori.fi/)",
        "[тут](https://tyomarkkinatori.fi/)",
        "docs/uk/guide.md:25:",
        "the link text 'тут' does not say where the link goes",
    ),
    "html: script element": (
        "html",
        "docs/en/guide.md",
        "## Checklist",
        '<script src="https://tracker.example/t.js"></script>\n\n## Checklist',
        "docs/en/guide.md:20:",
        "a <script> element in the content",
    ),
    "html: iframe": (
        "html",
        "docs/sv/other.md",
        "## Stöd {#support}",
        '## Stöd {#support}\n\n<iframe src="https://www.youtube.com/embed/x"></iframe>',
        "docs/sv/other.md:16:",
        "an <iframe> element in the content",
    ),
    "html: inline event handler": (
        "html",
        "docs/ru/other.md",
        "## Поддержка {#support}",
        '## Поддержка {#support}\n\n<span onclick="go()">Нажмите</span>',
        "docs/ru/other.md:16:",
        "an inline event handler (on...=)",
    ),
    "html: image without alt text": (
        "html",
        "docs/fi/guide.md",
        "![Kartta Pohjois-Karjalan kunnista](map.png)",
        "![](map.png)",
        "docs/fi/guide.md:15:",
        "the image map.png has no alt text",
    ),
    "html: alt text left in Finnish": (
        "html",
        "docs/sv/guide.md",
        "![Karta över kommunerna i Norra Karelen](map.png)",
        "![Kartta Pohjois-Karjalan kunnista](map.png)",
        "docs/sv/guide.md:18:",
        "the alt text 'Kartta Pohjois-Karjalan kunnista' is still in Finnish",
    ),
    "html: heading level skipped": (
        "html",
        "docs/fi/other.md",
        "## Tuet {#support}",
        "#### Tuet {#support}",
        "docs/fi/other.md:11:",
        "heading 'Tuet' is level 4 after a level 1: do not skip a level (use ##)",
    ),
    "spelling: Finnish (Voikko)": (
        "spelling",
        "docs/fi/guide.md",
        "Tarkista ensin",
        "Tarkista ensn",
        "docs/fi/guide.md:13:",
        "unknown word 'ensn'",
    ),
    "spelling: English (Hunspell)": (
        "spelling",
        "docs/en/guide.md",
        "First check",
        "Frist check",
        "docs/en/guide.md:16:",
        "unknown word 'Frist'",
    ),
    "spelling: Swedish (Hunspell)": (
        "spelling",
        "docs/sv/other.md",
        "Gå tillbaka",
        "Gå tilbaka",
        "docs/sv/other.md:16:",
        "unknown word 'tilbaka'",
    ),
    "spelling: Russian (Hunspell)": (
        "spelling",
        "docs/ru/guide.md",
        "Сначала проверьте",
        "Сначало проверте",
        "docs/ru/guide.md:16:",
        "unknown word 'Сначало'",
    ),
    "spelling: Ukrainian (Hunspell)": (
        "spelling",
        "docs/uk/other.md",
        "Стартова допомога",
        "Стартова допомогаа",
        "docs/uk/other.md:16:",
        "unknown word 'допомогаа'",
    ),
    "spelling: title in the front matter": (
        "spelling",
        "docs/sv/guide.md",
        "title: Guide för arbetsgivare",
        "title: Guide för arbetsgivarre",
        "docs/sv/guide.md:2:",
        "unknown word 'arbetsgivarre'",
    ),
    "terms: label without the glossary's term (ru)": (
        "terms",
        "docs/ru/other.md",
        "Стартовое пособие составляет",
        "[[term:starttiraha|Стартовое пособие]] составляет",
        "docs/ru/other.md:16:",
        "[[term:starttiraha|Стартовое пособие]]: the label does not contain the glossary's Russian term "
        '"стартовые деньги"; write it with that term (inflected forms are fine) or add an exception to '
        "data/term_exceptions.yml with a reason",
    ),
    "terms: label without the glossary's term (fi)": (
        "terms",
        "docs/fi/other.md",
        "Starttiraha on",
        "[[term:starttiraha|Starttuki]] on",
        "docs/fi/other.md:13:",
        'the label does not contain the glossary\'s Finnish term "starttiraha"',
    ),
    "terms: a word of a term of several words left out (en)": (
        "terms",
        "docs/en/guide.md",
        "the right to work in Finland",
        "a [[term:tyontekijan_oleskelulupa|residence permit]]",
        "docs/en/guide.md:16:",
        'the label does not contain the glossary\'s English term "residence permit for an employed person"',
    ),
    "terms: inflected Finnish in brackets (en)": (
        "terms",
        "docs/en/other.md",
        "The start-up grant is",
        "The [[term:starttiraha|start-up grant (starttirahan)]] is",
        "docs/en/other.md:16:",
        '[[term:starttiraha|start-up grant (starttirahan)]]: the Finnish in brackets "(starttirahan)" is not the '
        'glossary\'s Finnish headword "starttiraha"',
    ),
    "terms: another Finnish word in brackets (sv)": (
        "terms",
        "docs/sv/other.md",
        "Startpengen är",
        "[[term:starttiraha|Startpengen (starttituki)]] är",
        "docs/sv/other.md:16:",
        'the Finnish in brackets "(starttituki)" is not the glossary\'s Finnish headword "starttiraha"',
    ),
}

# Labels that the terms gate accepts: (file, old text, new text). Inflected forms, a glossary bracket left out,
# a preposition that alternates (з/із), one of two names separated by a comma, a gloss naming more than the term.
TERM_LABELS = {
    "fi: case ending": ("docs/fi/other.md", "Starttiraha on", "[[term:starttiraha|Starttirahan]] määrä on"),
    "fi: consonant gradation (lupa, luvan)": (
        "docs/fi/guide.md",
        "onko hakijalla oikeus",
        "onko hakijalla [[term:tyontekijan_oleskelulupa|työntekijän oleskeluluvan]] antama oikeus",
    ),
    "ru: genitive plural": (
        "docs/ru/other.md",
        "Стартовое пособие составляет",
        "Размер [[term:starttiraha|стартовых денег (starttiraha)]] составляет",
    ),
    "uk: genitive": (
        "docs/uk/other.md",
        "Стартова допомога становить",
        "Розмір [[term:starttiraha|стартової допомоги (starttiraha)]] становить",
    ),
    "uk: із for з": (
        "docs/uk/guide.md",
        "чи має кандидат право",
        "чи має [[term:osatyokykyinen|людина із частковою працездатністю (osatyökykyinen)]] право",
    ),
    "sv: definite form": ("docs/sv/other.md", "Startpengen är", "[[term:starttiraha|Startpengen (starttiraha)]] är"),
    "en: plural, one of two names, the gloss of a longer name": (
        "docs/en/other.md",
        "The start-up grant is",
        "In the [[term:tyollisyysalue|North Karelia employment area (Pohjois-Karjalan työllisyysalue)]], "
        "[[term:starttiraha|start-up grants]] pay no [[term:alv|VAT]]; the grant is",
    ),
}


def content_copy(tmp_path: Path) -> Path:
    work = tmp_path / "content"
    shutil.copytree(CONTENT, work)
    fixture_data(work / "data")
    return work


def run_check(work: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "scripts.check", "--docs", "docs", "--data", "data", *args],
        cwd=work,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), "TOIMI_TODAY": FIXED_TODAY, **(env or {})},
    )


def test_the_clean_fixture_passes_every_gate(tmp_path):
    """Without this, a mistake below could 'fail' for a reason of its own."""
    result = run_check(content_copy(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 problems in 8 gate(s)" in result.stderr


@pytest.mark.parametrize("name", sorted(MISTAKES))
def test_each_gate_fails_on_its_mistake(tmp_path, name):
    gate, file, old, new, where, what = MISTAKES[name]
    work = content_copy(tmp_path)
    path = work / file
    if old is None:
        path.unlink()
    else:
        text = path.read_text(encoding="utf-8")
        assert old in text, f"the fixture no longer contains {old!r}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = run_check(work, "--only", gate)
    assert result.returncode == 1, result.stdout + result.stderr
    matching = [line for line in result.stderr.splitlines() if line.startswith(where) and what in line]
    assert matching, f"expected a line starting {where!r} with {what!r}, got:\n{result.stderr}"


def edit(work: Path, file: str, old: str, new: str) -> None:
    path = work / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"the fixture no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("name", sorted(TERM_LABELS))
def test_terms_accepts_inflected_labels(tmp_path, name):
    work = content_copy(tmp_path)
    edit(work, *TERM_LABELS[name])
    result = run_check(work, "--only", "terms")
    assert result.returncode == 0, result.stderr


def test_terms_exceptions_need_a_reason(tmp_path):
    """An exception in data/term_exceptions.yml lets a label through (inflected too); one without a reason is
    refused, naming its line."""
    work = content_copy(tmp_path)
    data = work / "data"
    edit(work, "docs/sv/other.md", "Startpengen är", "[[term:starttiraha|Starthjälpen]] är")
    exceptions = data / "term_exceptions.yml"
    exceptions.write_text(
        "starttiraha:\n  sv:\n    - wording: starthjälp\n      reason: an example for the test\n", encoding="utf-8"
    )
    assert run_check(work, "--only", "terms").returncode == 0
    exceptions.write_text("starttiraha:\n  sv:\n    - wording: starthjälp\n", encoding="utf-8")
    result = run_check(work, "--only", "terms")
    assert result.returncode == 1
    assert "data/term_exceptions.yml:3: 'starttiraha' sv: the exception 'starthjälp' has no reason" in result.stderr
    assert "docs/sv/other.md:16: [[term:starttiraha|Starthjälpen]]: the label does not contain" in result.stderr


def test_terms_reads_the_texts_of_data_files(tmp_path):
    """A label in a data file's text (data/steps.yml, data/ui.yml, ...) is checked in the text's language."""
    work = content_copy(tmp_path)
    ui = work / "data" / "ui.yml"
    text = ui.read_text(encoding="utf-8").rstrip("\n")
    line = text.count("\n") + 1 + 4  # after the last line: a blank line, terms_test:, fi:, en:
    ui.write_text(
        text + "\n\nterms_test:\n  fi: Hae [[term:palkkatuki|palkkatukea]] ensin.\n"
        "  en: Apply for [[term:palkkatuki|wage support]] first.\n",
        encoding="utf-8",
    )
    result = run_check(work, "--only", "terms")
    assert result.returncode == 1, result.stderr
    problems = [line for line in result.stderr.splitlines() if line.startswith("data/")]
    assert problems == [
        f"data/ui.yml:{line}: [[term:palkkatuki|wage support]]: the label does not contain the glossary's English "
        'term "pay subsidy"; write it with that term (inflected forms are fine) or add an exception to '
        "data/term_exceptions.yml with a reason"
    ], result.stderr


def test_translation_status_follows_the_finnish_body(tmp_path):
    """Outdated when the Finnish words change; not when only the review date or the line wrapping does;
    up to date again after `translations done`; a draft is reported as a draft."""
    from scripts import translations

    work = content_copy(tmp_path)
    docs = work / "docs"
    assert translations.status(docs).states["guide.md"] == dict.fromkeys(["fi", "en", "sv", "ru", "uk"], "reviewed")

    finnish = docs / "fi" / "guide.md"
    text = finnish.read_text(encoding="utf-8")
    rewrapped = text.replace("reviewed: 2026-11-01", "reviewed: 2026-11-20").replace(
        "oikeus tehdä työtä Suomessa. Lue", "oikeus tehdä työtä Suomessa.\nLue"
    )
    finnish.write_text(rewrapped + "\n\n", encoding="utf-8")
    assert set(translations.status(docs).states["guide.md"].values()) == {"reviewed"}

    changed = rewrapped.replace("Sovi työn aloituspäivä.", "Sovi työn aloituspäivä ja palkka.")
    finnish.write_text(changed, encoding="utf-8")
    states = translations.status(docs).states["guide.md"]
    assert [states[language] for language in ("en", "sv", "ru", "uk")] == ["outdated"] * 4
    assert translations.status(docs).states["other.md"]["sv"] == "reviewed"

    result = subprocess.run(
        [sys.executable, "-m", "scripts.translations", "done", "docs/sv/guide.md"],
        cwd=work,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stderr
    states = translations.status(docs).states["guide.md"]
    assert (states["sv"], states["en"]) == ("reviewed", "outdated")

    english = docs / "en" / "other.md"
    english.write_text(
        english.read_text(encoding="utf-8").replace("translation: reviewed", "translation: draft"), encoding="utf-8"
    )
    assert translations.status(docs).states["other.md"]["en"] == "draft"
    report = run_check(work, "--only", "translations").stdout
    assert "en outdated: docs/en/guide.md" in report and "en draft: docs/en/other.md" in report
    assert "sv outdated" not in report


def test_old_review_dates_and_past_figures_are_reported_not_failed(tmp_path):
    work = content_copy(tmp_path)
    result = run_check(work, "--only", "schema", env={"TOIMI_TODAY": "2027-11-02"})
    assert result.returncode == 0, result.stderr
    assert "report: docs/fi/guide.md:5: reviewed 2026-11-01, over 12 months ago" in result.stdout
    assert "report: docs/en/guide.md" not in result.stdout  # translations share the Finnish date
    assert "figure 'starttiraha_per_day' has no value for 2027" in result.stdout  # the fixture's yearly figure
    fresh = run_check(work, "--only", "schema", env={"TOIMI_TODAY": "2027-10-31"})
    assert "over 12 months ago" not in fresh.stdout


def test_external_link_report_lists_every_outside_address_with_its_pages(tmp_path):
    work = content_copy(tmp_path)
    report_file = tmp_path / "external.md"
    result = run_check(work, "--only", "links", "--external-links", str(report_file))
    assert result.returncode == 0, result.stderr
    report = report_file.read_text(encoding="utf-8")
    assert "- <https://tyomarkkinatori.fi/>" in report
    for language in ("fi", "en", "sv", "ru", "uk"):
        assert f"    - docs/{language}/guide.md" in report
        assert f"    - docs/{language}/other.md" in report  # its source in the front matter


def test_the_real_content_passes_every_gate():
    result = subprocess.run(
        [sys.executable, "-m", "scripts.check"], cwd=ROOT, capture_output=True, text=True, env=os.environ.copy()
    )
    assert result.returncode == 0, result.stderr[-5000:]
