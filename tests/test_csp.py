"""The Content-Security-Policy of every page (scripts/csp.py): written first in the head, with exactly the
hashes of the page's own inline scripts; and in Chromium, the features that need scripts still work under it.
(tests/test_accessibility.py walks every page and fails on any violation.)"""

from __future__ import annotations

import re

import pytest

from conftest import LANGUAGES
from scripts import csp

# Records every violation of the page's policy, before any of the page's own scripts run.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", e => window.__violations.push(
  `${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`));
"""


def every_html_page(site_dir):
    return sorted(site_dir.rglob("*.html"))


def head_of(text: str) -> str:
    return text[: text.index("</head>")]


def test_every_page_has_the_policy_first_with_the_hashes_of_its_inline_scripts(site_dir):
    pages = every_html_page(site_dir)
    assert len(pages) >= 180 and site_dir / "en" / "404.html" in pages
    for page in pages:
        text = page.read_text(encoding="utf-8")
        head = head_of(text)
        policies = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', text)
        assert len(policies) == 1, page
        # Nothing that loads or runs comes before the policy: only the character set.
        before = head[: head.index("Content-Security-Policy")]
        assert re.sub(r"\s+", " ", before).strip().endswith('<head> <meta charset="utf-8"> <meta http-equiv="'), page
        directives = dict(d.strip().split(" ", 1) for d in policies[0].split(";"))
        scripts = directives.pop("script-src").split()
        assert scripts[0] == "'self'"
        assert sorted(scripts[1:]) == sorted({csp.script_hash(s) for s in csp.inline_scripts(text)}), page
        assert directives == {name: value for name, value in csp.DIRECTIVES if name != "script-src"}, page
        assert '<meta name="referrer" content="no-referrer">' in head, page
        assert " style=" not in text and "<style" not in text, f"{page}: inline styles need 'unsafe-inline'"
        assert not re.search(r"<[^>]+\son[a-z]+=", text), f"{page}: inline event handlers do not run under the policy"


@pytest.fixture
def page(browser):
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.errors = []
    page.on("console", lambda message: page.errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    violations = page.evaluate("window.__violations")
    context.close()
    assert violations == [], violations
    assert not [e for e in page.errors if "Content Security Policy" in e], page.errors


def test_search_works_under_the_policy(server, page):
    page.goto(server + "en/employers/", wait_until="networkidle")
    page.click(".toimi-search__open")
    page.fill("#toimi-search-input", "Traficom")
    page.dispatch_event("#toimi-search-input", "input")
    page.wait_for_function("() => document.querySelector('.toimi-search').dataset.query === 'Traficom'")
    assert page.locator(".toimi-search__results a").count() > 0
    page.keyboard.press("Enter")  # nothing is submitted: there is no form
    assert page.locator("dialog").is_visible()


def test_checklists_work_under_the_policy(server, page):
    page.goto(server + "sv/checklists/starttiraha/", wait_until="networkidle")
    page.locator("label.toimi-check").first.click()
    assert page.locator(".toimi-checklist-progress").inner_text().startswith("1 / ")


def test_the_questionnaire_works_under_the_policy(server, page):
    page.goto(server + "entrepreneurship/company-form-helper/", wait_until="networkidle")
    assert page.locator(".toimi-helper-form").is_visible()
    page.locator(".toimi-helper-form input[type=radio]").first.check()
    assert page.locator(".toimi-helper-results li").count() > 0


def test_the_theme_toggle_works_under_the_policy(server, page):
    page.goto(server + "ru/", wait_until="networkidle")
    before = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    page.locator("label.md-header__button[for^='__palette']:visible").click()
    after = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert {before, after} == {"default", "slate"}
    page.reload(wait_until="networkidle")  # the inline script that restores the choice runs (its hash)
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == after


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_language_menu_works_under_the_policy(server, page, lang):
    page.goto(server + "employers/immigrant-recruitment/", wait_until="networkidle")
    page.locator(".md-header__option .md-select").hover()
    page.locator(f'.md-select__link[hreflang="{lang}"]').click()
    page.wait_for_load_state("networkidle")
    assert page.url == server + ("" if lang == "fi" else f"{lang}/") + "employers/immigrant-recruitment/"


def test_the_404_router_runs_under_the_policy(server, page):
    page.goto(server + "uk/no/such/page/")
    page.wait_for_function("() => document.documentElement.lang === 'uk'")
    page.wait_for_load_state("networkidle")
