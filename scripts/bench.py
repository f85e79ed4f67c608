"""`make bench`: how fast the site builds, how heavy a page is for a reader on a slow connection,
and how fast the PDFs are made. Prints a table and writes bench/report.json.

Measured on a copy of the project in a temporary folder, so nothing in the work tree changes.
Targets (from the issues): site HTML build under 15 s; a guide page's first load under 150 KB
compressed and 15 requests; Largest Contentful Paint under 2.5 s on slow 3G; no layout shift;
PDF rebuild with nothing changed under 2 s; one page changed re-renders two PDFs; the first search
downloads at most 150 KB; inflected-word recall: every listed word but the known misses; `make check` (every
content gate, spelling included, no build) in seconds: under 15 s; the checklists and participants'
handouts together at least a third fewer pages than before issue 14 (bench/printables-before.json, the
page counts of the branch before it); the size of each language's offline copy.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUIDE = "employers/immigrant-recruitment/"
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
    cold = pdf.build(work / "site", work / "mkdocs.yml")
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
        "site_bytes_with_pdfs": size,
    }


def pages_per_pdf(site: Path) -> dict:
    """Pages of every PDF now and before issue 14, and the totals of the short units (checklists, handouts)."""
    before = json.loads((ROOT / "bench" / "printables-before.json").read_text(encoding="utf-8"))["pdfs"]
    old = {(e["language"], e["key"]): e["pages"] for e in before}
    entries = json.loads((site / "printables.json").read_text(encoding="utf-8"))
    per_pdf = {e["path"]: {"pages": e["pages"], "before": old.get((e["language"], e["key"]))} for e in entries}
    short = [e for e in entries if e["compact"]]
    return {
        "per_pdf": per_pdf,
        "short_units": len(short),
        "short_pages": sum(e["pages"] for e in short),
        "short_pages_before": sum(old[(e["language"], e["key"])] for e in short),
        "pages_before": sum(old.values()),
    }


def offline_copies(work: Path) -> dict:
    from scripts import offline

    return offline.build(work / "site", work / "mkdocs.yml")


def page_loads(site: Path) -> dict:
    from playwright.sync_api import sync_playwright

    from scripts.static_server import start

    server = start(site)
    base = f"http://127.0.0.1:{server.server_port}/toimi-opas/"
    results = {}
    with sync_playwright() as p:
        browser = chromium(p)
        for lang in ["fi", "en", "sv", "ru", "uk"]:
            context = browser.new_context()
            page = context.new_page()
            session = context.new_cdp_session(page)
            session.send("Network.enable")
            session.send("Network.emulateNetworkConditions", SLOW_3G)
            transferred, requests = {}, []
            session.on(
                "Network.loadingFinished",
                lambda e, t=transferred: t.__setitem__(e["requestId"], e["encodedDataLength"]),
            )
            page.on("request", lambda r, q=requests: q.append(r.url))
            page.add_init_script("""
                window.__lcp = 0; window.__cls = 0;
                new PerformanceObserver(l => { for (const e of l.getEntries()) window.__lcp = e.startTime; })
                  .observe({type: 'largest-contentful-paint', buffered: true});
                new PerformanceObserver(l => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; })
                  .observe({type: 'layout-shift', buffered: true});
            """)
            page.goto(base + ("" if lang == "fi" else f"{lang}/") + GUIDE, wait_until="networkidle")
            page.wait_for_timeout(500)
            lcp, cls = page.evaluate("[window.__lcp, window.__cls]")
            results[lang] = {
                "bytes": sum(transferred.values()),
                "requests": len(requests),
                "lcp_ms": round(lcp),
                "cls": round(cls, 4),
            }
            context.close()
        browser.close()
    server.shutdown()
    return results


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


def verdicts(report: dict) -> list[tuple[str, str, str, bool]]:
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
    for lang, page in report["guide_page"].items():
        rows += [
            (
                f"Guide page first load ({lang})",
                f"{page['bytes'] / 1024:.0f} KB, {page['requests']} requests",
                "< 150 KB, < 15",
                page["bytes"] < 150 * 1024 and page["requests"] < 15,
            ),
            (
                f"LCP / CLS on slow 3G ({lang})",
                f"{page['lcp_ms']} ms / {page['cls']}",
                "< 2500 ms / 0",
                page["lcp_ms"] < 2500 and page["cls"] == 0,
            ),
        ]
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
        ("PDFs cold", f"{pdf['cold_s']} s ({pdf['pages_per_second']} pages/s)", "", True),
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
        report["guide_page"] = page_loads(work / "site")
        report["search"] = searches(work / "site")
        report["pdf"] = pdf_builds(work)
        report["offline"] = offline_copies(work)
    rows = verdicts(report)
    report["targets"] = [{"what": r[0], "result": r[1], "target": r[2], "met": r[3]} for r in rows]
    out = ROOT / "bench" / "report.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    width = max(len(r[0]) for r in rows)
    for what, result, target, met in rows:
        print(f"{what:<{width}}  {result:<32} {target:<16} {'met' if met or not target else 'NOT MET'}")
    print(f"\nWritten to {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
