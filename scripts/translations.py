"""Translations: their status, and the chores of translators.

python -m scripts.translations sync          # copy audience, reviewed, sources (the same facts in every
                                             # language) from each Finnish page to its translations
python -m scripts.translations done PAGE...  # record that these translations are up to date with their
                                             # Finnish page (after the translator has updated them)
python -m scripts.translations status        # missing, outdated, orphaned and draft pages per language

A translation records in `source_hash` the hash of the Finnish page body it was made from. The hash is
taken over the body with all whitespace runs made one space, so a new review date or re-wrapped lines
in the Finnish page do not mark the translations outdated; any change of words does.

An Easy Finnish page (scripts/easy_finnish.py) records the same hash of the standard Finnish page it was made
from (`easy_finnish_of`): `done docs/fi/selko/PAGE.md` records it, and a change of the standard page's words
marks the Easy Finnish page outdated. The Finnish-only pages (extra.finnish_only) have no translations: the other
languages' pages at their paths are pointers to them, not translations (scripts/easy_finnish.py).
"""

from __future__ import annotations

import functools
import hashlib
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from scripts.content import (
    LANGUAGES,
    SOURCE_LANGUAGE,
    ContentError,
    display,
    fingerprint,
    finnish_only_paths,
    is_finnish_only,
    problem,
    read_page,
)

SHARED_FIELDS = ["audience", "reviewed", "sources", "duration", "group_size", "objectives"]
FIELD_ORDER = [
    "title",
    "description",
    "audience",
    "reviewed",
    "easy_finnish_of",
    "checklist_items",
    "sources",
    "duration",
    "group_size",
    "materials",
    "objectives",
    "agenda",
    "adapt",
    "translation",
    "source_hash",
]
STATES = ["reviewed", "draft", "outdated", "missing"]  # what a reader or a translator needs to know


def front_matter(meta: dict) -> str:
    ordered = {key: meta[key] for key in FIELD_ORDER if key in meta}
    return "---\n" + yaml.safe_dump(ordered, sort_keys=False, allow_unicode=True, width=1000) + "---\n"


def sync(docs_dir: Path) -> list[Path]:
    """Give every translation the Finnish page's shared fields; return the files changed."""
    changed = []
    source_tree = docs_dir / SOURCE_LANGUAGE
    finnish_only = finnish_only_paths(docs_dir)
    for source in sorted(source_tree.rglob("*.md")):
        if is_finnish_only(source.relative_to(source_tree).as_posix(), finnish_only):
            continue
        source_meta = read_page(source).meta
        shared = {key: source_meta[key] for key in SHARED_FIELDS if key in source_meta}
        for language in LANGUAGES[1:]:
            target = docs_dir / language / source.relative_to(source_tree)
            if not target.exists():
                continue
            page = read_page(target)
            if all(page.meta.get(key) == value for key, value in shared.items()):
                continue
            meta = {**page.meta, **shared}
            target.write_text(front_matter(meta) + "\n" + page.body.rstrip("\n") + "\n", encoding="utf-8")
            changed.append(target)
    return changed


# A module's agenda and adaptations are words a translator translates, though they live in the front matter.
TRANSLATED_FIELDS = ["agenda", "adapt"]


def source_hash(body: str, meta: dict | None = None) -> str:
    text = " ".join(body.split())
    extra = {key: (meta or {})[key] for key in TRANSLATED_FIELDS if key in (meta or {})}
    if extra:
        text += "\n" + json.dumps(extra, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def with_source_hash(text: str, value: str) -> str:
    """The file's text with `source_hash: value` in its front matter, every other line as the translator wrote it."""
    lines = text.split("\n")
    end = next(i for i in range(1, len(lines)) if lines[i].strip() in ("---", "..."))
    for i in range(1, end):
        if lines[i].startswith("source_hash:"):
            lines[i] = f"source_hash: {value}"
            break
    else:
        lines.insert(end, f"source_hash: {value}")
    return "\n".join(lines)


@dataclass
class Status:
    """Every page's state per language, and the translations that have no Finnish page."""

    states: dict[str, dict[str, str]] = field(default_factory=dict)  # page (fi path) -> language -> state
    orphaned: dict[str, list[str]] = field(default_factory=dict)  # language -> pages without a Finnish source
    easy_finnish: dict[str, str] = field(default_factory=dict)  # Easy Finnish page (fi path) -> current | outdated

    def pages_in(self, language: str, state: str) -> list[str]:
        return [page for page, by_language in self.states.items() if by_language[language] == state]


def translation_state(meta: dict, finnish_hash: str) -> str:
    if meta.get("source_hash") != finnish_hash:
        return "outdated"
    return "draft" if meta.get("translation") == "draft" else "reviewed"


def status(docs_dir: Path) -> Status:
    return status_of_tree(docs_dir, fingerprint(docs_dir))


@functools.lru_cache(maxsize=4)  # the Translation status page asks once per language in a build
def status_of_tree(docs_dir: Path, _fingerprint: tuple) -> Status:
    result = Status()
    source_tree = docs_dir / SOURCE_LANGUAGE
    finnish_only = finnish_only_paths(docs_dir)
    for source in sorted(source_tree.rglob("*.md")):
        rel = source.relative_to(source_tree).as_posix()
        if is_finnish_only(rel, finnish_only):
            result.easy_finnish[rel] = easy_finnish_state(read_page(source).meta, source_tree)
            continue
        finnish = read_page(source)
        finnish_hash = source_hash(finnish.body, finnish.meta)
        result.states[rel] = {SOURCE_LANGUAGE: "reviewed"}
        for language in LANGUAGES[1:]:
            target = docs_dir / language / rel
            result.states[rel][language] = (
                translation_state(read_page(target).meta, finnish_hash) if target.exists() else "missing"
            )
    for language in LANGUAGES[1:]:
        tree = docs_dir / language
        result.orphaned[language] = sorted(
            p.relative_to(tree).as_posix()
            for p in tree.rglob("*.md")
            if p.relative_to(tree).as_posix() not in result.states
            and p.relative_to(tree).as_posix() not in result.easy_finnish  # a pointer to an Easy Finnish page
        )
    return result


def easy_finnish_state(meta: dict, source_tree: Path) -> str:
    """An Easy Finnish page is outdated when the words of its standard page changed after its `source_hash`."""
    standard = source_tree / f"{meta.get('easy_finnish_of')}.md"
    if not meta.get("easy_finnish_of") or not standard.exists():
        return "current"  # the home page of the Easy Finnish pages (or a mistake, which the gates name)
    page = read_page(standard)
    return "current" if meta.get("source_hash") == source_hash(page.body, page.meta) else "outdated"


def report(result: Status) -> str:
    """The per-language table that `make check` prints."""
    lines = [f"{'language':<9}{'missing':>8}{'outdated':>9}{'orphaned':>9}{'draft':>6}"]
    details = []
    for language in LANGUAGES[1:]:
        counts = {state: result.pages_in(language, state) for state in ("missing", "outdated", "draft")}
        orphaned = result.orphaned[language]
        lines.append(
            f"{language:<9}{len(counts['missing']):>8}{len(counts['outdated']):>9}{len(orphaned):>9}{len(counts['draft']):>6}"
        )
        for state, pages in [*counts.items(), ("orphaned", orphaned)]:
            details += [f"  {language} {state}: docs/{language}/{page}" for page in pages]
    outdated = [page for page, state in result.easy_finnish.items() if state == "outdated"]
    lines.append(f"{'selko':<9}{'-':>8}{len(outdated):>9}{'-':>9}{'-':>6}  (Easy Finnish pages, fi only)")
    details += [
        f"  selko outdated: docs/{SOURCE_LANGUAGE}/{page} (its standard page changed: update it, then "
        f"`python -m scripts.translations done docs/{SOURCE_LANGUAGE}/{page}`)"
        for page in outdated
    ]
    return "\n".join(lines + details)


def mark_done(paths: list[Path], docs_dir: Path) -> list[str]:
    """Record the current Finnish hash in each translation; return the problems (pages that are not
    translations or have no Finnish page)."""
    problems = []
    for path in paths:
        try:
            rel = path.resolve().relative_to(docs_dir.resolve())
        except ValueError:
            problems.append(problem(path, 1, f"not a page under {docs_dir}/"))
            continue
        language, inside = rel.parts[0], Path(*rel.parts[1:])
        source = docs_dir / SOURCE_LANGUAGE / inside
        if language == SOURCE_LANGUAGE and is_finnish_only(inside.as_posix(), finnish_only_paths(docs_dir)):
            standard = read_page(path).meta.get("easy_finnish_of")
            if not standard:
                problems.append(problem(path, 1, "an Easy Finnish page without 'easy_finnish_of' has no source"))
                continue
            source = docs_dir / SOURCE_LANGUAGE / f"{standard}.md"
        elif language == SOURCE_LANGUAGE or language not in LANGUAGES:
            problems.append(problem(path, 1, "give the translated page (docs/en/…, docs/sv/…), not the Finnish one"))
            continue
        if not source.exists():
            problems.append(problem(path, 1, f"there is no Finnish page {display(source)} to compare with"))
            continue
        read_page(path)  # stops with file:line if the translation cannot be read
        finnish = read_page(source)
        text = path.read_text(encoding="utf-8")
        path.write_text(with_source_hash(text, source_hash(finnish.body, finnish.meta)), encoding="utf-8")
    return problems


def main(argv: list[str]) -> int:
    docs = Path("docs")
    try:
        if argv[:1] == ["sync"]:
            for path in sync(docs):
                print(f"updated {path}")
            return 0
        if argv[:1] == ["done"] and argv[1:]:
            problems = mark_done([Path(arg) for arg in argv[1:]], docs)
            print("\n".join(problems) or f"recorded the Finnish source of {len(argv) - 1} page(s)")
            return 1 if problems else 0
        if argv[:1] == ["status"]:
            print(report(status(docs)))
            return 0
    except ContentError as err:
        print(err, file=sys.stderr)
        return 1
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
