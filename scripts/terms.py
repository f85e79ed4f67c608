"""The terms gate: a glossary term linked with [[term:KEY|label]] is called by its glossary name.

(a) The label contains the glossary's term for the text's language (data/glossary.yml, KEY -> <language>.term),
    inflected as the sentence needs. Every word of the term must be in the label, compared as keys made with the
    per-language rules of data/search_rules.yml that the site search uses (scripts/search.key). Two keys are one
    word when one begins with the other, as a search word finds the words that begin with its key ("agentti"
    and "agentin" give "agentt" and "agent"), or when only their last STEM_CHANGE letters differ (the rules
    leave stems that change at the end: oleskelulupa/oleskeluluvan, osatyökykyinen/osatyökykyisen,
    договір/договору); either way they share at least the rules' shortest stem. The order of the words and
    words in between do not matter, and words shorter than the shortest stem (з/із, у/в, на, de) are not needed.
    A bracket in the glossary term need not be repeated: "start-up grant (starttiraha)" asks for "start-up
    grant", "YEL-vakuutus (yrittäjän eläkevakuutus)" for "YEL-vakuutus". Names separated by a comma are
    alternatives: "value added tax, VAT" is satisfied by either.
(b) On a translated page, a bracket in the label is the Finnish gloss. It must contain the glossary's Finnish
    headword exactly as written there (fi.term, with or without its own bracket: "osakeyhtiö" or
    "osakeyhtiö (Oy)"), or the bracket of the glossary's own term in that language ("perehdytys",
    "osakeyhtiö, Oy"), as whole words: "(Pohjois-Karjalan työllisyysalue)" glosses "North Karelia employment
    area" and has "työllisyysalue" unchanged. An inflected form ("palkkatuen", "yritysagentit") or another word
    ("kevytyrittäjä" for kevytyrittäjyys) is refused: the gloss stands outside the sentence, so it never needs
    a case ending, and it is the word a reader will type into a Finnish service.

Exceptions live in one file, data/term_exceptions.yml: per term and language, more wordings accepted as if they
were the glossary's term (inflected forms of them too, and their brackets as glosses), each with its reason.
The gate refuses an exception without a reason, or for a term or language that does not exist.

Labels are read in every page (outside code) and in every text of a data file that is given per language
(data/steps.yml, data/company_forms.yml, ...). A term key that the glossary does not have is left to the
schema gate.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from scripts import data, search
from scripts.content import LANGUAGES, SOURCE_LANGUAGE, ContentError, Page, display, problem, read_text
from scripts.outline import body_lines

EXCEPTIONS_FILE = "term_exceptions.yml"
# [[term:KEY|label]], also with the bar escaped (\|) as inside a Markdown table; the same syntax as scripts/macros.py.
TERM = re.compile(r"\[\[term:(?P<key>[^\]|\\]*)\\?\|(?P<label>[^\]]*)\]\]")
BRACKET = re.compile(r"\(([^()]*)\)")
# How many letters at the end of two keys may differ for them to count as one word (see Glossary.matches).
STEM_CHANGE = 3
LANGUAGE_NAMES = {"fi": "Finnish", "en": "English", "sv": "Swedish", "ru": "Russian", "uk": "Ukrainian"}
# Data files that hold no page text, or whose texts are the glossary itself.
NOT_TEXT = {"glossary.yml", "search_rules.yml", EXCEPTIONS_FILE}


def normal(text: str) -> str:
    return " ".join(text.split())


def without_brackets(text: str) -> str:
    return normal(BRACKET.sub(" ", text))


def has_words(text: str, words: str) -> bool:
    """`words` occur in `text` as whole words, unchanged: "Pohjois-Karjalan työllisyysalue" has "työllisyysalue"."""
    return re.search(rf"(?<![\w-]){re.escape(words)}(?![\w-])", text) is not None


def glosses(text: str) -> list[str]:
    return [normal(inside) for inside in BRACKET.findall(text)]


@dataclass
class Wording:
    """An exception: another wording a label may use for the term `key` in `language`."""

    key: str
    language: str
    wording: str


class Glossary:
    """The glossary's terms per language, the exceptions, and the search key rules."""

    def __init__(self, data_dir: Path):
        self.rules = search.load_rules(data_dir / "search_rules.yml")
        self.known_keys: dict[tuple[str, str], str] = {}
        self.entries = data.load("glossary", data_dir).entries
        self.exceptions_path = display(data_dir / EXCEPTIONS_FILE)
        self.exceptions, self.problems = read_exceptions(data_dir / EXCEPTIONS_FILE, self.entries)

    def term(self, key: str, language: str) -> str:
        return normal(str(self.entries[key][language]["term"]))

    def wordings(self, key: str, language: str) -> list[str]:
        """The glossary's term and the exceptions' wordings: a label must contain one of them."""
        extra = [e.wording for e in self.exceptions if (e.key, e.language) == (key, language)]
        return [self.term(key, language), *extra]

    def accepted_glosses(self, key: str, language: str) -> set[str]:
        headword = self.term(key, SOURCE_LANGUAGE)
        accepted = {headword, without_brackets(headword)}
        for wording in self.wordings(key, language):
            accepted.update(glosses(wording))
        return accepted

    def key(self, word: str, language: str) -> str:
        """search.key, remembered: the same words come back on every page."""
        if (word, language) not in self.known_keys:
            self.known_keys[word, language] = search.key(word, self.rules[language])
        return self.known_keys[word, language]

    def keys(self, text: str, language: str) -> list[str]:
        return [self.key(word, language) for word in search.words_of(text)]

    def matches(self, wanted: str, found: str, language: str) -> bool:
        """Two keys are one word: one begins with the other, or only their last STEM_CHANGE letters differ
        (діяльніст/діяльност), and they share at least the rules' shortest stem."""
        if wanted == found:
            return True
        shared = len(os.path.commonprefix([wanted, found]))
        shorter, longer = sorted((len(wanted), len(found)))
        return shared >= self.rules[language]["min_stem"] and (shared == shorter or shared >= longer - STEM_CHANGE)

    def required(self, wording: str, language: str) -> list[list[str]]:
        """The keys a label needs for a wording: one list per alternative name. Brackets are left out; names
        separated by a comma are alternatives ("value added tax, VAT"); words shorter than the rules' shortest
        stem (prepositions and articles: з/із, у/в, на, de) are not needed."""
        rules = self.rules[language]
        out = []
        for name in without_brackets(wording).split(","):
            words = [word for word in search.WORD.findall(name) if len(word) >= rules["min_stem"]]
            if words:
                out.append([self.key(word, language) for word in words])
        return out

    def contains(self, label: str, wording: str, language: str) -> bool:
        label_keys = self.keys(label, language)
        return any(
            all(any(self.matches(wanted, found, language) for found in label_keys) for wanted in name)
            for name in self.required(wording, language)
        )

    def check_label(self, key: str, label: str, language: str) -> list[str]:
        """What is wrong with one label: a list of messages without the file and line."""
        entry = self.entries.get(key)
        if not isinstance(entry, dict) or not all(
            isinstance(entry.get(lang), dict) and entry[lang].get("term") for lang in (language, SOURCE_LANGUAGE)
        ):
            return []  # the schema gate reports an unknown or incomplete term
        shown = f"[[term:{key}|{label}]]"
        out = []
        if not any(self.contains(label, wording, language) for wording in self.wordings(key, language)):
            term = without_brackets(self.term(key, language))
            name = LANGUAGE_NAMES[language]
            out.append(
                f'{shown}: the label does not contain the glossary\'s {name} term "{term}"; write it with that '
                f"term (inflected forms are fine) or add an exception to {self.exceptions_path} with a reason"
            )
        if language != SOURCE_LANGUAGE:
            accepted = self.accepted_glosses(key, language)
            headword = self.term(key, SOURCE_LANGUAGE)
            for gloss in glosses(label):
                if not any(has_words(gloss, form) for form in accepted):
                    out.append(
                        f'{shown}: the Finnish in brackets "({gloss})" is not the glossary\'s Finnish headword '
                        f'"{without_brackets(headword)}"; write "({without_brackets(headword)})" as it is in '
                        f"data/glossary.yml (not inflected), or add an exception to {self.exceptions_path} "
                        "with a reason"
                    )
        return out


def read_exceptions(path: Path, entries: dict) -> tuple[list[Wording], list[str]]:
    """data/term_exceptions.yml: KEY -> language -> list of {wording, reason}."""
    if not path.is_file():
        return [], []
    shown = display(path)
    try:
        text = read_text(path)
    except ContentError as err:
        return [], list(err.problems)
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        return [], [problem(shown, line, f"not valid YAML ({getattr(err, 'problem', err)}); check the indentation")]
    found, problems = [], []
    if root is None:
        return [], []
    if not isinstance(root, yaml.MappingNode):
        return [], [problem(shown, 1, "write the exceptions as KEY: {language: [{wording: …, reason: …}]}")]
    for key_node, languages in root.value:
        key, at = key_node.value, key_node.start_mark.line + 1
        if key not in entries:
            problems.append(problem(shown, at, f"'{key}' is not a term of data/glossary.yml; use its key there"))
            continue
        if not isinstance(languages, yaml.MappingNode):
            problems.append(problem(shown, at, f"'{key}': give the exceptions per language (en: [...])"))
            continue
        for language_node, items in languages.value:
            language, at = language_node.value, language_node.start_mark.line + 1
            if language not in LANGUAGES:
                problems.append(problem(shown, at, f"'{key}': '{language}' is not one of {', '.join(LANGUAGES)}"))
                continue
            if not isinstance(items, yaml.SequenceNode):
                problems.append(problem(shown, at, f"'{key}' {language}: give a list of '- wording: …' with reason"))
                continue
            for item in items.value:
                at = item.start_mark.line + 1
                fields = (
                    {k.value: v.value for k, v in item.value if isinstance(v, yaml.ScalarNode)}
                    if isinstance(item, yaml.MappingNode)
                    else {}
                )
                wording, reason = normal(fields.get("wording", "")), normal(fields.get("reason", ""))
                if not wording:
                    problems.append(problem(shown, at, f"'{key}' {language}: an exception needs 'wording: …'"))
                elif not reason:
                    problems.append(
                        problem(
                            shown,
                            at,
                            f"'{key}' {language}: the exception '{wording}' has no reason; say in 'reason: …' why "
                            "the glossary's term does not fit here (or remove the exception)",
                        )
                    )
                else:
                    found.append(Wording(key, language, wording))
    return found, problems


def labels_in_page(page: Page):
    """(line, key, label) of every [[term:KEY|label]] of a page, outside code."""
    for number, line in body_lines(page):
        pieces = line.split("`")  # odd-numbered pieces are inline code, as in scripts/macros.py
        for piece in pieces[::2]:
            for match in TERM.finditer(piece):
                yield number, match["key"].strip(), match["label"]


def labels_in_data(path: Path):
    """(line, language, key, label) of every [[term:KEY|label]] in a data file's texts given per language."""
    try:
        text = read_text(path)
    except ContentError:
        return  # the schema gate reports a file that cannot be read, with its line
    if "[[term:" not in text:
        return
    raw_lines = text.split("\n")
    try:
        root = yaml.compose(text)
    except yaml.YAMLError:
        return  # the schema gate reports it
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            for key_node, value in node.value:
                if key_node.value in LANGUAGES and isinstance(value, yaml.ScalarNode):
                    for match in TERM.finditer(value.value):
                        yield line_of(raw_lines, value, match), key_node.value, match["key"].strip(), match["label"]
                else:
                    stack.append(value)


def line_of(raw_lines: list[str], node, match: re.Match) -> int:
    """The line of a shortcode inside a YAML text: the first line of the text that has its start."""
    start = f"[[term:{match['key']}"
    for index in range(node.start_mark.line, min(node.end_mark.line + 1, len(raw_lines))):
        if start in raw_lines[index]:
            return index + 1
    return node.start_mark.line + 1


def check(pages: dict[str, dict[str, Page]], data_dir: Path) -> list[str]:
    """Every [[term:KEY|label]] of the pages (language -> path -> page) and of the data files."""
    try:
        glossary = Glossary(data_dir)  # an invalid glossary raises ContentError with its file and line
    except (OSError, yaml.YAMLError) as err:
        raise ContentError([f"terms: cannot read the search rules in {data_dir}: {err}"]) from None
    out = list(glossary.problems)
    for language, language_pages in pages.items():
        for page in language_pages.values():
            for line, key, label in labels_in_page(page):
                out += [problem(page.path, line, message) for message in glossary.check_label(key, label, language)]
    for path in sorted(data_dir.glob("*.yml")):
        if path.name in NOT_TEXT:
            continue
        for line, language, key, label in labels_in_data(path):
            out += [problem(path, line, message) for message in glossary.check_label(key, label, language)]
    return out
