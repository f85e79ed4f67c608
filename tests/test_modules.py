"""Workshop modules: the agenda's minutes, the facts box, and a handout without facilitator notes."""

from __future__ import annotations

import re

import pytest

from conftest import LANGUAGES, build_fixture


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    result = build_fixture(tmp_path_factory.mktemp("modules"))
    assert result.returncode == 0, result.output
    return result.site


@pytest.mark.parametrize("lang", LANGUAGES)
def test_module_shows_its_length_with_and_without_optional_parts(fixture_site, lang):
    root = fixture_site if lang == "fi" else fixture_site / lang
    html = (root / "workshops" / "module" / "index.html").read_text(encoding="utf-8")
    expected = {
        "fi": "60 min (ilman valinnaisia osioita 40 min)",
        "en": "60 min (40 min without the optional activities)",
        "sv": "60 min (40 min utan de valfria delarna)",
        "ru": "60 мин (40 мин без необязательных частей)",
        "uk": "60 хв (40 хв без необов'язкових частин)",
    }
    assert expected[lang] in html
    assert 'href="../module-handout/"' in html
    # Facilitator notes are on the module page, collapsed, under a label in the page's language.
    assert re.search(r'<details class="facilitator">\s*<summary>[^<]+</summary>', html)
    assert f"SECRET-FACILITATOR-NOTE-{lang}" in html


@pytest.mark.parametrize("lang", LANGUAGES)
def test_handout_has_participant_parts_and_no_facilitator_notes(fixture_site, lang):
    root = fixture_site if lang == "fi" else fixture_site / lang
    html = (root / "workshops" / "module-handout" / "index.html").read_text(encoding="utf-8")
    assert f"Goal text {lang}" in html and f"Participant instructions {lang}" in html
    assert f"Take-home summary {lang}" in html and f"Key point {lang}" in html
    assert "SECRET-FACILITATOR-NOTE" not in html
    assert "facilitator" not in html.split("<article", 1)[1].split("</article>", 1)[0]
    assert f"Prepare {lang}" not in html, "preparation is for the facilitator"
    assert "| (20) |" not in html and ">Welcome<" not in html, "no agenda timings in the handout"
