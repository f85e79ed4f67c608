"""`make bench`: how fast the site builds, how heavy a page is for a reader on a slow connection,
and how fast the PDFs are made. Prints a table and writes bench/report.json.

Measured on a copy of the project in a temporary folder, so nothing in the work tree changes.
Targets (from the issues): site HTML build under 15 s; every page's first load (each in a fresh browser, as
the server sends it, gzip) at most 120 KB and 10 requests, none outside the site, no layout shift (issue 19); the
heaviest page of each language on slow 3G: Largest Contentful Paint at most 2.0 s;
PDF rebuild with nothing changed under 2 s; one page changed re-renders two PDFs; the first search
downloads at most 150 KB; inflected-word recall: every listed word but the known misses; `make check` (every
content gate, spelling included, no build) in seconds: under 15 s; the checklists and participants'
handouts together at least a third fewer pages than before issue 14 (bench/printables-before.json, the
page counts of the branch before it); the size of each language's offline copy; the PDFs' CPU seconds per page
(all cores together) below mkdocs-to-pdf's on the Finnish pages, measured in the same run (issue 19).
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Chromium DevTools' "Slow 3G" profile: 400 ms latency, 500 kbit/s down, 500 kbit/s up.
SLOW_3G = {"offline": False, "latency": 400, "downloadThroughput": 500 * 1024 / 8, "uploadThroughput": 500 * 1024 / 8}


def chromium(playwright):
    """Debian's Chromium, headless, as the tests start it."""
    return playwright.chromium.launch(
        executable_path="/usr/bin/chromium",
        headless=True,
        args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    )


def timed(command: list[str], cwd: Path, env: dict | None = None) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True, env={**os.environ, **(env or {})})
    return round(time.perf_counter() - started, 2)


def copy_project(target: Path) -> Path:
    ignore = shutil.ignore_patterns(".venv", "site", ".cache", ".git", "__pycache__", ".site-*", "bench")
    shutil.copytree(ROOT, target, ignore=ignore, symlinks=True)
    return target


def site_builds(work: Path) -> dict:
    build = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", "site"]
    env = {"NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(work)}
    cold = timed(build, work, env)
    page = work / "docs" / "fi" / "employers" / "immigrant-recruitment.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nMittaus.\n", encoding="utf-8")
    one_changed = timed(build, work, env)
    size = sum(f.stat().st_size for f in (work / "site").rglob("*") if f.is_file())
    return {"cold_s": cold, "one_page_changed_s": one_changed, "site_bytes_without_pdfs": size}


def pdf_builds(work: Path) -> dict:
    from scripts import pdf

    pdf.CACHE = work / ".cache" / "pdf"
    started = time.process_time()
    cold = pdf.build(work / "site", work / "mkdocs.yml")
    # This process's own share (assembling each document, the pool, counting pages), besides the renders' CPU time
    # that the workers report: the peer's figure includes its own assembly too.
    assembly_cpu_s = time.process_time() - started
    pages = pages_per_pdf(work / "site")
    warm = pdf.build(work / "site", work / "mkdocs.yml")
    page = work / "docs" / "sv" / "employers" / "partial-work-ability.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nEn mätning.\n", encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", "site"],
        cwd=work,
        check=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(work)},
    )
    changed = pdf.build(work / "site", work / "mkdocs.yml")
    size = sum(f.stat().st_size for f in (work / "site").rglob("*") if f.is_file())
    return {
        **pages,
        "pdfs": cold["pdfs"],
        "pages": cold["pages"],
        "cold_s": cold["seconds"],
        "warm_s": warm["seconds"],
        "one_page_changed_s": changed["seconds"],
        "one_page_changed_rendered": changed["rendered"],
        "pages_per_second": round(cold["pages"] / cold["seconds"], 1),
        "render_cpu_s": cold["cpu_s"],
        "assembly_cpu_s": round(assembly_cpu_s, 2),
        "cpu_s_per_page": round((cold["cpu_s"] + assembly_cpu_s) / cold["pages"], 3),
        "site_bytes_with_pdfs": size,
    }


def pages_per_pdf(site: Path) -> dict:
    """Pages of every PDF now and before issue 14, and the totals of the short units (checklists, handouts) that
    existed then; the short units made since (the who-helps card, the templates, the print kits) are counted apart,
    as they have no "before"."""
    before = json.loads((ROOT / "bench" / "printables-before.json").read_text(encoding="utf-8"))["pdfs"]
    old = {(e["language"], e["key"], e["edition"]): e["pages"] for e in before}
    entries = json.loads((site / "printables.json").read_text(encoding="utf-8"))
    per_pdf = {
        e["path"]: {"pages": e["pages"], "before": old.get((e["language"], e["key"], e["edition"]))} for e in entries
    }
    short = [e for e in entries if e["compact"] and (e["language"], e["key"], e["edition"]) in old]
    new_short = [e for e in entries if e["compact"] and (e["language"], e["key"], e["edition"]) not in old]
    return {
        "per_pdf": per_pdf,
        "short_units": len(short),
        "short_pages": sum(e["pages"] for e in short),
        "short_pages_before": sum(old[(e["language"], e["key"], e["edition"])] for e in short),
        "new_short_units": len(new_short),
        "new_short_pages": sum(e["pages"] for e in new_short),
        "pages_before": sum(old.values()),
    }


# --- The peer (issue 19, target 3): mkdocs-to-pdf on the Finnish pages, in the same run ----------------------------

PEER_REQUIREMENTS = ROOT / "bench" / "peer-requirements.txt"
# Made once and kept between runs (made again when its requirements change); .cache/ is not tracked.
PEER_ENV = ROOT / ".cache" / "bench-peer"
# The plugin's own switch (enabled_if_env): the same build with and without the PDF, so that the difference is what
# the PDF costs, as our figure leaves out our HTML build.
PEER_SWITCH = "TOIMI_BENCH_PEER_PDF"
PEER_PDF = "pdf/peer.pdf"


class PeerUnavailable(Exception):
    """The peer's environment could not be made (no network, a package gone): the bench goes on without it."""


def peer_version() -> str:
    return next(
        line.split("==")[1].strip()
        for line in PEER_REQUIREMENTS.read_text(encoding="utf-8").splitlines()
        if line.startswith("mkdocs-to-pdf==")
    )


def last_error_line(output: str | None) -> str:
    """What pip or MkDocs said last, without pip's warnings about unreachable indexes."""
    lines = [line.strip() for line in (output or "").splitlines() if line.strip() and "WARNING" not in line]
    return lines[-1] if lines else "no output"


def peer_environment() -> Path:
    """The peer's Python, in its own virtual environment from bench/peer-requirements.txt (with the site's
    constraints, so the packages both use are the same versions)."""
    python = PEER_ENV / "bin" / "python"
    stamp = PEER_ENV / "requirements.sha256"
    wanted = hashlib.sha256(PEER_REQUIREMENTS.read_bytes() + (ROOT / "constraints.txt").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text(encoding="utf-8") == wanted:
        return python
    shutil.rmtree(PEER_ENV, ignore_errors=True)
    try:
        subprocess.run([sys.executable, "-m", "venv", str(PEER_ENV)], check=True, capture_output=True, text=True)
        install = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
        subprocess.run([*install, "-r", str(PEER_REQUIREMENTS)], check=True, capture_output=True, text=True)
    except subprocess.CalledProcessError as error:
        shutil.rmtree(PEER_ENV, ignore_errors=True)  # half an environment: try again next run
        raise PeerUnavailable(last_error_line(error.stderr)) from error
    except OSError as error:
        shutil.rmtree(PEER_ENV, ignore_errors=True)
        raise PeerUnavailable(str(error)) from error
    stamp.write_text(wanted, encoding="utf-8")
    return python


def peer_project(work: Path, nav: list | None = None) -> Path:
    """A minimal MkDocs project of the Finnish pages for the peer, in work/peer.
    The same: the pages of the site's menu (`nav`: a few of them for a quick trial), their Markdown, the Markdown
    extensions, Material in the same version, WeasyPrint 70.
    Not the same: no hooks.py (its shortcodes stay as written, "[[figure:...]]", a few words a page; no hyphenation,
    print band or QR code), no i18n plugin (one language), Material's stylesheets and the system's fonts instead of
    our print.css and Noto Sans, and one PDF of every page (a cover and contents) where ours are a PDF per unit in
    every language and a handbook per language. The peer's PDF is untagged, ours are PDF/UA-1."""
    import yaml

    from scripts.content import load_config
    from scripts.pdf import nav_order

    config = load_config(work / "mkdocs.yml")
    nav = config["nav"] if nav is None else nav
    project = work / "peer"
    shutil.rmtree(project, ignore_errors=True)
    for page in nav_order(nav):
        (project / "docs" / page).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(work / "docs" / "fi" / page, project / "docs" / page)
    peer_config = {
        "site_name": config["site_name"],
        "site_url": config["site_url"],
        # Material with font: false, as the site: no request for Google's fonts while the PDF renders.
        "theme": {"name": "material", "language": "fi", "font": False},
        "markdown_extensions": config["markdown_extensions"],
        "nav": nav,
        "plugins": [{"to-pdf": {"enabled_if_env": PEER_SWITCH, "output_path": PEER_PDF}}],
    }
    (project / "mkdocs.yml").write_text(yaml.safe_dump(peer_config, allow_unicode=True), encoding="utf-8")
    return project


def children_cpu_s() -> float:
    """CPU seconds (user and system) of every child process this process has waited for."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def peer_build_cpu_s(python: Path, project: Path, with_pdf: bool) -> float:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}  # nothing of ours in the peer
    env |= {PEER_SWITCH: "1" if with_pdf else "0", "NO_MKDOCS_2_WARNING": "1"}
    before = children_cpu_s()
    command = [str(python), "-m", "mkdocs", "build", "--quiet", "--site-dir", "site"]
    subprocess.run(command, cwd=project, check=True, capture_output=True, text=True, env=env)
    return children_cpu_s() - before


def peer_pdfs(work: Path, nav: list | None = None) -> dict:
    """mkdocs-to-pdf's CPU seconds per PDF page on the Finnish pages: its build with the PDF, less the same build
    without it; or why it was not measured."""
    from pypdf import PdfReader

    try:
        python = peer_environment()
        project = peer_project(work, nav)
        html_cpu_s = peer_build_cpu_s(python, project, with_pdf=False)
        build_cpu_s = peer_build_cpu_s(python, project, with_pdf=True)
    except PeerUnavailable as error:
        return {"version": peer_version(), "not_measured": f"no environment ({error})"}
    except subprocess.CalledProcessError as error:
        return {"version": peer_version(), "not_measured": f"its build failed ({last_error_line(error.stderr)})"}
    pages = len(PdfReader(project / "site" / PEER_PDF).pages)
    return {
        "version": peer_version(),
        "pages": pages,
        "html_cpu_s": round(html_cpu_s, 2),
        "build_cpu_s": round(build_cpu_s, 2),
        "cpu_s": round(build_cpu_s - html_cpu_s, 2),
        "cpu_s_per_page": round((build_cpu_s - html_cpu_s) / pages, 3),
    }


def peer_verdict(pdf: dict, peer: dict) -> tuple:
    """Our CPU seconds per PDF page against the peer's (met when ours are fewer), or why the peer is missing."""
    what = "PDF CPU per page (ours tagged / mkdocs-to-pdf untagged)"
    if "not_measured" in peer:
        return (what, f"peer not measured: {peer['not_measured']}", "< peer", None)
    ours, theirs = pdf["cpu_s_per_page"], peer["cpu_s_per_page"]
    difference = ours - theirs
    return (
        what,
        f"{ours:.3f} / {theirs:.3f} s ({ours / theirs:.2f}×)",
        "< peer",
        ours < theirs,
        f"{abs(difference):.3f} s a page {'under' if difference < 0 else 'over'}, {100 * difference / theirs:+.0f} %; "
        f"ours {pdf['pages']} pages in 5 languages, mkdocs-to-pdf {peer['version']} {peer['pages']} Finnish pages",
    )


def offline_copies(work: Path) -> dict:
    from scripts import offline

    return offline.build(work / "site", work / "mkdocs.yml")


# Collected in every page from its first moment: the layout shifts (as the CLS metric counts them, with the elements
# that moved) and the largest contentful paint.
OBSERVE = """
window.__cls = 0; window.__lcp = 0; window.__shifted = [];
new PerformanceObserver(list => {
  for (const e of list.getEntries()) {
    if (e.hadRecentInput) continue;
    window.__cls += e.value;
    for (const s of e.sources || []) {
      const n = s.node;
      if (n && n.nodeType === 1) window.__shifted.push(n.tagName.toLowerCase() + (n.id ? '#' + n.id : '')
        + (n.className && typeof n.className === 'string' ? '.' + n.className.trim().split(/\\s+/).join('.') : ''));
    }
  }
}).observe({type: 'layout-shift', buffered: true});
new PerformanceObserver(list => { for (const e of list.getEntries()) window.__lcp = e.startTime; })
  .observe({type: 'largest-contentful-paint', buffered: true});
"""


# After the load event: the fonts settled and two frames drawn (what moves after that is the reader's doing).
SETTLED = """document.fonts.ready
  .then(() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done))))
  .then(() => [window.__cls, window.__lcp, window.__shifted])"""


def site_pages(site: Path) -> list[str]:
    """Every page a reader can open, as addresses under the site's base: every language's pages and 404 page."""
    pages = []
    for index in sorted(site.rglob("index.html")):
        rel = index.relative_to(site).parent
        if rel.parts and rel.parts[0] in ("assets", "search", "offline", "pdf"):
            continue
        pages.append("" if rel == Path(".") else rel.as_posix() + "/")
    return pages + [f"{lang}/404.html" for lang in ["en", "sv", "ru", "uk"]] + ["404.html"]


def first_load(browser, url: str, local: str, throttle: dict | None = None) -> dict:
    """One page in a fresh browser (nothing cached): compressed bytes as the server sent them, requests (and those
    that would leave the site, which are refused), cumulative layout shift with what moved, and LCP."""
    from scripts.static_server import SENT

    context = browser.new_context()
    context.add_init_script(OBSERVE)
    requests, outside = [], []
    context.route(lambda address: not address.startswith(local), lambda route: route.abort())
    page = context.new_page()
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(local) else requests.append(r.url))
    if throttle:
        session = context.new_cdp_session(page)
        session.send("Network.enable")
        session.send("Network.emulateNetworkConditions", throttle)
    before = len(SENT)
    page.goto(url, wait_until="networkidle" if throttle else "load")
    cls, lcp, shifted = page.evaluate(SETTLED)
    context.close()
    outside = [address for address in outside if not address.startswith("data:")]
    return {
        "bytes": sum(size for _, size in SENT[before:]),
        "requests": len(requests),
        "outside": outside,
        "cls": round(cls, 4),
        "shifted": sorted(set(shifted)),
        "lcp_ms": round(lcp),
    }


def lcp_of(load: dict) -> int:
    return load["lcp_ms"]


def language_of(path: str) -> str:
    first = path.split("/")[0]
    return first if first in ("en", "sv", "ru", "uk") else "fi"


def every_page(site: Path) -> dict:
    """Every page's first load, unthrottled; then the heaviest page of each language again on slow 3G, three times,
    for its Largest Contentful Paint."""
    from playwright.sync_api import sync_playwright

    from scripts.static_server import start

    server = start(site)
    local = f"http://127.0.0.1:{server.server_port}/"
    base = local + "toimi-opas/"
    pages = {}
    with sync_playwright() as p:
        browser = chromium(p)
        for path in site_pages(site):
            pages[path] = first_load(browser, base + path, local)
        slow = {}
        for lang in ["fi", "en", "sv", "ru", "uk"]:
            mine = [path for path in pages if language_of(path) == lang]
            heaviest = max(mine, key=lambda path: pages[path]["bytes"])
            # LCP varies from load to load: the middle of three, with the worst layout shift of the three.
            loads = sorted((first_load(browser, base + heaviest, local, SLOW_3G) for _ in range(3)), key=lcp_of)
            slow[lang] = {"page": heaviest, **loads[1], "lcp_runs_ms": [load["lcp_ms"] for load in loads]}
            slow[lang]["cls"] = max(load["cls"] for load in loads)
        browser.close()
    server.shutdown()
    return {"pages": pages, "slow_3g": slow}


SEARCH_QUERIES = {
    "fi": ["starttirahan", "palkkatuen", "osuuskunnan"],
    "en": ["grant", "subsidies", "cooperative"],
    "sv": ["startpengen", "lönesubventionen", "andelslaget"],
    "ru": ["предпринимателя", "субсидии", "кооператива"],
    "uk": ["підприємця", "субсидії", "кооперативу"],
}


def searches(site: Path) -> dict:
    """Compressed bytes of the first search (fresh browser, code included) and the share of the recall
    list (tests/data/search_recall.yml) whose page is among the results, per language."""
    import yaml
    from playwright.sync_api import sync_playwright

    from scripts.static_server import SENT, start

    recall = yaml.safe_load((ROOT / "tests" / "data" / "search_recall.yml").read_text(encoding="utf-8"))
    server = start(site)
    base = f"http://127.0.0.1:{server.server_port}/toimi-opas/"
    out = {}
    with sync_playwright() as p:
        browser = chromium(p)
        for lang, queries in SEARCH_QUERIES.items():
            prefix = base + ("" if lang == "fi" else f"{lang}/")
            first = []
            for query in queries:
                context = browser.new_context()
                page = context.new_page()
                page.goto(prefix + "employers/", wait_until="networkidle")
                before = len(SENT)  # counted at the server, compressed as a static host sends it
                page.click(".toimi-search__open")
                page.fill("#toimi-search-input", query)
                page.dispatch_event("#toimi-search-input", "input")
                page.wait_for_function("q => document.querySelector('.toimi-search').dataset.query === q", arg=query)
                page.wait_for_load_state("networkidle")
                first.append(sum(size for _, size in SENT[before:]))
                context.close()
            context = browser.new_context()
            page = context.new_page()
            page.goto(prefix + "about/", wait_until="networkidle")
            page.click(".toimi-search__open")
            found = 0
            for word, target in recall[lang].items():
                page.fill("#toimi-search-input", word)
                page.dispatch_event("#toimi-search-input", "input")
                page.wait_for_function("q => document.querySelector('.toimi-search').dataset.query === q", arg=word)
                path = target.removesuffix("index")
                want = (
                    "/toimi-opas/" + ("" if lang == "fi" else f"{lang}/") + path + ("" if path.endswith("/") else "/")
                )
                results, more = page.locator(".toimi-search__results a"), page.locator(".toimi-search__more")
                links = results.evaluate_all("links => links.map(a => new URL(a.href).pathname)")
                while want not in links and more.is_visible():  # a page ranked after the first ten is found too
                    more.click()
                    page.wait_for_function(
                        "n => document.querySelectorAll('.toimi-search__results a').length > n", arg=len(links)
                    )
                    links = results.evaluate_all("links => links.map(a => new URL(a.href).pathname)")
                found += want in links
            context.close()
            out[lang] = {
                "first_search_bytes": dict(zip(queries, first, strict=True)),
                "recall": round(found / len(recall[lang]), 3),
                "recall_words": len(recall[lang]),
                "recall_target": round(1 - len(recall["known_misses"].get(lang) or []) / len(recall[lang]), 3),
            }
        browser.close()
    server.shutdown()
    return out


PAGE_BYTES, PAGE_REQUESTS, LCP_MS = 120 * 1024, 10, 2000


def margin(value: float, limit: float, unit: str, scale: float = 1) -> str:
    """How far a measured value is from its limit, in words: "12.3 KB under" or "4.0 KB over"."""
    difference = (limit - value) / scale
    return f"{abs(difference):.{0 if scale == 1 else 1}f} {unit} {'under' if difference >= 0 else 'over'}"


def page_verdicts(pages: dict) -> list[tuple]:
    """The budget of every page (issue 19): bytes, requests, requests elsewhere, layout shift, and LCP on slow 3G."""
    loads = pages["pages"]
    heaviest = max(loads, key=lambda path: loads[path]["bytes"])
    busiest = max(loads, key=lambda path: loads[path]["requests"])
    worst = max(loads, key=lambda path: loads[path]["cls"])
    shifting = [path for path, load in loads.items() if load["cls"] > 0]
    outside = [path for path, load in loads.items() if load["outside"]]
    size, count = loads[heaviest]["bytes"], loads[busiest]["requests"]
    rows = [
        (
            f"Every page ({len(loads)}): first load, compressed",
            f"max {size / 1024:.1f} KB ({heaviest or 'home'})",
            "<= 120 KB",
            size <= PAGE_BYTES,
            margin(size, PAGE_BYTES, "KB", 1024),
        ),
        (
            f"Every page ({len(loads)}): requests",
            f"max {count} ({busiest or 'home'})",
            "<= 10",
            count <= PAGE_REQUESTS,
            margin(count, PAGE_REQUESTS, "requests"),
        ),
        ("Every page: requests outside the site", f"{len(outside)} pages", "0", not outside, ""),
        (
            "Every page: layout shift (CLS)",
            f"max {loads[worst]['cls']} ({len(shifting)} pages shift)",
            "0",
            not shifting,
            f"{len(shifting)} pages over" if shifting else "",
        ),
    ]
    for lang, load in pages["slow_3g"].items():
        rows.append(
            (
                f"Heaviest {lang} page on slow 3G: LCP / CLS",
                f"{load['lcp_ms']} ms / {load['cls']} ({load['page']}, {load['bytes'] / 1024:.0f} KB)",
                "<= 2000 ms / 0",
                load["lcp_ms"] <= LCP_MS and load["cls"] == 0,
                margin(load["lcp_ms"], LCP_MS, "ms"),
            )
        )
    return rows


# The test suite's time (issues 16 and 20), from the last whole run of `make test` (tests/conftest.py writes it):
# from a fresh clone (no PDF cache) and from a warm one.
SUITE_TARGETS = {"cold": 8 * 60, "warm": 5 * 60}


def suite_time() -> dict | None:
    record = ROOT / "reports" / "suite-time.json"
    return json.loads(record.read_text(encoding="utf-8")) if record.exists() else None


def suite_verdicts(suite: dict | None) -> list[tuple]:
    if suite is None:
        return [("Test suite (make test)", "not measured: run make test first", "", None)]  # reported, not judged
    limit = SUITE_TARGETS[suite["pdf_cache"]]
    slowest = ", ".join(
        f"{name.removeprefix('tests/')} {s} s" for name, s in list(suite.get("seconds_per_file", {}).items())[:3]
    )
    return [
        (
            f"Test suite, {suite['pdf_cache']} PDF cache, {suite['cores']} cores ({suite['finished'][:10]})",
            f"{suite['seconds'] // 60} min {suite['seconds'] % 60} s",
            f"<= {limit // 60} min",
            suite["seconds"] <= limit,
            f"{(suite['seconds'] - limit) / 60:+.1f} min; slowest files: {slowest}",
        )
    ]


def verdicts(report: dict) -> list[tuple]:
    rows = [
        ("Site build, 5 languages, cold", f"{report['site']['cold_s']} s", "< 15 s", report["site"]["cold_s"] < 15),
        (
            "Site build after one page changed",
            f"{report['site']['one_page_changed_s']} s",
            "< 15 s",
            report["site"]["one_page_changed_s"] < 15,
        ),
    ]
    rows.append(("Content checks (make check)", f"{report['check_s']} s", "< 15 s", report["check_s"] < 15))
    rows += page_verdicts(report["pages"])
    pdf = report["pdf"]
    rows += [
        ("PDFs: count, pages (before issue 14)", f"{pdf['pdfs']}, {pdf['pages']} ({pdf['pages_before']})", "", True),
        (
            f"Checklists and handouts ({pdf['short_units']}): pages",
            f"{pdf['short_pages']} (before {pdf['short_pages_before']}, "
            f"{100 * (pdf['short_pages'] - pdf['short_pages_before']) / pdf['short_pages_before']:+.0f} %)",
            "<= 2/3 of before",
            pdf["short_pages"] <= 2 / 3 * pdf["short_pages_before"],
        ),
        (
            "Short units made since issue 14 (cards, templates, kits)",
            f"{pdf['new_short_units']} PDFs, {pdf['new_short_pages']} pages",
            "",
            True,
        ),
        (
            "PDFs cold",
            f"{pdf['cold_s']} s ({pdf['pages_per_second']} pages/s, {pdf['cpu_s_per_page']} CPU s a page)",
            "",
            True,
        ),
        peer_verdict(pdf, report["peer"]),
        ("PDFs warm, nothing changed", f"{pdf['warm_s']} s", "< 2 s", pdf["warm_s"] < 2),
        (
            "PDFs after one page changed",
            f"{pdf['one_page_changed_rendered']} rendered, {pdf['one_page_changed_s']} s",
            "2 rendered",
            pdf["one_page_changed_rendered"] == 2,
        ),
        (
            "Size of site/ (without / with PDFs)",
            f"{report['site']['site_bytes_without_pdfs'] / 2**20:.1f} MB / {pdf['site_bytes_with_pdfs'] / 2**20:.1f} MB",
            "",
            True,
        ),
    ]
    for lang, size in report["offline"]["bytes"].items():
        rows.append((f"Offline copy ({lang}.zip)", f"{size / 2**20:.1f} MB", "", True))
    rows.append(("Offline copies: build time", f"{report['offline']['seconds']} s", "", True))
    rows += suite_verdicts(report.get("suite"))
    for lang, result in report["search"].items():
        worst = max(result["first_search_bytes"].values())
        rows += [
            (
                f"First search bytes ({lang}, 3 queries, max)",
                f"{worst / 1024:.0f} KB",
                "<= 150 KB",
                worst <= 150 * 1024,
            ),
            (
                f"Search recall ({lang}, {result['recall_words']} words)",
                f"{result['recall'] * 100:.0f} %",
                f"every word but the known misses ({result['recall_target'] * 100:.0f} %)",
                result["recall"] >= result["recall_target"],
            ),
        ]
    return rows


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        work = copy_project(Path(tmp) / "project")
        subprocess.run(["git", "init", "-q"], cwd=work, check=True)  # content dates fall back to review dates
        report = {"date": time.strftime("%Y-%m-%d"), "machine": f"{os.cpu_count()} cores", "site": site_builds(work)}
        report["check_s"] = timed([sys.executable, "-m", "scripts.check"], work)
        from scripts import search

        search.build(work / "site", work / "data" / "search_rules.yml")
        report["pages"] = every_page(work / "site")
        report["search"] = searches(work / "site")
        report["pdf"] = pdf_builds(work)
        report["peer"] = peer_pdfs(work)  # right after ours, on the same content and the same machine
        report["offline"] = offline_copies(work)
    report["suite"] = suite_time()
    rows = verdicts(report)
    report["targets"] = [
        {"what": r[0], "result": r[1], "target": r[2], "met": r[3], **({"by": r[4]} if len(r) > 4 and r[4] else {})}
        for r in rows
    ]
    out = ROOT / "bench" / "report.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    width = max(len(r[0]) for r in rows)
    for what, result, target, met, *by in rows:
        verdict = "–" if met is None else "met" if met or not target else "NOT MET"  # None: not measured
        print(f"{what:<{width}}  {result:<32} {target:<16} {verdict}{f' ({by[0]})' if by and by[0] else ''}")
    print(f"\nWritten to {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
