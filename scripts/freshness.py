"""The monthly freshness report: what has expired or broken, written as one GitHub issue in Finnish and English.

python -m scripts.freshness urls FILE                  # every outside address, one a line, for the link checker
python -m scripts.freshness report [--links JSON] DIR  # DIR/title.txt and DIR/body.md: the month's issue

The scheduled workflow .github/workflows/freshness.yml runs `urls`, lets lychee check those addresses (its JSON
output is the `--links` file) and then `report`, and opens the month's issue or updates the open one. The report
lists pages reviewed over 12 months ago, yearly figures without a value for this year, figures whose validity has
ended (`valid_until`), outdated, missing and draft translations, and the outside addresses that failed, with the
pages and languages that use them. Nothing here reaches the network; TOIMI_TODAY sets the date for tests.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from scripts import data, links, translations
from scripts.content import LANGUAGES, SOURCE_LANGUAGE, read_page
from scripts.gates import REVIEW_INTERVAL

MONTHS_FI = [
    "tammikuu",
    "helmikuu",
    "maaliskuu",
    "huhtikuu",
    "toukokuu",
    "kesäkuu",
    "heinäkuu",
    "elokuu",
    "syyskuu",
    "lokakuu",
    "marraskuu",
    "joulukuu",
]
MARKER = "<!-- toimi-freshness-report -->"  # lets the workflow and people tell the report from other issues
URL_IN_TEXT = re.compile(r"https?://[^\s\"'<>)\]]+")
STATES_FI = {"outdated": "vanhentunut", "missing": "puuttuu", "draft": "luonnos"}
STATES_EN = {"outdated": "outdated", "missing": "missing", "draft": "draft"}


@dataclass
class Use:
    """Where an outside address is used: a file, its line and the language of the page ('-' for data files)."""

    path: str
    line: int
    language: str


@dataclass
class Findings:
    on: dt.date
    expired_pages: list[tuple[str, int, dt.date]] = field(default_factory=list)  # Finnish page, line, reviewed
    stale_figures: list[tuple[str, int, dt.date]] = field(default_factory=list)  # name, line, newest valid_from
    ended_figures: list[tuple[str, int, dt.date, str | None, list[str]]] = field(default_factory=list)
    # (name, line, valid_until, replaced_by, Finnish pages that still use it)
    translations: list[tuple[str, str, str]] = field(default_factory=list)  # (language, state, page path)
    broken_links: list[tuple[str, str, list[Use]]] = field(default_factory=list)  # (address, status, uses)
    links_checked: bool = False


# --- What is out of date ---------------------------------------------------------------------------------------


def pages_of(root: Path, language: str):
    tree = root / "docs" / language
    for path in sorted(tree.rglob("*.md")) if tree.is_dir() else []:
        yield read_page(path, path.relative_to(root))


def expired_pages(root: Path, on: dt.date) -> list[tuple[str, int, dt.date]]:
    """Finnish pages reviewed over 12 months ago (`reviewed` is shared by every language)."""
    return [
        (page.path.as_posix(), page.field_lines.get("reviewed", 2), page.meta["reviewed"])
        for page in pages_of(root, SOURCE_LANGUAGE)
        if isinstance(page.meta.get("reviewed"), dt.date) and on - page.meta["reviewed"] > REVIEW_INTERVAL
    ]


def figure_findings(root: Path, on: dt.date, findings: Findings) -> None:
    figures = data.load("figures", root / "data")
    bodies = {page.path.as_posix(): page.body for page in pages_of(root, SOURCE_LANGUAGE)}
    for name, fig in figures.entries.items():
        until = fig.get("valid_until")
        if isinstance(until, dt.date) and until < on:
            used = sorted(path for path, body in bodies.items() if f"[[figure:{name}]]" in body)
            findings.ended_figures.append((name, figures.line(name), until, fig.get("replaced_by"), used))
            continue
        if fig.get("yearly"):
            newest = max(value["valid_from"] for value in fig["values"])
            if newest.year < on.year:
                findings.stale_figures.append((name, figures.line(name), newest))


def translation_findings(root: Path) -> list[tuple[str, str, str]]:
    status = translations.status(root / "docs")
    return [
        (language, state, f"docs/{language}/{page}")
        for language in LANGUAGES[1:]
        for state in ("outdated", "missing", "draft")
        for page in status.pages_in(language, state)
    ]


def outside_links(root: Path) -> dict[str, list[Use]]:
    """Every outside address in the pages (links and sources) and in data/, with where it is used."""
    uses: dict[str, list[Use]] = defaultdict(list)
    for language in LANGUAGES:
        for page in pages_of(root, language):
            for url, line in links.outside_addresses(page):
                uses[url].append(Use(page.path.as_posix(), line, language))
    for path in sorted((root / "data").glob("*.yml")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.lstrip().startswith("#"):
                continue
            for url in URL_IN_TEXT.findall(line):
                uses[url].append(Use(path.relative_to(root).as_posix(), number, "-"))
    return dict(sorted(uses.items()))


def link_failures(results: dict) -> list[tuple[str, str]]:
    """(address, status) of every failed address in lychee's JSON output (`fail_map` in older versions,
    `error_map` in newer ones: input -> [{url, status: {text, code?, details?}}])."""
    out = {}
    for key in ("fail_map", "error_map"):
        for responses in (results.get(key) or {}).values():
            for response in responses:
                status = response.get("status")
                if isinstance(status, dict):
                    code = status.get("code")
                    text = status.get("text", "")
                    shown = f"{code} {text}".strip() if code else text
                else:
                    shown = str(status or "failed")
                out[response["url"]] = shown
    return sorted(out.items())


def normalise(url: str) -> str:
    return url.rstrip("/")


def broken_links(root: Path, results: dict) -> list[tuple[str, str, list[Use]]]:
    uses = {normalise(url): found for url, found in outside_links(root).items()}
    return [(url, status, uses.get(normalise(url), [])) for url, status in link_failures(results)]


def collect(root: Path, on: dt.date, link_results: dict | None = None) -> Findings:
    findings = Findings(on, expired_pages=expired_pages(root, on), translations=translation_findings(root))
    figure_findings(root, on, findings)
    if link_results is not None:
        findings.links_checked = True
        findings.broken_links = broken_links(root, link_results)
    return findings


# --- The issue ---------------------------------------------------------------------------------------------------


def title(on: dt.date) -> str:
    return f"Ajantasaisuus {MONTHS_FI[on.month - 1]} {on.year} / Freshness {data.MONTHS_EN[on.month - 1]} {on.year}"


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    return ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)] + ["| " + " | ".join(r) + " |" for r in rows]


def section(heading: str, todo: str, header: list[str], rows: list[list[str]]) -> list[str]:
    lines = [f"## {heading} ({len(rows)})", ""]
    if not rows:
        return lines + ["Ei mitään. / Nothing.", ""]
    return lines + [todo, ""] + table(header, rows) + [""]


def render(findings: Findings) -> str:
    on = findings.on
    out = [
        MARKER,
        f"Kuukauden ajantasaisuusraportti {data.format_date(on, 'fi')}. / "
        f"The month's freshness report, {data.format_date(on, 'en')}.",
        "",
        "Tämän tekstin kirjoittaa `scripts/freshness.py`: ajastettu työnkulku päivittää tämän issuen joka kuukausi. "
        "Korjaa kohdat, ja sulje issue, kun listat ovat tyhjiä tai jokaisesta on oma issue "
        "(CONTRIBUTING.fi.md: ”Vuosittainen päivitys”).",
        "",
        "Written by `scripts/freshness.py`; the scheduled workflow updates this issue every month. Fix the items, and "
        "close the issue when the lists are empty or each item has an issue of its own "
        '(CONTRIBUTING.md: "The yearly update routine").',
        "",
    ]
    out += section(
        "Sivut, joiden tarkistus on yli 12 kuukautta vanha / Pages reviewed over 12 months ago",
        "Tarkista sivun tiedot lähteistä, päivitä `reviewed` ja aja `translations sync`. / Check the page's facts "
        "against its sources, update `reviewed` and run `translations sync`.",
        ["Sivu / Page", "Tarkistettu / Reviewed"],
        [[f"`{path}:{line}`", reviewed.isoformat()] for path, line, reviewed in findings.expired_pages],
    )
    out += section(
        f"Vuosiluvut ilman arvoa vuodelle {on.year} / Yearly figures without a value for {on.year}",
        "Lisää uusi arvo lähteestä `data/figures.yml`-tiedostoon. / Add the new value from its source to "
        "`data/figures.yml`.",
        ["Luku / Figure", "Uusin arvo alkaen / Newest value from"],
        [
            [f"`{name}` (`data/figures.yml:{line}`)", newest.isoformat()]
            for name, line, newest in findings.stale_figures
        ],
    )
    out += section(
        "Luvut, joiden voimassaolo on päättynyt / Figures whose validity has ended",
        "Poista tai korvaa luku sivuilta, jotka yhä käyttävät sitä. / Remove or replace the figure on the pages that "
        "still use it.",
        ["Luku / Figure", "Voimassa asti / Valid until", "Korvaaja / Replaced by", "Käytössä / Used on"],
        [
            [
                f"`{name}` (`data/figures.yml:{line}`)",
                until.isoformat(),
                f"`{replaced}`" if replaced else "–",
                ", ".join(f"`{path}`" for path in used) or "–",
            ]
            for name, line, until, replaced, used in findings.ended_figures
        ],
    )
    out += section(
        "Käännökset: vanhentuneet, puuttuvat ja luonnokset / Translations: outdated, missing and draft",
        "Päivitä käännös ja aja `translations done`; luonnoksen lukee äidinkielinen tarkistaja. / Update the "
        "translation and run `translations done`; a native speaker reviews a draft.",
        ["Kieli / Language", "Tila / State", "Sivu / Page"],
        [
            [language, f"{STATES_FI[state]} / {STATES_EN[state]}", f"`{path}`"]
            for language, state, path in findings.translations
        ],
    )
    if not findings.links_checked:
        out += [
            "## Ulkoiset linkit / Outside links",
            "",
            "Linkkejä ei tarkistettu tällä kertaa. / The links were not checked this time.",
            "",
        ]
    else:
        out += section(
            "Ulkoiset linkit, jotka eivät toimi / Outside links that fail",
            "Avaa osoite selaimessa; korjaa tai vaihda se sivuilla ja käännöksissä. / Open the address in a browser; "
            "fix or replace it on the pages and in the translations.",
            ["Osoite / Address", "Tila / Status", "Sivu / Page", "Kieli / Language"],
            [
                [f"<{url}>", status, f"`{use.path}:{use.line}`", use.language]
                for url, status, uses in findings.broken_links
                for use in uses or [Use("?", 0, "?")]
            ],
        )
    return "\n".join(out).rstrip("\n") + "\n"


# --- Command line ------------------------------------------------------------------------------------------------


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.freshness", description=__doc__.split("\n")[0])
    parser.add_argument("--root", type=Path, default=Path("."), help="the repository (default: here)")
    commands = parser.add_subparsers(dest="command", required=True)
    urls = commands.add_parser("urls", help="write every outside address, one a line")
    urls.add_argument("out", type=Path)
    report = commands.add_parser("report", help="write title.txt and body.md of the month's issue")
    report.add_argument("--links", type=Path, help="lychee's JSON output (--format json)")
    report.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    if args.command == "urls":
        found = outside_links(args.root)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text("".join(f"{url}\n" for url in found), encoding="utf-8")
        print(f"{len(found)} outside addresses in {args.out}")
        return 0
    results = None
    if args.links:
        try:
            results = json.loads(args.links.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            print(f"{args.links}: cannot read the link checker's results ({err}); reporting without them")
    findings = collect(args.root, data.today(), results)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "title.txt").write_text(title(findings.on) + "\n", encoding="utf-8")
    (args.out / "body.md").write_text(render(findings), encoding="utf-8")
    print(f"{title(findings.on)}: written to {args.out}/title.txt and body.md")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
