"""The workflows: the container they build in has a Python new enough for the lock files, and a pull request gets
its preview and its summary. (Every action pinned by commit: tests/test_freshness.py.)"""

from __future__ import annotations

import re

import yaml

from conftest import ROOT
from scripts import lock

WORKFLOWS = ROOT / ".github" / "workflows"
IMAGE = "python:3.11-bookworm"  # Debian 12 for apt-get, with the image's own, current Python 3.11
UPLOAD_ARTIFACT = "actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02"  # v4.6.2


def workflow(name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def runs(job: dict) -> list[str]:
    return [step.get("run", "") for step in job["steps"]]


def test_the_jobs_that_run_make_run_in_the_python_image_on_debian():
    for name in ("test.yml", "publish.yml"):
        for job_name, job in workflow(name)["jobs"].items():
            if "steps" in job and any("make " in run for run in runs(job)):
                assert job["container"] == IMAGE, f"{name}: {job_name}"
        assert "debian:bookworm" not in (WORKFLOWS / name).read_text(encoding="utf-8")


def test_the_makefile_is_the_only_install_path_and_refuses_a_python_too_old_for_the_lock():
    for path in WORKFLOWS.glob("*.yml"):
        text = path.read_text(encoding="utf-8")
        assert "pip install" not in text and "python3-venv" not in text, path.name
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    oldest = tuple(int(part) for part in lock.PYTHON_VERSION.split("."))
    assert f"sys.version_info; sys.exit(0 if v >= {oldest}" in makefile
    assert f"need {lock.PYTHON_VERSION} or newer" in makefile


def test_a_pull_request_gets_its_preview_and_its_summary():
    jobs = workflow("test.yml")["jobs"]
    steps = jobs["check"]["steps"]
    by_id = {step["id"]: step for step in steps if "id" in step}
    preview, upload = by_id["preview"], by_id["upload"]
    assert re.fullmatch(r'make preview BASE="\$BASE"', preview["run"])
    assert preview["env"]["BASE"] == "${{ github.event.pull_request.base.sha }}"
    assert upload["uses"].startswith(UPLOAD_ARTIFACT)
    assert upload["with"]["name"] == "toimi-opas-preview-pr-${{ github.event.pull_request.number }}"
    assert upload["with"]["path"] == "preview/"  # what scripts/preview.py writes
    assert "steps.preview.outcome == 'success'" in upload["if"]
    [summary] = [step for step in steps if "pr-summary" in step.get("run", "")]
    assert summary["run"] == 'make --silent pr-summary BASE="$BASE" >> "$GITHUB_STEP_SUMMARY"'
    assert summary["env"]["PREVIEW_ARTIFACT"] == upload["with"]["name"]
    assert summary["env"]["PREVIEW_URL"] == "${{ steps.upload.outputs.artifact-url }}"
    assert "!cancelled()" in summary["if"]  # also, and above all, when make check failed
    checkout = next(step for step in steps if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0  # the base of the pull request is in the history
    assert any("safe.directory" in run for run in runs(jobs["check"]))
    assert "make check" in runs(jobs["check"])
    assert jobs["test"]["needs"] == "check" and "make test" in runs(jobs["test"])


def test_the_pull_request_template_points_to_the_summary_instead_of_commands():
    template = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    for command in ("make ", "python -m", "translations done"):
        assert command not in template, command
    assert "**Details**" in template and "**Summary**" in template and "**Files changed**" in template
    assert "”Ei ongelmia”" in template and '"No problems"' in template  # what the summary says (scripts/pr_summary.py)


def test_the_published_statement_shows_the_audit_of_the_commit_published():
    """The accessibility record is not tracked (reports/audit.yml): the publishing job makes it before the build."""
    steps = runs(workflow("publish.yml")["jobs"]["build"])
    assert "make audit" in steps and "make site" in steps
    assert steps.index("make audit") < steps.index("make site")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\naudit:", 1)[1].split("\n\n", 1)[0]
    assert "--no-pdf --site-dir reports/audit-site" in recipe
    assert "TOIMI_TEST_SITE=reports/audit-site $(PY) -m pytest tests/test_accessibility.py" in recipe


def test_ci_starts_warm_with_pips_downloads_and_the_pdf_cache_of_the_last_publish():
    """Issue 19: pip's downloads in every job that installs, keyed by the lock file; the PDF cache restored from the
    last publish, pruned to what the publish used and saved by it only (scripts/pdf_cache.py)."""
    cache = "actions/cache@5a3ec84eff668545956fd18022155c47e93e2684"
    restore = "actions/cache/restore@5a3ec84eff668545956fd18022155c47e93e2684"
    for name in ("test.yml", "publish.yml"):
        for job_name, job in workflow(name)["jobs"].items():
            if "steps" not in job or not any("make " in run for run in runs(job)):
                continue
            assert job["env"]["PIP_CACHE_DIR"] == ".cache/pip", f"{name}: {job_name}"
            [pip] = [step for step in job["steps"] if step.get("with", {}).get("path") == ".cache/pip"]
            assert pip["uses"].startswith(cache)
            assert pip["with"]["key"] == "pip-${{ hashFiles('requirements-dev.lock') }}"
    publish = workflow("publish.yml")["jobs"]["build"]["steps"]
    [saved] = [step for step in publish if step.get("with", {}).get("path") == ".cache/pdf"]
    assert saved["uses"].startswith(cache) and saved["with"]["restore-keys"] == "pdf-"
    order = [step.get("run", "") for step in publish]
    assert order.index("make site") < order.index(".venv/bin/python -m scripts.pdf_cache --site-dir site")
    test = workflow("test.yml")["jobs"]["test"]["steps"]
    [restored] = [step for step in test if step.get("with", {}).get("path") == ".cache/pdf"]
    assert restored["uses"].startswith(restore) and restored["with"]["restore-keys"] == "pdf-"
