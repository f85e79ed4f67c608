"""WCAG 2.1 AA in Chromium: axe-core over every built page in every language (404 pages included; the same
walk fails on any Content-Security-Policy violation), contrast in the dark
scheme, keyboard use, and no sideways scrolling at 320 px. The run writes its result to reports/audit.yml
(not tracked: scripts/data.py write_audit_record), which the next build's accessibility statement shows:
the statement's figures are never typed. `make audit` runs this file before the publishing workflow builds the site.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import LANGUAGES, SITE_HOST, content_pages
from scripts import data

AXE = Path(importlib.util.find_spec("axe_playwright_python").origin).parent / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Rules that axe must have run on every page, written by hand from axe's rule list: some of level A (wcag2a),
# all of AA (wcag2aa) and of WCAG 2.1 AA (wcag21aa; its one wcag21a rule is experimental and off in axe).
# "region" is a best practice, not a WCAG rule: it must not have run, or the count would not be WCAG's.
KEY_RULES = {"image-alt", "link-name", "button-name", "label", "html-has-lang", "document-title", "bypass", "list"}
KEY_RULES |= {"color-contrast", "meta-viewport", "valid-lang", "autocomplete-valid", "avoid-inline-spacing"}
NOT_WCAG = "region"


def page_urls(server: str, site_dir: Path, html_pages) -> list[str]:
    urls = []
    for lang in LANGUAGES:
        root = site_dir if lang == "fi" else site_dir / lang
        for page in html_pages[lang]:
            rel = page.parent.relative_to(root).as_posix()
            urls.append(server + ("" if lang == "fi" else f"{lang}/") + ("" if rel == "." else rel + "/"))
    return urls


def run_axe(page, options: dict) -> dict:
    page.evaluate(AXE.read_text(encoding="utf-8"))
    return page.evaluate("options => axe.run(document, options)", options)


# Pages checked at the same time: axe keeps one core busy per page, and the machines that run the suite have two.
PAGES_AT_ONCE = 3
# Issue 19, on the same walk: the layout shifts of each page (as the CLS metric counts them) and its requests.
LAYOUT_SHIFTS = """window.__cls = 0; new PerformanceObserver(list => { for (const e of list.getEntries())
  if (!e.hadRecentInput) window.__cls += e.value; }).observe({type: "layout-shift", buffered: true});"""
# The layout shifts once the fonts have settled and two frames are drawn.
SETTLED_SHIFTS = """document.fonts.ready
  .then(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))).then(() => window.__cls)"""
REQUESTS_PER_PAGE = 10


def record_request(sent: list[str], request) -> None:
    """A page's requests since its document was asked for (a missing address's 404 page goes on to its language's)."""
    if request.is_navigation_request():
        sent.clear()
    sent.append(request.url)


def first_load_problems(url: str, found: dict) -> list[str]:
    """A page that makes more than REQUESTS_PER_PAGE requests or moves after it is drawn (issue 19; the bytes are
    `make bench`'s budget). Every request's host is checked for the whole walk."""
    problems = []
    if len(found["requests"]) > REQUESTS_PER_PAGE:
        problems.append(f"{url}: {len(found['requests'])} requests (at most {REQUESTS_PER_PAGE}): {found['requests']}")
    if found["cls"] > 0:
        problems.append(f"{url}: layout shift {found['cls']:.4f} (CLS must be 0)")
    return problems


def axe_walk(urls: list[str], local_server, options: dict) -> dict:
    """Every address in Chromium through axe, PAGES_AT_ONCE at a time, each once its `load` event has fired.
    Playwright's sync API (the other tests') waits on one page at a time, so the walk runs its own asynchronous
    Playwright in a thread of its own. Returns, per address, axe's result, the Content-Security-Policy
    violations and console errors seen on it; and every request made and the cookies set on the whole walk."""
    import asyncio
    import threading

    from playwright.async_api import async_playwright
    from test_csp import RECORD_VIOLATIONS

    from conftest import CHROMIUM, chromium_args

    axe = AXE.read_text(encoding="utf-8")

    async def walk() -> dict:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=chromium_args(local_server)
            )
            context = await browser.new_context()
            await context.add_init_script(RECORD_VIOLATIONS)
            await context.add_init_script(LAYOUT_SHIFTS)
            requests, pages, queue = [], {}, list(urls)
            context.on("request", lambda request: requests.append(request.url))

            async def worker():
                page = await context.new_page()
                errors, sent = [], []
                page.on("request", lambda request: record_request(sent, request))
                page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
                page.on("pageerror", lambda error: errors.append(str(error)))
                while queue:
                    url = queue.pop(0)
                    errors.clear()
                    sent.clear()
                    await page.goto(url, wait_until="load")
                    violations = await page.evaluate("window.__violations")
                    await page.evaluate(axe)
                    result = await page.evaluate("options => axe.run(document, options)", options)
                    found = {"requests": list(sent), "cls": await page.evaluate("window.__cls")}
                    if found["cls"]:  # once more: a page's own shift repeats, one that a busy machine's timing made not
                        await page.goto(url, wait_until="load")
                        found["cls"] = await page.evaluate(SETTLED_SHIFTS)
                    pages[url] = {"axe": result, "csp": violations, "errors": list(errors), **found}
                await page.close()

            await asyncio.gather(*(worker() for _ in range(PAGES_AT_ONCE)))
            found = {"pages": pages, "requests": requests, "cookies": await context.cookies()}
            found["browser"] = browser.version
            await browser.close()
            return found

    out = {}
    thread = threading.Thread(target=lambda: out.update(walk=asyncio.run(walk())))
    thread.start()
    thread.join()
    return out["walk"]


OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
NOT_FOUND = "Failed to load resource: the server responded with a status of 404"


def sitemap_pages(site_dir: Path) -> list[str]:
    """The address of every page in sitemap.xml, sorted."""
    from xml.etree import ElementTree

    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ElementTree.parse(site_dir / "sitemap.xml").getroot()
    return sorted(url.find("s:loc", namespace).text for url in root.findall("s:url", namespace))


def failures_of(walk: dict, missing: list[str]) -> tuple[list[str], set[str]]:
    """What the walk found wrong on its pages (axe violations, policy violations, console errors except the 404
    status of a missing address itself), and the axe versions that ran."""
    failures, versions = [], set()
    for url, found in walk["pages"].items():
        result = found["axe"]
        # The A/AA rules ran on the page (those of every kind of result: passed, failed, not applicable,
        # incomplete), and no rule outside WCAG did.
        ran = {rule["id"] for kind in ("passes", "violations", "incomplete", "inapplicable") for rule in result[kind]}
        assert KEY_RULES <= ran and NOT_WCAG not in ran, (url, sorted(KEY_RULES - ran))
        versions.add(result["testEngine"]["version"])
        failures += [f"{url}: Content-Security-Policy: {v}" for v in found["csp"]]
        failures += [
            f"{url}: console: {error}"
            for error in found["errors"]
            if not (url in missing and error.startswith(NOT_FOUND))
        ]
        failures += first_load_problems(url, found)
        for violation in result["violations"]:
            failures.append(
                f"{url}: {violation['id']} ({violation['impact']}): "
                f"{violation['nodes'][0]['target']} {violation['nodes'][0]['failureSummary'][:160]}"
            )
    # Privacy, on the same walk: no request leaves the site, no cookie is set.
    failures += [f"request outside the site: {url}" for url in walk["requests"] if urlsplit(url).hostname != SITE_HOST]
    failures += [f"cookie set: {cookie}" for cookie in walk["cookies"]]
    return failures, versions


def test_every_page_passes_wcag_21_aa(server, html_site, local_server):
    """The walk runs on the HTML build while the PDFs are made; the pages that the PDF step fills in afterwards
    (the Printables tables, print sets, offline downloads) are walked again once it is done (the next test)."""
    urls = page_urls(server, html_site, content_pages(html_site))
    # Every page the site publishes is walked: the sitemap (the search engines' list, written by MkDocs) names
    # each page of each language once, independently of how content_pages finds the built files.
    assert sorted(urls) == sitemap_pages(html_site)
    # The 404 page of every language too, reached by a missing address and directly.
    missing = [server + ("" if lang == "fi" else f"{lang}/") + "no-such-page/" for lang in LANGUAGES]
    urls += missing + [server + ("" if lang == "fi" else f"{lang}/") + "404.html" for lang in LANGUAGES]
    walk = axe_walk(urls, local_server, OPTIONS)
    assert sorted(walk["pages"]) == sorted(urls)
    failures, versions = failures_of(walk, missing)
    assert len(versions) == 1, versions
    record = {
        "date": dt.date.today(),
        "tool": f"axe-core {versions.pop()}",
        "browser": f"Chromium {walk['browser']}",
        "rules": "WCAG 2.0 and 2.1, levels A and AA (all rules of the tags " + ", ".join(WCAG_TAGS) + ")",
        "pages": len(urls),
        "languages": len(LANGUAGES),
        "violations": len(failures),
    }
    data.write_audit_record(record)  # reports/audit.yml, which git ignores
    assert not failures, "\n".join(failures)


# What the PDF step writes into a page (scripts/pdf.py, print_sets.py, offline.py).
FILLED_IN = (
    'class="toimi-cards toimi-printables-table"',
    '<div class="toimi-print-set" ',
    '<div class="toimi-offline">',
)


def test_the_pages_the_pdf_step_fills_in_pass_wcag_21_aa(server, site_dir, html_site, local_server):
    pages = [page for lang_pages in content_pages(site_dir).values() for page in lang_pages]
    filled = [page for page in pages if any(mark in page.read_text(encoding="utf-8") for mark in FILLED_IN)]
    # Every language's Printables page, workshops index and five module pages.
    assert len(filled) == 5 * 7, [str(page.relative_to(site_dir)) for page in filled]
    if site_dir != html_site:  # every other page is the one the walk above checked
        changed = [page for page in pages if page.read_bytes() != (html_site / page.relative_to(site_dir)).read_bytes()]
        assert set(changed) <= set(filled), sorted(set(changed) - set(filled))
    urls = page_urls(
        server, site_dir, {lang: [p for p in filled if p in found] for lang, found in content_pages(site_dir).items()}
    )
    walk = axe_walk(urls, local_server, OPTIONS)
    assert sorted(walk["pages"]) == sorted(urls)
    failures, _ = failures_of(walk, [])
    assert not failures, "\n".join(failures)


def test_the_dark_scheme_passes_contrast(server, browser):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    failures = []
    for lang in LANGUAGES:
        for path in ("", "employers/employment-supplement/", "checklists/employer-immigrant-recruitment/", "figures/"):
            page.goto(server + ("" if lang == "fi" else f"{lang}/") + path, wait_until="networkidle")
            assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
            result = run_axe(page, {"runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]}})
            failures += [f"{lang}/{path}: {v['id']} {v['nodes'][0]['target']}" for v in result["violations"]]
    context.close()
    assert not failures, failures


TEMPLATES = [
    "",
    "employers/immigrant-recruitment/",
    "checklists/employer-partial-work-ability/",
    "glossary/",
    "figures/",
    "printables/",
    "entrepreneurship/company-form-helper/",
    "workshops/recruiting-across-cultures/",
    "no-such-page/",
]


# Interactive elements that are drawn but start outside the viewport (cut off at the left edge, say). The closed
# navigation drawer of a narrow screen is off the screen on purpose (its menu button opens it), so it is left out.
OUTSIDE = """() => {
  const width = document.documentElement.clientWidth;
  const drawerOpen = document.getElementById('__drawer').checked;
  return [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')]
    .filter(e => e.checkVisibility({visibilityProperty: true, opacityProperty: true}) && e.getClientRects().length)
    .filter(e => drawerOpen || !e.closest('.md-sidebar--primary'))
    .filter(e => { const r = e.getBoundingClientRect(); return r.left < 0 || r.left >= width; })
    .map(e => e.outerHTML.slice(0, 80) + ' at x = ' + e.getBoundingClientRect().left); }"""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_sideways_scrolling_at_320_px_or_200_percent_zoom(server, site_dir, browser, lang):
    # site_dir: the Printables page and the module page are checked with their tables filled in.
    for viewport in ({"width": 320, "height": 640}, {"width": 640, "height": 400}):  # 1280 px at 200 % = 640 px
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        for path in TEMPLATES:
            page.goto(server + ("" if lang == "fi" else f"{lang}/") + path, wait_until="networkidle")
            width = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
            assert width[0] <= width[1], f"{lang}/{path} at {viewport['width']} px scrolls sideways: {width}"
            outside = page.evaluate(OUTSIDE)
            assert not outside, f"{lang}/{path} at {viewport['width']} px: controls start outside: {outside[:3]}"
        context.close()


def test_keyboard_reaches_skip_link_language_menu_and_checklists(server, browser):
    context = browser.new_context()
    page = context.new_page()
    page.goto(server + "ru/checklists/employer-immigrant-recruitment/", wait_until="networkidle")
    page.keyboard.press("Tab")
    skip = page.evaluate("document.activeElement.className + '|' + document.activeElement.getAttribute('href')")
    assert skip.split(" ")[0].split("|")[0] == "md-skip", skip
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    reached = set()
    for _ in range(400):
        page.keyboard.press("Tab")
        info = page.evaluate("""() => { const e = document.activeElement;
            return [e.tagName, e.className || '', e.getAttribute('hreflang') || '', e.getAttribute('type') || '',
                    getComputedStyle(e).outlineStyle]; }""")
        if info[2]:
            reached.add("language")
        if info[3] == "checkbox":
            reached.add("checkbox")
            assert info[4] != "none", "a focused checkbox shows a focus ring"
        if "toimi-checklist-reset" in info[1]:
            reached.add("reset")
        if "toimi-edit" in info[1]:
            reached.add("edit")
    context.close()
    assert {"checkbox", "reset", "edit"} <= reached, reached


def test_keyboard_reaches_the_language_menu_search_and_pdf_links(server, browser):
    context = browser.new_context()
    page = context.new_page()
    page.goto(server + "sv/employers/partial-work-ability/", wait_until="networkidle")
    reached = {}
    for _ in range(150):  # past the header and the whole menu
        page.keyboard.press("Tab")
        info = page.evaluate("""() => { const e = document.activeElement;
            return [e.getAttribute('hreflang') || '', e.className || '', e.getAttribute('href') || ''];}""")
        if info[0] == "fi" and "language" not in reached:
            reached["language"] = page.locator('.md-select__link[hreflang="fi"]').is_visible()
        if "toimi-search__open" in info[1]:
            reached["search"] = True
        if info[2].endswith(".pdf"):
            reached["pdf"] = True
    context.close()
    assert reached == {"language": True, "search": True, "pdf": True}, reached
