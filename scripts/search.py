"""Site search: a small index of our own per language, built from the HTML after MkDocs has written it.

Why not Pagefind (used until November 2026): its engine alone (wasm and code) is 95 KB compressed and its
index comes in chunks of 20 000 word positions (30-50 KB compressed on this site, a size Pagefind does not
let us change), so the first search could not stay under the issue's 150 KB. This index needs no engine:

    search/<lang>/index.json          the key rules, the names of the word files, page of every section, page lengths
    search/<lang>/words/<prefix>.json {key: [passage, weight, place, passage, weight, place, ...]} for the keys
                                      starting with prefix; place: 2 in the page title, 1 in the heading, 0 text
    search/<lang>/passages/<n>.json   one section: its address, page title, heading and text (for the excerpt)

Each language has its own files, so results come only from the page's language. A word is reduced to a key
with the rules in data/search_rules.yml ("kuntoutuksen" and "kuntoutus" share one); the script in the
browser (overrides/assets/javascripts/search.js) reduces the reader's word the same way, fetches the one word
file for it, ranks pages and fetches the passages of the results it shows. Word files are split until each is
small, so a search costs about the same however large the site grows.
Only the article is indexed (data-search-body), not menus, footers or facilitator notes (data-search-ignore).
An Easy Finnish page (selkosuomi) names its standard page (data-easy-finnish-of, scripts/hooks.py); index.json
lists the pairs, and the script ranks an Easy Finnish page right after its standard page when a query finds both:
a reader of standard Finnish finds the standard page first, and the Easy Finnish version next to it.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter, defaultdict
from html.parser import HTMLParser
from pathlib import Path

from scripts import data
from scripts.content import LANGUAGES, SOURCE_LANGUAGE

# Letters and digits, with inner hyphens and apostrophes (TOIMI-hanke, l'aide); the script uses the same pattern.
WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*", re.UNICODE)
# A word file is split by one more letter of the key while it is larger than this, compressed.
WORD_FILE_BYTES = 6 * 1024
TITLE_WEIGHT, HEADING_WEIGHT = 8, 3
# Where a word stands in a passage, for the ranking (search.js): a page whose title has the word comes first,
# then a page where it heads a section, then the pages that only mention it.
IN_TEXT, IN_HEADING, IN_TITLE = 0, 1, 2
# A long section is cut into passages of this many words, so a result's excerpt downloads little.
PASSAGE_WORDS = 120
# Tags inside a line of text; any other tag (a table cell, a list item) also separates words.
INLINE = {"a", "abbr", "b", "cite", "code", "em", "i", "kbd", "mark", "q", "s", "small", "span", "strong", "sub", "sup"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def load_rules(path: Path) -> dict:
    """data/search_rules.yml, through the data files' loader (the build's gates have checked it)."""
    return data.load(path.stem, path.parent).entries


def key(word: str, rules: dict) -> str:
    """The key of a word: the same algorithm as search.js."""
    word = word.lower().replace("’", "'")
    minimum = rules["min_stem"]
    for clitic in rules["clitics"]:
        if word.endswith(clitic) and len(word) - len(clitic) >= minimum:
            word = word[: -len(clitic)]
            break
    for ending in sorted(rules["endings"], key=len, reverse=True):
        if word.endswith(ending) and len(word) - len(ending) >= minimum:
            word = word[: -len(ending)]
            break
    for old, new in rules["rewrite"]:
        if word.endswith(old):
            word = word[: -len(old)] + new
            break
    if word and word[-1] in rules["trim"] and len(word) > minimum:
        word = word[:-1]
    for old, new in rules["final"]:
        if word.endswith(old) and len(word) - len(old) + len(new) >= minimum:
            word = word[: -len(old)] + new
            break
    return word


def words_of(text: str) -> list[str]:
    """The words of a text, and the parts of hyphenated ones (so "hanke" finds "TOIMI-hanke")."""
    found = []
    for word in WORD.findall(text):
        found.append(word)
        parts = re.split(r"[-'’]", word)
        if len(parts) > 1:
            found += [part for part in parts if part]
    return found


def mark_page(page_html: str, indexed: bool = True) -> str:
    """Index the article only; leave out facilitator notes, page facts, PDF links and checklist tools.
    A page that only repeats another (a participant's handout repeats its module) is not indexed."""
    if not indexed:
        return page_html
    page_html = page_html.replace(
        '<article class="md-content__inner md-typeset">',
        '<article class="md-content__inner md-typeset" data-search-body>',
        1,
    )
    ignored = ("facilitator", "toimi-page-meta", "toimi-pdf-link", "toimi-checklist-tools", "toimi-helper-form")
    for cls in (*ignored, "toimi-print-band"):
        page_html = re.sub(
            rf'<(details|div|aside|p|form|header) class="([^"]*\b{cls}\b[^"]*)"',
            r'<\1 class="\2" data-search-ignore',
            page_html,
        )
    return page_html


class Sections(HTMLParser):
    """The indexed article of a page as sections: one before the first heading with an id, then one per heading."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.body_depth = self.ignore_depth = self.heading_depth = None
        self.title = ""
        self.easy_finnish_of = None  # the key of the standard page, on an Easy Finnish page
        self.sections = [{"anchor": "", "heading": "", "text": []}]

    def handle_starttag(self, tag, attrs):
        if tag not in INLINE:
            self.handle_data(" ")
        if tag in VOID:
            return
        self.open.append(tag)
        attrs = dict(attrs)
        if "data-easy-finnish-of" in attrs:
            self.easy_finnish_of = attrs["data-easy-finnish-of"]
        if self.body_depth is None:
            if "data-search-body" in attrs:
                self.body_depth = len(self.open)
            return
        if self.ignore_depth is None and ("data-search-ignore" in attrs or tag in ("script", "style", "svg")):
            self.ignore_depth = len(self.open)
        # Headings, and the terms of the glossary (<dt id>), start a section a result can link to.
        if self.ignore_depth is None and (re.fullmatch(r"h[1-6]", tag) or (tag == "dt" and "id" in attrs)):
            self.heading_depth = len(self.open)
            if tag != "h1" and attrs.get("id"):
                self.sections.append({"anchor": attrs["id"], "heading": "", "text": []})

    def handle_endtag(self, tag):
        if tag not in INLINE:
            self.handle_data(" ")
        if tag in VOID or tag not in self.open:
            return
        while self.open and self.open.pop() != tag:
            pass
        depth = len(self.open)
        for name in ("heading_depth", "ignore_depth", "body_depth"):
            if getattr(self, name) is not None and depth < getattr(self, name):
                setattr(self, name, None)

    def handle_data(self, data):
        if self.body_depth is None or self.ignore_depth is not None:
            return
        data = data.replace("\u00ad", "")  # the soft hyphens of headings (scripts/hyphenation.py) are not text
        section = self.sections[-1]
        if self.heading_depth is not None and self.open[self.heading_depth - 1] == "h1":
            self.title += data
        elif self.heading_depth is not None:
            section["heading"] += data
        else:
            section["text"].append(data)


def read_sections(page_html: str) -> tuple[str, list[dict], str | None] | None:
    """(page title, sections with anchor, heading and text, the standard page's key if this is an Easy Finnish
    page), or None for a page that is not indexed."""
    if "data-search-body" not in page_html:
        return None
    parser = Sections()
    parser.feed(page_html)
    title = " ".join(parser.title.split())
    sections = []
    for section in parser.sections:
        text = " ".join("".join(section["text"]).split())
        heading = " ".join(section["heading"].split())
        if text or heading:
            sections.append({"anchor": section["anchor"], "heading": heading, "text": text})
    return title, sections, parser.easy_finnish_of


def pages_of(site_dir: Path, language: str, directory_urls: bool = True) -> list[tuple[str, str]]:
    """(address relative to the site root, HTML) of every page in one language, in a stable order.
    Without directory URLs (the offline copy) a page's address is its file: employers/x.html."""
    root = site_dir if language == SOURCE_LANGUAGE else site_dir / language
    found = []
    for page in sorted(root.rglob("index.html" if directory_urls else "*.html")):
        rel = page.relative_to(site_dir)
        if language == SOURCE_LANGUAGE and rel.parts[0] in LANGUAGES:
            continue
        if directory_urls:
            found.append((rel.parent.as_posix() + "/" if rel.parent.parts else "", page.read_text(encoding="utf-8")))
        else:
            found.append((rel.as_posix(), page.read_text(encoding="utf-8")))
    return found


def split_word_files(postings: dict[str, list[int]], prefix: str = "") -> dict[str, dict]:
    """Word files named by a key prefix, each under WORD_FILE_BYTES compressed if one more letter can split it.
    Keys no longer than the prefix stay in the prefix's own file; the script takes the longest matching name."""
    entries = {k: v for k, v in postings.items() if k.startswith(prefix)}
    data = json.dumps(entries, ensure_ascii=False, separators=(",", ":")).encode()
    if prefix and len(gzip.compress(data)) <= WORD_FILE_BYTES:
        return {prefix: entries}
    files = {}
    short = {k: v for k, v in entries.items() if len(k) <= len(prefix)}
    if short:
        files[prefix] = short
    for longer in sorted({k[: len(prefix) + 1] for k in entries if len(k) > len(prefix)}):
        files.update(split_word_files({k: v for k, v in entries.items() if k.startswith(longer)}, longer))
    return files


def passages_of(sections: list[dict]) -> list[dict]:
    """Sections cut into passages of at most PASSAGE_WORDS words: a result downloads only the passage it shows."""
    passages = []
    for section in sections:
        words = section["text"].split(" ")
        for start in range(0, max(len(words), 1), PASSAGE_WORDS):
            passages.append({**section, "text": " ".join(words[start : start + PASSAGE_WORDS]), "first": start == 0})
    return passages


def write_index(site_dir: Path, rules_file: Path, directory_urls: bool = True) -> dict[str, int]:
    rules = load_rules(rules_file)
    counts = {}
    for language in LANGUAGES:
        out = site_dir / "search" / language
        (out / "words").mkdir(parents=True, exist_ok=True)
        (out / "passages").mkdir(exist_ok=True)
        weights: dict[str, Counter] = defaultdict(Counter)  # key -> passage number -> weight
        places: dict[str, Counter] = defaultdict(Counter)  # key -> passage number -> the most telling place
        page_of_passage, page_lengths = [], []
        page_numbers, easy_pages = {}, {}  # page key -> page number; Easy Finnish page number -> standard page key
        for address, page_html in pages_of(site_dir, language, directory_urls):
            read = read_sections(page_html)
            if read is None:
                continue
            title, sections, standard = read
            page_number, length = len(page_lengths), 0
            # the page's key (its path without .md), as data-easy-finnish-of gives it, with or without directory URLs
            page_numbers[address.removesuffix("/").removesuffix(".html")] = page_number
            if standard is not None:
                easy_pages[page_number] = standard
            for passage in passages_of(sections):
                number = len(page_of_passage)
                page_of_passage.append(page_number)
                weighted = [(passage["text"], 1, IN_TEXT)]
                if passage["first"]:  # a heading counts once, with the first passage of its section
                    weighted.append((passage["heading"], HEADING_WEIGHT, IN_HEADING))
                if number == 0 or page_of_passage[number - 1] != page_number:  # the page title: its first passage
                    weighted.append((title, TITLE_WEIGHT, IN_TITLE))
                for text, weight, place in weighted:
                    for word in words_of(text):
                        word_key = key(word, rules[language])
                        weights[word_key][number] += weight
                        places[word_key][number] = max(places[word_key][number], place)
                        length += 1
                shown = {
                    "url": address + (f"#{passage['anchor']}" if passage["anchor"] else ""),
                    "title": title,
                    "heading": passage["heading"],
                    "text": passage["text"],
                }
                (out / "passages" / f"{number}.json").write_text(
                    json.dumps(shown, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
                )
            page_lengths.append(length)
        postings = {
            k: [n for number, weight in sorted(found.items()) for n in (number, weight, places[k][number])]
            for k, found in weights.items()
        }
        word_files = split_word_files(postings)
        for prefix, entries in word_files.items():
            (out / "words" / f"{prefix}.json").write_text(
                json.dumps(entries, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
            )
        index = {
            "rules": rules[language],
            "word_files": sorted(word_files),
            "page_of_passage": page_of_passage,
            "page_lengths": page_lengths,
            "easy_finnish_of": {
                str(easy): page_numbers[standard] for easy, standard in easy_pages.items() if standard in page_numbers
            },
        }
        (out / "index.json").write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        counts[language] = len(weights)
    return counts


def build(site_dir: Path, rules_file: Path) -> dict:
    return write_index(site_dir, rules_file)


def as_scripts(search_dir: Path) -> int:
    """The offline copy's index: a page opened from the disk (file://) cannot fetch JSON, but it can load a
    script. Every search/<lang>/<name>.json becomes <name>.js, which hands its data to search.js:
    `toimiSearchData("words/ka", {...})`. Returns the number of files."""
    count = 0
    for language_dir in sorted(p for p in search_dir.iterdir() if p.is_dir()):
        for part in sorted(language_dir.rglob("*.json")):
            name = part.relative_to(language_dir).with_suffix("").as_posix()
            script = f"toimiSearchData({json.dumps(name, ensure_ascii=False)},{part.read_text(encoding='utf-8')});\n"
            part.with_suffix(".js").write_text(script, encoding="utf-8")
            part.unlink()
            count += 1
    return count


def classic_script(module_code: str) -> str:
    """search.js for the offline copy: a module cannot be imported from file://, so the same code runs as a
    classic script that hands its two functions to toimi.js as window.toimiSearch."""
    code = module_code.replace("export function ", "function ")
    return f"(function () {{\n{code}\nwindow.toimiSearch = {{ key: key, attach: attach }};\n}})();\n"
