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
    # The agenda table comes from the front matter: each row's instructions + work + debrief, and the
    # adaptations for a small or large group and online.
    assert 'id="agenda"' in html and ">Welcome<" in html
    assert "<td>2 + 8 + 0</td>" in html and "<td>3 + 12 + 5</td>" in html
    assert f"Small group {lang}." in html and f"Large group {lang}." in html and f"Online {lang}." in html
    assert '<a href="#case">Case</a>' in html
    # Facilitator notes are on the module page, collapsed, under a label in the page's language.
    assert re.search(r"<details class=\"facilitator\"[^>]*>\s*<summary>[^<]+</summary>", html)
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
    # No agenda in the handout: not its table, nor a row of it (the module page has both, tested above).
    assert 'id="agenda"' not in html and "<td>2 + 8 + 0</td>" not in html and ">Welcome<" not in html


MODULES = [
    "recruiting-across-cultures",
    "partial-work-ability-at-work",
    "employment-supplement-session",
    "is-entrepreneurship-for-me",
    "idea-to-first-customer",
]


def facilitator_texts(html: str) -> list[str]:
    """The text of every facilitator note on a built module page, a phrase long enough to be unique."""
    notes = re.findall(r'<details class="facilitator"[^>]*>\s*<summary>.*?</summary>(.*?)</details>', html, re.S)
    texts = [" ".join(re.sub(r"<[^>]+>", " ", note).split()) for note in notes]
    return [text[:60] for text in texts if len(text) > 40]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_five_modules_and_handouts_without_facilitator_notes(site_dir, lang):
    from pypdf import PdfReader

    root = site_dir if lang == "fi" else site_dir / lang
    for module in MODULES:
        page = (root / "workshops" / module / "index.html").read_text(encoding="utf-8")
        handout = (root / "workshops" / f"{module}-handout" / "index.html").read_text(encoding="utf-8")
        notes = facilitator_texts(page)
        assert len(notes) >= 3, (lang, module)
        handout_text = " ".join(re.sub(r"<[^>]+>", " ", handout).split())
        assert not [note for note in notes if note in handout_text], (lang, module)
        assert 'id="agenda"' in page and 'id="agenda"' not in handout
        pdf = PdfReader(site_dir / "pdf" / lang / f"workshops-{module}-handout.pdf")
        pdf_text = " ".join(" ".join(p.extract_text() for p in pdf.pages).split())
        assert not [note for note in notes if note[:40] in pdf_text], (lang, module)
