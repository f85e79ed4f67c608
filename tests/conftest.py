"""Shared test fixtures: the real site built once per session, a static server, one Chromium.

With CI=true a skipped test fails the run: every test must run on CI.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# The date of the fixture builds and checks (TOIMI_TODAY, scripts/data.py today()): which value is in force, which
# review is old, never follows the machine's clock.
FIXED_TODAY = "2026-11-27"
LANGUAGES = ["fi", "en", "sv", "ru", "uk"]
CHROMIUM = "/usr/bin/chromium"
BASE = "/toimi-opas/"
sys.path.insert(0, str(ROOT))

_skipped: list[str] = []
_outcomes: dict[str, int] = {}
_seconds_per_file: dict[str, float] = {}
_started = time.monotonic()
# Whether the PDF cache was empty when the run started (a fresh clone): the bench reports the two apart.
_cold = not any((ROOT / ".cache" / "pdf").glob("*.pdf"))


def pytest_runtest_logreport(report):
    if report.skipped:
        _skipped.append(report.nodeid)
    test_file = report.nodeid.split("::", 1)[0]
    _seconds_per_file[test_file] = _seconds_per_file.get(test_file, 0.0) + report.duration
    if report.when == "call" or report.outcome != "passed":
        _outcomes[report.outcome] = _outcomes.get(report.outcome, 0) + 1


def pytest_collectreport(report):
    # A whole file skipped while it is collected (pytest.skip(allow_module_level=True), importorskip) counts too.
    if report.skipped:
        _skipped.append(report.nodeid)


def pytest_sessionfinish(session, exitstatus):
    if os.environ.get("CI") == "true" and _skipped:
        print(f"\nCI=true: {len(_skipped)} test(s) were skipped, which CI does not allow: {_skipped}")
        session.exitstatus = 1
    # The run's time, for `make bench` (reports/ is not tracked): only a run of the whole suite counts.
    config = session.config
    whole = config.args_source == pytest.Config.ArgsSource.TESTPATHS and not config.option.keyword
    if whole and not config.option.markexpr and not os.environ.get("TOIMI_TEST_SITE"):
        record = {
            "seconds": round(time.monotonic() - _started),
            "tests": _outcomes,
            "cores": os.cpu_count(),
            "pdf_cache": "cold" if _cold else "warm",
            # Setup included: a fixture's wait for the background build counts to the first test that needs it.
            "seconds_per_file": {
                name: round(seconds) for name, seconds in sorted(_seconds_per_file.items(), key=lambda x: -x[1])
            },
            "finished": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        }
        (ROOT / "reports").mkdir(exist_ok=True)
        (ROOT / "reports" / "suite-time.json").write_text(json.dumps(record, indent=1), encoding="utf-8")


def fixture_data(target: Path) -> Path:
    """A copy of data/ with the entries of tests/fixtures/data laid over it (an entry of the same name is replaced):
    the figures, contacts, pending facts and banners that the fixture pages name keep the values the tests expect
    when the real data is updated. The rest (interface texts, glossary, word lists, ...) is the real data."""
    shutil.copytree(ROOT / "data", target)
    for path in sorted((FIXTURES / "data").glob("*.yml")):
        real = yaml.safe_load((target / path.name).read_text(encoding="utf-8")) or {}
        fixed = yaml.safe_load(path.read_text(encoding="utf-8"))
        merged = yaml.safe_dump({**real, **fixed}, allow_unicode=True, sort_keys=False)
        (target / path.name).write_text(merged, encoding="utf-8")
    return target


@dataclass
class BuildResult:
    returncode: int
    output: str
    site: Path


def build_fixture(
    tmp: Path, overlay: Path | None = None, env: dict | None = None, prepare: Callable[[Path], None] | None = None
) -> BuildResult:
    """Build the fixture mini-site (tests/fixtures/site) with the real configuration, templates and hooks, the
    fixture data (fixture_data) and the date FIXED_TODAY, after laying the files of `overlay` over it. A file
    DELETE in the overlay lists paths to remove; `prepare` may then change the work folder in ways an overlay
    cannot (bytes, folders)."""
    work = tmp / "fixture-site"
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    config.pop("nav")
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            plugin["i18n"].pop("build_only_locale", None)
    work.mkdir(parents=True)
    (work / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    (work / "overrides").symlink_to(ROOT / "overrides")
    (work / "scripts").symlink_to(ROOT / "scripts")
    fixture_data(work / "data")
    shutil.copytree(FIXTURES / "site" / "docs", work / "docs")
    if overlay:
        for path in overlay.rglob("*"):
            if path.is_file() and path.name != "DELETE":
                target = work / path.relative_to(overlay)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(path, target)
        deletions = overlay / "DELETE"
        if deletions.exists():
            for line in deletions.read_text().split():
                (work / line).unlink()
    if prepare:
        prepare(work)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", "site"],
        cwd=work,
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "NO_MKDOCS_2_WARNING": "1",
            "TOIMI_TODAY": FIXED_TODAY,
            "PYTHONPATH": str(work),
            **(env or {}),
        },
    )
    return BuildResult(result.returncode, result.stdout + result.stderr, work / "site")


GIT_ENV = {
    **os.environ,
    "GIT_AUTHOR_NAME": "Editor",
    "GIT_AUTHOR_EMAIL": "editor@example.org",
    "GIT_COMMITTER_NAME": "Editor",
    "GIT_COMMITTER_EMAIL": "editor@example.org",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(repo: Path, *args: str) -> str:
    """Run git in a repository made by a test, as an editor with no configuration of their own."""
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True, env=GIT_ENV).stdout


@pytest.fixture
def no_network(monkeypatch):
    """For the tests of code that must work offline (the freshness issue, the pull-request summary)."""

    def refuse(*args, **kwargs):
        raise AssertionError("this test must not touch the network")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


class SiteBuild:
    """The real site, built once per session with the commands of `make site`, in the background: first the HTML
    (`html_site` waits for it), then, at low priority, a copy of it with every PDF, print set and offline copy
    (`site_dir` waits for that). pytest_collection_modifyitems runs the tests that need no site first, then those
    that need only the HTML, and those that need the PDFs last, so the PDFs render while the first tests run."""

    def __init__(self, folder: Path):
        self.html, self.full = folder / "html" / "site", folder / "full" / "site"
        self.results: dict[str, subprocess.CompletedProcess] = {}
        self.html_ready, self.full_ready = threading.Event(), threading.Event()
        threading.Thread(target=self._run, daemon=True).start()

    def _build(self, *args: str, nice: int = 0) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "scripts.build", *args],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            preexec_fn=(lambda: os.nice(nice)) if nice else None,
        )

    def _run(self) -> None:
        try:
            self.results["html"] = self._build("--no-pdf", "--site-dir", str(self.html))
        finally:
            self.html_ready.set()
        try:
            if self.results["html"].returncode == 0:
                # Niced: the tests running meanwhile keep their speed and the PDFs take the idle time.
                self.results["full"] = self._build("--site-dir", str(self.full), "--html-from", str(self.html), nice=10)
        finally:
            self.full_ready.set()

    def wait(self, stage: str) -> Path:
        (self.html_ready if stage == "html" else self.full_ready).wait()
        result = self.results.get(stage) or self.results["html"]
        assert result.returncode == 0, f"the strict build failed:\n{result.stdout}\n{result.stderr}"
        return self.html if stage == "html" else self.full


SITE_FIXTURES = {"html_site", "site_dir"}


def pytest_collection_modifyitems(items):
    # Tests that need no site first, then those that need the HTML build, then those that need its PDFs.
    items.sort(key=lambda item: 2 if "site_dir" in item.fixturenames else 1 if "html_site" in item.fixturenames else 0)


@pytest.fixture(scope="session", autouse=True)
def site_build(request, tmp_path_factory) -> SiteBuild | None:
    """Starts the build as the session starts, if a test needs the site. TOIMI_TEST_SITE=<folder> tests an
    already built site instead (for a quick rerun of a few tests, or to see a new test fail on an old build)."""
    if os.environ.get("TOIMI_TEST_SITE"):
        return None
    if not any(SITE_FIXTURES & set(item.fixturenames) for item in request.session.items):
        return None
    return SiteBuild(tmp_path_factory.mktemp("built"))


@pytest.fixture(scope="session")
def html_site(site_build) -> Path:
    """The real site's HTML and search (no PDFs: the Printables tables and the print sets are not filled in)."""
    if site_build is None:
        return Path(os.environ["TOIMI_TEST_SITE"]).resolve()
    return site_build.wait("html")


@pytest.fixture(scope="session")
def site_dir(site_build, html_site) -> Path:
    """The whole real site, PDFs, print sets and offline copies included. From now on the browser tests'
    server answers from it."""
    if site_build is None:
        return html_site
    full = site_build.wait("full")
    for server in SERVERS:
        from scripts.static_server import serve

        serve(server, full, BASE)
    return full


def content_pages(site: Path) -> dict[str, list[Path]]:
    """Built content pages per language (404 pages and sitemaps excluded)."""
    pages = {}
    for lang in LANGUAGES:
        root = site if lang == "fi" else site / lang
        found = []
        for page in root.rglob("index.html"):
            rel = page.relative_to(root)
            if lang == "fi" and rel.parts and rel.parts[0] in LANGUAGES[1:]:
                continue
            if rel.parts and rel.parts[0] in ("assets", "search"):
                continue
            found.append(page)
        pages[lang] = sorted(found)
    return pages


@pytest.fixture(scope="session")
def html_pages(site_dir) -> dict[str, list[Path]]:
    return content_pages(site_dir)


@functools.cache
def pdf_reader(path: Path):
    """A PDF of the built site, read once per session (several tests read the same files; the site's PDFs do not
    change during the run: never use this for a PDF a test renders itself)."""
    from pypdf import PdfReader

    return PdfReader(path)


@functools.cache
def pdf_page_text(path: Path, number: int) -> str:
    """The text of one page of a PDF of the built site (pypdf), extracted once per session."""
    return pdf_reader(path).pages[number].extract_text()


SITE_URL = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))["site_url"]
SITE_HOST = SITE_URL.split("/")[2]
assert SITE_URL.endswith(BASE), "BASE is the path of site_url"


@pytest.fixture(scope="session")
def certificate(tmp_path_factory) -> tuple[Path, Path]:
    """A self-signed certificate for the site's host, made for this test run (Debian's openssl)."""
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", f"/CN={SITE_HOST}"]
        + ["-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )
    return cert, key


# The running test servers: site_dir points them at the whole site once it is built.
SERVERS: list = []


@pytest.fixture(scope="session")
def local_server(html_site, certificate, site_build):
    """Serves the HTML build until a test asks for site_dir, then the whole site (the tests that need only the
    HTML run first: pytest_collection_modifyitems)."""
    from scripts.static_server import start

    ready = site_build is not None and site_build.full_ready.is_set() and site_build.results.get("full")
    srv = start(site_build.wait("full") if ready else html_site, BASE, certificate=certificate)
    SERVERS.append(srv)
    yield srv
    SERVERS.remove(srv)
    srv.shutdown()


@pytest.fixture(scope="session")
def server(local_server) -> str:
    """The site at its published address (site_url): Chromium resolves that host to the local server.
    The pages name their own absolute addresses (hreflang alternates, which Material's language menu
    follows with requests), so only at that origin does the browser behave, Content-Security-Policy
    included, as it does for a reader."""
    return SITE_URL


def url_for(server: str, lang: str, path: str = "") -> str:
    """A page's address in a language: Finnish at the root, the others under /en/, /sv/, /ru/, /uk/."""
    return server + ("" if lang == "fi" else f"{lang}/") + path


@pytest.fixture
def page(browser):
    """A fresh browser page that records its requests and every console error (page.requests, page.problems)."""
    context = browser.new_context()
    page = context.new_page()
    page.requests, page.problems = [], []
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("console", lambda message: page.problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    yield page
    context.close()


@pytest.fixture(scope="session")
def browser(local_server):
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium (make test does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=chromium_args(local_server))
        yield instance
        instance.close()


def chromium_args(local_server) -> list[str]:
    """Chromium quiet and offline, with the site's host resolved to the test run's server."""
    return [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        f"--host-resolver-rules=MAP {SITE_HOST}:443 127.0.0.1:{local_server.server_port}",
        "--ignore-certificate-errors",  # the test run's own certificate
    ]
