"""The monthly freshness report (scripts/freshness.py), offline: a fixture repository with an expired page, a figure
without this year's value, an ended figure, outdated, missing and draft translations and lychee's results, against
the issue text written by hand in tests/fixtures/freshness/expected-issue.md."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
import yaml

from conftest import FIXTURES, ROOT
from scripts import freshness

FIXTURE = FIXTURES / "freshness"
ON = dt.date(2027, 1, 2)
WORKFLOWS = ROOT / ".github" / "workflows"


pytestmark = pytest.mark.usefixtures("no_network")  # offline: tests/conftest.py refuses every socket


def lychee_results() -> dict:
    return json.loads((FIXTURE / "lychee.json").read_text(encoding="utf-8"))


def test_the_issue_is_the_text_written_by_hand():
    findings = freshness.collect(FIXTURE, ON, lychee_results())
    assert freshness.render(findings) == (FIXTURE / "expected-issue.md").read_text(encoding="utf-8")
    assert freshness.title(ON) + "\n" == (FIXTURE / "expected-title.txt").read_text(encoding="utf-8")


def test_the_command_writes_title_and_body(tmp_path, monkeypatch):
    monkeypatch.setenv("TOIMI_TODAY", ON.isoformat())
    code = freshness.main(["--root", str(FIXTURE), "report", "--links", str(FIXTURE / "lychee.json"), str(tmp_path)])
    assert code == 0
    assert (tmp_path / "body.md").read_text(encoding="utf-8") == (FIXTURE / "expected-issue.md").read_text("utf-8")
    title = (tmp_path / "title.txt").read_text(encoding="utf-8")
    assert title == "Ajantasaisuus tammikuu 2027 / Freshness January 2027\n"


def test_without_link_results_the_issue_says_the_links_were_not_checked():
    body = freshness.render(freshness.collect(FIXTURE, ON))
    assert "Linkkejä ei tarkistettu tällä kertaa. / The links were not checked this time." in body
    assert "example.org/gone" not in body


def test_a_figure_is_reported_only_from_the_year_after_its_newest_value():
    findings = freshness.collect(FIXTURE, dt.date(2026, 12, 31))
    # On its last day the old supplement is still in force, and it has no 2026 value: stale, not ended.
    assert [name for name, *_ in findings.stale_figures] == ["old_supplement"]
    assert findings.ended_figures == []
    assert [name for name, *_ in freshness.collect(FIXTURE, ON).stale_figures] == ["daily_allowance"]


def test_the_url_list_for_the_link_checker_has_every_outside_address_once(tmp_path):
    out = tmp_path / "urls.txt"
    assert freshness.main(["--root", str(FIXTURE), "urls", str(out)]) == 0
    assert out.read_text(encoding="utf-8").splitlines() == [
        "https://example.org/gone",
        "https://example.org/moved",
        "https://example.org/supplement",
        "https://tyomarkkinatori.fi/",
        "https://www.kela.fi/peruspaivaraha",
        "https://www.prh.fi/maksut",
    ]


def test_newer_lychee_output_and_a_trailing_slash_are_understood():
    results = {"error_map": {"urls.txt": [{"url": "https://tyomarkkinatori.fi", "status": {"text": "Timeout"}}]}}
    [(url, status, uses)] = freshness.broken_links(FIXTURE, results)
    assert (url, status) == ("https://tyomarkkinatori.fi", "Timeout")
    assert {(use.path, use.language) for use in uses} >= {("docs/fi/index.md", "fi"), ("data/figures.yml", "-")}


def test_the_real_content_gives_a_report():
    body = freshness.render(freshness.collect(ROOT, ON))
    assert body.startswith(freshness.MARKER)
    assert "## Vuosiluvut ilman arvoa vuodelle 2027" in body


def test_the_workflow_runs_monthly_and_on_2_january_and_opens_one_issue():
    workflow = yaml.safe_load((WORKFLOWS / "freshness.yml").read_text(encoding="utf-8"))
    crons = [entry["cron"] for entry in workflow[True]["schedule"]]  # YAML 1.1 reads the key `on` as True
    assert any(re.fullmatch(r"\d+ \d+ 1 \* \*", cron) for cron in crons)
    assert any(re.fullmatch(r"\d+ \d+ 2 1 \*", cron) for cron in crons)
    text = (WORKFLOWS / "freshness.yml").read_text(encoding="utf-8")
    assert "lycheeverse/lychee-action@" in text
    assert "python -m scripts.freshness report" in text
    assert "gh issue edit" in text and "gh issue create" in text


def test_every_action_is_pinned_by_commit_with_its_version_in_a_comment():
    uses = [
        (path.name, line.strip())
        for path in sorted(WORKFLOWS.glob("*.yml"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if re.match(r"\s*(- )?uses:", line)
    ]
    assert len(uses) >= 6
    for name, line in uses:
        assert re.fullmatch(r"(- )?uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+)*", line), f"{name}: {line}"


def test_dependabot_updates_pip_and_actions_weekly_in_groups():
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    updates = {entry["package-ecosystem"]: entry for entry in config["updates"]}
    assert set(updates) == {"pip", "github-actions"}
    for entry in updates.values():
        assert entry["schedule"]["interval"] == "weekly"
        assert entry["groups"]
