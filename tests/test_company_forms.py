"""The company-form questionnaire, answered as a reader would. The expected answers are written here
from the rules of the services themselves (facts.md), not read from data/company_forms.yml."""

from __future__ import annotations

import pytest
import yaml

from conftest import FIXTURES, LANGUAGES, ROOT, build_fixture

PAGE = "entrepreneurship/company-form-helper/"


def answer(page, answers: dict[str, str]):
    for question, value in answers.items():
        page.locator(f'input[name="{question}"][value="{value}"]').check()


def fitting(page) -> list[str]:
    return page.locator(".toimi-helper-fits > li").evaluate_all("items => items.map(i => i.dataset.form)")


def excluded(page) -> list[str]:
    return page.locator(".toimi-helper-excluded > li").evaluate_all("items => items.map(i => i.dataset.form)")


@pytest.fixture
def helper_page(browser, server):
    def open_in(lang: str):
        context = browser.new_context()
        page = context.new_page()
        page.goto(server + ("" if lang == "fi" else f"{lang}/") + PAGE, wait_until="networkidle")
        return page

    return open_in


def test_alone_on_benefits_with_an_invoicing_service_suggests_light_entrepreneurship(helper_page):
    # Light entrepreneurship needs no business ID and no registration: the first choice for someone alone
    # who wants as little paperwork as possible and invoices through a service.
    page = helper_page("fi")
    answer(page, {"together": "alone", "invoicing": "invoicing_service", "admin": "no", "turnover": "below"})
    assert fitting(page)[0] == "kevytyrittajyys"
    assert "Sinulle sopivat yritysmuodot" in page.locator(".toimi-helper-results").inner_text()


def test_a_group_with_debts_at_stake_is_not_steered_to_a_private_trader(helper_page):
    # A private trader (toiminimi) is one person's business with unlimited liability.
    page = helper_page("fi")
    answer(page, {"together": "with_others", "risk": "yes"})
    assert "toiminimi" in excluded(page)
    assert fitting(page)[0] in ("osuuskunta", "osakeyhtio")


def test_applying_for_starttiraha_rules_out_light_and_part_time_entrepreneurship(helper_page):
    # Starttiraha is for full-time business; a light entrepreneur cannot get it as such.
    page = helper_page("uk")
    answer(page, {"starttiraha": "yes"})
    assert {"kevytyrittajyys", "sivutoiminen"} <= set(excluded(page))
    assert "Не підходять у вашій ситуації" in page.locator(".toimi-helper-results").inner_text()


def test_full_time_from_the_start_rules_out_part_time_entrepreneurship(helper_page):
    page = helper_page("uk")
    answer(page, {"workload": "full_time"})
    assert "sivutoiminen" in excluded(page)


def test_invoicing_in_your_own_name_rules_out_light_entrepreneurship(helper_page):
    # A light entrepreneur has no business of their own to invoice in.
    page = helper_page("sv")
    answer(page, {"invoicing": "own_company"})
    assert "kevytyrittajyys" in excluded(page)


def test_alone_full_time_with_starttiraha_and_little_risk_suggests_a_private_trader(helper_page):
    page = helper_page("ru")
    answer(page, {"together": "alone", "workload": "full_time", "starttiraha": "yes", "admin": "yes", "risk": "no"})
    assert fitting(page)[0] == "toiminimi"
    assert page.locator(".toimi-helper-fits a").first.get_attribute("href") == "../company-forms/#toiminimi"


def test_residence_status_gives_advice_without_excluding_anything(helper_page):
    page = helper_page("en")
    answer(page, {"residence": "temporary_protection"})
    assert excluded(page) == []
    assert "Migri" in page.locator(".toimi-helper-notes").inner_text()


def test_reset_clears_the_answers(helper_page):
    page = helper_page("fi")
    answer(page, {"starttiraha": "yes"})
    page.get_by_role("button", name="Aloita alusta").click()
    page.wait_for_function("() => document.querySelectorAll('.toimi-helper-form input:checked').length === 0")
    assert excluded(page) == []


def test_without_javascript_the_page_is_a_written_guide_with_the_table(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "sv/" + PAGE)
    guide = page.locator(".toimi-helper-guide")
    assert guide.is_visible()
    assert guide.locator("> li").count() >= 5
    assert not page.locator(".toimi-helper-form").is_visible()
    assert page.locator("table.toimi-company-forms tbody tr").count() >= 8
    context.close()


def test_the_rules_file_has_every_text_in_every_language():
    data = yaml.safe_load((ROOT / "data" / "company_forms.yml").read_text(encoding="utf-8"))
    texts = [q["text"] for q in data["questions"]] + [a["text"] for q in data["questions"] for a in q["answers"]]
    texts += [r["because"] for r in data["rules"]] + [f["name"] for f in data["forms"].values()]
    texts += [w["text"] for w in data["warnings"]] + [w["link_text"] for w in data["warnings"]]
    texts += [row["label"] for row in data["criteria"].values()]
    texts += [cell for row in data["criteria"].values() for cell in row["values"].values()]
    assert len(texts) > 100
    for text in texts:
        assert set(text) == set(LANGUAGES) and all(text.values())


def test_a_missing_language_in_the_rules_file_stops_the_build_naming_the_file(tmp_path):
    data = yaml.safe_load((ROOT / "data" / "company_forms.yml").read_text(encoding="utf-8"))
    question = data["questions"][1]
    del question["answers"][0]["text"]["uk"]
    overlay = tmp_path / "overlay" / "data"
    overlay.mkdir(parents=True)
    text = yaml.safe_dump(data, allow_unicode=True)
    (overlay / "company_forms.yml").write_text(text, encoding="utf-8")
    # The message names the line where the question starts, in the file as written here.
    questions = next(value for key, value in yaml.compose(text).value if key.value == "questions")
    line = questions.value[1].start_mark.line + 1
    result = build_fixture(tmp_path, tmp_path / "overlay")
    assert result.returncode != 0
    where = f"data/company_forms.yml:{line}: question '{question['id']}', answer '{question['answers'][0]['id']}'"
    assert f"{where} has no uk text" in result.output, result.output


# ---- the warning: keeping the unemployment benefit with starttiraha or a full-time start (issue 13 §3) ----
# Starttiraha and unemployment benefit are not paid for the same time, and a business that is full-time from
# the start ends the right to the benefit (facts.md §10.3), so these answers together call for a warning
# that links to the step where the reader compares the two.

STEP_ANCHOR = "starttiraha-or-benefit"
STEP_HREF = f"../../checklists/starttiraha/#{STEP_ANCHOR}"
WITH_STARTTIRAHA = "benefit_and_starttiraha"
WITH_FULL_TIME = "benefit_and_full_time"
# What the warnings must say in each language, in the glossary's words (data/glossary.yml), written here by
# hand: earnings-related allowance can be higher than starttiraha; a full-time start ends the unemployment
# benefit (after 4 months at most) and starttiraha must be applied for first. Word stems, so that inflection
# and a reviewer's rewording of the rest of the sentence do not matter.
EARNINGS_RELATED = {
    "fi": "ansiosidonnai",
    "en": "earnings-related allowance",
    "sv": "inkomstrelaterad dagpenning",
    "ru": "(ansiopäiväraha)",
    "uk": "(ansiopäiväraha)",
}
FULL_TIME_ENDS_THE_BENEFIT = {
    "fi": ("päätoimi", "työttömyysetuu", "4 ", "starttiraha"),
    "en": ("full-time", "unemployment benefit", "4 ", "(starttiraha)"),
    "sv": ("huvudsyssla", "arbetslöshetsförmån", "4 ", "(starttiraha)"),
    "ru": ("основн", "по безработице", "4 ", "(starttiraha)"),
    "uk": ("основн", "по безробіттю", "4 ", "(starttiraha)"),
}


def shown_warnings(page) -> list[str]:
    return page.locator(".toimi-helper-form .toimi-helper-warning").evaluate_all(
        "items => items.map(i => i.dataset.warning)"
    )


def test_a_warning_condition_needs_every_answer_it_names():
    from scripts.company_forms import matches

    when = {"keep_benefit": "yes", "starttiraha": ["yes", "unsure"]}
    assert matches(when, {"keep_benefit": "yes", "starttiraha": "yes"})
    assert matches(when, {"keep_benefit": "yes", "starttiraha": "unsure", "risk": "no"})
    assert not matches(when, {"keep_benefit": "yes"})
    assert not matches(when, {"keep_benefit": "no", "starttiraha": "yes"})
    assert not matches(when, {"keep_benefit": "yes", "starttiraha": "no"})


def test_keeping_the_benefit_with_starttiraha_or_a_full_time_start_calls_for_a_warning():
    from scripts.company_forms import warnings_for

    entries = yaml.safe_load((ROOT / "data" / "company_forms.yml").read_text(encoding="utf-8"))

    def warned(**answers):
        return warnings_for(entries, answers)

    assert warned(keep_benefit="yes", starttiraha="yes") == [WITH_STARTTIRAHA]
    assert warned(keep_benefit="yes", workload="full_time") == [WITH_FULL_TIME]
    assert set(warned(keep_benefit="yes", workload="full_time", starttiraha="yes")) == {
        WITH_STARTTIRAHA,
        WITH_FULL_TIME,
    }
    # Giving up the benefit for starttiraha and a full-time start is the path starttiraha is made for.
    assert warned(keep_benefit="no", workload="full_time", starttiraha="yes") == []
    # Keeping the benefit while starting part-time, without starttiraha, is allowed (the benefit is adjusted).
    assert warned(keep_benefit="yes", workload="part_time", starttiraha="no") == []
    assert warned(keep_benefit="employed", workload="full_time", starttiraha="yes") == []
    assert warned(starttiraha="yes") == warned(workload="full_time") == []
    for warning in entries["warnings"]:
        assert warning["link"] == f"checklists/starttiraha.md#{STEP_ANCHOR}"


def test_a_bad_warning_condition_is_refused_naming_the_file_and_line():
    from scripts.company_forms import check
    from scripts.data import load

    problems = check(load("company_forms", FIXTURES / "company-forms" / "bad-warnings"))
    path = "tests/fixtures/company-forms/bad-warnings/company_forms.yml"
    expected = [
        (32, "warning 'unquoted_yes': 'when' has true for question 'keep_benefit'", 'write "yes" or "no" in quotes'),
        (
            38,
            "warning 'unknown_question': 'when' names an unknown question 'keep_benefits'",
            "did you mean keep_benefit?",
        ),
        (43, "warning 'unknown_answer': question 'starttiraha' has no answer 'full_time'", 'its answers: "no", "yes"'),
        (47, "warning 'no_condition': 'when' must name each question and its answer", "for example when:"),
        (53, "warning 'no_anchor_no_uk': text has no uk text", "add 'uk: …'"),
        (54, "warning 'no_anchor_no_uk' needs a link to the section", "checklists/starttiraha.md#"),
        (56, "warning 'correct': another warning has the same id", "give each its own"),
    ]
    for line, what, how in expected:
        assert [p for p in problems if p.startswith(f"{path}:{line}: {what}") and how in p], (line, what, problems)
    assert len(problems) == len(expected), problems


def test_an_unquoted_yes_in_a_warning_stops_the_build_naming_the_line(tmp_path):
    text = (ROOT / "data" / "company_forms.yml").read_text(encoding="utf-8")
    good = 'when: {keep_benefit: "yes", starttiraha: "yes"}'
    assert text.count(good) == 1
    line = text[: text.index(good)].count("\n") + 1
    overlay = tmp_path / "overlay" / "data"
    overlay.mkdir(parents=True)
    (overlay / "company_forms.yml").write_text(
        text.replace(good, 'when: {keep_benefit: yes, starttiraha: "yes"}'), encoding="utf-8"
    )
    result = build_fixture(tmp_path, tmp_path / "overlay")
    assert result.returncode != 0
    assert f"data/company_forms.yml:{line}: warning '{WITH_STARTTIRAHA}': 'when' has true" in result.output, (
        result.output
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_keeping_the_benefit_with_starttiraha_or_a_full_time_start_warns_and_links_to_the_step(
    helper_page, server, lang
):
    page = helper_page(lang)
    assert shown_warnings(page) == []
    answer(page, {"keep_benefit": "yes", "starttiraha": "yes"})
    assert shown_warnings(page) == [WITH_STARTTIRAHA]
    warning = page.locator(f'[role="status"] .toimi-helper-warning[data-warning="{WITH_STARTTIRAHA}"]')
    assert warning.is_visible()
    text = warning.inner_text()
    assert EARNINGS_RELATED[lang] in text, text
    assert lang == "fi" or "(starttiraha)" in text, text
    assert warning.locator("a").get_attribute("href") == STEP_HREF

    # Other answers to the same questions: no warning.
    answer(page, {"starttiraha": "no"})
    assert shown_warnings(page) == []
    answer(page, {"keep_benefit": "no", "starttiraha": "yes", "workload": "full_time"})
    assert shown_warnings(page) == []
    answer(page, {"keep_benefit": "yes", "starttiraha": "unsure", "workload": "part_time"})
    assert shown_warnings(page) == []

    # Keeping the benefit with a full-time start.
    answer(page, {"workload": "full_time"})
    assert shown_warnings(page) == [WITH_FULL_TIME]
    warning = page.locator(f'[role="status"] .toimi-helper-warning[data-warning="{WITH_FULL_TIME}"]')
    text = warning.inner_text()
    assert all(word in text.casefold() for word in FULL_TIME_ENDS_THE_BENEFIT[lang]), text

    # The link leads to the step, in the reader's language.
    warning.locator("a").click()
    step = server + ("" if lang == "fi" else f"{lang}/") + f"checklists/starttiraha/#{STEP_ANCHOR}"
    page.wait_for_url(step)
    assert page.locator(f"h2#{STEP_ANCHOR}").count() == 1


def test_the_warning_is_announced_once_keeps_its_place_and_works_from_the_keyboard(helper_page):
    page = helper_page("fi")
    slot = page.locator(f'.toimi-helper-warning-slot[data-warning="{WITH_STARTTIRAHA}"]')
    assert slot.get_attribute("role") == "status" and slot.get_attribute("aria-live") == "polite"
    assert slot.bounding_box()["height"] == 0
    following = page.locator('fieldset:has(input[name="starttiraha"]) ~ fieldset').first
    above = page.locator('fieldset:has(input[name="keep_benefit"])')

    def top(locator) -> float:
        """Distance from the top of the document (focusing a field may scroll the page)."""
        return locator.evaluate("e => e.getBoundingClientRect().top + window.scrollY")

    before, above_before = top(following), top(above)

    # Answered with the keyboard: Space checks a radio button.
    page.locator('input[name="keep_benefit"][value="yes"]').focus()
    page.keyboard.press("Space")
    page.locator('input[name="starttiraha"][value="yes"]').focus()
    page.keyboard.press("Space")
    assert shown_warnings(page) == [WITH_STARTTIRAHA]
    # Only what follows the warning moves, and only by the warning's own height.
    height = slot.bounding_box()["height"]
    assert height > 0
    assert abs(top(following) - before - height) < 1
    assert top(above) == above_before
    # Tab leaves the radio group for the warning's link.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.toimi-helper-warning') !== null")
    assert page.evaluate("document.activeElement.getAttribute('href')") == STEP_HREF

    # Answering another question leaves the warning as it is (a live region that changes is read again).
    box = slot.locator(".toimi-helper-warning").element_handle()
    answer(page, {"risk": "no", "together": "alone"})
    assert box.evaluate("node => node.isConnected")
    # Arrow keys move to another answer: the warning goes, and its region is empty again.
    page.locator('input[name="starttiraha"][value="yes"]').focus()
    page.keyboard.press("ArrowDown")
    assert page.locator('input[name="starttiraha"][value="no"]').is_checked()
    assert shown_warnings(page) == []
    assert slot.bounding_box()["height"] == 0
    assert abs(top(following) - before) < 1
    page.get_by_role("button", name="Aloita alusta").click()
    page.wait_for_function("() => document.querySelectorAll('.toimi-helper-form input:checked').length === 0")
    assert shown_warnings(page) == []


def test_the_browser_and_the_build_agree_on_every_combination_of_the_answers(helper_page):
    from itertools import product

    from scripts.company_forms import warnings_for

    entries = yaml.safe_load((ROOT / "data" / "company_forms.yml").read_text(encoding="utf-8"))
    choices = {
        q["id"]: [None] + [a["id"] for a in q["answers"]]
        for q in entries["questions"]
        if q["id"] in {question for w in entries["warnings"] for question in w["when"]}
    }
    page = helper_page("en")
    for values in product(*choices.values()):
        answers = {q: a for q, a in zip(choices, values, strict=True) if a}
        shown = page.evaluate(
            """answers => {
                const form = document.querySelector('.toimi-helper-form');
                form.reset();
                for (const [q, a] of Object.entries(answers)) {
                    form.querySelector(`input[name="${q}"][value="${a}"]`).checked = true;
                }
                form.dispatchEvent(new Event('change'));
                return [...form.querySelectorAll('.toimi-helper-warning')].map(w => w.dataset.warning);
            }""",
            answers,
        )
        assert sorted(shown) == sorted(warnings_for(entries, answers)), answers


@pytest.mark.parametrize("lang", LANGUAGES)
def test_without_javascript_the_guide_warns_under_the_answers_concerned(browser, server, lang):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + ("" if lang == "fi" else f"{lang}/") + PAGE)
    guide = page.locator(".toimi-helper-guide")

    def notes(question: str, answer_id: str) -> list[str]:
        return guide.locator(
            f'li[data-question="{question}"] li[data-answer="{answer_id}"] .toimi-helper-warning'
        ).evaluate_all("items => items.map(i => i.dataset.warning)")

    assert notes("keep_benefit", "yes") == [WITH_STARTTIRAHA, WITH_FULL_TIME]
    assert notes("starttiraha", "yes") == [WITH_STARTTIRAHA]
    assert notes("workload", "full_time") == [WITH_FULL_TIME]
    for question, other in (
        ("keep_benefit", "no"),
        ("keep_benefit", "employed"),
        ("starttiraha", "no"),
        ("starttiraha", "unsure"),
        ("workload", "part_time"),
        ("workload", "unsure"),
    ):
        assert notes(question, other) == [], (question, other)
    # Under "I will apply for starttiraha", the note says which other answer it is about and links to the step.
    note = guide.locator('li[data-question="starttiraha"] li[data-answer="yes"] .toimi-helper-warning')
    assert note.is_visible()
    keep_question = guide.locator('li[data-question="keep_benefit"] > .toimi-helper-question').inner_text()
    assert keep_question in note.locator(".toimi-helper-warning-if").inner_text()
    assert EARNINGS_RELATED[lang] in note.inner_text()
    assert note.locator("a").get_attribute("href") == STEP_HREF
    assert not page.locator(".toimi-helper-form").is_visible()
    context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_page_with_both_warnings_shown_passes_wcag_21_aa(helper_page, lang):
    import importlib.util
    from pathlib import Path

    axe = Path(importlib.util.find_spec("axe_playwright_python").origin).parent / "axe.min.js"
    page = helper_page(lang)
    answer(page, {"keep_benefit": "yes", "workload": "full_time", "starttiraha": "yes"})
    assert sorted(shown_warnings(page)) == sorted([WITH_STARTTIRAHA, WITH_FULL_TIME])
    page.evaluate(axe.read_text(encoding="utf-8"))
    tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
    result = page.evaluate(
        "options => axe.run(document, options)",
        {"runOnly": {"type": "tag", "values": tags}, "resultTypes": ["violations"]},
    )
    assert result["violations"] == [], [(v["id"], v["nodes"][0]["target"]) for v in result["violations"]]
