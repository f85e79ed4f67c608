"""Whatever an editor's program saves, `make check` and `make site` answer with `file:line: what and how to
fix it`, never with a Python traceback.

The accidents one by one (another encoding, a byte-order mark, mixed line endings, a NUL byte, an empty file,
a folder where a page should be) against `make check`'s gates and against the real MkDocs build of the fixture
site; then a property test: a few hundred random byte-level corruptions of the real pages and data files, with
a fixed seed, through the gates of `make check` and `make site`.
"""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, build_fixture
from scripts import check
from scripts.content import display

PROBLEM = re.compile(r"^(?P<file>[^\s:][^:]*):(?P<line>\d+): \S")


def latin1(raw: bytes) -> bytes:
    return raw.decode("utf-8").encode("latin-1", errors="replace")


def with_nul(raw: bytes) -> bytes:
    lines = raw.split(b"\n")
    return b"\n".join([*lines[:6], lines[6] + b"\x00", *lines[7:]])


def mixed_line_ends(raw: bytes) -> bytes:
    lines = raw.split(b"\n")
    return b"\r\n".join(lines[:4]) + b"\r\n" + b"\n".join(lines[4:])


# name: (how the file is changed, the line the message names, words of the message)
ACCIDENTS = {
    "latin-1": (latin1, None, "is not UTF-8"),
    "byte-order-mark": (lambda raw: b"\xef\xbb\xbf" + raw, 1, "byte-order mark"),
    "mixed-line-ends": (mixed_line_ends, 5, "mixes line endings"),
    "nul-byte": (with_nul, 7, "NUL byte"),
    "empty": (lambda raw: b"", 1, "the file is empty"),
    "whitespace-only": (lambda raw: b"\n  \n", 1, "the file is empty"),
    "folder": (None, 1, "this is a folder"),
}


def damage(path: Path, accident: str) -> None:
    change = ACCIDENTS[accident][0]
    if change is None:
        path.unlink()
        path.mkdir()
        (path / "notes.txt").write_text("an editor's notes\n", encoding="utf-8")
    else:
        path.write_bytes(change(path.read_bytes()))


def expected_line(path: Path, accident: str, original: bytes) -> int:
    line = ACCIDENTS[accident][1]
    if line is None:  # the first line with a letter outside ASCII
        return next(n for n, text in enumerate(original.split(b"\n"), 1) if max(text, default=0) > 127)
    return line


@pytest.fixture
def fixture_tree(tmp_path) -> Path:
    shutil.copytree(FIXTURES / "site" / "docs", tmp_path / "docs")
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path


@pytest.mark.parametrize("target", ["docs/sv/guide.md", "data/figures.yml"])
@pytest.mark.parametrize("accident", sorted(ACCIDENTS))
def test_make_check_names_the_file_and_line(fixture_tree, accident, target):
    path = fixture_tree / target
    original = path.read_bytes()
    damage(path, accident)
    content = check.load(fixture_tree / "docs", fixture_tree / "data")
    problems = check.run(content, check.GATES)
    where = f"{display(path)}:{expected_line(path, accident, original)}: "
    assert any(p.startswith(where) and ACCIDENTS[accident][2] in p for p in problems), problems


@pytest.mark.parametrize("accident", ["latin-1", "byte-order-mark", "mixed-line-ends", "nul-byte", "empty", "folder"])
def test_make_site_stops_with_file_and_line(tmp_path, accident):
    """The MkDocs hooks stop the real build with the same message, and no traceback."""
    result = build_fixture(tmp_path, prepare=lambda work: damage(work / "docs" / "sv" / "guide.md", accident))
    assert result.returncode != 0, result.output
    assert "Traceback" not in result.output, result.output
    assert "docs/sv/guide.md:" in result.output and ACCIDENTS[accident][2] in result.output, result.output


def test_a_data_file_saved_as_latin_1_stops_the_build(tmp_path):
    result = build_fixture(tmp_path, prepare=lambda work: damage(work / "data" / "ui.yml", "latin-1"))
    assert result.returncode != 0 and "Traceback" not in result.output, result.output
    assert "data/ui.yml:" in result.output and "is not UTF-8" in result.output, result.output


# --- the property test ------------------------------------------------------------------------------------

SEED, CASES = 15, 300
# Bytes that mean something to YAML, Markdown or the shortcodes, besides any byte at all.
SYNTAX = b":-[]{}#'\"\n\t &*!|>%@`,=()"
# Pages that together use every data file (figures, contacts, glossary, pending, status, company forms).
DATA_PAGES = [
    "figures.md",
    "glossary.md",
    "accessibility.md",
    "entrepreneurship/company-form-helper.md",
    "selko/index.md",  # an Easy Finnish page: the readability gate reads its word lists for it
]


def corrupt(raw: bytes, rng: random.Random) -> bytes:
    if not raw:
        return bytes([rng.randrange(256)])
    at = rng.randrange(len(raw))
    kind = rng.choice(["flip", "insert", "syntax", "delete", "truncate", "duplicate", "encoding", "line-ends"])
    if kind == "flip":
        return raw[:at] + bytes([rng.randrange(256)]) + raw[at + 1 :]
    if kind == "insert":
        return raw[:at] + rng.randbytes(rng.randint(1, 4)) + raw[at:]
    if kind == "syntax":
        return raw[:at] + bytes(rng.choice(SYNTAX) for _ in range(rng.randint(1, 3))) + raw[at:]
    if kind == "delete":
        return raw[:at] + raw[at + rng.randint(1, 40) :]
    if kind == "truncate":
        return raw[:at]
    if kind == "duplicate":
        return raw[:at] + raw[at : at + rng.randint(1, 80)] * 2 + raw[at + 80 :]
    if kind == "encoding":
        return latin1(raw) if max(raw) > 127 else b"\xef\xbb\xbf" + raw
    return raw[:at].replace(b"\n", b"\r\n") + raw[at:]


def unreadable(raw: bytes) -> bool:
    """What read_text must refuse, decided independently of it."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return True
    ends = text.count("\r\n")
    return (
        not text.strip()
        or text.startswith("\ufeff")
        or any(ord(c) < 32 and c not in "\t\n\r" or c == "\x7f" for c in text)
        or text.count("\r") != ends
        or 0 < ends != text.count("\n")
    )


@pytest.fixture(scope="module")
def real_tree(tmp_path_factory) -> Path:
    tree = tmp_path_factory.mktemp("real")
    shutil.copytree(ROOT / "docs", tree / "docs")
    shutil.copytree(ROOT / "data", tree / "data")
    shutil.copyfile(ROOT / "mkdocs.yml", tree / "mkdocs.yml")  # it says which pages are Finnish-only
    return tree


def test_random_corruptions_never_give_a_traceback(real_tree):
    rng = random.Random(SEED)
    docs, data_dir = real_tree / "docs", real_tree / "data"
    pages = sorted(docs.rglob("*.md"))
    data_files = sorted(data_dir.glob("*.yml")) + sorted((data_dir / "words").glob("*.txt"))
    named = 0
    for case in range(CASES):
        path = rng.choice(pages if rng.random() < 0.6 else data_files)
        original = path.read_bytes()
        broken = corrupt(original, rng)
        path.write_bytes(broken)
        only = [path.relative_to(docs).as_posix().split("/", 1)[1]] if path.suffix == ".md" else DATA_PAGES
        where = f"case {case} ({display(path)}, {len(original)} -> {len(broken)} bytes)"
        try:
            content = check.load(docs, data_dir, only=only)
            # Spelling starts Hunspell five times (2 s): it runs for the word lists and for every 20th case.
            # The terms gate (make check only, like spelling) is the one reader of the term exceptions.
            every_gate = path.suffix == ".txt" or path.name == "term_exceptions.yml" or case % 20 == 0
            problems = check.run(content, check.GATES if every_gate else check.BUILD_GATES)
            check.reports(content)
        except Exception as err:  # the property: this never happens
            raise AssertionError(f"{where}: {type(err).__name__}: {err}") from err
        finally:
            path.write_bytes(original)
        malformed = [p for p in problems if not PROBLEM.match(p)]
        assert not malformed, f"{where}: a problem without file:line: {malformed}"
        names_it = any(p.startswith(f"{display(path)}:") for p in problems)
        named += names_it
        if unreadable(broken):
            assert names_it, f"{where}: the damaged file is not named: {problems[:3]}"
    assert named >= CASES * 0.6, f"only {named} of {CASES} corruptions were reported in the damaged file"
