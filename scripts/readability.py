"""The readability gate for Easy Finnish (selkosuomi) pages: `make check`'s gate `readability`.

Selkokeskus's guidelines for Easy Finnish (selkokieli; Selkokeskus, "Selkomittari" and "Selkokielen
mukauttamisen ohjeet", selkokeskus.fi) ask for common words, short sentences with one thing each, active verbs
rather than the passive, no participle constructions (lauseenvastikkeet), no long compounds, and short paragraphs.
The guidelines give no numbers; the limits below are this project's, chosen to hold a page to that advice, and
each names what it measures. Every word is analysed by Voikko (libvoikko, as scripts/spelling.py uses it).

An Easy Finnish page is a Finnish page under extra.finnish_only (mkdocs.yml). Its text is read as a reader reads it:
title, description, headings, paragraphs and list items (each list item and heading is its own paragraph);
shortcodes that print data ([[figure:…]], [[contact:…]]) count as one word and are not checked, a glossary link's
label ([[term:key|label]]) is checked as text. Official terms that an Easy Finnish page keeps and explains the
first time (starttiraha, asiakasvastaava …) are listed, each with its reason, in data/words/fi-easy-exceptions.txt:
they pass the word-list, length and compound rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from scripts.content import SOURCE_LANGUAGE, ContentError, Page, finnish_only_paths, is_finnish_only, problem, read_text
from scripts.outline import body_lines

# The limits (see the module's docstring for their source).
MAX_SENTENCE_WORDS = 12  # "lyhyet lauseet, yksi asia lauseessa": a sentence over 12 words nearly always holds two
MAX_WORD_LETTERS = 16  # a longer word is hard to take in at once (a hyphenated word counts per part)
MAX_COMPOUND_PARTS = 2  # "vältä pitkiä yhdyssanoja": three parts or more (eläke+vakuutus+yhtiö) are too many
MAX_PARAGRAPH_SENTENCES = 4  # "lyhyet kappaleet"
# Participles that make a participle construction or a passive meaning (maksettava, tehty, hakijan tekemä,
# tekemätön); the active ones (tekevä, tehnyt) are everyday words and the perfect tense (olet tehnyt).
PARTICIPLES = {"present_passive", "past_passive", "agent", "negation"}
NAMES = {"etunimi", "sukunimi", "paikannimi", "nimi"}

WORD = re.compile(r"(?<![\w-])[^\W\d_]+(?:-[^\W\d_]+)*")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[^\s])|(?<=[.!?])$")
DATA_SHORTCODE = re.compile(r"\[\[(?!term:)[^\]]*\]\]")
TERM = re.compile(r"\[\[term:[^\]|]*\|([^\]]*)\]\]|\[\[term:([^\]|]*)\]\]")
MARKUP = [
    (re.compile(r"`[^`]*`"), " "),
    (re.compile(r"\]\([^)]*\)"), "]"),
    (re.compile(r"\{[^}]*\}"), " "),
    (re.compile(r"<[^>]+>"), " "),
    (re.compile(r"[*_\[\]]"), ""),
    (re.compile(r"^\s*(?:[-*+]\s+(?:\[[ xX]\]\s+)?|\d+\.\s+|#{1,6}\s+|!!!\s*\w+\s*(?:\"[^\"]*\")?)"), ""),
]
LIST_OR_HEADING = re.compile(r"^\s*(?:[-*+]\s|\d+\.\s|#{1,6}\s|!!!)")


@dataclass
class Figures:
    """What `make check` reports for one page."""

    sentences: int = 0
    words: int = 0
    longest_sentence: int = 0
    longest_word: int = 0
    paragraphs: int = 0
    longest_paragraph: int = 0
    common: int = 0  # words in the common list (or an exception, a name, a number)
    problems: list[str] = field(default_factory=list)

    def summary(self, path: Path) -> str:
        average = self.words / self.sentences if self.sentences else 0
        share = 100 * self.common / self.words if self.words else 100
        return (
            f"{path}: {self.sentences} sentences, {average:.1f} words each (longest {self.longest_sentence}), "
            f"longest word {self.longest_word} letters, paragraphs of up to {self.longest_paragraph} sentences, "
            f"{share:.0f} % common words, {len(self.problems)} problem(s)"
        )


class Analyser:
    """Voikko's analysis and the two word lists, read once per check."""

    def __init__(self, words_dir: Path):
        try:
            import libvoikko

            self.voikko = libvoikko.Voikko("fi")
        except (ImportError, OSError) as err:
            raise ContentError(
                [f"readability: Voikko is not installed ({err}): `sudo apt-get install -y libvoikko1 voikko-fi`"]
            ) from None
        self.common = self.read_list(words_dir / "fi-common.txt")
        self.exceptions = self.read_list(words_dir / "fi-easy-exceptions.txt")

    @staticmethod
    def read_list(path: Path) -> frozenset[str]:
        return frozenset(
            word for line in read_text(path).splitlines() if (word := line.split("#", 1)[0].strip().lower())
        )

    @cache  # noqa: B019 - one Analyser per check run
    def analyses(self, word: str) -> tuple[dict, ...]:
        return tuple(self.voikko.analyze(word))

    def lemma_known(self, word: str) -> bool:
        """The word's lemma is common or an exception, or it is a compound of common words (kuukausi)."""
        found = self.analyses(word)
        if not found:
            return word.lower() in self.exceptions
        for analysis in found:
            lemma = analysis["BASEFORM"].lower()
            if lemma in self.common or lemma in self.exceptions or analysis.get("CLASS") in NAMES:
                return True
            parts = re.findall(r"\(([^)+][^)]*)\)", analysis.get("WORDBASES", ""))
            if len(parts) > 1 and all(part.lower() in self.common for part in parts):
                return True
        return False

    def compound_parts(self, word: str) -> int:
        """Voikko's structure marks where each part of a compound starts ('=')."""
        found = self.analyses(word)
        return min((a.get("STRUCTURE", "=").count("=") for a in found), default=1)

    def every_analysis(self, word: str, test) -> bool:
        found = self.analyses(word)
        return bool(found) and all(test(a) for a in found)

    def passive(self, word: str) -> bool:
        return self.every_analysis(word, lambda a: a.get("PERSON") == "4" and a.get("CLASS") == "teonsana")

    def participle(self, word: str) -> bool:
        return self.every_analysis(word, lambda a: a.get("PARTICIPLE") in PARTICIPLES)

    def exception(self, word: str) -> bool:
        return any(a["BASEFORM"].lower() in self.exceptions for a in self.analyses(word)) or (
            word.lower() in self.exceptions
        )


def plain(line: str) -> str:
    """A line as the reader reads it: term labels kept, data shortcodes as one word, markup gone."""
    line = TERM.sub(lambda m: m[1] or m[2].replace("_", ""), line)
    line = DATA_SHORTCODE.sub(" tieto ", line)  # a figure or contact reads as one word; "tieto" is common
    for pattern, replacement in MARKUP:
        line = pattern.sub(replacement, line)
    return line


def paragraphs(page: Page):
    """(first line, text) of the title, the description and each paragraph, list item or heading."""
    for name in ("title", "description"):
        if isinstance(page.meta.get(name), str):
            yield page.field_lines.get(name, 2), page.meta[name]
    current, start = [], 0
    for number, line in body_lines(page):
        stripped = line.strip()
        if not stripped or LIST_OR_HEADING.match(line) or stripped.startswith("[[") and stripped.endswith("]]"):
            if current:
                yield start, " ".join(current)
            current = []
            if stripped and not (stripped.startswith("[[") and stripped.endswith("]]")):
                current, start = [plain(line)], number  # a list item or heading starts a paragraph of its own
            continue
        if not current:
            start = number
        current.append(plain(line))
    if current:
        yield start, " ".join(current)


def sentences(text: str) -> list[str]:
    return [s for s in (part.strip() for part in SENTENCE_END.split(text)) if s]


def check_page(page: Page, analyser: Analyser) -> Figures:
    figures, unknown_seen = Figures(), set()

    def report(line: int, message: str) -> None:
        figures.problems.append(problem(page.path, line, message))

    for line, text in paragraphs(page):
        found = sentences(text)
        figures.paragraphs += 1
        figures.longest_paragraph = max(figures.longest_paragraph, len(found))
        if len(found) > MAX_PARAGRAPH_SENTENCES:
            report(
                line,
                f"a paragraph of {len(found)} sentences (Easy Finnish: at most {MAX_PARAGRAPH_SENTENCES}): "
                "split it, or make a list",
            )
        for sentence in found:
            words = WORD.findall(sentence)
            figures.sentences += 1
            figures.words += len(words)
            figures.longest_sentence = max(figures.longest_sentence, len(words))
            if len(words) > MAX_SENTENCE_WORDS:
                report(
                    line,
                    f"a sentence of {len(words)} words (Easy Finnish: at most {MAX_SENTENCE_WORDS}): "
                    f"'{shorten(sentence)}': say one thing in a sentence; split it",
                )
            for word in words:
                check_word(word, line, analyser, figures, report, unknown_seen)
    return figures


def check_word(word: str, line: int, analyser: Analyser, figures: Figures, report, unknown_seen: set) -> None:
    parts = [part for part in word.split("-") if part]
    if len(parts) > 1 and all(sum(c.isupper() for c in p) >= 2 for p in parts[:1]):
        parts = parts[1:]  # YEL-vakuutus: the abbreviation is a name; check the word after it
    abbreviation = sum(c.isupper() for c in word) >= 2 and len(parts) == 1
    if abbreviation:
        figures.common += 1
        return
    exception = analyser.exception(word) or all(analyser.exception(p) for p in parts)
    longest = max(len(p) for p in parts)
    figures.longest_word = max(figures.longest_word, longest)
    if longest > MAX_WORD_LETTERS and not exception:
        report(line, f"'{word}' has {longest} letters (Easy Finnish: at most {MAX_WORD_LETTERS}): use a shorter word")
    elif not exception and any(analyser.compound_parts(p) > MAX_COMPOUND_PARTS for p in parts):
        report(
            line,
            f"'{word}' is a compound of more than {MAX_COMPOUND_PARTS} parts (Voikko): say it in two words or explain "
            "it; an official term the page explains goes into data/words/fi-easy-exceptions.txt with its reason",
        )
    if analyser.passive(word):
        report(line, f"'{word}' is passive (Voikko): say who does it, e.g. 'saat', 'maksaa', 'sinä haet'")
    elif analyser.participle(word) and not exception:
        report(line, f"'{word}' is a participle construction (Voikko): use a clause with a verb instead")
    unknown_name = word[0].isupper() and not analyser.analyses(word)  # a name Voikko does not know (Outokumpu)
    known = exception or unknown_name or analyser.lemma_known(word) or all(analyser.lemma_known(p) for p in parts)
    if known:
        figures.common += 1
    elif word.lower() not in unknown_seen:
        unknown_seen.add(word.lower())
        report(
            line,
            f"'{word}' is not among the common Finnish words (data/words/fi-common.txt): use a common word, or, "
            "for an official term the page explains, add its base form to data/words/fi-easy-exceptions.txt",
        )


def shorten(sentence: str, limit: int = 60) -> str:
    return sentence if len(sentence) <= limit else sentence[: limit - 1] + "…"


def easy_finnish_pages(pages: dict[str, dict[str, Page]], docs_dir: Path) -> list[Page]:
    finnish_only = finnish_only_paths(docs_dir)
    return [page for rel, page in pages[SOURCE_LANGUAGE].items() if is_finnish_only(rel, finnish_only)]


def check(pages: dict[str, dict[str, Page]], docs_dir: Path, words_dir: Path) -> tuple[list[str], list[str]]:
    """(problems, the figures of each page for the summary)."""
    easy = easy_finnish_pages(pages, docs_dir)
    if not easy:
        return [], []
    analyser = Analyser(words_dir)
    problems, summaries = [], []
    for page in easy:
        figures = check_page(page, analyser)
        problems += figures.problems
        summaries.append(figures.summary(page.path))
    return problems, summaries
