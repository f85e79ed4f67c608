"""Every built page, in every language, 404 pages and the Printables pages included, passes the W3C's
Nu HTML Checker (vnu-jar from npm, pinned in package.json; Debian's Java). `make html-check` runs the
same checker over site/ alone."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from conftest import LANGUAGES, ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_every_page_passes_the_nu_html_checker(site_dir):
    if not VNU.exists() or shutil.which("java") is None:
        pytest.skip("the Nu HTML Checker or Java is missing: `make test` installs both")
    pages = sorted(site_dir.rglob("*.html"))
    for lang in LANGUAGES:
        prefix = site_dir if lang == "fi" else site_dir / lang
        assert prefix / "404.html" in pages and prefix / "printables" / "index.html" in pages
    # One Java run over every file: a few seconds for the whole site.
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, pages)],
        capture_output=True,
        text=True,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [
        f"{m['url'].split(str(site_dir), 1)[-1]}:{m.get('lastLine', '?')}: {m['message']}"
        for m in messages
        if m["type"] in ("error", "non-document-error")
    ]
    assert not errors, f"{len(errors)} errors:\n" + "\n".join(errors[:40])
    assert result.returncode == 0, result.stderr[-2000:]
