"""Figures, contacts, terms, pending facts and status banners, rendered for each language."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from conftest import FIXTURES, LANGUAGES, build_fixture
from scripts import data

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


def test_the_value_in_force_depends_on_the_date():
    figure = {
        "values": [{"value": 1, "valid_from": dt.date(2025, 1, 1)}, {"value": 2, "valid_from": dt.date(2027, 1, 1)}]
    }
    assert data.value_in_force(figure, dt.date(2026, 12, 31))["value"] == 1
    assert data.value_in_force(figure, dt.date(2027, 1, 1))["value"] == 2
    assert data.value_in_force(figure, dt.date(2024, 6, 1)) is None


def test_a_figure_from_a_past_year_is_reported_not_failed():
    figures = data.load("figures")
    lines = data.stale_figures(figures, dt.date(2031, 1, 1))
    assert any("'yel_lower_limit' has no value for 2031" in line for line in lines)
    assert all(line.startswith("data/figures.yml:") for line in lines)
    assert not any("yel_lower_limit" in line for line in data.stale_figures(figures, dt.date(2026, 6, 1)))


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
    import yaml

    contacts = yaml.safe_load((FIXTURES.parent.parent / "data" / "contacts.yml").read_text(encoding="utf-8"))
    contacts["site_feedback"] = {**contacts["site_feedback"], "status": "confirmed", "email": "palaute@example.org"}
    contacts["site_feedback"].pop("confirmed_by")
    overlay = tmp_path / "overlay" / "data"
    overlay.mkdir(parents=True)
    (overlay / "contacts.yml").write_text(yaml.safe_dump(contacts, allow_unicode=True), encoding="utf-8")
    result = build_fixture(tmp_path, tmp_path / "overlay")
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
