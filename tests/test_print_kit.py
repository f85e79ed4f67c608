"""A module's print kit (scripts/print_kit.py): cards drawn from the module's own Markdown between [[kit:…]] and
[[kit:end]], every marking mistake named by file and line, and the kit pages the build makes of them."""

from __future__ import annotations

import re

import pytest

from conftest import LANGUAGES, ROOT
from scripts import print_kit
from scripts.content import read_page

FRONT = "---\ntitle: Moduuli\nduration: 60\n---\n\n"  # 6 lines: the body starts on line 6
ACTIVITIES = "## Harjoitukset {#activities}\n\n### Tapaukset {#cases}\n\n"  # lines 6-9: the first set opens on 10


def page(tmp_path, body: str, front: str = FRONT):
    path = tmp_path / "module.md"
    path.write_text(front + body, encoding="utf-8")
    return read_page(path)


def test_a_card_is_a_list_item_a_bold_titled_paragraph_or_the_whole_text(tmp_path):
    body = (
        ACTIVITIES + "[[kit:cards]]\n\n"
        "**Kortti 1: Leipomo.**\nKiteellä.\n\n- Voiko hän aloittaa?\n- Mitä säilytetään?\n\n"
        "**Kortti 2: Saha.**\nNurmeksessa.\n\n[[kit:end]]\n\n"
        "### Roolit {#roles}\n\n??? facilitator\n    Roolikortit (älä näytä muille):\n\n    [[kit:roles]]\n\n"
        "    - **Janne:** ”Selkä.”\n      Jatkuu.\n    - **Aino:** ”Melu.”\n\n    [[kit:end]]\n\n    Aikataulu.\n\n"
        "### Lajittelu {#sort}\n\n[[kit:slips]]\n\n*”Yksi kortti, ei otsikkoa.”*\n\n[[kit:end]]\n"
    )
    sets, problems = print_kit.card_sets(page(tmp_path, body))
    assert problems == []
    assert [(s.kind, s.activity, s.title, s.line, len(s.cards)) for s in sets] == [
        ("cards", "cases", "Tapaukset", 10, 2),
        ("roles", "roles", "Roolit", 28, 2),
        ("slips", "sort", "Lajittelu", 40, 1),
    ]
    assert (
        sets[0].cards[0].markdown == "**Kortti 1: Leipomo.**\nKiteellä.\n\n- Voiko hän aloittaa?\n- Mitä säilytetään?"
    )
    assert sets[0].cards[1].line == 18
    assert [card.markdown for card in sets[1].cards] == ["**Janne:** ”Selkä.”\nJatkuu.", "**Aino:** ”Melu.”"]
    assert sets[2].cards[0].markdown == "*”Yksi kortti, ei otsikkoa.”*"
    assert print_kit.kinds(page(tmp_path, body)) == ["cards", "roles", "slips"]


CARD = "- **Kortti.** Teksti.\n"
MISTAKES = {
    "end without a start": (ACTIVITIES + "[[kit:end]]\n", 10, "[[kit:end]] closes no card set"),
    "unknown kind": (ACTIVITIES + "[[kit:case]]\n\n" + CARD + "\n[[kit:end]]\n", 10, "unknown kind of card 'case'"),
    "outside the activities": (
        "## Valmistelu {#preparation}\n\n[[kit:cards]]\n\n" + CARD + "\n[[kit:end]]\n",
        8,
        "[[kit:cards]] is outside the activities",
    ),
    "a set inside a set": (
        ACTIVITIES + "[[kit:cards]]\n\n" + CARD + "\n[[kit:roles]]\n\n[[kit:end]]\n",
        14,
        "opens a card set inside the one opened on line 10",
    ),
    "runs into a heading": (
        ACTIVITIES + "[[kit:roles]]\n\n" + CARD + "\n### Seuraava {#next}\n",
        10,
        "runs into the heading on line 14: close it with a line [[kit:end]]",
    ),
    "never closed": (ACTIVITIES + "[[kit:roles]]\n\n" + CARD, 10, "is never closed"),
    "out of its note": (
        ACTIVITIES + "??? facilitator\n    [[kit:roles]]\n\n    - **Janne:** ”Selkä.”\n\nMuuta.\n\n    [[kit:end]]\n",
        15,
        "indented less than the [[kit:roles]] line 11",
    ),
    "its end out of its note": (
        ACTIVITIES + "??? facilitator\n    [[kit:roles]]\n\n    - **Janne:** ”Selkä.”\n\n[[kit:end]]\n",
        15,
        "[[kit:end]] is indented 0 spaces, but its [[kit:roles]] on line 11 4",
    ),
    "text between list items": (
        ACTIVITIES + "[[kit:slips]]\n\n- Yksi.\n\nVälissä tekstiä.\n\n- Kaksi.\n\n[[kit:end]]\n",
        14,
        "text between the items of a list of cards",
    ),
    "text before the first title": (
        ACTIVITIES + "[[kit:cards]]\n\nJohdanto.\n\n**Kortti 1.** Teksti.\n\n[[kit:end]]\n",
        12,
        "comes before the first card's bold title and belongs to no card",
    ),
    "not on a line of its own": (ACTIVITIES + "Kortit: [[kit:cards]]\n", 10, "on a line of its own"),
    "no cards": (ACTIVITIES + "[[kit:cards]]\n\n[[kit:end]]\n", 10, "has no cards"),
    "too long": (
        ACTIVITIES + "[[kit:cards]]\n\n- " + "sana " * 200 + "\n\n[[kit:end]]\n",
        12,
        "this card has 999 characters, too long to cut out",
    ),
    "two sets of a kind": (
        ACTIVITIES + "[[kit:cards]]\n\n" + CARD + "\n[[kit:end]]\n\n[[kit:cards]]\n\n" + CARD + "\n[[kit:end]]\n",
        16,
        "a second [[kit:cards]] set in the activity {#cases} (the first opens on line 10)",
    ),
}


@pytest.mark.parametrize("name", MISTAKES)
def test_a_malformed_set_names_the_file_and_line(tmp_path, name):
    body, line, message = MISTAKES[name]
    problems = print_kit.check(page(tmp_path, body))
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{tmp_path / 'module.md'}:{line}: ") and message in problems[0], problems


def test_cards_belong_to_a_module_only(tmp_path):
    guide = page(
        tmp_path, ACTIVITIES + "[[kit:cards]]\n\n" + CARD + "\n[[kit:end]]\n", front="---\ntitle: Opas\n---\n\n"
    )
    [wrong] = print_kit.check(guide)
    assert wrong.endswith(":9: [[kit:…]] marks cards in a workshop module (a page with 'duration') only")


def test_a_translation_keeps_the_finnish_cards_one_for_one(tmp_path):
    (tmp_path / "fi").mkdir()
    (tmp_path / "sv").mkdir()
    finnish = page(tmp_path / "fi", ACTIVITIES + "[[kit:slips]]\n\n- Yksi.\n- Kaksi.\n\n[[kit:end]]\n")
    swedish = page(tmp_path / "sv", ACTIVITIES + "[[kit:slips]]\n\n- Ett.\n\n[[kit:end]]\n")
    [wrong] = print_kit.compare(finnish, swedish)
    assert wrong.startswith(f"{tmp_path / 'sv' / 'module.md'}:10: ")
    assert (
        f"has 1 card(s), but the set on {tmp_path / 'fi' / 'module.md'}:10 is [[kit:slips]] in {{#cases}} with 2"
        in wrong
    )
    assert print_kit.compare(finnish, finnish) == []


# The cards marked in the five modules: (kind, activity, number of cards), the same in every language.
MODULE_CARDS = {
    "recruiting-across-cultures": [("cards", "right-to-work-cases", 5), ("roles", "show-dont-ask", 1)],
    "partial-work-ability-at-work": [
        ("slips", "words-and-statements", 6),
        ("cards", "task-carving", 3),
        ("roles", "agreeing-on-adjustments", 3),
        ("cards", "which-support-cases", 7),
        ("slips", "application-timeline", 14),  # the homework's steps to sort, added in the Finnish review
    ],
    "employment-supplement-session": [("cards", "case-cards", 6)],
    "is-entrepreneurship-for-me": [("slips", "entrepreneurs-week", 14)],
    "idea-to-first-customer": [],  # no cards: its kit is the name cards and the feedback form
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_modules_mark_their_cards_in_every_language(lang):
    for module, expected in MODULE_CARDS.items():
        sets, problems = print_kit.card_sets(read_page(ROOT / "docs" / lang / "workshops" / f"{module}.md"))
        assert problems == [] and [(s.kind, s.activity, len(s.cards)) for s in sets] == expected, (lang, module)


def test_a_card_is_the_module_text_itself():
    """The role cards of the Finnish module, as the facilitator note has them."""
    module = read_page(ROOT / "docs" / "fi" / "workshops" / "partial-work-ability-at-work.md")
    [roles] = [s for s in print_kit.card_sets(module)[0] if s.kind == "roles"]
    assert roles.cards[0].markdown.startswith("**Janne:** ”Et halua puhua selästäsi tarkemmin.")
    assert roles.cards[2].markdown.endswith("Et tiedä, voiko työnantaja saada tukea apuvälineeseen.”")


def test_a_sheet_is_the_band_its_title_and_its_cards():
    built = (
        '<html><body><article class="md-content__inner md-typeset">'
        '<header class="toimi-print-band toimi-print-band--compact">BAND</header><h1>Kortit ja lomakkeet</h1>'
        '<section class="toimi-kit-sheet" data-title="Roolikortit: Moduuli" id="kit-roles">'
        '<h2 id="kit-roles-title">Roolikortit</h2><div class="toimi-kit-set"><h3 id="a">Roolit</h3>CARDS</div>'
        '</section><section class="toimi-kit-sheet" id="kit-cards" data-title="Kortit: Moduuli">OTHER</section>'
        '<aside class="toimi-page-meta">SOURCES</aside></article></body></html>'
    )
    assert print_kit.sheet_page(built, "roles") == (
        '<article class="md-content__inner md-typeset">'
        '<header class="toimi-print-band toimi-print-band--compact">BAND</header><h1>Roolikortit: Moduuli</h1>'
        '<div class="toimi-kit-set"><h2 id="a">Roolit</h2>CARDS</div></article>'
    )


# -- The built site (TOIMI_TEST_SITE) ------------------------------------------------------------------------------

KIT_CARDS = {"recruiting-across-cultures": 6, "partial-work-ability-at-work": 33, "employment-supplement-session": 6}
KIT_CARDS |= {"is-entrepreneurship-for-me": 14, "idea-to-first-customer": 0}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_kit_page_shows_the_modules_cards_to_cut_out_and_the_shared_forms(site_dir, lang):
    root = site_dir if lang == "fi" else site_dir / lang
    for module, count in KIT_CARDS.items():
        html = (root / "workshops" / f"{module}-kit" / "index.html").read_text(encoding="utf-8")
        article = html.split("<article", 1)[1].split("</article>", 1)[0]
        assert article.count('<div class="toimi-cut toimi-kit-card">') == count, (lang, module)
        assert 'href="../templates/name-cards/"' in article and 'href="../templates/feedback/"' in article
        assert "[[kit:" not in article and "toimi-print-band--compact" in html, (lang, module)
        # The module's facts box links its kit; the module page itself shows no marker.
        page = (root / "workshops" / module / "index.html").read_text(encoding="utf-8")
        facts = re.search(r'<div class="toimi-module-facts">(.*?)</div>', page, re.S)
        assert f'href="../{module}-kit/"' in facts[1] and "[[kit:" not in page, (lang, module)
    kit = (root / "workshops" / "partial-work-ability-at-work-kit" / "index.html").read_text(encoding="utf-8")
    pdfs = re.findall(r'href="[./]*pdf/\w\w/(workshops-[\w-]+\.pdf)" type="application/pdf"', kit)
    assert pdfs == [
        "workshops-partial-work-ability-at-work-kit-cards.pdf",
        "workshops-partial-work-ability-at-work-kit-roles.pdf",
        "workshops-partial-work-ability-at-work-kit-slips.pdf",
        "workshops-templates-name-cards.pdf",
        "workshops-templates-feedback.pdf",
    ], pdfs


def test_the_kit_cards_are_the_module_text_on_the_finnish_kit_page(site_dir):
    html = (site_dir / "workshops" / "recruiting-across-cultures-kit" / "index.html").read_text(encoding="utf-8")
    assert "<strong>Kortti 5: Konepaja Kontiolahdella.</strong>" in html
    assert "Kun sinulta kysytään ’Ymmärsitkö?’, vastaa aina ’joo’." in html


def test_the_kit_page_passes_axe_and_fits_320_px(server, page):
    from test_accessibility import WCAG_TAGS, run_axe

    from conftest import url_for

    for lang in ("fi", "uk"):
        for path in ("workshops/partial-work-ability-at-work-kit/", "workshops/templates/name-cards/"):
            page.set_viewport_size({"width": 1280, "height": 800})
            page.goto(url_for(server, lang, path), wait_until="networkidle")
            result = run_axe(page, {"runOnly": {"type": "tag", "values": WCAG_TAGS}})
            assert result["violations"] == [], (lang, path, [v["id"] for v in result["violations"]])
            page.set_viewport_size({"width": 320, "height": 640})
            too_wide = page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth")
            assert not too_wide, (lang, path)
    assert page.problems == [], page.problems


def test_a_print_set_without_cards_lists_the_shared_forms_and_counts_their_sheets():
    """idea-to-first-customer (4–12 participants) has no cards: its kit is the name cards, the feedback form and the
    Who helps card. Page counts made up here; the sheets written by hand: 12 × (1 + 2) forms, 12 / 2 name cards."""
    from pathlib import Path

    import yaml

    from scripts import print_sets

    def unit(key: str, pages: int, edition: str = "standard", title: str = "") -> dict:
        return {"key": key, "path": f"pdf/en/{key.replace('/', '-')}.pdf", "pages": pages, "edition": edition,
                "title": title, "part": ""}  # fmt: skip

    units = {
        u["key"]: u
        for u in [
            unit("workshops/idea-to-first-customer", 12, "facilitator"),
            unit("workshops/idea-to-first-customer-handout", 5, "participant"),
            unit("checklists/starttiraha", 3, title="Checklist: start-up grant"),
            unit("checklists/social-security-transition", 4, title="Checklist: social security"),
            unit("workshops/templates/name-cards", 1, title="Name cards"),
            unit("workshops/templates/feedback", 1, title="Feedback form"),
            unit("workshops/who-helps", 2, title="Who helps? Your next step"),
        ]
    }
    ui = yaml.safe_load((ROOT / "data" / "ui.yml").read_text(encoding="utf-8"))
    site = Path("/site")
    page = site / "en" / "workshops" / "idea-to-first-customer" / "index.html"
    html = print_sets.print_set(site, page, "en", "idea-to-first-customer", ROOT / "docs", units, ui)
    items = re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a> \(([^)]+)\)', html)
    assert [(href.rsplit("/", 1)[1], label, pages) for href, label, pages in items] == [
        ("workshops-idea-to-first-customer.pdf", "Facilitator&#x27;s edition", "12 pages"),
        ("workshops-idea-to-first-customer-handout.pdf", "Participant&#x27;s handout", "5 pages"),
        ("checklists-starttiraha.pdf", "Checklist: start-up grant", "3 pages"),
        ("checklists-social-security-transition.pdf", "Checklist: social security", "4 pages"),
        ("workshops-templates-name-cards.pdf", "Name cards", "1 page"),
        ("workshops-templates-feedback.pdf", "Feedback form", "1 page"),
        ("workshops-who-helps.pdf", "Who helps? Your next step", "2 pages"),
    ]
    assert "a feedback form and the &quot;Who helps?&quot; card for each participant (36 sheets)" in html
    assert "the name cards (6 sheets, 2 cards per sheet)" in html
    assert "dashed lines" not in html  # no cards to cut out
