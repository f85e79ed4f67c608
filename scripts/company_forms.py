"""The company-form comparison and questionnaire, from data/company_forms.yml.

One data file holds the forms, the comparison rows, the questions, their answers, the rules and
the warnings, with every text in all five languages, so an editor changes a rule without touching
JavaScript. This module checks the file and renders it: the comparison table (cards on a phone), and
the questionnaire, which without JavaScript reads as a written decision guide.

A warning has a condition on answers (`when`: each question named must have one of the answers given,
one answer or a list), a text and a link to the page section that helps the reader decide. The script
shows it next to the questions as soon as the answers meet the condition (`matches` is the same rule as
`matches` in toimi.js); the written guide shows it under each answer the condition names.
"""

from __future__ import annotations

import difflib
import html
import json

import yaml

from scripts.content import LANGUAGES, problem
from scripts.data import DataFile


def _lines(data: DataFile) -> dict:
    """Line numbers of the questions, rules and warnings, for messages that name the line to fix.
    For a warning, also the line of each of its keys and of each question in its `when`."""
    found = {}
    for key, value in data.node.value if data.node else []:
        if key.value in ("questions", "rules", "warnings") and isinstance(value, yaml.SequenceNode):
            found[key.value] = [item.start_mark.line + 1 for item in value.value]
        if key.value == "warnings" and isinstance(value, yaml.SequenceNode):
            found["warning_keys"] = []
            for item in value.value:
                keys = {}
                if isinstance(item, yaml.MappingNode):
                    for k, v in item.value:
                        keys[str(k.value)] = k.start_mark.line + 1
                        if k.value == "when" and isinstance(v, yaml.MappingNode):
                            keys.update({f"when.{q.value}": q.start_mark.line + 1 for q, _ in v.value})
                found["warning_keys"].append(keys)
    return found


def matches(when: dict, answers: dict) -> bool:
    """Whether the chosen answers ({question: answer}) meet a warning's condition: every question it
    names has one of its answers chosen. toimi.js applies the same rule in the browser."""
    return all(answers.get(question) in _allowed(answer) for question, answer in when.items())


def warnings_for(entries: dict, answers: dict) -> list[str]:
    """The ids of the warnings that the chosen answers call for, in the file's order."""
    return [warning["id"] for warning in entries.get("warnings") or [] if matches(warning["when"], answers)]


def _allowed(answer) -> list:
    return answer if isinstance(answer, list) else [answer]


def _check_condition(when, answers: dict, report) -> None:
    """Problems with a warning's `when`; `report(message, question=None)` names the line."""
    example = '{keep_benefit: "yes", starttiraha: "yes"}'
    if not isinstance(when, dict) or not when:
        report(f"'when' must name each question and its answer, for example when: {example}")
        return
    for question, answer in when.items():
        if question not in answers:
            close = difflib.get_close_matches(str(question), [str(q) for q in answers], n=2)
            hint = f" (did you mean {', '.join(close)}?)" if close else ""
            report(f"'when' names an unknown question '{question}'{hint}", question)
            continue
        listed = _allowed(answer)
        if not listed:
            report(f"'when' gives no answer for question '{question}'", question)
        for one in listed:
            if isinstance(one, bool):
                report(
                    f"'when' has {str(one).lower()} for question '{question}', not an answer: write "
                    f'"yes" or "no" in quotes (YAML reads them as true and false without quotes)',
                    question,
                )
            elif not isinstance(one, str) or one not in answers[question]:
                known = ", ".join(f'"{a}"' for a in sorted(map(str, answers[question])))
                report(f"question '{question}' has no answer '{one}' (its answers: {known})", question)


def check(data: DataFile) -> list[str]:
    entries, out = data.entries, []
    if not entries:
        return out
    lines = _lines(data)

    def texts(value, where: str, line: int):
        if not isinstance(value, dict):
            out.append(problem(data.path, line, f"{where} must give the text in {', '.join(LANGUAGES)}"))
            return
        for lang in LANGUAGES:
            if not value.get(lang):
                out.append(problem(data.path, line, f"{where} has no {lang} text; add '{lang}: …'"))

    forms = entries.get("forms") or {}
    for name, form in forms.items():
        texts(form.get("name"), f"form '{name}': name", data.line("forms"))
        if ".md" not in str(form.get("link", "")):
            out.append(
                problem(
                    data.path,
                    data.line("forms"),
                    f"form '{name}' needs a link to its section, "
                    "for example entrepreneurship/company-forms.md#toiminimi",
                )
            )
    for name, row in (entries.get("criteria") or {}).items():
        texts(row.get("label"), f"criterion '{name}': label", data.line("criteria"))
        for form in forms:
            texts((row.get("values") or {}).get(form), f"criterion '{name}', form '{form}'", data.line("criteria"))
    answers = {}
    for index, question in enumerate(entries.get("questions") or []):
        line = lines.get("questions", [data.line("questions")] * (index + 1))[index]
        texts(question.get("text"), f"question '{question.get('id')}'", line)
        answers[question.get("id")] = set()
        for answer in question.get("answers") or []:
            texts(answer.get("text"), f"question '{question.get('id')}', answer '{answer.get('id')}'", line)
            answers[question.get("id")].add(answer.get("id"))
    for index, rule in enumerate(entries.get("rules") or []):
        line = lines.get("rules", [data.line("rules")] * (index + 1))[index]
        for question, answer in (rule.get("when") or {}).items():
            if question not in answers:
                out.append(problem(data.path, line, f"rule: unknown question '{question}' in 'when'"))
            elif answer not in answers[question]:
                out.append(problem(data.path, line, f"rule: question '{question}' has no answer '{answer}'"))
        if not rule.get("when"):
            out.append(problem(data.path, line, "rule: 'when' must name a question and an answer"))
        for key in ("suits", "not_for"):
            for form in rule.get(key) or []:
                if form not in forms:
                    out.append(problem(data.path, line, f"rule: unknown form '{form}' in '{key}'"))
        texts(rule.get("because"), "rule: because", line)
    _check_warnings(data, lines, answers, texts, out)
    return out


def _check_warnings(data: DataFile, lines: dict, answers: dict, texts, out: list[str]) -> None:
    warnings = data.entries.get("warnings")
    if warnings is None:
        return
    if not isinstance(warnings, list):
        out.append(
            problem(data.path, data.line("warnings"), "'warnings' must be a list: start each warning with '- id:'")
        )
        return
    seen = set()
    for index, warning in enumerate(warnings):
        line = lines["warnings"][index]
        if not isinstance(warning, dict):
            out.append(problem(data.path, line, "a warning needs an id, when, text, link and link_text"))
            continue
        keys = lines["warning_keys"][index]
        name = warning.get("id")
        where = f"warning '{name}'"
        if not name or not isinstance(name, str):
            out.append(
                problem(data.path, line, "a warning needs an id, a short English name such as benefit_and_full_time")
            )
        elif name in seen:
            out.append(problem(data.path, line, f"{where}: another warning has the same id; give each its own"))
        seen.add(name)

        def report(message, question=None, keys=keys, where=where, line=line):
            out.append(problem(data.path, keys.get(f"when.{question}", keys.get("when", line)), f"{where}: {message}"))

        _check_condition(warning.get("when"), answers, report)
        texts(warning.get("text"), f"{where}: text", keys.get("text", line))
        texts(warning.get("link_text"), f"{where}: link_text", keys.get("link_text", line))
        page, _, anchor = str(warning.get("link", "")).partition("#")
        if not page.endswith(".md") or not anchor:
            out.append(
                problem(
                    data.path,
                    keys.get("link", line),
                    f"{where} needs a link to the section that helps the reader decide, "
                    "for example link: checklists/starttiraha.md#starttiraha-or-benefit",
                )
            )


def table(data: DataFile, lang: str, expand, link) -> str:
    """The comparison table; `expand` renders shortcodes in a cell, `link` makes a page link relative."""
    forms = data.entries["forms"]
    head = '<th scope="col"></th>' + "".join(
        f'<th scope="col"><a href="{html.escape(link(form["link"]))}">{html.escape(form["name"][lang])}</a></th>'
        for form in forms.values()
    )
    rows = []
    for row in data.entries["criteria"].values():
        cells = "".join(
            f'<td data-label="{html.escape(forms[name]["name"][lang])}">{expand(row["values"][name][lang])}</td>'
            for name in forms
        )
        rows.append(f'<tr><th scope="row">{html.escape(row["label"][lang])}</th>{cells}</tr>')
    return (
        f'<table class="toimi-cards toimi-company-forms"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _warning_html(warning: dict, lang: str, expand, link, ui: dict, condition: str = "") -> str:
    """One warning as a Material warning box: title, (in the written guide) the answers it is about,
    the reason, and the link to the section that helps the reader decide."""
    return (
        f'<div class="admonition warning toimi-helper-warning" data-warning="{html.escape(warning["id"])}">'
        f'<p class="admonition-title">{html.escape(ui["helper_warning"])}</p>{condition}'
        f"<p>{expand(warning['text'][lang])}</p>"
        f'<p><a href="{html.escape(link(warning["link"]))}">{expand(warning["link_text"][lang])}</a></p></div>'
    )


def helper(data: DataFile, lang: str, expand, link, ui: dict) -> str:
    """The questionnaire: a written decision guide, which the script turns into a form with live results."""
    forms = data.entries["forms"]
    names = {key: form["name"][lang] for key, form in forms.items()}
    questions = data.entries["questions"]
    order = [question["id"] for question in questions]
    texts = {
        question["id"]: (question["text"][lang], {answer["id"]: answer["text"][lang] for answer in question["answers"]})
        for question in questions
    }
    warnings = data.entries.get("warnings") or []

    def guide_warnings(question: str, answer: str) -> str:
        """The warnings whose condition names this answer, each saying which other answers it needs."""
        shown = []
        for warning in warnings:
            if answer not in _allowed(warning["when"].get(question, [])):
                continue
            others = [
                f"<em>{expand(texts[other][0])}</em> – <strong>"
                + " / ".join(expand(texts[other][1][one]) for one in _allowed(wanted))
                + "</strong>"
                for other, wanted in warning["when"].items()
                if other != question
            ]
            condition = ""
            if others:
                lead = html.escape(ui["helper_warning_also"]).replace("{answers}", "; ".join(others))
                condition = f'<p class="toimi-helper-warning-if">{lead}</p>'
            shown.append(_warning_html(warning, lang, expand, link, ui, condition))
        return "".join(shown)

    guide = []
    for question in questions:
        items = []
        for answer in question["answers"]:
            effects = []
            for rule in data.entries["rules"]:
                if rule["when"].get(question["id"]) != answer["id"]:
                    continue
                parts = []
                if rule.get("suits"):
                    parts.append(f"{ui['helper_suits']}: " + ", ".join(names[f] for f in rule["suits"]))
                if rule.get("not_for"):
                    parts.append(f"{ui['helper_not_for']}: " + ", ".join(names[f] for f in rule["not_for"]))
                lead = f"{html.escape('; '.join(parts))}. " if parts else ""
                effects.append(f"<li>{lead}{expand(rule['because'][lang])}</li>")
            outcome = f"<ul>{''.join(effects)}</ul>" if effects else ""
            items.append(
                f'<li data-answer="{answer["id"]}"><strong>{expand(answer["text"][lang])}</strong>{outcome}'
                f"{guide_warnings(question['id'], answer['id'])}</li>"
            )
        guide.append(
            f'<li data-question="{question["id"]}">'
            f'<p class="toimi-helper-question">{expand(question["text"][lang])}</p><ul>{"".join(items)}</ul></li>'
        )
    # In the form, each warning has a live region after the last of the questions its condition names:
    # empty (and so without height) until the answers call for it, then announced politely.
    last = {}
    for warning in warnings:
        last.setdefault(max(warning["when"], key=order.index), []).append(warning["id"])
    fieldsets = []
    for question in questions:
        options = "".join(
            f'<label><input type="radio" name="{question["id"]}" value="{answer["id"]}"> '
            f"{expand(answer['text'][lang])}</label>"
            for answer in question["answers"]
        )
        fieldsets.append(f"<fieldset><legend>{expand(question['text'][lang])}</legend>{options}</fieldset>")
        fieldsets += [
            f'<div class="toimi-helper-warning-slot" role="status" aria-live="polite" data-warning="{key}"></div>'
            for key in map(html.escape, last.get(question["id"], []))
        ]
    payload = {
        "forms": {key: {"name": names[key], "link": link(form["link"])} for key, form in forms.items()},
        "rules": [
            {
                "when": rule["when"],
                "suits": rule.get("suits", []),
                "not_for": rule.get("not_for", []),
                "because": expand(rule["because"][lang]),
            }
            for rule in data.entries["rules"]
        ],
        "warnings": [
            {"id": warning["id"], "when": warning["when"], "html": _warning_html(warning, lang, expand, link, ui)}
            for warning in warnings
        ],
        "ui": {
            key: ui[key]
            for key in ("helper_fits", "helper_does_not_fit", "helper_none", "helper_answer_more", "helper_notes")
        },
    }
    # "</" inside a script element would end it early.
    data_json = json.dumps(payload, ensure_ascii=False).replace("</", "<\\/")
    return (
        '<div class="toimi-helper">'
        f'<ol class="toimi-helper-guide">{"".join(guide)}</ol>'
        f'<form class="toimi-helper-form" hidden aria-describedby="toimi-helper-results">{"".join(fieldsets)}'
        f'<button type="reset" class="md-button">{html.escape(ui["helper_reset"])}</button></form>'
        f'<div id="toimi-helper-results" class="toimi-helper-results" aria-live="polite" hidden></div>'
        '<script type="application/json" class="toimi-helper-data">'
        f"{data_json}</script></div>"
    )
