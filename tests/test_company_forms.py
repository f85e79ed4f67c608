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
    answer(page, {"keep_benefit": "full_time"})
    assert "sivutoiminen" in excluded(page)


def test_invoicing_in_your_own_name_rules_out_light_entrepreneurship(helper_page):
    # A light entrepreneur has no business of their own to invoice in.
    page = helper_page("sv")
    answer(page, {"invoicing": "own_company"})
    assert "kevytyrittajyys" in excluded(page)


def test_alone_full_time_with_starttiraha_and_little_risk_suggests_a_private_trader(helper_page):
    page = helper_page("ru")
    answer(page, {"together": "alone", "keep_benefit": "full_time", "starttiraha": "yes", "admin": "yes", "risk": "no"})
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
    page.wait_for_function("document.querySelectorAll('.toimi-helper-form input:checked').length === 0")
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
    texts += [row["label"] for row in data["criteria"].values()]
    texts += [cell for row in data["criteria"].values() for cell in row["values"].values()]
    assert len(texts) > 100
    for text in texts:
        assert set(text) == set(LANGUAGES) and all(text.values())


def test_a_missing_language_in_the_rules_file_stops_the_build_naming_the_file(tmp_path):
    data = yaml.safe_load((ROOT / "data" / "company_forms.yml").read_text(encoding="utf-8"))
    del data["questions"][1]["answers"][0]["text"]["uk"]
    overlay = tmp_path / "overlay" / "data"
    overlay.mkdir(parents=True)
    (overlay / "company_forms.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = build_fixture(tmp_path, tmp_path / "overlay")
    assert result.returncode != 0
    assert "data/company_forms.yml:" in result.output and "has no uk text" in result.output, result.output
    assert FIXTURES.exists()
