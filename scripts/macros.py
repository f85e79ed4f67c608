"""The page shortcodes: [[figure:NAME]], [[contact:NAME]], [[term:KEY|text]], [[pending:NAME]],
[[status:NAME]], [[glossary]] and [[figures]] (see CONTRIBUTING.md).

A shortcode is replaced by Markdown or HTML in the page's language. An unknown kind or name is an
error naming the file and line. Shortcodes inside code (`…` or fenced blocks) are left alone, so
the editors' guide can show them.
"""

from __future__ import annotations

import difflib
import html
import posixpath
import re
from pathlib import Path
from urllib.parse import quote

from scripts import company_forms, modules, print_kit, translations, workshop_views
from scripts.content import LANGUAGE_NAMES, LANGUAGES, SOURCE_LANGUAGE, ContentError, problem, read_page
from scripts.data import STEP_FIELDS, SiteData, figure_state, format_date, format_value, today

SHORTCODE = re.compile(r"\[\[(?P<kind>[a-z_]+)(?::(?P<name>[^\]|\\]*))?(?:\\?\|(?P<text>[^\]]*))?\]\]")
FENCE = re.compile(r"^\s*(```|~~~)")
GLOSSARY_PAGE = "glossary.md"
FIGURES_PAGE = "figures.md"

# Alphabetical order of each language, for the glossary (Python's code-point order puts
# ä, ö, å, ґ, є, і, ї in the wrong places).
ALPHABETS = {
    "fi": "abcdefghijklmnopqrsštuvwxyzžåäö",
    "sv": "abcdefghijklmnopqrstuvwxyzåäö",
    "en": "abcdefghijklmnopqrstuvwxyz",
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
}


def sort_key(text: str, language: str):
    alphabet = ALPHABETS[language]
    return [alphabet.index(c) if c in alphabet else 1000 + ord(c) for c in text.casefold()]


class Renderer:
    """Renders the shortcodes of one page."""

    def __init__(
        self,
        site: SiteData,
        language: str,
        page_path: str,
        shown_as: str,
        first_line: int,
        source_dir: Path | None = None,
        directory_urls: bool = True,
    ):
        self.site, self.lang = site, language
        self.directory_urls = directory_urls  # False in the offline copy: pages are x.html, not x/
        self.source_dir = source_dir  # docs/<language>, for shortcodes that read another page
        self.page_path = page_path  # inside the language folder, e.g. employers/immigrant-recruitment.md
        self.shown_as, self.first_line = shown_as, first_line
        self.problems: list[str] = []

    # -- helpers ---------------------------------------------------------------------------
    def link_to(self, target: str) -> str:
        """A relative Markdown link target from this page to another page of the same language."""
        return posixpath.relpath(target, posixpath.dirname(self.page_path) or ".")

    def entry(self, kind: str, data, name: str, line: int):
        if name not in data.entries:
            close = difflib.get_close_matches(name, list(data.entries), n=3)
            hint = f" (did you mean {', '.join(close)}?)" if close else ""
            self.problems.append(
                problem(
                    self.shown_as,
                    line,
                    f"unknown {kind} '{name}' in [[{kind}:{name}]]{hint}: "
                    f"use a name from {data.path} or add the entry there",
                )
            )
            return None
        return data.entries[name]

    def text(self, key: str, **values) -> str:
        return self.site.text(key, self.lang, **values)

    def who(self, value: dict) -> str:
        return value[self.lang]

    # -- shortcodes ------------------------------------------------------------------------
    def figure(self, name: str, line: int, _text) -> str:
        fig = self.entry("figure", self.site.figures, name, line)
        if fig is None:
            return ""
        state = figure_state(fig, today())
        if state.kind == "future":
            self.problems.append(
                problem(
                    self.shown_as,
                    line,
                    f"figure '{name}' has no value in force yet (its "
                    f"first value is valid from {state.since}); add a current value to "
                    f"{self.site.figures.path}",
                )
            )
            return ""
        return self.figure_html(name, fig, state)

    def figure_html(self, name: str, fig: dict, state) -> str:
        """A figure as the reader sees it in a sentence, in its state (data.figure_state)."""
        value = format_value(state.value, fig["unit"], self.lang)
        date = format_date(state.since, self.lang)
        if state.kind == "ended":
            short = self.text("figure_ended_short", value=value, date=format_date(state.until, self.lang))
            return f'<span class="toimi-ended-figure" data-figure="{name}">{html.escape(short)}</span>'
        if state.kind == "pending":
            contact = self.site.contacts.entries[fig["confirm_with"]]
            # "valid from" a date, or, once a newer value still to be confirmed has replaced it, "valid until"
            variant, date = ("_until", format_date(state.until, self.lang)) if state.until else ("", date)
            short = self.text(f"figure_pending_short{variant}", value=value, date=date)
            title = self.text(
                f"figure_pending{variant}",
                label=fig["label"][self.lang],
                value=value,
                date=date,
                who=contact["name"][self.lang],
            )
            return (
                f'<span class="toimi-pending-figure" data-figure="{name}">{html.escape(short)}'
                f'<span class="md-visually-hidden">. {html.escape(title)}</span></span>'
            )
        return f'<span class="toimi-figure" data-figure="{name}">{value}</span>'

    def contact(self, name: str, line: int, _text) -> str:
        contact = self.entry("contact", self.site.contacts, name, line)
        if contact is None:
            return ""
        label = html.escape(contact["name"][self.lang])
        # The note says what works today while a contact is pending (or, say, opening hours).
        # It stands in brackets without its final full stop, so that the page's own sentence goes on after it.
        note = contact.get("note", {}).get(self.lang, "").strip().removesuffix(".")
        note_html = f'<span class="toimi-contact-note">{self.expand(note, line)}</span>' if note else ""
        if contact["status"] == "pending":
            pending = html.escape(self.text("contact_pending", who=contact["confirmed_by"][self.lang]))
            return (
                f'<span class="toimi-contact toimi-contact-pending" data-contact="{name}">'
                f"{label} ({pending}{'. ' + note_html if note else ''})</span>"
            )
        parts = [f'<a href="{html.escape(contact["url"])}">{label}</a>' if contact.get("url") else label]
        if contact.get("email"):
            parts.append(f'<a href="mailto:{html.escape(contact["email"])}">{html.escape(contact["email"])}</a>')
        if contact.get("phone"):
            parts.append(
                f'<a href="tel:{html.escape(contact["phone"].replace(" ", ""))}">{html.escape(contact["phone"])}</a>'
            )
        details = ", ".join(parts) + (f" ({note_html})" if note else "")
        return f'<span class="toimi-contact" data-contact="{name}">{details}</span>'

    def steps(self, name: str, line: int, _text) -> str:
        """The "what to do next" block of a support or duty: the same form and anchor in every language."""
        item = self.entry("steps", self.site.steps, name, line)
        if item is None:
            return ""
        rows = "\n".join(
            f"- **{self.text('steps_' + key)}:** {self.expand_markdown(item[key][self.lang], line)}"
            for key in STEP_FIELDS[1:]
        )
        sources = ", ".join(f"[{source['title']}]({source['url']})" for source in item["sources"])
        title = html.escape(self.text("steps_title", title=item["title"][self.lang]))
        return (
            f'<div class="admonition toimi-steps" id="steps-{name}" data-steps="{name}" markdown>\n'
            f'<p class="admonition-title">{title}</p>\n\n{rows}\n\n'
            f'<p class="toimi-steps-sources" markdown>{self.text("steps_sources")}: {sources}</p>\n\n</div>'
        )

    def term(self, name: str, line: int, text) -> str:
        entry = self.entry("term", self.site.glossary, name, line)
        if entry is None:
            return ""
        shown = text if text else entry[self.lang]["term"]
        return f"[{shown}]({self.link_to(GLOSSARY_PAGE)}#term-{name}){{ .toimi-term }}"

    def pending(self, name: str, line: int, _text) -> str:
        item = self.entry("pending", self.site.pending, name, line)
        if item is None:
            return ""
        confirmed = (item.get("text") or {}).get(self.lang)
        if confirmed:
            confirmed = SHORTCODE.sub(lambda m: self.replace(m, line), confirmed)
            return f'<div class="toimi-confirmed" data-pending="{name}" markdown>\n\n{confirmed}\n\n</div>'
        contact = self.contact(item["contact"], line, None)
        title = html.escape(self.text("pending_title", topic=item["topic"][self.lang]))
        body = self.text("pending_body", who=html.escape(item["confirmed_by"][self.lang]), contact=contact)
        return (
            f'<div class="admonition warning toimi-pending" data-pending="{name}">'
            f'<p class="admonition-title">{title}</p><p>{body}</p></div>'
        )

    def status(self, name: str, line: int, _text) -> str:
        item = self.entry("status", self.site.status, name, line)
        if item is None:
            return ""
        state = item["state"]
        words = self.text(
            f"status_{state}", date=format_date(item["open_from"], self.lang) if item.get("open_from") else ""
        )
        kind = {"in_preparation": "info", "open": "success", "closed": "note"}[state]
        return (
            f'<div class="admonition {kind} toimi-status" data-status="{name}" data-state="{state}">'
            f"<p>{html.escape(words)}</p></div>"
        )

    def glossary(self, _name, _line, _text) -> str:
        entries = sorted(
            self.site.glossary.entries.items(), key=lambda kv: sort_key(kv[1][self.lang]["term"], self.lang)
        )
        rows = []
        for key, entry in entries:
            item = entry[self.lang]
            rows.append(
                f'<dt id="term-{key}">{html.escape(item["term"])}</dt>\n<dd>{html.escape(item["definition"])}</dd>'
            )
        return '<dl class="toimi-glossary">\n' + "\n".join(rows) + "\n</dl>"

    def figures(self, _name, _line, _text) -> str:
        columns = [
            self.text(k)
            for k in (
                "figures_table_figure",
                "figures_table_value",
                "figures_table_valid_from",
                "figures_table_status",
                "figures_table_source",
            )
        ]
        labels = columns[1:]
        head = "".join(f'<th scope="col">{html.escape(column)}</th>' for column in columns)
        rows = []
        for name, fig in self.site.figures.entries.items():
            state = figure_state(fig, today())
            current = state.source
            value = format_value(state.value, fig["unit"], self.lang)
            if state.kind == "ended":
                status = html.escape(self.text("figure_state_ended", date=format_date(state.until, self.lang)))
                successor = fig.get("replaced_by")
                if successor:
                    label = self.site.figures.entries[successor]["label"][self.lang]
                    status += f' (<a href="#figure-{successor}">{html.escape(label)}</a>)'
            elif state.kind == "future":
                status = html.escape(self.text("figure_state_future", date=format_date(state.since, self.lang)))
            elif state.kind == "pending":
                who = self.site.contacts.entries[fig["confirm_with"]]["name"][self.lang]
                status = f"{self.text('to_be_confirmed')} ({html.escape(who)})"
            else:
                status = self.text("figure_confirmed")
            source = str(current.get("source", ""))
            source_html = (
                f'<a href="{html.escape(source)}">{html.escape(source_label(source))}</a>'
                if source.startswith("https://")
                else html.escape(source)
            )
            cells = [
                value,
                format_date(state.since, self.lang),
                status,
                f"{source_html} ({html.escape(str(current.get('source_date', '')))})",
            ]
            rows.append(
                f'<tr id="figure-{name}"><th scope="row">{html.escape(fig["label"][self.lang])}</th>'
                + "".join(
                    f'<td data-label="{html.escape(label)}">{cell}</td>'
                    for label, cell in zip(labels, cells, strict=True)
                )
                + "</tr>"
            )
        body = "".join(rows)
        return f'<table class="toimi-cards toimi-figures"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'

    def handout(self, name: str, line: int, _text) -> str:
        module = self.module_page("handout", name, line)
        if module is None:
            return ""
        body = module.body
        inner = Renderer(
            self.site, self.lang, f"workshops/{name}.md", self.shown_as, line, self.source_dir, self.directory_urls
        )
        return inner.render(modules.participant_sections(body))

    def module_page(self, kind: str, name: str, line: int):
        """The module a view is made from (workshops/<name>.md of this language), read; None after a problem."""
        module = (self.source_dir / "workshops" / f"{name}.md") if self.source_dir else None
        if module is None or not module.is_file():
            self.problems.append(
                problem(
                    self.shown_as,
                    line,
                    f"[[{kind}:{name}]]: there is no module workshops/{name}.md in this language; "
                    "use the module's file name",
                )
            )
            return None
        return read_page(module)

    def view(self, kind: str, name: str, line: int, make) -> str:
        module = self.module_page(kind, name, line)
        if module is None:
            return ""
        inner = Renderer(
            self.site, self.lang, self.page_path, self.shown_as, line, self.source_dir, self.directory_urls
        )
        return inner.render(make(module))

    def projector(self, name: str, line: int, _text) -> str:
        who_helps = self.link_to(workshop_views.WHO_HELPS_PAGE)
        return self.view("projector", name, line, lambda module: workshop_views.projector(module, self.text, who_helps))

    def run_sheet(self, name: str, line: int, _text) -> str:
        return self.view("run_sheet", name, line, lambda module: workshop_views.run_sheet(module, self.text))

    def kit(self, _name: str, _line: int, _text) -> str:
        """A line that opens or closes a module's card set ([[kit:roles]] … [[kit:end]]): nothing on the page; the
        kit page draws the cards from between the two lines (scripts/print_kit.py, whose check reports a mistake)."""
        return ""

    def print_kit(self, name: str, line: int, _text) -> str:
        return self.view(
            "print_kit", name, line, lambda module: print_kit.kit_markdown(module, self.text, self.link_to)
        )

    def name_cards(self, _name, _line, _text) -> str:
        return print_kit.name_cards(self.text)

    def agenda(self, _name: str, line: int, _text) -> str:
        """The module's agenda from its front matter, as a table, with what to cut and the online variant."""
        page = read_page(self.source_dir / self.page_path, self.shown_as) if self.source_dir else None
        if page is None or "agenda" not in page.meta or "adapt" not in page.meta:
            self.problems.append(
                problem(self.shown_as, line, "[[agenda]] shows the module's 'agenda:' and 'adapt:' (front matter)")
            )
            return ""
        if modules.rows(page)[1] or modules.check_adapt(page):
            return ""  # the schema gate reports what is wrong, with its line
        t = self.text
        lines = [
            f"| {t('agenda_minutes')} | {t('agenda_block')} | {t('agenda_method')} | {t('agenda_split')} |",
            "|---:|---|---|---|",
        ]
        for row in page.meta["agenda"]:
            if "break" in row:
                lines.append(f"| {row['break']} | **{t('agenda_break')}** | – | – |")
                continue
            minutes = sum(row[key] for key in modules.ROW_MINUTES)
            shown = f"({minutes})" if row.get("optional") else str(minutes)
            title = f"[{row['title']}](#{row['activity']})" if row.get("activity") else row["title"]
            split = " + ".join(str(row[key]) for key in modules.ROW_MINUTES)
            lines.append(f"| {shown} | {title} | {row.get('method', '')} | {split} |")
        adapt = page.meta["adapt"]
        lines += [
            "",
            t("agenda_note"),
            "",
            f"**{t('adapt_small')}** {adapt['small']}",
            "",
            f"**{t('adapt_large')}** {adapt['large']}",
            "",
            f"**{t('adapt_online')}** {adapt['online']}",
        ]
        return "\n".join(lines)

    def module_facts(self, meta: dict, slug: str) -> str:
        """The box at the top of a module: length with and without optional parts, group, materials, handout."""
        _, total, required = meta["_agenda"]
        length = (
            self.text("module_length", total=total, short=required)
            if required != total
            else self.text("module_length_fixed", total=total)
        )
        materials = ", ".join(meta["materials"])
        return (
            '<div class="toimi-module-facts" markdown>\n\n'
            f"**{self.text('module_duration_label')}:** {length}  \n"
            f"**{self.text('module_group_label')}:** {meta['group_size']}  \n"
            f"**{self.text('module_materials_label')}:** {materials}  \n"
            f"**{self.text('module_handout_label')}:** [{self.text('module_handout_link')}]({slug}-handout.md)"
            f"{self.module_views(slug)}\n\n"
            "</div>\n\n"
            # The print set, filled in once the PDFs and their page counts exist (scripts/print_sets.py).
            f'<div class="toimi-print-set" data-module="{slug}"></div>\n\n'
        )

    def module_views(self, slug: str) -> str:
        """The facilitator's views of the module, its cards and forms to print, the card every session ends with and the
        templates every module uses (attendance, feedback, invitation, follow-up): a line of links to those
        of its pages that exist in this language (a new module has none until its pages are added)."""
        targets = [
            ("module_projector_link", f"workshops/{slug}{workshop_views.PROJECTOR_SUFFIX}.md"),
            ("module_run_sheet_link", f"workshops/{slug}{workshop_views.RUN_SHEET_SUFFIX}.md"),
            ("module_kit_link", f"workshops/{slug}{print_kit.KIT_SUFFIX}.md"),
            ("module_who_helps_link", workshop_views.WHO_HELPS_PAGE),
            ("module_templates_link", workshop_views.TEMPLATES_PAGE),
        ]
        links = [
            f"[{self.text(label)}]({self.link_to(target)})"
            for label, target in targets
            if self.source_dir and (self.source_dir / target).is_file()
        ]
        return f"  \n**{self.text('module_views_label')}:** " + " · ".join(links) if links else ""

    def url_to(self, target: str, line: int) -> str:
        """The address of another page of this language (target: 'entrepreneurship/company-forms.md#x'),
        relative to this page's address, for links written as HTML (MkDocs only rewrites Markdown links)."""
        path, _, anchor = target.partition("#")
        if self.source_dir and not (self.source_dir / path).is_file():
            self.problems.append(problem(self.shown_as, line, f"link to {path}, which does not exist"))
        fragment = f"#{anchor}" if anchor else ""
        if not self.directory_urls:  # the offline copy: employers/x.md is employers/x.html
            here = posixpath.dirname(self.page_path) or "."
            return posixpath.relpath(path.removesuffix(".md") + ".html", here) + fragment
        folder = lambda md: posixpath.dirname(md) if md.endswith("index.md") else md.removesuffix(".md")  # noqa: E731
        relative = posixpath.relpath(folder(path) or ".", folder(self.page_path) or ".")
        return ("" if relative == "." else relative + "/") + fragment

    def expand_markdown(self, text: str, line: int) -> str:
        """Shortcodes inside a data text that is Markdown (links written as [text](https://…))."""
        return SHORTCODE.sub(lambda m: self.replace(m, line), " ".join(text.split()))

    def expand(self, text: str, line: int) -> str:
        """Shortcodes inside a data text (a table cell, a rule's reason), escaped for HTML."""
        return SHORTCODE.sub(lambda m: self.replace(m, line), html.escape(text, quote=False))

    def company_forms_data(self, line: int):
        if not self.site.company_forms.entries:
            self.problems.append(problem(self.shown_as, line, f"{self.site.company_forms.path} is missing"))
            return None
        return self.site.company_forms

    def company_forms_table(self, _name, line: int, _text) -> str:
        data = self.company_forms_data(line)
        if data is None:
            return ""
        return company_forms.table(data, self.lang, lambda t: self.expand(t, line), lambda t: self.url_to(t, line))

    def company_form_helper(self, _name, line: int, _text) -> str:
        ui = self.site.texts(self.lang)
        data = self.company_forms_data(line)
        if data is None:
            return ""
        return company_forms.helper(data, self.lang, lambda t: self.expand(t, line), lambda t: self.url_to(t, line), ui)

    def audit(self, _name, _line, _text) -> str:
        """The accessibility statement's figures, from the audit's record (reports/audit.yml, `make audit`)."""
        record = self.site.audit.entries
        if not record:
            return self.text("audit_missing")
        return html.escape(self.text("audit_summary", **{**record, "date": format_date(record["date"], self.lang)}))

    def printables(self, _name, _line, _text) -> str:
        """Filled in by scripts/pdf.py once the PDFs exist (sizes and page counts are known only then)."""
        return '<div class="toimi-printables"></div>'

    def print_sets(self, _name, _line, _text) -> str:
        """Every workshop's print set, filled in by scripts/print_sets.py once the PDFs exist."""
        return '<div class="toimi-print-sets"></div>'

    def offline_copy(self, _name, _line, _text) -> str:
        """The offline copy's download with its size, filled in by scripts/offline.py once the zip exists."""
        return '<div class="toimi-offline"></div>'

    def translation_status(self, _name, line: int, _text) -> str:
        """Every page and the state of its translations, as `python -m scripts.translations status` sees it."""
        docs_dir = self.source_dir.parent
        status = translations.status(docs_dir)
        translated = LANGUAGES[1:]
        head = f'<th scope="col">{html.escape(self.text("status_page"))}</th>' + "".join(
            f'<th scope="col" lang="{code}">{LANGUAGE_NAMES[code]}</th>' for code in translated
        )
        rows = []
        for rel, states in status.states.items():
            own = docs_dir / self.lang / rel
            title = read_page(own if own.is_file() else docs_dir / SOURCE_LANGUAGE / rel).meta.get("title", rel)
            cells = "".join(
                f'<td data-label="{LANGUAGE_NAMES[code]}" class="toimi-state-{states[code]}">'
                f"{html.escape(self.text('status_' + states[code]))}</td>"
                for code in translated
            )
            link = f'<a href="{self.url_to(rel, line)}">{html.escape(str(title))}</a>'
            rows.append(f'<tr><th scope="row">{link}</th>{cells}</tr>')
        return (
            f'<table class="toimi-cards toimi-translation-status"><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>"
        )

    KINDS = (
        "figure",
        "contact",
        "steps",
        "term",
        "pending",
        "status",
        "glossary",
        "figures",
        "handout",
        "company_forms_table",
        "company_form_helper",
        "audit",
        "printables",
        "print_sets",
        "offline_copy",
        "translation_status",
        "projector",
        "run_sheet",
        "agenda",
        "kit",
        "print_kit",
        "name_cards",
    )
    NEEDS_NAME = (
        "figure",
        "contact",
        "term",
        "pending",
        "status",
        "handout",
        "steps",
        "projector",
        "run_sheet",
        "kit",
        "print_kit",
    )

    def replace(self, match: re.Match, line: int) -> str:
        kind, name, text = match["kind"], (match["name"] or "").strip(), match["text"]
        if kind not in self.KINDS:
            self.problems.append(
                problem(
                    self.shown_as,
                    line,
                    f"unknown shortcode [[{kind}…]]: use one of {', '.join(self.KINDS)} (see CONTRIBUTING.md)",
                )
            )
            return match[0]
        if kind in self.NEEDS_NAME and not name:
            self.problems.append(problem(self.shown_as, line, f"[[{kind}]] needs a name: write [[{kind}:NAME]]"))
            return match[0]
        return getattr(self, kind)(name, line, text)

    def render(self, markdown: str) -> str:
        out, in_fence = [], False
        for index, line_text in enumerate(markdown.split("\n")):
            if FENCE.match(line_text):
                in_fence = not in_fence
            if in_fence or "[[" not in line_text:
                out.append(line_text)
                continue
            line = self.first_line + index
            # Odd-numbered pieces between backticks are inline code: leave them as they are.
            pieces = line_text.split("`")
            for i in range(0, len(pieces), 2):
                pieces[i] = SHORTCODE.sub(lambda m, at=line: self.replace(m, at), pieces[i])
            out.append("`".join(pieces))
        if self.problems:
            raise ContentError(self.problems)
        return "\n".join(out)


def source_label(url: str) -> str:
    """A short, readable label for a source address: its host name."""
    host = url.split("://", 1)[-1].split("/", 1)[0]
    return host.removeprefix("www.")


def mailto(address: str, subject: str) -> str:
    return f"mailto:{address}?subject={quote(subject)}"
