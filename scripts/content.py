"""Content pages: languages, front matter and its schema, and translation completeness.

Every error names the file and line and says how to fix it, because the people who read these
messages are editors, not programmers.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

LANGUAGES = ["fi", "en", "sv", "ru", "uk"]
LANGUAGE_NAMES = {
    "fi": "Suomi",
    "en": "English",
    "sv": "Svenska",
    "ru": "Русский",
    "uk": "Українська",
}  # as in the switcher
SOURCE_LANGUAGE = "fi"
AUDIENCES = ["employer", "jobseeker", "entrepreneur", "facilitator", "professional", "editor"]
TRANSLATION_STATES = ["draft", "reviewed"]
REQUIRED_FIELDS = ["title", "description", "audience", "reviewed", "sources"]
# translation and source_hash: translated pages only (scripts/translations.py); duration, group_size, materials,
# objectives, agenda and adapt: workshop modules (scripts/modules.py); easy_finnish_of, source_hash and
# checklist_items: Easy Finnish pages (scripts/easy_finnish.py)
OPTIONAL_FIELDS = [
    "translation",
    "source_hash",
    "duration",
    "group_size",
    "materials",
    "easy_finnish_of",
    "checklist_items",
    "objectives",
    "agenda",
    "adapt",
]


class ContentError(Exception):
    """One or more problems in the content, each already phrased as `file:line: what and how to fix`."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


def problem(path: Path | str, line: int, message: str) -> str:
    return f"{display(Path(path))}:{line}: {message}"


def display(path: Path) -> Path:
    """A path as the editor knows it: relative to the repository (the working directory)."""
    try:
        return path.resolve().relative_to(Path.cwd())
    except ValueError:
        return path


@dataclass
class Page:
    path: Path  # as the editor sees it, relative to the repository (docs/fi/about.md)
    meta: dict
    body: str
    body_line: int  # the line number (1-based) of the body's first line in the file
    field_lines: dict[str, int]
    # The line of every value inside the front matter, by its path: ("agenda", 2, "work") -> 31.
    node_lines: dict[tuple, int] = dataclasses.field(default_factory=dict)


def split_front_matter(path: Path, text: str) -> tuple[str | None, int, str, int]:
    """Return (front matter text, its first line, body, body's first line)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None, 0, text, 1
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            body_start = end + 1
            # MkDocs strips the blank lines that follow the front matter; count them the same way.
            while body_start < len(lines) and not lines[body_start].strip():
                body_start += 1
            return "\n".join(lines[1:end]), 2, "\n".join(lines[body_start:]), body_start + 1
    raise ContentError(
        [problem(path, 1, "the front matter starts with '---' but never ends: add a line '---' after its last field")]
    )


# Characters no editor means to type: C0 controls other than tab and the line ends, and DEL.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
SAVE_AS_UTF8 = "save it as 'UTF-8' (in VS Code: the encoding in the status bar, then Save with Encoding)"


def line_at(text: str | bytes, index: int) -> int:
    """The 1-based line of the character (or byte) at `index`."""
    return text.count("\n" if isinstance(text, str) else b"\n", 0, index) + 1


def read_text(path: Path, shown_as: Path | None = None) -> str:
    """The text of a file that editors write (a page, a data file, a word list), with Unix line ends.

    Every such file is read here and nowhere else, so that whatever an editor's program saved (another
    encoding, a byte-order mark, mixed line ends, an invisible control character, nothing at all, a folder
    in place of a file) stops `make check` and `make site` with `file:line: what and how to fix it`.
    """
    shown = shown_as or display(path)

    def refuse(line: int, message: str) -> ContentError:
        return ContentError([problem(shown, line, message)])

    if path.is_dir():
        raise refuse(1, "this is a folder where a file is expected: rename the folder, or remove it")
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise refuse(1, "the file is missing: restore it (git checkout -- FILE) or create it") from None
    except OSError as err:
        raise refuse(1, f"the file cannot be read ({err.strerror}): check that it exists and may be read") from None
    if not raw.strip():
        raise refuse(1, "the file is empty: restore its content (git checkout -- FILE), or delete the file")
    if raw.startswith(b"\xef\xbb\xbf"):
        raise refuse(1, f"the file starts with a byte-order mark (BOM): {SAVE_AS_UTF8} without BOM")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise refuse(
            line_at(raw, err.start),
            f"the file is not UTF-8 (byte 0x{raw[err.start]:02X} is not a UTF-8 character; an older editor may "
            f"have saved it as Latin-1 or Windows-1252): {SAVE_AS_UTF8}, and check the letters ä, ö, å",
        ) from None
    control = CONTROL.search(text)
    if control:
        what = "a NUL byte" if control[0] == "\x00" else f"an invisible control character (U+{ord(control[0]):04X})"
        raise refuse(
            line_at(text, control.start()),
            f"the line contains {what}, often pasted from another program: retype the line or delete the character",
        )
    windows = text.count("\r\n")
    lone_cr = re.search(r"\r(?!\n)", text)
    if lone_cr or (windows and windows != text.count("\n")):
        odd = lone_cr.start() if lone_cr else re.search(r"(?<!\r)\n", text).start()
        raise refuse(
            line_at(text, odd),
            "the file mixes line endings (Windows CRLF, Unix LF or old Mac CR): save it with LF line endings "
            "(in VS Code: 'CRLF' in the status bar, then LF)",
        )
    return text.replace("\r\n", "\n")


def parse_yaml(text: str) -> tuple[yaml.Node | None, object]:
    """The YAML node tree (for line numbers) and the value, from one pass of libyaml's safe loader."""
    loader = yaml.CSafeLoader(text) if yaml.__with_libyaml__ else yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        return node, loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()


def read_page(path: Path, shown_as: Path | None = None) -> Page:
    shown = shown_as or display(path)
    text = read_text(path, shown)
    fm_text, fm_line, body, body_line = split_front_matter(shown, text)
    if fm_text is None:
        raise ContentError(
            [
                problem(
                    shown,
                    1,
                    "the page has no front matter: start the file with '---', the fields "
                    f"({', '.join(REQUIRED_FIELDS)}) and another '---'",
                )
            ]
        )
    try:
        node, meta = parse_yaml(fm_text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = fm_line + (mark.line if mark else 0)
        what = getattr(err, "problem", None) or str(err)
        raise ContentError(
            [
                problem(
                    shown,
                    line,
                    f"the front matter is not valid YAML ({what}); check the indentation and "
                    "quote values that contain ':' or start with a special character",
                )
            ]
        ) from None
    if not isinstance(meta, dict):
        raise ContentError([problem(shown, fm_line, "the front matter must be a list of 'field: value' lines")])
    field_lines = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            field_lines[str(key_node.value)] = fm_line + key_node.start_mark.line
    node_lines: dict[tuple, int] = {}
    walk_lines(node, (), fm_line, node_lines)
    return Page(shown, meta, body, body_line, field_lines, node_lines)


def walk_lines(node, path: tuple, first_line: int, out: dict[tuple, int]) -> None:
    """Record the line of every mapping value and list item under `node`, so that a rule about a nested
    value (an agenda row) can name its line."""
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = (*path, str(key_node.value))
            out[key] = first_line + key_node.start_mark.line
            walk_lines(value_node, key, first_line, out)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            out[(*path, index)] = first_line + item.start_mark.line
            walk_lines(item, (*path, index), first_line, out)


def validate_front_matter(page: Page, language: str) -> list[str]:
    """Check the front matter against the one schema; return the problems found."""
    meta, out = page.meta, []

    def at(field: str) -> int:
        return page.field_lines.get(field, 2)

    for field in meta:
        if field not in REQUIRED_FIELDS + OPTIONAL_FIELDS:
            out.append(
                problem(
                    page.path,
                    at(field),
                    f"unknown front matter field '{field}': the allowed fields are "
                    f"{', '.join(REQUIRED_FIELDS + OPTIONAL_FIELDS)}; remove it or fix its spelling",
                )
            )
    for field in REQUIRED_FIELDS:
        if field not in meta or meta[field] in (None, "", []):
            out.append(problem(page.path, 2, f"front matter field '{field}' is missing: add it (see CONTRIBUTING.md)"))
    for field in ("title", "description"):
        if field in meta and meta[field] is not None and not isinstance(meta[field], str):
            out.append(problem(page.path, at(field), f"front matter field '{field}' must be text"))
    if "audience" in meta and meta["audience"]:
        audience = meta["audience"]
        if not isinstance(audience, list):
            out.append(
                problem(
                    page.path,
                    at("audience"),
                    "front matter field 'audience' must be a list, for example: audience: [employer, facilitator]",
                )
            )
        else:
            for item in audience:
                if item not in AUDIENCES:
                    out.append(
                        problem(
                            page.path, at("audience"), f"unknown audience '{item}': use one of {', '.join(AUDIENCES)}"
                        )
                    )
    if "reviewed" in meta and meta["reviewed"] not in (None, ""):
        reviewed = meta["reviewed"]
        if not isinstance(reviewed, dt.date) or isinstance(reviewed, dt.datetime):
            out.append(
                problem(
                    page.path,
                    at("reviewed"),
                    f"front matter field 'reviewed' must be a date (YYYY-MM-DD), got '{reviewed}'",
                )
            )
    if "sources" in meta and meta["sources"]:
        sources = meta["sources"]
        if not isinstance(sources, list):
            out.append(
                problem(
                    page.path,
                    at("sources"),
                    "front matter field 'sources' must be a list of "
                    "items with 'title' (and 'url' when the source is on the web)",
                )
            )
        else:
            for source in sources:
                if not isinstance(source, dict) or not isinstance(source.get("title"), str):
                    out.append(problem(page.path, at("sources"), f"source {source!r} needs a 'title'"))
                elif set(source) - {"title", "url"}:
                    out.append(
                        problem(
                            page.path,
                            at("sources"),
                            f"source '{source['title']}' has unknown "
                            f"fields {sorted(set(source) - {'title', 'url'})}: use only title and url",
                        )
                    )
                elif "url" in source and not str(source["url"]).startswith("https://"):
                    out.append(
                        problem(
                            page.path,
                            at("sources"),
                            f"source '{source['title']}' must have a web "
                            f"address starting with https://, got '{source['url']}'",
                        )
                    )
    if "translation" in meta:
        if language == SOURCE_LANGUAGE:
            out.append(
                problem(
                    page.path,
                    at("translation"),
                    "'translation' belongs only in translated pages; remove it from the Finnish source",
                )
            )
        elif meta["translation"] not in TRANSLATION_STATES:
            out.append(
                problem(
                    page.path,
                    at("translation"),
                    "front matter field 'translation' must be "
                    f"{' or '.join(TRANSLATION_STATES)}, got '{meta['translation']}'",
                )
            )
    if "source_hash" in meta:
        if language == SOURCE_LANGUAGE and "easy_finnish_of" not in meta:
            out.append(
                problem(page.path, at("source_hash"), "'source_hash' belongs only in translated pages; remove it")
            )
        elif not re.fullmatch(r"[0-9a-f]{12}", str(meta["source_hash"])):
            out.append(
                problem(
                    page.path,
                    at("source_hash"),
                    "'source_hash' is written by `python -m scripts.translations done <page>`; do not edit it by hand "
                    "(run that command once the page matches the page it was made from)",
                )
            )
    return out


# A number followed by a currency or a percent sign or word, in any of the five languages
# ("500 €", "€500", "1 500 euroa", "6,9 miljoonaa euroa", "70 %", "70 prosenttia", "70 процентов").
_NUMBER = r"\d[\d\u00a0\u202f ,.]*"
_SCALE = r"(?:\s*(?:milj(?:oonaa|\.)?|miljard\w*|million\w*|mn|млн\.?|миллион\w*|мільйон\w*|тыс\.?|тис\.?))?"
_UNIT = (
    r"(?:€|%|eur(?:o|oa|on|oon|os)?\b|prosent\w*|procent\w*|per\s?cent\b|percent\b|евро\b|євро\b"
    r"|процент\w*|відсот\w*)"
)
TYPED_AMOUNT = re.compile(rf"(?:€\s?\d|{_NUMBER}{_SCALE}\s*{_UNIT})", re.IGNORECASE)
SHORTCODE_OR_CODE = re.compile(r"\[\[[^\]]*\]\]|`[^`]*`")


def typed_amounts(page: Page) -> list[str]:
    """Euro amounts and percentages typed into the text instead of taken from data/figures.yml."""
    out, in_fence = [], False
    for index, line in enumerate(page.body.split("\n")):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        match = TYPED_AMOUNT.search(SHORTCODE_OR_CODE.sub(" ", line))
        if match:
            out.append(
                problem(
                    page.path,
                    page.body_line + index,
                    f"'{match[0].strip()}' is typed into the text: "
                    "euro amounts and percentages come from data/figures.yml; write [[figure:NAME]] "
                    "(add the figure there with its source if it is new)",
                )
            )
    return out


def fingerprint(*folders: Path) -> tuple:
    """Changes whenever a file in these folders is added, removed or written."""
    return tuple(
        (str(path), stat.st_mtime_ns, stat.st_size)
        for folder in folders
        for path in sorted(folder.rglob("*"))
        if path.is_file() and (stat := path.stat())
    )


class ConfigLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """mkdocs.yml's loader: its !ENV values read as None."""


ConfigLoader.add_constructor("!ENV", lambda loader, node: None)


def load_config(config_file: Path) -> dict:
    """mkdocs.yml as plain data (its !ENV values as None), for the modules that run without MkDocs."""
    return yaml.load(config_file.read_text(encoding="utf-8"), Loader=ConfigLoader)


def finnish_only_paths(docs_dir: Path) -> tuple[str, ...]:
    """The folders (paths inside a language folder, "selko/") whose pages exist in Finnish only, by design:
    `extra.finnish_only` in the mkdocs.yml beside docs/, its one place (none without a mkdocs.yml)."""
    config_file = docs_dir.parent / "mkdocs.yml"
    if not config_file.exists():
        return ()
    return tuple((load_config(config_file).get("extra") or {}).get("finnish_only") or ())


def is_finnish_only(rel: str, prefixes: tuple[str, ...]) -> bool:
    """Whether the page at `rel` (a path inside a language folder, or a page's URL there) is Finnish-only."""
    return any(rel.startswith(prefix) for prefix in prefixes)


def is_easy_finnish_pointer(language: str, rel: str, prefixes: tuple[str, ...]) -> bool:
    """Whether the page at `rel` in `language` is an Easy Finnish pointer: another language's page at a Finnish-only
    page's path. It is not a translation (Easy Finnish is a form of Finnish) but a short page in its own language that
    says what the Easy Finnish page is, for whom, and links it and the standard page (scripts/easy_finnish.py)."""
    return language != SOURCE_LANGUAGE and is_finnish_only(rel, prefixes)


def missing_translations(docs_dir: Path) -> list[str]:
    """Every page of the Finnish source tree must exist in every other language, and vice versa. At a Finnish-only
    page's path (extra.finnish_only in mkdocs.yml) the other languages have an Easy Finnish pointer instead."""
    out = []
    source = docs_dir / SOURCE_LANGUAGE
    finnish_only = finnish_only_paths(docs_dir)
    source_pages = {p.relative_to(source) for p in source.rglob("*.md")}
    for language in LANGUAGES[1:]:
        tree = docs_dir / language
        pages = {p.relative_to(tree) for p in tree.rglob("*.md")} if tree.is_dir() else set()
        for rel in sorted(source_pages - pages):
            if is_finnish_only(rel.as_posix(), finnish_only):
                how = (
                    f"the Easy Finnish page has no {language} page at its path: create "
                    f"{display(docs_dir / language / rel)}, a short page in {LANGUAGE_NAMES[language]} that says "
                    "what the Easy Finnish page covers and for whom, and links it and the standard page "
                    "(see CONTRIBUTING, 'Easy Finnish')"
                )
            else:
                how = (
                    f"no {language} translation: create "
                    f"{display(docs_dir / language / rel)} (copy the Finnish page and translate it)"
                )
            out.append(problem(docs_dir / SOURCE_LANGUAGE / rel, 1, how))
        for rel in sorted(pages - source_pages):
            out.append(
                problem(
                    tree / rel,
                    1,
                    f"this page has no Finnish source {display(source / rel)}: every page "
                    "starts in docs/fi/; move or rename it to match",
                )
            )
    return out


def address(site_url: str, url: str) -> str:
    """The absolute address of a built page from its site-relative URL ("en/about/", "./" or "" for the home)."""
    return site_url + url.removeprefix("./")


def alternates(site_url: str, url: str, finnish_only: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """(hreflang, absolute address) of the page at `url` in every language, and x-default: the Finnish one.
    Every page exists in every language (the translations gate), at the same path inside the language. At a
    Finnish-only page's path (`finnish_only`, from extra.finnish_only) the pages are not translations of each other:
    the Easy Finnish page has its own address only, and the other languages' pointers to it are one another's
    alternates, with English as x-default."""
    url = url.removeprefix("./")
    first, _, rest = url.partition("/")
    path = rest if first in LANGUAGES[1:] else url
    if not is_finnish_only(path, finnish_only):
        languages = LANGUAGES
    else:
        languages = LANGUAGES[1:] if first in LANGUAGES[1:] else [SOURCE_LANGUAGE]
    found = [(lang, address(site_url, path if lang == SOURCE_LANGUAGE else f"{lang}/{path}")) for lang in languages]
    return [*found, ("x-default", found[0][1])]


def page_language(src_uri: str) -> str:
    """The language of a page from its path inside docs/ (fi/about.md -> fi)."""
    first = src_uri.split("/", 1)[0]
    if first not in LANGUAGES:
        raise ContentError(
            [
                problem(
                    f"docs/{src_uri}",
                    1,
                    "pages live in a language folder: move this file under "
                    f"docs/{SOURCE_LANGUAGE}/ (and its translations under docs/en/ etc.)",
                )
            ]
        )
    return first
