"""Site search: Pagefind's index, plus the matching of inflected words.

Pagefind (run after the HTML build) indexes every page under its own <html lang>, so a search on a
Russian page finds only Russian pages, and it loads only the index chunks that a query needs.
It indexes the article only (data-pagefind-body), not menus, footers or facilitator notes.

Its stemmers miss much of Finnish ("kuntoutuksen" does not find "kuntoutus"), so the build also
writes, per language, the words of the indexed text grouped by a key (data/search_rules.yml). The
search script reduces the reader's word to the same key, fetches the one small file for that key's
first letters, and searches for every word of the content that shares it.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

from scripts.content import LANGUAGES, SOURCE_LANGUAGE

WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", re.UNICODE)
BODY = re.compile(r"<article[^>]*data-pagefind-body[^>]*>(.*?)</article>", re.S)
IGNORED = re.compile(r"<(\w+)[^>]*data-pagefind-ignore[^>]*>.*?</\1>", re.S)
TAG = re.compile(r"<[^>]+>")


def load_rules(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


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


def mark_page(page_html: str, indexed: bool = True) -> str:
    """Index the article only; leave out facilitator notes, page facts, PDF links and checklist tools.
    A page that only repeats another (a participant's handout repeats its module) is not indexed."""
    if not indexed:
        return page_html
    page_html = page_html.replace(
        '<article class="md-content__inner md-typeset">',
        '<article class="md-content__inner md-typeset" data-pagefind-body>',
        1,
    )
    for cls in ("facilitator", "toimi-page-meta", "toimi-pdf-link", "toimi-checklist-tools", "toimi-helper-form"):
        page_html = re.sub(
            rf'<(details|div|aside|p|form) class="([^"]*\b{cls}\b[^"]*)"',
            r'<\1 class="\2" data-pagefind-ignore',
            page_html,
        )
    return page_html


def words_of(page_html: str) -> list[str]:
    body = BODY.search(page_html)
    if not body:
        return []
    text = html.unescape(TAG.sub(" ", IGNORED.sub(" ", body.group(1))))
    return [w.lower() for w in WORD.findall(text)]


def write_vocabulary(site_dir: Path, rules_file: Path) -> dict[str, int]:
    """site/search/<lang>/<first two letters of the key>.json: {key: [words of the content, most frequent first]}."""
    rules = load_rules(rules_file)
    out = site_dir / "search"
    out.mkdir(exist_ok=True)
    counts, shard_names = {}, {}
    for language in LANGUAGES:
        root = site_dir if language == SOURCE_LANGUAGE else site_dir / language
        groups: dict[str, Counter] = defaultdict(Counter)
        for page in root.rglob("index.html"):
            rel = page.relative_to(site_dir).parts
            if language == SOURCE_LANGUAGE and rel and rel[0] in LANGUAGES:
                continue
            for word in words_of(page.read_text(encoding="utf-8")):
                groups[key(word, rules[language])][word] += 1
        shards: dict[str, dict] = defaultdict(dict)
        for k, forms in groups.items():
            # Most frequent first: the script searches only the first few, to keep the download small.
            shards[k[:2]][k] = [form for form, _ in sorted(forms.items(), key=lambda item: (-item[1], item[0]))]
        target = out / language
        target.mkdir(exist_ok=True)
        for prefix, entries in shards.items():
            (target / f"{prefix}.json").write_text(json.dumps(entries, ensure_ascii=False), encoding="utf-8")
        counts[language] = len(groups)
        shard_names[language] = sorted(shards)
    # One small file per language; the script asks only for word files that exist, so a word with no
    # match costs no failed request.
    for language in LANGUAGES:
        (out / f"rules-{language}.json").write_text(
            json.dumps({"rules": rules[language], "shards": shard_names[language]}, ensure_ascii=False),
            encoding="utf-8",
        )
    return counts


def build(site_dir: Path, rules_file: Path) -> dict:
    subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", "pagefind", "--quiet"],
        check=True,
    )
    return write_vocabulary(site_dir, rules_file)
