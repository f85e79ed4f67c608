"""`make check`: every content check, in seconds, without building the site.

python -m scripts.check                       # all gates; exit 1 if any problem
python -m scripts.check --only spelling,links # some gates
python -m scripts.check --external-links FILE # also write the list of outside addresses and their pages
python -m scripts.check --problems FILE       # also write the problems and reports as JSON (for the pull-request
                                              # summary, scripts/pr_summary.py)

Problems (exit 1) are printed as `file:line: what is wrong and how to fix it`. Reports (old review
dates, yearly figures to update, translation status) are printed but do not fail.
The build (scripts/hooks.py) runs the same gates, except spelling and terms.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from scripts import (
    annotations,
    data,
    easy_finnish,
    gates,
    links,
    macros,
    modules,
    print_kit,
    readability,
    spelling,
    terms,
    translations,
)
from scripts.content import (
    LANGUAGES,
    SOURCE_LANGUAGE,
    ContentError,
    Page,
    display,
    finnish_only_paths,
    is_easy_finnish_pointer,
    missing_translations,
    read_page,
    typed_amounts,
    validate_front_matter,
)

GATES = ["schema", "translations", "structure", "links", "html", "spelling", "terms", "readability"]
# The build leaves spelling, the wording of glossary terms and the readability of Easy Finnish pages to
# `make check` and the tests, so that `make serve` still previews a page with a typo or an unfinished
# translation in it.
BUILD_GATES = [gate for gate in GATES if gate not in ("spelling", "terms", "readability")]


@dataclass
class Content:
    docs_dir: Path
    data_dir: Path
    pages: dict[str, dict[str, Page]]  # language -> path inside the language folder -> page
    unreadable: list[str]  # problems of pages that could not even be read
    figures: list[str] = field(default_factory=list)  # what a gate reports per page (the readability gate)


def load(docs_dir: Path, data_dir: Path, only: list[str] | None = None) -> Content:
    """Read every page of every language (or only the pages at the paths `only`, e.g. ["about.md"]).
    A page that cannot be read (scripts.content.read_text says why) is listed in `unreadable`."""
    pages: dict[str, dict[str, Page]] = {language: {} for language in LANGUAGES}
    unreadable = []
    for language in LANGUAGES:
        tree = docs_dir / language
        paths = sorted(tree.rglob("*.md")) if only is None else [tree / rel for rel in only if (tree / rel).exists()]
        for path in paths if tree.is_dir() else []:
            try:
                pages[language][path.relative_to(tree).as_posix()] = read_page(path, display(path))
            except ContentError as err:
                unreadable += err.problems
    return Content(docs_dir, data_dir, pages, unreadable)


def page_problems(page: Page, language: str) -> list[str]:
    """What the build checks in each page before rendering it."""
    return (
        validate_front_matter(page, language)
        + typed_amounts(page)
        + modules.validate_module_fields(page)
        + modules.check_agenda(page)
        + print_kit.check(page)
    )


def schema(content: Content) -> list[str]:
    out = []
    try:
        site = data.load_all(content.data_dir)
    except ContentError as err:
        return out + err.problems
    for language, pages in content.pages.items():
        for rel, page in pages.items():
            out += page_problems(page, language)
            renderer = macros.Renderer(site, language, rel, str(page.path), page.body_line, content.docs_dir / language)
            try:
                renderer.render(page.body)
            except ContentError as err:
                out += err.problems
    return out


def translation_gate(content: Content) -> list[str]:
    out = missing_translations(content.docs_dir) + easy_finnish.check(content.pages, content.docs_dir)
    for language in ("ru", "uk"):
        for page in content.pages[language].values():
            out += gates.letters(page, language)
    return out


def translated_pairs(content: Content):
    """(path inside the language folder, Finnish page, translated page) for every translation with its Finnish page.
    An Easy Finnish pointer is no translation of the Easy Finnish page at its path (scripts/easy_finnish.py)."""
    finnish_only = finnish_only_paths(content.docs_dir)
    for language in LANGUAGES[1:]:
        for rel, page in content.pages[language].items():
            source = content.pages[SOURCE_LANGUAGE].get(rel)
            if source and not is_easy_finnish_pointer(language, rel, finnish_only):
                yield rel, source, page


def structure(content: Content) -> list[str]:
    finnish_only = finnish_only_paths(content.docs_dir)
    return [
        problem
        for rel, source, page in translated_pairs(content)
        for problem in gates.structure(source, page, rel, finnish_only) + print_kit.compare(source, page)
    ]


def link_gate(content: Content) -> list[str]:
    finnish, finnish_only = content.pages[SOURCE_LANGUAGE], finnish_only_paths(content.docs_dir)
    return [
        problem
        for language in LANGUAGES
        for problem in links.check_links(content.pages[language], finnish, finnish_only)
    ]


def html_gate(content: Content) -> list[str]:
    out = []
    for language, pages in content.pages.items():
        for rel, page in pages.items():
            source = content.pages[SOURCE_LANGUAGE].get(rel)
            out += gates.heading_order(page) + gates.safe_html(page) + gates.alt_texts(page, language, source)
    return out


def spelling_gate(content: Content) -> list[str]:
    dictionaries = spelling.Dictionaries(content.data_dir / "words")
    every_page = [(language, page) for language, pages in content.pages.items() for page in pages.values()]
    return spelling.check(every_page, dictionaries)


def term_gate(content: Content) -> list[str]:
    return terms.check(content.pages, content.data_dir)


def readability_gate(content: Content) -> list[str]:
    problems, content.figures = readability.check(content.pages, content.docs_dir, content.data_dir / "words")
    return problems


RUNNERS = {
    "schema": schema,
    "translations": translation_gate,
    "structure": structure,
    "links": link_gate,
    "html": html_gate,
    "spelling": spelling_gate,
    "terms": term_gate,
    "readability": readability_gate,
}


def run(content: Content, names: list[str]) -> list[str]:
    if content.unreadable:  # fix these first: without them every other gate would see pages missing
        return content.unreadable
    out = []
    for name in names:
        try:
            out += RUNNERS[name](content)
        except ContentError as err:
            out += err.problems
    return out


def reports(content: Content) -> list[str]:
    """What an editor should look at soon, but which must not stop anyone's work today."""
    today = data.today()
    lines = gates.review_dates(list(content.pages[SOURCE_LANGUAGE].values()), today)
    try:
        lines += data.stale_figures(data.load_all(content.data_dir).figures, today)
    except ContentError:
        pass  # the schema gate lists the problems of the data files; the report waits until they are fixed
    return lines


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.check", description=__doc__.split("\n")[0])
    parser.add_argument("--only", help=f"comma-separated gates of {', '.join(GATES)}")
    parser.add_argument("--docs", type=Path, default=Path("docs"))
    parser.add_argument("--data", type=Path, default=Path("data"))
    parser.add_argument("--external-links", type=Path, help="write the outside-link report to this file")
    parser.add_argument("--problems", type=Path, help="write the problems and reports to this file as JSON")
    args = parser.parse_args(argv)
    names = args.only.split(",") if args.only else GATES
    unknown = [name for name in names if name not in GATES]
    if unknown:
        parser.error(f"unknown gate {', '.join(unknown)}: choose from {', '.join(GATES)}")
    content = load(args.docs, args.data)
    problems = run(content, names)
    report_lines = reports(content)
    for line in report_lines:
        print(f"report: {line}")
    annotations.emit(report_lines, "warning", "Report (does not fail) / Raportti")
    if content.figures:
        print("Readability of the Easy Finnish pages (selkosuomi; limits in scripts/readability.py):")
        for line in content.figures:
            print(f"  {line}")
    if "translations" in names and not content.unreadable:
        print("Translations (missing, outdated, orphaned, draft pages):")
        print(translations.report(translations.status(args.docs)))
    if args.external_links:
        every_page = [page for pages in content.pages.values() for page in pages.values()]
        args.external_links.parent.mkdir(parents=True, exist_ok=True)
        args.external_links.write_text(links.external_report(every_page), encoding="utf-8")
        print(f"Outside links listed in {args.external_links}")
    if args.problems:
        args.problems.parent.mkdir(parents=True, exist_ok=True)
        found = {"gates": names, "problems": problems, "reports": report_lines}
        args.problems.write_text(json.dumps(found, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for line in problems:
        print(line, file=sys.stderr)
    annotations.emit(problems, "error", "make check")
    count = len(problems)
    print(f"{count} problem{'' if count == 1 else 's'} in {len(names)} gate(s): {', '.join(names)}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
