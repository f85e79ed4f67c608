"""MkDocs hooks: the glue between MkDocs and the plain modules in scripts/.

MkDocs runs these for every language build (mkdocs-static-i18n builds fi first, then the others).
Every problem in the content stops the build with `file:line: what and how to fix`.
"""

from __future__ import annotations

import os
import posixpath
import re
import sys
from html import escape
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from scripts import (
    annotations,
    check,
    checklists,
    content,
    csp,
    data,
    easy_finnish,
    hyphenation,
    macros,
    modules,
    not_found,
    pdf,
    print_kit,
    search,
    stylesheet,
    table_align,
    theme,
    translations,
    workshop_views,
)
from scripts.content import ContentError

_state: dict = {}
# scripts/offline.py builds the offline copy with TOIMI_OFFLINE=1 and `--no-directory-urls`: links to the other
# languages (and to the Finnish original) then go to the online site and say so.
OFFLINE = os.environ.get("TOIMI_OFFLINE") == "1"
# A row of at least ten underscores in the text is a line to write on by hand: on paper it becomes a ruled line.
WRITE_LINE = re.compile(r"_{10,}")
# Material's files that no page loads: its script (toimi.js does the little of it that the site uses), its search
# (the site has its own) and its two stylesheets (the rules of them that the pages use are in toimi.css).
UNUSED_THEME_FILES = re.compile(r"assets/(javascripts/(bundle\.|lunr/|workers/)|stylesheets/(main|palette)\.)")


def fail(err: ContentError) -> PluginError:
    annotations.emit(err.problems, "error", "Build / Rakennus")
    count = len(err.problems)
    return PluginError(f"{count} problem{'s' if count > 1 else ''} in the content:\n" + "\n".join(err.problems))


def current_language(config) -> str:
    return config["theme"]["language"]


def on_config(config):
    if not any(isinstance(e, table_align.TableAlignExtension) for e in config["markdown_extensions"]):
        config["markdown_extensions"].append(table_align.TableAlignExtension())
    docs_dir = Path(config["docs_dir"])
    data_dir = Path(config.config_file_path).parent / "data"
    # The gates read every language at once: run them once per build, and again only when a file of docs/
    # or data/ has changed (MkDocs calls on_config for each language, and `make serve` on each rebuild).
    fingerprint = content.fingerprint(docs_dir, data_dir)
    _state["docs_dir"], _state["site_url"] = docs_dir, config["site_url"] or ""
    if _state.get("checked") != fingerprint:
        problems = check.run(check.load(docs_dir, data_dir), check.BUILD_GATES)
        if problems:
            raise fail(ContentError(problems))
        _state["translations"] = translations.status(docs_dir)
        _state["finnish_only"] = content.finnish_only_paths(docs_dir)
        _state["easy_versions"] = easy_finnish.versions_in(docs_dir)  # standard page key -> Easy Finnish key
        _state["checked"] = fingerprint
    try:
        site = data.load_all(data_dir)
    except ContentError as err:
        raise fail(err) from None
    if "site" not in _state:  # report once per build, not once per language
        # A report, not a failure: 1 January must not break every build. Printed, because a
        # warning would stop a strict build and an info line is hidden by --quiet.
        stale = data.stale_figures(site.figures, data.today())
        for line in stale:
            print(f"Yearly figure to update: {line}", file=sys.stderr)
        annotations.emit(stale, "warning", "Yearly figure to update / Päivitä vuosiluku")
    _state["site"] = site
    if "commits" not in _state:  # the content date of each page, as its PDF has it
        _state["commits"] = pdf.commit_dates(Path(config.config_file_path).parent)
    config["extra"]["offline"] = OFFLINE
    return config


def on_page_markdown(markdown, page, config, files):
    language = current_language(config)
    src_uri = page.file.src_uri
    shown_as = content.display(Path(page.file.abs_src_path))
    try:
        if content.page_language(src_uri) != language:
            raise ContentError(
                [content.problem(shown_as, 1, f"this page is built as {language} but lives in another language folder")]
            )
        # The front matter and the text were checked by the gates in on_config.
        parsed = content.read_page(Path(page.file.abs_src_path), shown_as)
        rel = src_uri.split("/", 1)[1]
        source_dir = Path(page.file.abs_src_path).parents[len(Path(rel).parts) - 1]
        renderer = macros.Renderer(
            _state["site"], language, rel, str(shown_as), parsed.body_line, source_dir, config["use_directory_urls"]
        )
        rendered = renderer.render(markdown)
        if rel.removesuffix(".md").endswith(workshop_views.PROJECTOR_SUFFIX):
            # The projector view is the screen: no side menus (Material's `hide`; front matter may not set it).
            page.meta["hide"] = ["navigation", "toc"]
        if "duration" in parsed.meta:
            meta = {**parsed.meta, "_agenda": modules.agenda(parsed)}
            rendered = renderer.module_facts(meta, Path(rel).stem) + rendered
        if language != content.SOURCE_LANGUAGE and _state["finnish_only"]:
            rendered = link_finnish_only(rendered, rel, page.url, config)
        return rendered
    except ContentError as err:
        raise fail(err) from None


MARKDOWN_LINK = re.compile(r"\[(?P<text>[^\[\]]*)\]\((?P<target>[^)\s#]+\.md)(?P<anchor>#[^)\s]*)?\)")


def link_finnish_only(markdown: str, rel: str, url: str, config) -> str:
    """A translation's link to a Finnish-only page (an Easy Finnish page, which exists in no other language) leads
    to the Finnish page, marked hreflang="fi" (the links gate checked it against the Finnish pages). The offline
    copy, which holds one language, links the page on the online site. A link whose text is the Finnish page's
    title is marked lang="fi" too, so a screen reader reads those words in Finnish (WCAG 3.1.2)."""

    def to_finnish(match: re.Match) -> str:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), match["target"]))
        if not content.is_finnish_only(target, _state["finnish_only"]):
            return match[0]
        key = target.removesuffix(".md")
        if OFFLINE:
            href = pdf.page_url(config["site_url"], content.SOURCE_LANGUAGE, key)
        else:
            finnish_url = key.removesuffix("index") if key.endswith("index") else f"{key}/"
            href = get_relative_url(finnish_url, url)
        finnish_title = match["text"].strip().strip("«»“”„\"'") == standard_title(key)  # quoted, or not
        return f"[{match['text']}]({href}{match['anchor'] or ''}){{hreflang=fi{' lang=fi' if finnish_title else ''}}}"

    return MARKDOWN_LINK.sub(to_finnish, markdown)


def on_page_content(html, page, config, files):
    language = current_language(config)
    site = _state["site"]
    page_key = page.file.src_uri.split("/", 1)[1].removesuffix(".md")
    html = WRITE_LINE.sub(lambda m: f'<span class="toimi-write-line">{m[0]}</span>', html)
    try:
        progress, reset = site.text("checklist_progress", language), site.text("checklist_reset", language)
    except ContentError as err:
        raise fail(err) from None
    # An Easy Finnish checklist's items are items of its standard checklist, with their IDs (scripts/easy_finnish.py).
    numbers = page.meta.get("checklist_items")
    check_key = str(page.meta["easy_finnish_of"]) if numbers else page_key
    html = checklists.label_checkboxes(html, check_key, progress, reset, numbers)
    head = title_and_pdf_links(page, config, language, site)
    return easy_finnish_head(page, language, site) + head + hyphenation.hyphenate_headings(html, language)


def page_address(key: str, from_url: str, language: str = content.SOURCE_LANGUAGE) -> str:
    """The link from the page at `from_url` to the page `key` (its path without .md) in `language`. The offline copy
    has one language, so there the link goes to the online site."""
    if OFFLINE:
        return pdf.page_url(_state["site_url"], language, key)
    return get_relative_url(pdf.page_url("", language, key), from_url)


def easy_finnish_head(page, language: str, site) -> str:
    """Above the title: on a standard page that has an Easy Finnish version, the link to it (in every language; the
    page it opens is Finnish). On an Easy Finnish page, its label "Selkosuomi" and the link to its standard page."""
    key = page.file.src_uri.split("/", 1)[1].removesuffix(".md")
    if language == content.SOURCE_LANGUAGE and content.is_finnish_only(key, _state["finnish_only"]):
        label = f'<p class="toimi-easy-label" lang="fi"><span>{escape(site.text("easy_finnish_label", "fi"))}</span>'
        standard = page.meta.get("easy_finnish_of")
        if not standard:
            return label + "</p>\n"
        href = page_address(str(standard), page.url)
        return (
            f'{label} <span class="toimi-easy-standard" data-easy-finnish-of="{escape(str(standard))}">'
            f"{escape(site.text('easy_finnish_standard', 'fi'))} "
            f'<a href="{escape(href)}">{escape(standard_title(standard))}</a></span></p>\n'
        )
    easy = _state["easy_versions"].get(key)
    if not easy:
        return ""
    href = page_address(easy, page.url)
    foreign = "" if language == content.SOURCE_LANGUAGE else ' lang="fi"'
    return (
        f'<p class="toimi-easy-link">{escape(site.text("easy_finnish_offer", language))} '
        f'<a href="{escape(href)}" hreflang="fi"{foreign}>{escape(site.text("easy_finnish_link", language))}</a></p>\n'
    )


def standard_title(key: str) -> str:
    """The title of a Finnish page (`key`: its path inside docs/fi/ without .md), as its front matter gives it."""
    docs_dir = _state["docs_dir"]
    return str(content.read_page(docs_dir / content.SOURCE_LANGUAGE / f"{key}.md").meta["title"])


def title_and_pdf_links(page, config, language: str, site) -> str:
    """The page title as the article's <h1> (Material then writes none), with soft hyphens in its long words,
    and the page's PDFs on a line of their own under it: the title never shares its line with them.
    <title>, the menus and the search index keep page.title without soft hyphens."""
    title = hyphenation.hyphenate_headings(f"<h1>{escape(page.title)}</h1>", language)
    links = " · ".join(
        f'<a href="{escape(get_relative_url(href, page.url))}" type="application/pdf">{escape(label)}</a>'
        for label, href in pdf_links(page, config, language, site)
    )
    return title + (f'\n<p class="toimi-pdf-link">{links}</p>\n' if links else "\n")


def on_page_context(context, page, config, nav):
    try:
        context["toimi"] = page_facts(page, config, current_language(config))
    except ContentError as err:
        raise fail(err) from None
    return context


def page_facts(page, config, language: str) -> dict:
    """What overrides/main.html shows around a page: PDFs, review date, sources, feedback, notices."""
    site = _state["site"]
    meta = page.meta
    key = page.file.src_uri.split("/", 1)[1].removesuffix(".md")
    address = pdf.page_url(config["site_url"] or "", language, key)
    feedback = site.contacts.entries["site_feedback"]
    if feedback["status"] == "confirmed" and feedback.get("email"):
        feedback_link = macros.mailto(feedback["email"], site.text("feedback_subject", language, url=address))
        feedback_note = None
    else:
        feedback_link = None
        feedback_note = site.text("feedback_pending", language, who=feedback["confirmed_by"][language])
    facts = {
        "reviewed": site.text("reviewed", language, date=data.format_date(meta["reviewed"], language))
        if meta.get("reviewed")
        else None,
        "sources": meta.get("sources") or [],
        "feedback_link": feedback_link,
        "feedback_note": feedback_note,
        "translation_notice": translation_notice(page, config, language, site),
        "print_band": print_band(page, config, language, site, key, address) if meta else "",
        "language_suggestions": language_suggestions(page, language, site),
        "easy_finnish_menu": easy_finnish_menu(page, language),
    }
    if OFFLINE:
        facts["online_languages"] = offline_language_menu(config, language, page, key, site)
    elif key != other_language_key(page, key):
        for entry in getattr(config.extra, "alternate", None) or []:
            if entry["lang"] != language:
                entry["link"] = urlsplit(
                    pdf.page_url(config["site_url"] or "/", entry["lang"], other_language_key(page, key))
                ).path
    return facts


def other_language_key(page, key: str) -> str:
    """The page the language menu leads to in another language: the same page, but from an Easy Finnish page
    (Finnish only) the standard page it is the Easy Finnish version of, and from the Easy Finnish home page the
    language's home page, so a reader who chooses Русский on an Easy Finnish page reads the same topic in Russian.
    From a pointer to an Easy Finnish page the menu leads to the same path: the Easy Finnish page or another pointer."""
    language = page.file.src_uri.split("/", 1)[0]
    if language != content.SOURCE_LANGUAGE or not content.is_finnish_only(key, _state["finnish_only"]):
        return key
    return str(page.meta.get("easy_finnish_of") or "index")


def print_band(page, config, language: str, site, key: str, address: str) -> str:
    """The header band the page's print starts with (hidden on screen); a short unit's PDF starts with it too."""
    root = Path(config.config_file_path).parent
    date = pdf.content_date(pdf.unit_sources(language, key), root, _state["commits"])
    ui = site.ui.entries
    compact, one_page = pdf.is_compact(key, config), pdf.is_one_page(key, config)
    return pdf.print_band(ui, language, pdf.edition_of(key, page.meta), date, address, compact, one_page)


def offline_language_menu(config, language: str, page, key: str, site) -> list[dict]:
    """In the offline copy, the language menu leads to the same page on the online site, and says so
    (partials/toimi-online-languages.html). Material's own menu and the head's <link rel="alternate"> go: for
    each of those Material's script fetches the sitemap next to it, which from the disk means the network."""
    label = site.text("offline_online", language)
    menu = []
    for entry in getattr(config.extra, "alternate", None) or []:  # mkdocs-static-i18n's, for this page
        if entry["lang"] == language:
            menu.append({**entry, "link": ""})
        else:
            online = pdf.page_url(config["site_url"], entry["lang"], other_language_key(page, key))
            menu.append({**entry, "link": online, "name": f"{entry['name']} ({label})"})
    config.extra.alternate = []
    return menu


def easy_finnish_menu(page, language: str) -> str | None:
    """On the Finnish site, the language menu's "Selkosuomi" entry: this page's Easy Finnish version, or the Easy
    Finnish home page (the first Finnish-only folder's index)."""
    if language != content.SOURCE_LANGUAGE or not _state["finnish_only"]:
        return None
    key = page.file.src_uri.split("/", 1)[1].removesuffix(".md")
    if content.is_finnish_only(key, _state["finnish_only"]):
        target = key
    else:
        target = _state["easy_versions"].get(key, _state["finnish_only"][0] + "index")
    return page_address(target, page.url)


def language_suggestions(page, language: str, site) -> list[dict]:
    """On a Finnish page, the same page offered in each other language, in that language. toimi.js shows at most
    one of them: the language the reader's browser puts before Finnish (nothing without JavaScript). A Finnish-only
    page (an Easy Finnish page) has no other language to offer, nor has an offline copy, which holds one language."""
    rel = page.file.src_uri.split("/", 1)[1]
    if language != content.SOURCE_LANGUAGE or content.is_finnish_only(rel, _state["finnish_only"]) or OFFLINE:
        return []
    return [
        {
            "lang": other,
            "href": get_relative_url(f"{other}/{page.url}", page.url),
            "text": site.text("language_suggestion", other),
            "link": site.text("language_suggestion_link", other),
            "close": site.text("language_suggestion_close", other),
        }
        for other in content.LANGUAGES
        if other != content.SOURCE_LANGUAGE
    ]


def translation_notice(page, config, language: str, site) -> dict | None:
    """A draft or outdated translation tells its reader so, and links to the Finnish page. An outdated Easy
    Finnish page does the same, linking to its standard page."""
    rel = page.file.src_uri.split("/", 1)[1]
    if language == content.SOURCE_LANGUAGE and _state["translations"].easy_finnish.get(rel) == "outdated":
        standard = str(page.meta["easy_finnish_of"])
        return {
            "state": "outdated",
            "text": site.text("easy_finnish_outdated", language),
            "link_text": standard_title(standard),
            "href": page_address(standard, page.url),
        }
    state = _state["translations"].states.get(rel, {}).get(language)
    if language == content.SOURCE_LANGUAGE or state not in ("draft", "outdated"):
        return None
    base_path = urlsplit(config["site_url"] or "/").path
    finnish_url = page.url.split("/", 1)[1] if "/" in page.url else ""
    link_text = site.text("translation_original", language)
    if OFFLINE:  # the offline copy has one language: the Finnish page is online
        key = page.file.src_uri.split("/", 1)[1].removesuffix(".md")
        return {
            "state": state,
            "text": site.text(f"translation_{state}", language),
            "link_text": f"{link_text} ({site.text('offline_online', language)})",
            "href": pdf.page_url(config["site_url"], content.SOURCE_LANGUAGE, key),
        }
    return {
        "state": state,
        "text": site.text(f"translation_{state}", language),
        "link_text": link_text,
        "href": base_path + finnish_url,
    }


def pdf_links(page, config, language: str, site) -> list[tuple[str, str]]:
    """The PDFs a page belongs to: its own unit (both editions for a module) and the handbook; a print kit page's
    are its sheets and the name cards and feedback form it shares with every module."""
    key = page.file.src_uri.split("/", 1)[1].removesuffix(".md")
    if print_kit.is_kit(key):
        module = _state["docs_dir"] / language / f"{print_kit.module_key(key)}.md"
        kinds = print_kit.kinds(content.read_page(module)) if module.is_file() else []
        sheets = [(f"kit_{kind}", print_kit.sheet_key(key, kind)) for kind in kinds]
        shared = list(print_kit.SHARED_PAGES.items())
        return [
            (site.text("pdf_named", language, name=site.text(label, language)), pdf.pdf_path(language, unit))
            for label, unit in sheets + [(label, unit) for unit, label in shared]
        ]
    links = []
    if pdf.is_unit(key, config, language):
        if "duration" in page.meta:
            links += [
                ("pdf_facilitator", pdf.pdf_path(language, key)),
                ("pdf_participant", pdf.pdf_path(language, f"{key}-handout")),
            ]
        else:
            links.append(("pdf_download", pdf.pdf_path(language, key)))
    links.append(("pdf_handbook", pdf.handbook_path(language)))
    return [(site.text(label, language), href) for label, href in links]


def on_post_page(output, page, config):
    language, key = page.file.src_uri.removesuffix(".md").split("/", 1)
    # A handout and a module's views repeat the module: the search finds the module itself. A pointer to an Easy
    # Finnish page only leads to other pages: the search finds the standard page, whose first line links it too.
    repeats = (
        key.endswith("-handout")
        or workshop_views.is_view(key)
        or content.is_easy_finnish_pointer(language, key, _state["finnish_only"])
    )
    output = search.mark_page(output, indexed=not repeats)
    _state.setdefault("names", stylesheet.Names()).add_html(output)
    return csp.fill(output, page.file.src_uri)


def on_template_context(context, template_name, config):
    # The 404 page has no translations: its language menu leads to each language's home page (Material's
    # menu, partials/alternate.html, would otherwise show the links of the page built before it).
    if template_name == "404.html":
        base_path = urlsplit(config["site_url"] or "/").path
        for alternate in config.extra.get("alternate", []):
            alternate["link"] = base_path + (
                "" if alternate["lang"] == content.SOURCE_LANGUAGE else f"{alternate['lang']}/"
            )
    return context


def on_post_template(output_content, template_name, config):
    if not template_name.endswith(".html"):
        return output_content
    _state.setdefault("names", stylesheet.Names()).add_html(output_content)
    return csp.fill(output_content, template_name)


def on_files(files, config):
    for file in [file for file in files if UNUSED_THEME_FILES.match(file.src_uri)]:
        files.remove(file)
    return files


def on_env(env, config, files):
    # The footer (funding statement, licence) is on every page, the 404 page included.
    language = current_language(config)
    site_url = config["site_url"]
    env.globals.update(
        toimi_ui=_state["site"].texts(language),
        toimi_language=language,
        toimi_languages=content.LANGUAGES,
        # The language's own folder ("" for Finnish, "en/" …): the templates' links to pages start from it, so
        # that they stay in the reader's language (a bare 'privacy/' | url is the Finnish page).
        toimi_home="" if language == content.SOURCE_LANGUAGE else f"{language}/",
        toimi_csp=csp.OFFLINE_POLICY if OFFLINE else csp.POLICY,
        toimi_referrer=csp.REFERRER,
        toimi_address=lambda url: content.address(site_url, url),
        toimi_alternates=lambda url: content.alternates(site_url, url, _state["finnish_only"]),
    )
    return theme.correct(env)


def write_stylesheet(site_dir: Path, config) -> None:
    """The site's one stylesheet (scripts/stylesheet.py) from Material's, ours and the print stylesheet, keeping the
    rules that the pages built so far can use. Each language build writes it again, the last with every page; the
    print rules go under @media print without their @font-face rules (ours declare the same fonts)."""
    names = _state.setdefault("names", stylesheet.Names())
    overrides = Path(config["theme"].dirs[0])  # the custom_dir, overrides/
    for code in ("toimi.js", "search.js"):
        names.add_script((overrides / "assets" / "javascripts" / code).read_text(encoding="utf-8"))
    print_rules = (overrides / "assets" / "stylesheets" / "print.css").read_text(encoding="utf-8")
    print_rules = re.sub(r"@font-face\s*\{[^}]*\}", "", print_rules)
    stylesheet.write(
        site_dir / "assets" / "stylesheets" / "toimi.css",
        stylesheet.material_stylesheets(config["theme"].dirs),
        (overrides / "assets" / "stylesheets" / "toimi.css").read_text(encoding="utf-8"),
        stylesheet.purge(f"@media print {{\n{print_rules}\n}}", names),
        names,
    )


def on_post_build(config):
    write_stylesheet(Path(config["site_dir"]), config)
    not_found.finish_language_build(Path(config["site_dir"]), current_language(config), content.SOURCE_LANGUAGE, _state)
