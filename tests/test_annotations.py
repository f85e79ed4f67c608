"""GitHub annotations (scripts/annotations.py): with GITHUB_ACTIONS=true a fixture mistake is also printed as
`::error file=…,line=…`, with the path from the repository root; without it the output is exactly as before."""

from __future__ import annotations

import pytest

from conftest import FIXTURES, ROOT, build_fixture
from scripts import annotations, check

PAGE = "tests/fixtures/annotations/docs/fi/index.md"
ARGS = ["--docs", "tests/fixtures/annotations/docs", "--data", "tests/fixtures/annotations/data", "--only", "links"]


def run_check(monkeypatch, capsys, actions: bool):
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("TOIMI_TODAY", "2026-12-01")
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    if actions:
        monkeypatch.setenv("GITHUB_ACTIONS", "true")
    else:
        monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    code = check.main(ARGS)
    out, err = capsys.readouterr()
    return code, out, err


def test_in_actions_the_mistake_is_annotated_on_its_file_and_line(monkeypatch, capsys):
    code, out, _ = run_check(monkeypatch, capsys, actions=True)
    assert code == 1
    annotations_printed = [line for line in out.splitlines() if line.startswith("::")]
    assert annotations_printed == [
        f"::warning file={PAGE},line=5,title=Report (does not fail) / Raportti::reviewed 2024-01-15, over 12 months "
        "ago: check the page's facts against its sources and update 'reviewed'",
        f"::error file={PAGE},line=11,title=make check::'http://www.kela.fi/peruspaivaraha' is not secure (http): use "
        "the https:// address (open it in a browser to check that it works)",
    ]


def test_outside_actions_the_output_is_unchanged(monkeypatch, capsys):
    code, out, err = run_check(monkeypatch, capsys, actions=False)
    assert code == 1
    assert not [line for line in (out + err).splitlines() if line.startswith("::")]
    assert f"{PAGE}:11: 'http://www.kela.fi/peruspaivaraha' is not secure (http)" in err
    _, out_in_actions, err_in_actions = run_check(monkeypatch, capsys, actions=True)
    assert err_in_actions == err
    assert [line for line in out_in_actions.splitlines() if not line.startswith("::")] == out.splitlines()


def test_the_fixture_is_in_the_repository():
    assert (ROOT / PAGE).is_file() and (FIXTURES / "annotations").is_dir()


@pytest.mark.parametrize(
    ("problem", "expected"),
    [
        ("docs/fi/a.md:3: a, b: 100%", "::error file=docs/fi/a.md,line=3,title=T::a, b: 100%25"),
        ("two\nlines", "::error title=T::two%0Alines"),
        ("data/figures.yml:7: x", "::error file=data/figures.yml,line=7,title=T::x"),
    ],
)
def test_messages_and_properties_are_escaped(problem, expected):
    assert annotations.command(problem, "error", "T") == expected


def test_an_absolute_path_is_made_relative_to_the_workspace(monkeypatch):
    monkeypatch.setenv("GITHUB_WORKSPACE", str(ROOT))
    line = annotations.command(f"{ROOT / 'docs/fi/index.md'}:2: x", "warning", "a: b, c")
    assert line == "::warning file=docs/fi/index.md,line=2,title=a%3A b%2C c::x"


@pytest.mark.parametrize("actions", [True, False])
def test_the_build_annotates_its_problems_only_in_actions(tmp_path, actions):
    result = build_fixture(
        tmp_path, FIXTURES / "mistakes" / "typed-amount", env={"GITHUB_ACTIONS": "true" if actions else ""}
    )
    assert result.returncode != 0
    assert "docs/sv/guide.md:13: '500 €' is typed into the text" in result.output
    annotated = [line for line in result.output.splitlines() if line.startswith("::")]
    if actions:
        assert all(line.startswith("::error file=docs/sv/guide.md,line=") for line in annotated)
        assert annotated[0].startswith("::error file=docs/sv/guide.md,line=13,title=Build / Rakennus::'500 €' is typed")
    else:
        assert annotated == []
