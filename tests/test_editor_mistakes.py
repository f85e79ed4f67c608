"""Each editor mistake stops the build with a message that names the file and the line.

Every scenario is a folder under tests/fixtures/mistakes/ whose files are laid over the small fixture
site (tests/fixtures/site). The expected file and line are written here by hand.
"""

from __future__ import annotations

import pytest

from conftest import FIXTURES, build_fixture

MISTAKES = {
    "missing-translation": ("docs/fi/guide.md:1:", "no sv translation: create docs/sv/guide.md"),
    "broken-front-matter": ("docs/ru/guide.md:", "front matter is not valid YAML"),
    "unknown-audience": ("docs/uk/guide.md:4:", "unknown audience 'employers'"),
    "missing-reviewed": ("docs/en/guide.md:", "front matter field 'reviewed' is missing"),
    "reviewed-not-date": ("docs/sv/guide.md:5:", "must be a date (YYYY-MM-DD), got '2026/11/01'"),
    "unknown-field": ("docs/fi/guide.md:8:", "unknown front matter field 'author'"),
    "unknown-figure": ("docs/fi/guide.md:12:", "unknown figure 'starttiraha_per_month'"),
    "unknown-contact": ("docs/en/guide.md:13:", "unknown contact 'te_office'"),
    "unknown-term": ("docs/ru/guide.md:11:", "unknown term 'startiraha'"),
    "typed-amount": ("docs/sv/guide.md:13:", "'500 €' is typed into the text"),
    "changed-heading-id": ("docs/sv/guide.md:14:", "keep the Finnish heading's level and its {#guide}"),
    "agenda-sum": ("docs/uk/workshops/module.md:12:", "the agenda's minutes add up to 65, but 'duration' is 60"),
    # Issue 22: the rules of a module's front matter (CONTRIBUTING.md, "Workshop modules").
    "agenda-no-break": ("docs/fi/workshops/module.md:25:", "'Talk' ends 90 minutes after the start or the last break"),
    "agenda-row-split": ("docs/sv/workshops/module.md:13:", "the row 'Welcome' needs debrief as whole minutes"),
    "objective-optional": ("docs/en/workshops/module.md:11:", "the objective 'goal' is practised in no core"),
    "objective-unchecked": ("docs/ru/workshops/module.md:11:", "the objective 'goal' has no formative check"),
    "adapt-online": ("docs/fi/workshops/module.md:32:", "'adapt' needs 'online:'"),
    "agenda-translation": (
        "docs/sv/workshops/module.md:13:",
        "agenda row 1 differs from docs/fi/workshops/module.md:13",
    ),
    # Issue 22: a module's cards for its print kit, between [[kit:…]] and [[kit:end]] (scripts/print_kit.py).
    "kit-unclosed": ("docs/fi/workshops/module.md:59:", "runs into the heading on line 67: close it with a line"),
    "kit-loose-text": ("docs/en/workshops/module.md:62:", "comes before the first card's bold title"),
    "kit-translation": (
        "docs/sv/workshops/module.md:60:",
        "has 1 card(s), but the set on docs/fi/workshops/module.md:59 is [[kit:cards]] in {#case} with 2",
    ),
}


def test_the_fixture_site_builds(tmp_path):
    """The scenarios below fail because of their one mistake, not because the fixture is broken."""
    result = build_fixture(tmp_path)
    assert result.returncode == 0, result.output
    assert (result.site / "ru" / "guide" / "index.html").exists()


@pytest.mark.parametrize("scenario", sorted(MISTAKES))
def test_mistake_stops_the_build_naming_file_and_line(tmp_path, scenario):
    where, what = MISTAKES[scenario]
    result = build_fixture(tmp_path, FIXTURES / "mistakes" / scenario)
    assert result.returncode != 0, f"{scenario}: the build should have failed\n{result.output}"
    matching = [line for line in result.output.splitlines() if where in line and what in line]
    assert matching, f"{scenario}: expected a line with {where!r} and {what!r}, got:\n{result.output}"


def test_broken_front_matter_names_the_broken_line(tmp_path):
    result = build_fixture(tmp_path, FIXTURES / "mistakes" / "broken-front-matter")
    # The unclosed list starts on line 4; YAML notices the problem on the next line.
    assert "docs/ru/guide.md:5:" in result.output or "docs/ru/guide.md:4:" in result.output, result.output


def test_a_failed_build_leaves_the_published_site_alone(tmp_path):
    """scripts.build replaces site/ only after a complete build."""
    import subprocess
    import sys

    from conftest import ROOT

    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous build")
    bad_config = tmp_path / "mkdocs.yml"
    bad_config.write_text("INHERIT: " + str(ROOT / "mkdocs.yml") + "\ndocs_dir: " + str(tmp_path / "nothing") + "\n")
    result = subprocess.run(
        [sys.executable, "-m", "scripts.build", "--site-dir", str(site), "--config", str(bad_config)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert (site / "index.html").read_text() == "previous build"
    assert "left as it was" in result.stderr
