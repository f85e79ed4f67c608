"""Soft hyphens in long words of headings and titles, so that a word too long for a narrow screen breaks with
a hyphen where a reader of the language would break it, not anywhere.

Finnish: Voikko (the same libvoikko as the spelling check) analyses the word; its STRUCTURE marks the start of
every part of a compound ("=maahan=muuttaja=taustaisen"), and a boundary is used where Voikko's hyphenator
agrees that the word may break there. Browsers prefer the last break that fits, so only compound boundaries
are marked (a long word with no compound boundary gets Voikko's syllable breaks instead).

Swedish: skipped. No installed tool knows Swedish compounds: Voikko is Finnish only, Hunspell's sv_FI has no
morphological analysis of compounds, and the hyphenation patterns that come with WeasyPrint (Pyphen) mark
every syllable, so the browser would break "arbets|givar|avgift" at its last syllable instead of between the
words. Guessing compound boundaries from word lists would break some words wrongly; a Swedish word still
wraps at 320 px (overflow-wrap in toimi.css), only without a hyphen.

The soft hyphens go into the visible heading text only: never into <title>, heading IDs, the table of
contents or the search index (scripts/search.py removes them).
"""

from __future__ import annotations

import re
from functools import cache

SOFT_HYPHEN = "\u00ad"
MIN_LENGTH = 12  # shorter words fit a line of a 320 px screen in any heading size
MIN_PART = 3  # never leave fewer letters than this on either side of a break
LONG_SIMPLE_WORD = 16  # a word this long with no compound boundary breaks at its syllables
LANGUAGES = ("fi",)
WORD = re.compile(r"[^\W\d_]+")
HEADING = re.compile(r"(<h([1-6])\b[^>]*>)(.*?)(</h\2>)", re.S)
TAG_OR_ENTITY = re.compile(r"(<[^>]*>|&[#\w]+;)")


@cache
def _voikko():
    import libvoikko

    return libvoikko.Voikko("fi")


def compound_breaks(word: str) -> list[int]:
    """Indexes in `word` where a Finnish compound may break (before the letter at the index)."""
    voikko = _voikko()
    pattern = voikko.getHyphenationPattern(word)
    hyphenation = {i for i, mark in enumerate(pattern) if mark == "-"}
    boundaries = None
    for analysis in voikko.analyze(word):
        found, letters = set(), 0
        for mark in analysis.get("STRUCTURE", ""):
            if mark == "=":
                if letters:
                    found.add(letters)
            else:
                letters += 1
        boundaries = found if boundaries is None else boundaries & found  # only what every reading agrees on
    breaks = sorted((boundaries or set()) & hyphenation)
    if not breaks and len(word) >= LONG_SIMPLE_WORD:
        breaks = sorted(hyphenation)
    return [i for i in breaks if MIN_PART <= i <= len(word) - MIN_PART]


def hyphenate_word(word: str, language: str) -> str:
    if language not in LANGUAGES or len(word) < MIN_LENGTH:
        return word
    out, last = [], 0
    for i in compound_breaks(word):
        if i - last >= MIN_PART:
            out.append(word[last:i])
            last = i
    out.append(word[last:])
    return SOFT_HYPHEN.join(out)


def hyphenate_text(text: str, language: str) -> str:
    """Plain text with soft hyphens (U+00AD) in its long words."""
    if language not in LANGUAGES:
        return text
    return WORD.sub(lambda m: hyphenate_word(m[0], language), text)


def hyphenate_headings(page_html: str, language: str) -> str:
    """Soft hyphens (&shy;) in the text of every <h1>…<h6>; tags, attributes and entities stay as they are."""
    if language not in LANGUAGES:
        return page_html

    def heading(match: re.Match) -> str:
        parts = TAG_OR_ENTITY.split(match[3])
        text = "".join(
            part if TAG_OR_ENTITY.fullmatch(part) else hyphenate_text(part, language).replace(SOFT_HYPHEN, "&shy;")
            for part in parts
        )
        return match[1] + text + match[4]

    return HEADING.sub(heading, page_html)


def without_soft_hyphens(text: str) -> str:
    return text.replace(SOFT_HYPHEN, "").replace("&shy;", "")
