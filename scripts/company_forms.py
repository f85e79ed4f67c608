"""The company-form comparison and questionnaire, from data/company_forms.yml.

One data file holds the forms, the comparison rows, the questions, their answers and the rules,
with every text in all five languages, so an editor changes a rule without touching JavaScript.
This module checks the file and renders it: the comparison table (cards on a phone), and the
questionnaire, which without JavaScript reads as a written decision guide.
"""

from __future__ import annotations

import html
import json

import yaml

from scripts.content import LANGUAGES, problem
from scripts.data import DataFile


def _lines(data: DataFile) -> dict:
    """Line numbers of the questions and rules, for messages that name the line to fix."""
    found = {}
    for key, value in data.node.value if data.node else []:
        if key.value in ("questions", "rules") and isinstance(value, yaml.SequenceNode):
            found[key.value] = [item.start_mark.line + 1 for item in value.value]
    return found


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
    return out


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


def helper(data: DataFile, lang: str, expand, link, ui: dict) -> str:
    """The questionnaire: a written decision guide, which the script turns into a form with live results."""
    forms = data.entries["forms"]
    names = {key: form["name"][lang] for key, form in forms.items()}
    guide = []
    for question in data.entries["questions"]:
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
            items.append(f"<li><strong>{expand(answer['text'][lang])}</strong>{outcome}</li>")
        guide.append(
            f'<li><p class="toimi-helper-question">{expand(question["text"][lang])}</p><ul>{"".join(items)}</ul></li>'
        )
    fieldsets = []
    for question in data.entries["questions"]:
        options = "".join(
            f'<label><input type="radio" name="{question["id"]}" value="{answer["id"]}"> '
            f"{expand(answer['text'][lang])}</label>"
            for answer in question["answers"]
        )
        fieldsets.append(f"<fieldset><legend>{expand(question['text'][lang])}</legend>{options}</fieldset>")
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
