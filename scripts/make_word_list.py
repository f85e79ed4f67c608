"""Generate data/words/fi-common.txt, the common Finnish words of the readability gate (scripts/readability.py).

Run once, by hand, when the list should change (it is committed; the gate does not need wordfreq):

    python3 -m venv /tmp/wordfreq && /tmp/wordfreq/bin/pip install wordfreq==3.1.1
    /tmp/wordfreq/bin/python -m scripts.make_word_list    # from the repository, with libvoikko installed

It takes the FORMS most frequent Finnish word forms of wordfreq 3.1.1 (Robyn Speer et al., data CC BY-SA 4.0,
https://github.com/rspeer/wordfreq; built from Wikipedia, subtitles, news, books, the web and social media) and
writes the base forms (lemmas) Voikko gives them, one a line, sorted. Finnish inflects: one lemma has many forms,
so the list is of lemmas, and the gate compares each word's lemma with it. The list is a derivative of wordfreq's
data and carries its licence, CC BY-SA 4.0, with the attribution in its header.
"""

from __future__ import annotations

import sys
from pathlib import Path

FORMS = 20_000  # about Zipf 3.7 (5 in a million words): the everyday vocabulary, not the specialist one
TARGET = Path("data/words/fi-common.txt")
HEADER = f"""# Common Finnish words (lemmas) for the Easy Finnish readability gate (scripts/readability.py).
# Made by scripts/make_word_list.py: the base forms that Voikko gives to the {FORMS} most frequent Finnish word
# forms in wordfreq 3.1.1 (Robyn Speer et al., https://github.com/rspeer/wordfreq).
# Licence: CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/), as wordfreq's data; a derivative of it.
# Do not edit by hand: add official terms to data/words/fi-easy-exceptions.txt instead.
"""


def main() -> int:
    import libvoikko
    import wordfreq

    voikko = libvoikko.Voikko("fi")
    lemmas = set()
    for form in wordfreq.top_n_list("fi", FORMS):
        if not form.isalpha():
            continue
        for analysis in voikko.analyze(form):
            if analysis.get("CLASS") not in ("etunimi", "sukunimi", "paikannimi", "nimi"):
                lemmas.add(analysis["BASEFORM"].lower())
    TARGET.write_text(HEADER + "\n".join(sorted(lemmas)) + "\n", encoding="utf-8")
    print(f"{len(lemmas)} lemmas from {FORMS} forms into {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
