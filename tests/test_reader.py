"""In Chromium, what a reader meets first: their own language (links that stay in it, a suggestion of it on a
Finnish page, its name on the language menu), checkboxes that fit a phone, headings that break at compound
boundaries, the editor's way in, and notice boxes at body text size."""

from __future__ import annotations

import pytest

from conftest import LANGUAGES, url_for

SUGGESTION = {
    "en": "This page is also available in English.",
    "sv": "Den här sidan finns också på svenska.",
    "ru": "Эта страница есть и на русском языке.",
    "uk": "Ця сторінка є також українською мовою.",
}
NAMES = {"fi": "Suomi", "en": "English", "sv": "Svenska", "ru": "Русский", "uk": "Українська"}
CHECKLIST = "checklists/employer-immigrant-recruitment/"
LONG_TITLE = "employers/immigrant-recruitment/"

# Cumulative Layout Shift of the page so far (shifts right after input do not count, as in the metric).
CLS = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve(total), 300);
})"""


def reader(browser, languages: list[str], **options):
    """A browser whose preferred languages are `languages` (navigator.languages), as a visitor's would be."""
    context = browser.new_context(locale=languages[0], **options)
    context.add_init_script(f"Object.defineProperty(navigator, 'languages', {{get: () => {languages!r}}});")
    page = context.new_page()
    page.problems = []
    page.on("console", lambda message: page.problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    return context, page


# ---- 1. links stay in the reader's language ----------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES[1:])
def test_the_footer_links_stay_in_the_readers_language(server, browser, lang):
    context, page = reader(browser, [lang])
    for name in ("accessibility", "privacy"):
        page.goto(url_for(server, lang, "employers/"), wait_until="networkidle")
        page.locator(f'.toimi-footer__links a[href$="{name}/"]').click()
        page.wait_for_load_state("networkidle")
        assert page.url == url_for(server, lang, f"{name}/")
        assert page.evaluate("document.documentElement.lang") == lang
    context.close()


# ---- 2. the language suggestion and the language menu ----------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "sv", "ru", "uk"])
def test_a_finnish_page_suggests_the_readers_language_in_that_language(server, browser, lang):
    context, page = reader(browser, [f"{lang}-FI", "fi"], viewport={"width": 390, "height": 800})
    page.goto(url_for(server, "fi", LONG_TITLE), wait_until="networkidle")
    assert page.url == url_for(server, "fi", LONG_TITLE), "no redirect"
    banner = page.locator(".toimi-suggest__item:visible")
    assert banner.count() == 1
    assert banner.get_attribute("lang") == lang
    assert SUGGESTION[lang] in banner.inner_text()
    # Announced politely: the message is a live region (role=status is aria-live=polite).
    assert banner.locator('.toimi-suggest__text[role="status"]').count() == 1
    # No layout shift, and the banner covers nothing: it is in the flow, under the header, above the title.
    assert page.evaluate(CLS) == 0
    assert page.evaluate("getComputedStyle(document.querySelector('.toimi-suggest')).position") == "static"
    box, header, title = (
        banner.bounding_box(),
        page.locator(".md-header").bounding_box(),
        page.locator("article h1").bounding_box(),
    )
    assert header["y"] + header["height"] <= box["y"] + 0.5 and box["y"] + box["height"] <= title["y"]
    # The link leads to the same page in that language.
    link = banner.get_by_role("link")
    assert link.get_attribute("hreflang") == lang
    link.click()
    page.wait_for_load_state("networkidle")
    assert page.url == url_for(server, lang, LONG_TITLE)
    assert page.evaluate("document.documentElement.lang") == lang
    assert page.context.cookies() == []
    assert page.problems == [], page.problems
    context.close()


def test_the_suggestion_closes_by_keyboard_and_stays_closed(server, browser):
    context, page = reader(browser, ["uk", "ru", "fi"])
    page.goto(url_for(server, "fi"), wait_until="networkidle")
    banner = page.locator(".toimi-suggest__item:visible")
    assert banner.get_attribute("lang") == "uk"
    reached = []
    for _ in range(40):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.className + '|' + document.activeElement.textContent"))
        if "toimi-suggest__close" in reached[-1]:
            break
    assert any("Читати українською" in r for r in reached), reached
    assert reached[-1].startswith("toimi-suggest__close") and reached[-1].endswith("|Закрити"), reached
    page.keyboard.press("Enter")
    assert page.locator(".toimi-suggest__item:visible").count() == 0
    assert page.evaluate("document.activeElement.tagName") == "H1", "the focus goes on to the page"
    assert page.evaluate("localStorage.getItem('toimi-language-suggestion')") is not None
    assert page.context.cookies() == []
    page.goto(url_for(server, "fi", "employers/"), wait_until="networkidle")
    assert page.locator(".toimi-suggest__item:visible").count() == 0
    context.close()


@pytest.mark.parametrize(
    ("languages", "shown"),
    [(["fi-FI", "en"], None), (["de-DE", "sv", "fi"], "sv"), (["de-DE"], None), (["en-GB", "fi"], "en")],
)
def test_the_suggestion_follows_the_order_of_the_browser_languages(server, browser, languages, shown):
    context, page = reader(browser, languages)
    page.goto(url_for(server, "fi", "employers/"), wait_until="networkidle")
    banner = page.locator(".toimi-suggest__item:visible")
    assert banner.count() == (1 if shown else 0)
    if shown:
        assert banner.get_attribute("lang") == shown
    # Never on the other languages' pages.
    page.goto(url_for(server, "sv", "employers/"), wait_until="networkidle")
    assert page.locator(".toimi-suggest__item:visible").count() == 0
    context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_language_menu_shows_the_current_language_by_name_on_wide_screens(server, browser, lang):
    context, page = reader(browser, [lang], viewport={"width": 1280, "height": 800})
    page.goto(url_for(server, lang, "employers/"), wait_until="networkidle")
    button = page.locator(".md-header__option .md-select > button")
    assert button.inner_text().strip() == NAMES[lang]
    assert button.get_attribute("aria-label").startswith(NAMES[lang]), "its name starts with the words it shows"
    page.set_viewport_size({"width": 390, "height": 800})
    assert button.is_visible() and button.inner_text().strip() == ""
    context.close()


# ---- 3. checkboxes that fit -------------------------------------------------------------------------------


@pytest.mark.parametrize("width", [320, 360, 390])
@pytest.mark.parametrize("media", ["screen", "print"])
def test_checkboxes_fit_a_phone_screen_and_its_print(server, browser, width, media):
    context, page = reader(browser, ["fi"], viewport={"width": width, "height": 800})
    for lang in ("fi", "uk"):
        page.goto(url_for(server, lang, CHECKLIST), wait_until="networkidle")
        page.emulate_media(media=media)
        boxes = page.evaluate("""() => [...document.querySelectorAll('input[data-check]')].map(box => {
            const r = box.getBoundingClientRect(), label = box.closest('label');
            return [r.left, r.right, r.width, label.getBoundingClientRect().left,
                    label.querySelector('span').getClientRects()[0].left];})""")
        assert len(boxes) >= 15
        viewport = page.evaluate("document.documentElement.clientWidth")
        for left, right, box_width, label_left, text_left in boxes:
            assert left >= 0 and right <= viewport, f"{lang} {media} {width} px: a box at {left}..{right}"
            assert box_width >= 12 and left >= label_left - 0.5, "the box is whole and inside its label"
            assert text_left >= right, f"{lang} {media} {width} px: the text starts under the box"
    context.close()


# ---- 4. headings that break at compound boundaries ----------------------------------------------------------

LINE_BREAKS = r"""selector => {
  const element = document.querySelector(selector), breaks = [];
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let previous = null, top = null;
  while (walker.nextNode()) {
    const node = walker.currentNode;
    for (let i = 0; i < node.data.length; i++) {
      const range = document.createRange(); range.setStart(node, i); range.setEnd(node, i + 1);
      const rects = range.getClientRects();
      if (!rects.length) { previous = node.data[i]; continue; }
      const y = rects[rects.length - 1].top;
      // A space at a line break may be reported on either line: the break is at the space.
      if (top !== null && y > top + 2) breaks.push(/\s/.test(node.data[i]) ? " " : previous);
      top = y; previous = node.data[i];
    }
  }
  return breaks;
}"""


@pytest.mark.parametrize("width", [320, 390, 768, 1280])
def test_a_long_title_breaks_at_a_compound_boundary_with_a_hyphen_and_not_beside_the_pdf_links(server, browser, width):
    context, page = reader(browser, ["fi"], viewport={"width": width, "height": 800})
    page.goto(url_for(server, "fi", LONG_TITLE), wait_until="networkidle")
    title = page.locator("article h1")
    assert "Maahan\u00admuuttaja\u00adtaustaisen" in title.text_content()
    # Every line of the title ends at a space or at a soft hyphen (which the browser shows as a hyphen).
    breaks = page.evaluate(LINE_BREAKS, "article h1")
    assert all(b in (" ", "\u00ad") for b in breaks), f"{width} px: a line breaks after {breaks!r}"
    if width <= 390:
        assert "\u00ad" in breaks, "on a phone the long word breaks at a compound boundary"
    # The PDF links have a line of their own under the title.
    pdf, heading = page.locator(".toimi-pdf-link").bounding_box(), title.bounding_box()
    assert pdf["y"] >= heading["y"] + heading["height"] - 0.5
    # Soft hyphens are for the eye only: not in the window title or the heading's id.
    assert "\u00ad" not in page.title()
    assert all("\u00ad" not in (i or "") for i in page.eval_on_selector_all("h1, h2, h3", "e => e.map(h => h.id)"))
    context.close()


# ---- 5. the editor's way in -----------------------------------------------------------------------------------

EDIT = {
    "fi": "Muokkaa tätä sivua GitHubissa",
    "en": "Edit this page on GitHub",
    "sv": "Redigera den här sidan på GitHub",
    "ru": "Редактировать эту страницу на GitHub",
    "uk": "Редагувати цю сторінку на GitHub",
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_edit_link_names_github_comes_before_the_sources_and_leads_to_the_editors_guide(server, browser, lang):
    context, page = reader(browser, [lang])
    page.goto(url_for(server, lang, LONG_TITLE), wait_until="networkidle")
    article = page.locator("article")
    edit = article.get_by_role("link", name=EDIT[lang], exact=True)
    assert edit.count() == 1
    assert edit.get_attribute("href").startswith("https://github.com/")
    sources = article.locator("#toimi-sources")
    assert edit.bounding_box()["y"] < sources.bounding_box()["y"]
    guide = article.locator(".toimi-editors-guide")
    assert abs(guide.bounding_box()["y"] - edit.bounding_box()["y"]) < 40, "the guide link is next to it"
    guide.click()
    page.wait_for_load_state("networkidle")
    assert page.url == url_for(server, lang, "editors/")
    # The editors' page says who reviews, how soon (pending until decided) and how the editor hears back.
    section = page.locator("#after-your-pull-request")
    assert section.count() == 1
    following = page.evaluate("""() => { const out = []; let n = document.getElementById('after-your-pull-request');
        while ((n = n.nextElementSibling) && n.tagName !== 'H2') out.push(n.textContent); return out.join(' '); }""")
    assert "GitHub" in following and "TOIMI" in following
    assert page.locator("#after-your-pull-request ~ .toimi-pending").count() >= 1
    context.close()


# ---- 6. notice boxes at body text size ------------------------------------------------------------------------

TEXT_SPACING = """() => { const style = document.createElement('style');
  style.textContent = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; '
    + 'word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';
  document.head.appendChild(style); }"""


NOTICE_SIZES = """() => {
  const px = e => parseFloat(getComputedStyle(e).fontSize);
  const boxes = 'article .admonition > p:not(.admonition-title), article details > p';
  return [px(document.querySelector('article > p')),
          [...document.querySelectorAll(boxes)].map(p => [px(p), parseFloat(getComputedStyle(p).lineHeight) / px(p)])];
}"""
NOTICE_PADDING = """() => [...document.querySelectorAll('article .admonition, article details')].map(box => {
  const style = getComputedStyle(box);
  return Math.min(parseFloat(style.paddingLeft), parseFloat(style.paddingRight)); })"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 1280])
def test_notice_boxes_are_at_body_size_with_contrast_and_room(server, browser, scheme, width):
    from test_accessibility import run_axe

    context, page = reader(browser, ["fi"], viewport={"width": width, "height": 900}, color_scheme=scheme)
    for lang, path in (("fi", "employers/employment-supplement/"), ("en", "workshops/recruiting-across-cultures/")):
        page.goto(url_for(server, lang, path), wait_until="networkidle")
        sizes = page.evaluate(NOTICE_SIZES)
        body, boxes = sizes
        assert boxes, path
        for size, line_height in boxes:
            assert size >= body - 0.01, f"{lang}/{path}: notice text {size} px, body text {body} px"
            assert line_height >= 1.4
        # Room inside the box: the text does not touch its edges.
        assert min(page.evaluate(NOTICE_PADDING)) >= 8
        contrast = {
            "runOnly": {"type": "rule", "values": ["color-contrast"]},
            "include": [[".admonition"], ["details"]],
        }
        assert run_axe(page, contrast)["violations"] == [], (scheme, path)
        # WCAG 1.4.12: with the reader's own text spacing nothing in a box is cut off.
        page.evaluate(TEXT_SPACING)
        clipped = page.evaluate("""() => [...document.querySelectorAll('article .admonition, article details')]
            .filter(box => box.scrollHeight > box.clientHeight + 1 || box.scrollWidth > box.clientWidth + 1).length""")
        assert clipped == 0
    context.close()
