"""Figures, contacts, terms, pending facts and status banners, rendered for each language."""

from __future__ import annotations

import datetime as dt
import re
import shutil

import pytest
import yaml

from conftest import FIXTURES, LANGUAGES, ROOT, build_fixture, fixture_data
from scripts import data, macros
from scripts.content import ContentError

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("value", "unit", "language", "expected"),
    [
        (1500, "eur", "fi", f"1{NBSP}500{NBSP}€"),
        (1500, "eur", "en", "€1,500"),
        (37.21, "eur", "sv", f"37,21{NBSP}€"),
        (37.21, "eur", "en", "€37.21"),
        (9423.09, "eur", "uk", f"9{NBSP}423,09{NBSP}€"),
        (214000, "eur", "ru", f"214{NBSP}000{NBSP}€"),
        (70, "percent", "fi", f"70{NBSP}%"),
        (70, "percent", "en", "70%"),
        (24.4, "percent", "ru", f"24,4{NBSP}%"),
        (25.5, "percent", "en", "25.5%"),
        (12, "months", "uk", "12"),
    ],
)
def test_values_are_formatted_for_the_language(value, unit, language, expected):
    assert data.format_value(value, unit, language) == expected


@pytest.mark.parametrize(
    ("size", "language", "expected"),
    [
        (300_000, "fi", f"293{NBSP}kt"),
        (300_000, "en", f"293{NBSP}kB"),
        (300, "uk", f"1{NBSP}КБ"),
        (3_500_000, "fi", f"3,3{NBSP}Mt"),
        (3_500_000, "en", f"3.3{NBSP}MB"),
        (3_500_000, "ru", f"3,3{NBSP}МБ"),
        (3_500_000, "sv", f"3,3{NBSP}MB"),
    ],
)
def test_file_sizes_are_written_for_the_language(size, language, expected):
    ui = yaml.safe_load((ROOT / "data" / "ui.yml").read_text(encoding="utf-8"))
    assert data.format_size(size, language, ui) == expected


def test_the_value_in_force_depends_on_the_date():
    figure = {
        "values": [{"value": 1, "valid_from": dt.date(2025, 1, 1)}, {"value": 2, "valid_from": dt.date(2027, 1, 1)}]
    }
    assert data.value_in_force(figure, dt.date(2026, 12, 31))["value"] == 1
    assert data.value_in_force(figure, dt.date(2027, 1, 1))["value"] == 2
    assert data.value_in_force(figure, dt.date(2024, 6, 1)) is None


def test_a_figure_from_a_past_year_is_reported_not_failed():
    figures = data.load("figures", FIXTURES / "data")  # one yearly figure, with values for 2025 and 2026
    assert data.stale_figures(figures, dt.date(2031, 1, 1)) == [
        "tests/fixtures/data/figures.yml:5: figure 'starttiraha_per_day' has no value for 2031 (newest is valid from "
        "2026-01-01); check the source and add this year's value"
    ]
    assert data.stale_figures(figures, dt.date(2026, 6, 1)) == []


def test_every_data_file_of_the_real_site_is_complete():
    """Every figure, contact, term, pending fact and UI text has all five languages."""
    site = data.load_all()
    for entry in site.glossary.entries.values():
        assert set(entry) >= set(LANGUAGES)
        assert all(entry[lang]["term"] and entry[lang]["definition"] for lang in LANGUAGES)


def test_the_fixture_renders_shortcodes_in_every_language(tmp_path):
    result = build_fixture(tmp_path, env={"TOIMI_TODAY": "2026-11-27"})
    assert result.returncode == 0, result.output
    expected_figure = {
        "fi": f"37,21{NBSP}€",
        "en": "€37.21",
        "sv": f"37,21{NBSP}€",
        "ru": f"37,21{NBSP}€",
        "uk": f"37,21{NBSP}€",
    }
    pending_title = {
        "fi": "Ei vielä päätetty",
        "en": "Not decided yet",
        "sv": "Ännu inte beslutat",
        "ru": "Ещё не решено",
        "uk": "Ще не вирішено",
    }
    banner = {
        "fi": "valmistelussa",
        "en": "in preparation",
        "sv": "under beredning",
        "ru": "в подготовке",
        "uk": "у підготовці",
    }
    for lang in LANGUAGES:
        page = (result.site / ("" if lang == "fi" else lang) / "guide" / "index.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in page
        assert expected_figure[lang] in page, lang
        assert pending_title[lang] in page, lang
        assert 'data-state="in_preparation"' in page and banner[lang] in page, lang
        # The term links to its entry on the same language's glossary page.
        assert re.search(r'href="\.\./glossary/#term-starttiraha"', page), lang
        glossary = (result.site / ("" if lang == "fi" else lang) / "glossary" / "index.html").read_text(
            encoding="utf-8"
        )
        assert 'id="term-starttiraha"' in glossary


def test_a_confirmed_pending_fact_and_an_open_pilot_replace_the_notices(tmp_path):
    result = build_fixture(tmp_path, FIXTURES / "scenarios" / "pending-confirmed", env={"TOIMI_TODAY": "2026-11-27"})
    assert result.returncode == 0, result.output
    fi = (result.site / "guide" / "index.html").read_text(encoding="utf-8")
    uk = (result.site / "uk" / "guide" / "index.html").read_text(encoding="utf-8")
    assert "Ei vielä päätetty" not in fi and "Ще не вирішено" not in uk
    assert f'Tuki on <span class="toimi-figure" data-figure="youth_voucher_cap_month">1{NBSP}500{NBSP}€</span>' in fi
    assert "Підтримка становить" in uk
    assert "haettavissa 1.9.2026 alkaen" in fi and 'data-state="open"' in fi


def test_a_pending_figure_is_never_shown_as_a_plain_number(tmp_path):
    sentences = {"fi": "Enimmäismäärä on", "en": "The cap is", "sv": "Taket är", "ru": "Предел:", "uk": "Межа:"}
    for language, sentence in sentences.items():  # a translation keeps the Finnish page's figures
        (tmp_path / "overlay" / "docs" / language).mkdir(parents=True)
        page = (FIXTURES / "site" / "docs" / language / "guide.md").read_text(encoding="utf-8")
        (tmp_path / "overlay" / "docs" / language / "guide.md").write_text(
            page + f"\n{sentence} [[figure:pay_subsidy_cap_reduced_work_ability]].\n", encoding="utf-8"
        )
    result = build_fixture(tmp_path, tmp_path / "overlay", env={"TOIMI_TODAY": "2026-11-27"})
    assert result.returncode == 0, result.output
    html = (result.site / "en" / "guide" / "index.html").read_text(encoding="utf-8")
    assert "to be confirmed (last known €1,770, valid from 1 January 2024)" in html
    assert '<span class="toimi-figure" data-figure="pay_subsidy_cap_reduced_work_ability">' not in html


def test_a_confirmed_feedback_address_gives_a_mailto_link_with_the_page_address(tmp_path):
    def confirm_the_feedback_address(work):
        path = work / "data" / "contacts.yml"
        contacts = yaml.safe_load(path.read_text(encoding="utf-8"))
        contacts["site_feedback"] = {**contacts["site_feedback"], "status": "confirmed", "email": "palaute@example.org"}
        contacts["site_feedback"].pop("confirmed_by")
        path.write_text(yaml.safe_dump(contacts, allow_unicode=True), encoding="utf-8")

    result = build_fixture(tmp_path, prepare=confirm_the_feedback_address)
    assert result.returncode == 0, result.output
    html = (result.site / "sv" / "guide" / "index.html").read_text(encoding="utf-8")
    assert (
        'href="mailto:palaute@example.org?subject=Respons%20p%C3%A5%20sidan%20'
        'https%3A//toimi-opas.github.io/toimi-opas/sv/guide/"'
    ) in html


def test_a_pending_feedback_address_says_who_confirms_it(tmp_path):
    result = build_fixture(tmp_path)
    html = (result.site / "ru" / "guide" / "index.html").read_text(encoding="utf-8")
    assert "mailto:" not in html
    assert "Адрес для отзывов скоро будет подтверждён (координатор проекта TOIMI)" in html


def _figure(*values, **fields):
    return {"label": {}, "unit": "eur", "status": "confirmed", "values": list(values), **fields}


def _value(value, date, **extra):
    return {"value": value, "valid_from": dt.date.fromisoformat(date), "source": "https://example.fi/x", **extra}


def test_a_figure_switches_value_on_its_validity_date():
    figure = _figure(_value(37.21, "2024-01-01"), _value(38.5, "2027-01-01"))
    assert data.figure_state(figure, dt.date(2026, 12, 31)).value == 37.21
    assert data.figure_state(figure, dt.date(2027, 1, 1)).value == 38.5
    assert data.figure_state(figure, dt.date(2027, 1, 1)).kind == "confirmed"


def test_a_pending_value_shows_the_last_known_value_as_to_be_confirmed():
    figure = _figure(_value(37.21, "2024-01-01"), {"valid_from": dt.date(2026, 5, 1), "pending": True})
    before = data.figure_state(figure, dt.date(2026, 4, 30))
    after = data.figure_state(figure, dt.date(2026, 5, 1))
    assert (before.kind, before.value) == ("confirmed", 37.21)
    assert (after.kind, after.value, after.since) == ("pending", 37.21, dt.date(2024, 1, 1))
    # The known number stopped when the unknown one took over: a reader sees "valid until 30.4.2026".
    assert (before.until, after.until) == (None, dt.date(2026, 4, 30))


def test_a_replaced_pending_value_says_until_when_the_known_one_was_valid(tmp_path):
    state = data.FigureState("pending", 37.21, dt.date(2026, 1, 1), {}, dt.date(2026, 4, 30))
    site = data.load_all(fixture_data(tmp_path / "data"))
    figure = site.figures.entries["starttiraha_per_day"]
    shown = {
        lang: macros.Renderer(site, lang, "guide.md", "docs/guide.md", 1).figure_html(
            "starttiraha_per_day", figure, state
        )
        for lang in ("fi", "en")
    }
    assert "vahvistamatta (viimeisin tieto 37,21\u00a0€, voimassa 30.4.2026 asti)" in shown["fi"]
    assert "to be confirmed (last known €37.21, valid until 30 April 2026)" in shown["en"]


def test_an_ended_figure_is_shown_as_ended_and_a_future_one_as_not_yet_in_force():
    ended = _figure(_value(37.21, "2024-04-01"), valid_until=dt.date(2026, 4, 30))
    assert data.figure_state(ended, dt.date(2026, 4, 30)).kind == "confirmed"
    assert data.figure_state(ended, dt.date(2026, 5, 1)).kind == "ended"
    future = _figure(_value(10, "2030-01-01"))
    state = data.figure_state(future, dt.date(2026, 12, 6))
    assert (state.kind, state.since) == ("future", dt.date(2030, 1, 1))


def test_an_ended_figure_is_not_reported_as_missing_this_years_value():
    ended = _figure(_value(1, "2024-01-01"), valid_until=dt.date(2025, 4, 30))
    figures = data.DataFile("data/figures.yml", {"old": ended})
    figures.entries["old"]["yearly"] = True
    assert data.stale_figures(figures, dt.date(2026, 6, 1)) == []
    del figures.entries["old"]["valid_until"]
    assert len(data.stale_figures(figures, dt.date(2026, 6, 1))) == 1


@pytest.mark.parametrize(
    ("figure", "message"),
    [
        (_figure(_value(1, "2024-01-01"), valid_until="2026-04-30"), "valid_until must be a date"),
        (_figure(_value(1, "2024-01-01"), replaced_by="nothing_like_it"), "replaced_by must be the name"),
        (_figure({"valid_from": dt.date(2026, 5, 1), "pending": True}), "a pending value needs a number or an earlier"),
        (_figure(_value(1, "2024-01-01"), {"valid_from": dt.date(2026, 5, 1), "pending": True}), "set confirm_with"),
    ],
)
def test_figure_mistakes_name_the_line(figure, message):
    figures = data.DataFile("data/figures.yml", {"x": figure}, {"x": 7})
    figure["label"] = dict.fromkeys(LANGUAGES, "x")
    problems = data.check_figures(figures, data.DataFile("data/contacts.yml", {}))
    assert any(p.startswith("data/figures.yml:7:") and message in p for p in problems), problems


def test_steps_blocks_need_every_field_in_every_language_and_an_official_source():
    good = {key: dict.fromkeys(LANGUAGES, "teksti") for key in data.STEP_FIELDS}
    good["sources"] = [{"title": "Työmarkkinatori", "url": "https://tyomarkkinatori.fi/x"}]
    assert data.check_steps(data.DataFile("data/steps.yml", {"a": good}, {"a": 3})) == []
    missing = {**good, "deadline": {**good["deadline"], "uk": ""}}
    no_source = {**good, "sources": [{"title": "x", "url": "http://x"}]}
    problems = data.check_steps(data.DataFile("data/steps.yml", {"a": missing, "b": no_source}, {"a": 3, "b": 9}))
    assert "data/steps.yml:3: 'a': deadline has no uk text; add 'uk: …'" in problems
    assert any(p.startswith("data/steps.yml:9:") and "https://" in p for p in problems)


def _renderer(site, language):
    from scripts.macros import Renderer

    return Renderer(site, language, "employers/x.md", "docs/x.md", 1)


def test_a_steps_block_has_the_same_anchor_and_its_labels_in_every_language():
    site = data.load_all()
    labels = {"fi": "Kuka päättää", "en": "Who decides", "sv": "Vem beslutar"}
    labels |= {"ru": "Кто принимает", "uk": "Хто ухвалює"}
    name = next(iter(site.steps.entries))
    for language in LANGUAGES:
        block = _renderer(site, language).render(f"[[steps:{name}]]")
        assert f'id="steps-{name}"' in block
        assert f"**{labels[language]}" in block
        assert re.search(r"\]\(https://", block), "the block links its official sources"


def test_a_pending_contact_says_what_works_today():
    site = data.load_all()
    contact = {
        "name": dict.fromkeys(LANGUAGES, "Palvelu"),
        "status": "pending",
        "confirmed_by": dict.fromkeys(LANGUAGES, "työllisyysalue"),
        "note": dict.fromkeys(LANGUAGES, "Kysy omalta asiakasvastaavaltasi."),
        "source": "x",
    }
    site.contacts.entries["test_service"] = contact
    html_fi = _renderer(site, "fi").render("[[contact:test_service]]")
    assert "yhteystiedot vahvistetaan" in html_fi
    # The note stands inside the brackets without its full stop, so the page's sentence can go on.
    assert "Kysy omalta asiakasvastaavaltasi</span>)" in html_fi
    assert "href" not in html_fi


def test_a_value_still_to_be_confirmed_does_not_count_as_this_years_value():
    figure = _figure(_value(15128, "2025-01-01"), {"valid_from": dt.date(2026, 1, 1), "pending": True}, yearly=True)
    lines = data.stale_figures(data.DataFile("data/figures.yml", {"limit": figure}, {"limit": 4}), dt.date(2026, 6, 1))
    assert lines and lines[0].startswith("data/figures.yml:4:") and "has no value for 2026" in lines[0]


AUDIT = {
    "date": dt.date(2026, 11, 27),
    "tool": "axe-core 4.12.1",
    "browser": "Chromium 156.0.8078.108",
    "rules": "WCAG 2.0 and 2.1, levels A and AA",
    "pages": 180,
    "languages": 5,
    "violations": 0,
}


def test_the_accessibility_record_leaves_the_git_status_unchanged(tmp_path):
    """The record step writes where git does not look (the repository's own .gitignore), so a test run never
    changes a tracked file."""
    from conftest import git

    shutil.copyfile(ROOT / ".gitignore", tmp_path / ".gitignore")
    shutil.copytree(ROOT / "data", tmp_path / "data")
    git(tmp_path, "init", "--quiet")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "--quiet", "-m", "data")
    assert git(tmp_path, "status", "--porcelain", "--untracked-files=all") == ""
    written = data.write_audit_record(AUDIT, root=tmp_path)
    assert written == tmp_path / "reports" / "audit.yml" and written.exists()
    assert git(tmp_path, "status", "--porcelain", "--untracked-files=all") == ""


def test_the_statement_shows_the_record_beside_the_data_or_says_there_is_none(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    site = data.load_all(tmp_path / "data")
    assert _renderer(site, "en").render("[[audit]]") == "No automated check has been recorded yet."
    data.write_audit_record(AUDIT, root=tmp_path)
    site = data.load_all(tmp_path / "data")
    assert _renderer(site, "en").render("[[audit]]") == (
        "Latest automated check 27 November 2026: axe-core 4.12.1 ran in Chromium 156.0.8078.108 on every page "
        "(180 pages, 5 languages) with the WCAG 2.0 and 2.1 rules, levels A and AA. Violations found: 0."
    )
    assert "Viimeisin automaattinen tarkistus 27.11.2026" in _renderer(site, "fi").render("[[audit]]")
    # A damaged record stops the build, naming the file.
    (tmp_path / "reports" / "audit.yml").write_text("date: 2026-11-27\n", encoding="utf-8")
    with pytest.raises(ContentError) as err:
        data.load_all(tmp_path / "data")
    assert "reports/audit.yml:1: the accessibility record needs tool" in str(err.value)
