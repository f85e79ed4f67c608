"""Translation chores for editors.

python -m scripts.translations sync     # copy audience, reviewed and sources from each Finnish page
                                        # to its translations (these facts are the same in every language)
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from scripts.content import LANGUAGES, SOURCE_LANGUAGE, read_page

SHARED_FIELDS = ["audience", "reviewed", "sources", "duration", "group_size"]
FIELD_ORDER = [
    "title",
    "description",
    "audience",
    "reviewed",
    "sources",
    "duration",
    "group_size",
    "materials",
    "translation",
]


def front_matter(meta: dict) -> str:
    ordered = {key: meta[key] for key in FIELD_ORDER if key in meta}
    return "---\n" + yaml.safe_dump(ordered, sort_keys=False, allow_unicode=True, width=1000) + "---\n"


def sync(docs_dir: Path) -> list[Path]:
    """Give every translation the Finnish page's shared fields; return the files changed."""
    changed = []
    source_tree = docs_dir / SOURCE_LANGUAGE
    for source in sorted(source_tree.rglob("*.md")):
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


def main(argv: list[str]) -> int:
    if argv[:1] == ["sync"]:
        for path in sync(Path("docs")):
            print(f"updated {path}")
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
