"""Spelling in all five languages: Voikko for Finnish, Hunspell for the others, plus the project's word
lists (data/words/common.txt for every language, data/words/<language>.txt for one) for names and terms.

Finnish terms stay in brackets on the other languages' pages (starttiraha, toiminimi), so a word that the
page's own dictionary does not know is accepted there if Voikko knows it as Finnish.
Abbreviations (TOIMI, ESF, FöPL: two capitals or more) are not checked, nor are they in hyphenated words
(YEL-vakuutus is checked as vakuutus).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import defaultdict
from functools import cache
from pathlib import Path

from scripts.content import SOURCE_LANGUAGE, ContentError, Page, problem, read_text
from scripts.outline import body_lines

HUNSPELL_DICTIONARIES = {"en": "en_GB", "sv": "sv_FI", "ru": "ru_RU", "uk": "uk_UA"}
DEBIAN_PACKAGES = ["libvoikko1", "voikko-fi", "hunspell", "hunspell-en-gb", "hunspell-sv", "hunspell-ru", "hunspell-uk"]
# A word may be hyphenated (YEL-vakuutus) or start with a number (18-vuotias); letters right after a digit
# (3rd) are not a word of their own.
WORD = re.compile(r"(?<![\w-])(?:\d+-)?[^\W\d_]+(?:['’][^\W\d_]+)*(?:-[^\W\d_]+(?:['’][^\W\d_]+)*)*")
# What is not prose: code, shortcodes that print data (a term's label is prose), addresses, tags, attributes.
NOT_PROSE = [
    (re.compile(r"`[^`]*`"), " "),
    (re.compile(r"\[\[\w+:[^\]|]*\|([^\]]*)\]\]"), r" \1 "),
    (re.compile(r"\[\[[^\]]*\]\]"), " "),
    (re.compile(r"\]\([^)]*\)"), "] "),
    (re.compile(r"<https?://[^>]*>|https?://\S+|[\w.+-]+@[\w-]+\.[\w.]+"), " "),
    (re.compile(r"<[^>]+>"), " "),
    (re.compile(r"\{[^}]*\}"), " "),
    (re.compile(r"&\w+;"), " "),
    # Finnish case endings after a number, a sign or an abbreviation: 1.1.2025:stä, 86 a §:stä, PDF:nä, Oy:tä
    (re.compile(r"(?:(?<=[\dA-ZÅÄÖ%)\]§])|(?<=Oy)):[^\W\d_]+"), " "),
    (re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s*[\w-]+"), " "),
]


class Dictionaries:
    def __init__(self, words_dir: Path):
        missing = [name for name in ("hunspell",) if shutil.which(name) is None]
        try:
            import libvoikko

            self.voikko = libvoikko.Voikko("fi")
        except (ImportError, OSError) as err:
            missing.append(f"Voikko ({err})")
        if missing:
            raise ContentError(
                [
                    f"spelling: {', '.join(missing)} not installed. Run `make check` as root (it installs them) or "
                    f"`sudo apt-get install -y {' '.join(DEBIAN_PACKAGES)}`"
                ]
            )
        self.words_dir = words_dir

    @cache  # noqa: B019 - one Dictionaries per check run
    def word_list(self, language: str) -> frozenset[str]:
        words = set()
        for name in ("common", language):
            path = self.words_dir / f"{name}.txt"
            if path.exists():
                for line in read_text(path).splitlines():
                    line = line.split("#", 1)[0].strip()
                    if line:
                        words.add(line.lower())
        return frozenset(words)

    def finnish(self, word: str) -> bool:
        return self.voikko.spell(word) or all(self.voikko.spell(part) for part in word.split("-") if checked(part))

    def unknown(self, words: set[str], language: str) -> set[str]:
        listed = self.word_list(language)
        words = {w for w in words if w.lower() not in listed and any(checked(part) for part in w.split("-"))}
        if language == SOURCE_LANGUAGE:
            return {w for w in words if not self.finnish(w)}
        parts = {spelled_as(part) for word in words for part in word.split("-") if checked(part)}
        unknown_parts = self.hunspell(parts, HUNSPELL_DICTIONARIES[language])
        if language in ("ru", "uk"):  # Latin words on a Cyrillic page: English names or Finnish terms
            unknown_parts = {p for p in unknown_parts if not p.isascii()} | self.hunspell(
                {p for p in unknown_parts if p.isascii()}, HUNSPELL_DICTIONARIES["en"]
            )
        return {
            word
            for word in words
            if any(spelled_as(part) in unknown_parts for part in word.split("-") if checked(part))
            and not self.finnish(word)
            and not all(part.lower() in listed for part in word.split("-") if checked(part))
        }

    @staticmethod
    def hunspell(words: set[str], dictionary: str) -> set[str]:
        """The words Hunspell does not know: one word a line in, and -L prints back the lines it finds
        a misspelling in (exactly our words, even where Hunspell would split one)."""
        if not words:
            return set()
        result = subprocess.run(
            ["hunspell", "-d", dictionary, "-i", "utf-8", "-L"],
            input="\n".join(sorted(words)) + "\n",
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0 or result.stderr.strip():
            raise ContentError(
                [f"spelling: Hunspell could not use the dictionary {dictionary}: {result.stderr.strip()}"]
            )
        return set(result.stdout.splitlines())


def spelled_as(part: str) -> str:
    """The form Hunspell is asked about: one apostrophe, and no English possessive (en_GB has no guide's)."""
    part = part.replace("’", "'")
    return part[:-2] if part.endswith("'s") else part


def checked(part: str) -> bool:
    """A part of a hyphenated word worth checking: not an abbreviation (FöPL) or a number (18-vuotias)."""
    return bool(part) and not part.isdigit() and sum(c.isupper() for c in part) < 2


def prose(page: Page):
    """(line, text) of what a reader reads: title, description and the body without code and markup."""
    fields = [
        (page.field_lines.get(f, 2), page.meta[f])
        for f in ("title", "description")
        if isinstance(page.meta.get(f), str)
    ]
    for number, line in [*fields, *body_lines(page)]:
        for pattern, replacement in NOT_PROSE:
            line = pattern.sub(replacement, line)
        yield number, line


def check(pages: list[tuple[str, Page]], dictionaries: Dictionaries) -> list[str]:
    """`pages`: (language, page). One message per unknown word and file, at its first line."""
    first_seen: dict[tuple[str, str], dict[str, tuple[int, int]]] = defaultdict(dict)
    words_by_language: dict[str, set[str]] = defaultdict(set)
    for language, page in pages:
        seen = first_seen[(language, str(page.path))]
        for number, line in prose(page):
            for word in WORD.findall(line):
                if len(word) < 2:
                    continue
                line_of_first, count = seen.get(word, (number, 0))
                seen[word] = (line_of_first, count + 1)
                words_by_language[language].add(word)
    unknown = {language: dictionaries.unknown(words, language) for language, words in words_by_language.items()}
    out = []
    for (language, path), seen in first_seen.items():
        for word, (line, count) in sorted(seen.items(), key=lambda item: item[1][0]):
            if word in unknown[language]:
                times = f" ({count} times in the file)" if count > 1 else ""
                out.append(
                    problem(
                        path,
                        line,
                        f"unknown word '{word}'{times}: correct its spelling, or if it is right (a name or a term), "
                        f"add it to data/words/{language}.txt (data/words/common.txt for every language)",
                    )
                )
    return out
