"""The pull-request summary, in Finnish and English, that the test workflow writes into the job summary.

python -m scripts.pr_summary --base REF [--problems FILE] [--preview FILE]   # Markdown on standard output
make pr-summary BASE=origin/main                                            # the same, with make check's files

It compares docs/ and data/ as they are here (the working tree, so that uncommitted edits count) with the commit
where this branch left REF (their merge base), and writes:

- the problems that `make check` found (its `--problems` file), in a table;
- how to download and open the preview that the workflow uploaded (`make preview` writes its size and contents);
- the pages changed in each language;
- for each changed Finnish page, the state of its four translations (scripts/translations.py) and what brings
  them up to date;
- the figures changed in data/figures.yml, compared as YAML (not as text): names, new values, validity dates;
- the outside links added (scripts/links.py).

Nothing here reaches the network; tests/test_pr_summary.py checks the text against one written by hand.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from scripts import annotations, data, links, translations
from scripts.content import LANGUAGES, SOURCE_LANGUAGE, ContentError, read_page

CONTENT = ("docs", "data")  # what an editor changes; other changed files are only named
FIGURES = "data/figures.yml"
MAX_ROWS = 100  # a job summary holds at most 1 MiB: longer tables are cut, the log has everything
MAX_OTHERS = 20  # files outside docs/ and data/ named (code, workflows): the pull request's Files changed has them all
KINDS = {"added": "uusi / added", "changed": "muutettu / changed", "deleted": "poistettu / deleted"}
STATES = {
    "reviewed": "ajan tasalla / reviewed",
    "draft": "luonnos / draft",
    "outdated": "vanhentunut / outdated",
    "missing": "puuttuu / missing",
}


@dataclass(frozen=True)
class Change:
    path: str  # from the repository root: docs/fi/guide.md
    kind: str  # added | changed | deleted


@dataclass
class PageTranslations:
    page: str  # the page's path inside the language folders: employers/index.md
    states: dict[str, str]  # language -> reviewed | draft | outdated | missing (translations.STATES)
    unsynced: list[str] = field(default_factory=list)  # languages whose shared front matter differs (`sync`)


@dataclass
class FigureRow:
    name: str
    change: str  # the text of the "Change" column
    value: str = "–"
    valid_from: str = "–"
    valid_until: str = "–"
    source: str = ""


@dataclass
class Summary:
    base: str  # what was compared with, as given (origin/main)
    commit: str  # the commit compared with (the merge base)
    changes: list[Change]
    other_files: list[str] = field(default_factory=list)
    translations: list[PageTranslations] | None = None  # None: the pages cannot be read
    orphans: list[tuple[str, list[str]]] = field(default_factory=list)  # deleted Finnish page, translations left
    figures: list[FigureRow] = field(default_factory=list)
    links: dict[str, list[tuple[str, int, str]]] = field(default_factory=dict)  # address -> (file, line, language)
    problems: list[str] | None = None  # None: make check did not finish
    preview: dict | None = None


# --- What changed ------------------------------------------------------------------------------------------------


def git(repo: Path, *args: str) -> bytes:
    try:
        return subprocess.run(["git", *args], cwd=repo, capture_output=True, check=True).stdout
    except subprocess.CalledProcessError as err:
        raise SystemExit(f"git {' '.join(args)}: {err.stderr.decode(errors='replace').strip()}") from None


def base_tree(repo: Path, base: str, into: Path) -> str:
    """Lay docs/ and data/ of the commit where HEAD left `base` into `into`; return that commit."""
    commit = git(repo, "merge-base", base, "HEAD").decode().strip()
    present = [name for name in CONTENT if name in git(repo, "ls-tree", "--name-only", commit).decode().split()]
    if present:
        with tarfile.open(fileobj=io.BytesIO(git(repo, "archive", "--format=tar", commit, *present))) as tar:
            tar.extractall(into, filter="data")
    return commit


def other_files(repo: Path, commit: str) -> list[str]:
    """Files outside docs/ and data/ that differ from the commit, with new files git does not ignore."""
    changed = git(repo, "diff", "--name-only", "-z", commit, "--").decode().split("\0")
    new = git(repo, "ls-files", "--others", "--exclude-standard", "-z").decode().split("\0")
    return sorted({path for path in changed + new if path and path.split("/")[0] not in CONTENT})


def files(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for folder in CONTENT
        for path in sorted((root / folder).rglob("*"))
        if path.is_file()
    }


def compare(base_root: Path, head_root: Path) -> list[Change]:
    """Every file of docs/ and data/ that was added, changed or deleted between the two trees."""
    before, after = files(base_root), files(head_root)
    out = []
    for path in sorted(before.keys() | after.keys()):
        if path not in before:
            out.append(Change(path, "added"))
        elif path not in after:
            out.append(Change(path, "deleted"))
        elif before[path] != after[path]:
            out.append(Change(path, "changed"))
    return out


@contextmanager
def compared(repo: Path, base: str) -> Iterator[tuple[Path, str, list[Change]]]:
    """(the base tree in a temporary folder, its commit, the changes of docs/ and data/ since then)."""
    with tempfile.TemporaryDirectory(prefix="toimi-base-") as tmp:
        commit = base_tree(repo, base, Path(tmp))
        yield Path(tmp), commit, compare(Path(tmp), repo)


def page_changes(changes: list[Change]) -> dict[str, list[Change]]:
    """language -> its changed pages (Markdown files under docs/<language>/)."""
    out: dict[str, list[Change]] = {language: [] for language in LANGUAGES}
    for change in changes:
        parts = change.path.split("/", 2)
        if len(parts) == 3 and parts[0] == "docs" and parts[1] in out and parts[2].endswith(".md"):
            out[parts[1]].append(change)
    return out


def inside(change: Change) -> str:
    """The path of a changed page inside its language folder."""
    return change.path.split("/", 2)[2]


# --- Translations ------------------------------------------------------------------------------------------------


def translation_states(head_root: Path, changes: list[Change]) -> list[PageTranslations]:
    status = translations.status(head_root / "docs")
    out = []
    for change in page_changes(changes)[SOURCE_LANGUAGE]:
        if change.kind == "deleted":
            continue
        page = inside(change)
        if page not in status.states:  # a Finnish-only page (extra.finnish_only) has no translations
            continue
        states = {language: status.states[page][language] for language in LANGUAGES[1:]}
        source = read_page(head_root / change.path).meta
        unsynced = []
        for language in LANGUAGES[1:]:
            target = head_root / "docs" / language / page
            if target.exists():
                meta = read_page(target).meta
                if any(meta.get(key) != source[key] for key in translations.SHARED_FIELDS if key in source):
                    unsynced.append(language)
        out.append(PageTranslations(page, states, unsynced))
    return out


def orphans(head_root: Path, changes: list[Change]) -> list[tuple[str, list[str]]]:
    """Finnish pages deleted here whose translations are still there."""
    out = []
    for change in page_changes(changes)[SOURCE_LANGUAGE]:
        left = [
            f"docs/{lang}/{inside(change)}"
            for lang in LANGUAGES[1:]
            if (head_root / "docs" / lang / inside(change)).exists()
        ]
        if change.kind == "deleted" and left:
            out.append((inside(change), left))
    return out


# --- Figures -----------------------------------------------------------------------------------------------------


def load_figures(root: Path) -> dict:
    path = root / FIGURES
    try:
        loaded = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}
    except yaml.YAMLError:
        return {}  # the schema gate reports it, with its line
    return loaded if isinstance(loaded, dict) else {}


def shown_value(item: dict, fig: dict, pending: bool = False) -> str:
    """The value as a Finnish page shows it (37,21 €), marked when it is not confirmed."""
    value = item.get("value")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        shown = data.format_value(value, fig.get("unit", ""), "fi")
    else:
        shown = "–" if value is None else str(value)
    return f"{shown} (vahvistamatta / to be confirmed)" if pending or item.get("pending") else shown


def day(value) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value) if value else "–"


def validity(values: list[dict], fig: dict) -> dict[int, str]:
    """index in `values` -> the last day it is valid: the day before the next value starts, or the figure's
    valid_until, or open-ended."""
    dated = sorted(
        (index for index, item in enumerate(values) if isinstance(item.get("valid_from"), dt.date)),
        key=lambda index: values[index]["valid_from"],
    )
    out = {}
    for position, index in enumerate(dated):
        if position + 1 < len(dated):
            out[index] = (values[dated[position + 1]]["valid_from"] - dt.timedelta(days=1)).isoformat()
        elif fig.get("valid_until"):
            out[index] = day(fig["valid_until"])
        else:
            out[index] = "toistaiseksi / open-ended"
    return out


def figure_rows(base: dict, head: dict) -> list[FigureRow]:
    """The figures that differ between two versions of data/figures.yml, compared as data."""
    rows = []
    for name in [*head, *(name for name in base if name not in head)]:
        old, new = base.get(name), head.get(name)
        if old == new:
            continue
        if not isinstance(new, dict):
            rows.append(FigureRow(name, "luku poistettu / figure removed"))
            continue
        old = old if isinstance(old, dict) else None
        values = [item for item in new.get("values") or [] if isinstance(item, dict)]
        old_values = [item for item in (old or {}).get("values") or [] if isinstance(item, dict)]
        until = validity(values, new)
        newest = list(until)[-1] if until else None  # a pending figure: its newest value is to be confirmed
        for index, item in enumerate(values):
            if item in old_values:
                continue
            before = [v for v in old_values if v.get("valid_from") == item.get("valid_from")]
            if old is None:
                change = "uusi luku / new figure"
            elif before:
                change = f"arvo muuttui / value changed (oli / was {shown_value(before[0], old)})"
            else:
                change = "uusi arvo / new value"
            rows.append(
                FigureRow(
                    name,
                    change,
                    shown_value(item, new, pending=index == newest and new.get("status") == "pending"),
                    day(item.get("valid_from")),
                    until.get(index, "–"),
                    str(item.get("source") or ""),
                )
            )
        starts = {item.get("valid_from") for item in values}
        for item in old_values:
            if item not in values and item.get("valid_from") not in starts:
                rows.append(
                    FigureRow(
                        name, "arvo poistettu / value removed", shown_value(item, old), day(item.get("valid_from"))
                    )
                )
        fields = sorted(
            key for key in {*new, *(old or {})} - {"values"} if old is not None and new.get(key) != old.get(key)
        )
        if fields:
            changed = "muutettu / changed: " + ", ".join(f"`{key}`" for key in fields)
            ends = day(new.get("valid_until")) if "valid_until" in fields else "–"
            rows.append(FigureRow(name, changed, valid_until=ends))
    return rows


def changed_figures(base_root: Path, head_root: Path) -> list[str]:
    """The names of the figures added, changed or removed (each at most once)."""
    return list(dict.fromkeys(row.name for row in figure_rows(load_figures(base_root), load_figures(head_root))))


# --- Outside links -----------------------------------------------------------------------------------------------


def addresses(root: Path, path: str) -> dict[str, int]:
    """The outside addresses of one page with the line of their first use; none if it is missing or unreadable."""
    if not (root / path).is_file():
        return {}
    try:
        page = read_page(root / path, Path(path))
    except ContentError:
        return {}
    found: dict[str, int] = {}
    for url, line in links.outside_addresses(page):
        found.setdefault(url, line)
    return found


def added_links(base_root: Path, head_root: Path, changes: list[Change]) -> dict[str, list[tuple[str, int, str]]]:
    out: dict[str, list[tuple[str, int, str]]] = {}
    for language, changed in page_changes(changes).items():
        for change in changed:
            before = addresses(base_root, change.path)
            for url, line in addresses(head_root, change.path).items():
                if url not in before:
                    out.setdefault(url, []).append((change.path, line, language))
    return dict(sorted(out.items()))


# --- The summary -------------------------------------------------------------------------------------------------


def summarise(base_root: Path, head_root: Path, changes: list[Change], base: str = "", commit: str = "") -> Summary:
    summary = Summary(base, commit, changes)
    try:
        summary.translations = translation_states(head_root, changes)
    except ContentError:
        summary.translations = None  # a page that cannot be read: the problems table names it
    summary.orphans = orphans(head_root, changes)
    summary.figures = figure_rows(load_figures(base_root), load_figures(head_root))
    summary.links = added_links(base_root, head_root, changes)
    return summary


def cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    shown = rows[:MAX_ROWS]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(text) for text in row) + " |" for row in shown]
    if len(rows) > len(shown):
        more = len(rows) - len(shown)
        lines += ["", f"… ja {more} lisää: katso loki. / … and {more} more: see the log."]
    return lines + [""]


def code_list(paths: list[str]) -> str:
    return ", ".join(f"`{path}`" for path in paths) or "–"


def megabytes(size: int, language: str) -> str:
    number = f"{size / 1_000_000:.1f}"
    return f"{number.replace('.', ',')} Mt" if language == "fi" else f"{number} MB"


def problems_section(problems: list[str] | None) -> list[str]:
    if problems is None:
        return [
            "## Ongelmat / Problems",
            "",
            "Tarkistukset eivät valmistuneet: avaa työnkulun loki (**Details**) ja katso, mikä vaihe epäonnistui. / "
            "The checks did not finish: open the workflow's log (**Details**) and see which step failed.",
            "",
        ]
    out = [f"## Ongelmat / Problems ({len(problems)})", ""]
    if not problems:
        return out + ["Ei ongelmia: `make check` meni läpi. / No problems: `make check` passed.", ""]
    out += [
        "Korjaa nämä ja tallenna muutos samaan muutosehdotukseen; ne näkyvät myös **Files changed** -välilehdellä "
        "rivin kohdalla. Ohjeet: CONTRIBUTING.fi.md, ”Tarkistukset: mitä ilmoitukset tarkoittavat”. / Fix these and "
        "commit to the same pull request; they are also shown on their line under **Files changed**. What each "
        'message means: CONTRIBUTING.md, "Checks: what the messages mean".',
        "",
    ]
    rows = []
    for line in problems:
        found = annotations.PROBLEM.match(line)
        rows.append([f"`{found['path']}`", found["line"], found["message"]] if found else ["–", "–", line])
    return out + table(["Tiedosto / File", "Rivi / Line", "Ongelma / Problem"], rows)


def preview_section(preview: dict | None) -> list[str]:
    out = ["## Esikatselu / Preview", ""]
    if not preview:
        return out + [
            "Esikatselua ei ole: sivusto ei rakentunut (korjaa ensin ongelmat) tai sitä ei rakennettu "
            "(`make preview`). / There is no preview: the site did not build (fix the problems first), or it was "
            "not built (`make preview`).",
            "",
        ]
    name = preview.get("artifact") or "preview"
    download = f"[{name}]({preview['url']})" if preview.get("url") else f"**{name}**"
    zipped, unzipped = preview["zip_bytes"], preview["bytes"]
    out += [
        f"Koko sivusto ja muutettujen sivujen PDF:t: {megabytes(zipped, 'fi')} ladattavana, "
        f"{megabytes(unzipped, 'fi')} purettuna. / The whole site and the PDFs of the changed pages: "
        f"{megabytes(zipped, 'en')} to download, {megabytes(unzipped, 'en')} unzipped.",
        "",
        f"1. **Lataa / Download** {download}: tämän työnkulun **Summary**-sivun alaosasta, kohdasta **Artifacts** "
        "(vaatii kirjautumisen). / from the bottom of this run's **Summary** page, under **Artifacts** (you need to "
        "be signed in).",
        "2. **Pura / Unzip**: Windowsissa hiiren oikea painike → **Pura kaikki**, Macissa kaksoisnapsautus. "
        "/ on Windows right-click the zip → **Extract All**, on a Mac double-click it.",
        "3. **Avaa / Open** `index.html` kansiosta selaimella (etusivu suomeksi; `en/index.html`, `sv/index.html`, "
        "`ru/index.html`, `uk/index.html` muilla kielillä). / `index.html` in the folder with your browser (the "
        "Finnish start page; the other languages' start pages are `en/index.html` and so on).",
        "",
    ]
    if preview.get("pages"):
        out += ["Muutetut sivut esikatselussa / The changed pages in the preview: " + code_list(preview["pages"]), ""]
    out += [
        (
            "PDF-tiedostot / PDFs: " + code_list(preview["pdfs"])
            if preview.get("pdfs")
            else "Ei PDF-tiedostoja: muutokset eivät koske tulostettavia sivuja. / No PDFs: the changes touch no "
            "printable page."
        ),
        "",
        "Haku ei toimi ladatussa kopiossa (se tarvitsee palvelimen); kaikki muu toimii. / The search does not work "
        "in the downloaded copy (it needs a server); everything else does.",
        "",
    ]
    return out


def pages_section(changes: list[Change], others: list[str]) -> list[str]:
    by_language = page_changes(changes)
    count = sum(len(changed) for changed in by_language.values())
    out = [f"## Muutetut sivut / Pages changed ({count})", ""]
    rows = [
        [language] + [code_list([inside(c) for c in changed if c.kind == kind]) for kind in KINDS]
        for language, changed in by_language.items()
        if changed
    ]
    if rows:
        out += table(["Kieli / Language", "Uudet / Added", "Muutetut / Changed", "Poistetut / Deleted"], rows)
    else:
        out += ["Ei muutettuja sivuja. / No pages changed.", ""]
    data_files = [c for c in changes if c.path.startswith("data/")]
    if data_files:
        out += ["Datatiedostot / Data files: " + ", ".join(f"`{c.path}` ({KINDS[c.kind]})" for c in data_files), ""]
    if others:
        more = f" … (+{len(others) - MAX_OTHERS})" if len(others) > MAX_OTHERS else ""
        out += ["Muut tiedostot / Other files: " + code_list(others[:MAX_OTHERS]) + more, ""]
    return out


def translations_section(summary: Summary) -> list[str]:
    out = ["## Käännökset / Translations", ""]
    if summary.translations is None:
        return out + [
            "Käännösten tilaa ei voi lukea, ennen kuin ongelmat on korjattu. / The translations' state cannot be read "
            "until the problems are fixed.",
            "",
        ]
    pages = summary.translations
    if not pages and not summary.orphans:
        return out + ["Suomenkielisiä sivuja ei muutettu. / No Finnish page changed.", ""]
    if pages:
        out += table(
            ["Suomenkielinen sivu / Finnish page", *LANGUAGES[1:]],
            [[f"`{page.page}`", *(STATES[page.states[lang]] for lang in LANGUAGES[1:])] for page in pages],
        )
    todo = {
        state: [f"docs/{lang}/{p.page}" for p in pages for lang in LANGUAGES[1:] if p.states[lang] == state]
        for state in STATES
    }
    steps = []
    if todo["outdated"]:
        steps.append(
            "- **Vanhentunut / outdated**: suomenkielisen sivun sanat muuttuivat. Kääntäjä päivittää käännöksen ja "
            "kirjaa sen ajan tasalle; jos merkitys ei muuttunut, pelkkä kirjaus riittää. / The Finnish words changed. "
            "A translator updates the translation and records it as up to date; if the meaning did not change, "
            f"recording it is enough: `python -m scripts.translations done {' '.join(todo['outdated'])}`"
        )
    if todo["missing"]:
        steps.append(
            "- **Puuttuu / missing** (tarkistukset epäonnistuvat / the checks fail): kopioi suomenkielinen sivu "
            "samaan polkuun kielen kansioon, käännä se, merkitse `translation: draft` ja kirjaa lähde. / Copy the "
            "Finnish page to the same path in the language's folder, translate it, set `translation: draft` and "
            f"record its source: `python -m scripts.translations done {' '.join(todo['missing'])}`"
        )
    if todo["draft"]:
        steps.append(
            "- **Luonnos / draft**: äidinkielinen tarkistaja lukee käännöksen ja vaihtaa sen tilaksi "
            "`translation: reviewed`. / A native speaker reads the translation and sets `translation: reviewed`: "
            + code_list(todo["draft"])
        )
    unsynced = [f"docs/{lang}/{p.page}" for p in pages for lang in p.unsynced]
    if unsynced:
        steps.append(
            "- **Yhteiset etutiedot / shared front matter** (`audience`, `reviewed`, `sources`…) eroavat "
            "suomenkielisestä sivusta / differ from the Finnish page: `python -m scripts.translations sync` ("
            + code_list(unsynced)
            + ")"
        )
    for page, left in summary.orphans:
        steps.append(
            f"- **Poistettu / deleted** `docs/fi/{page}`: poista myös sen käännökset / delete its translations too: "
            + code_list(left)
        )
    if steps:
        out += [
            "Näin käännökset saa ajan tasalle (komennot ajetaan omalla koneella; selaimessa muokatessasi pyydä apua "
            "muutosehdotuksessa). / How to bring them up to date (the commands run on a computer; editing in the "
            "browser, ask for them in the pull request):",
            "",
            *steps,
            "",
        ]
    else:
        out += ["Kaikki käännökset ovat ajan tasalla. / Every translation is up to date.", ""]
    return out


def figures_section(rows: list[FigureRow]) -> list[str]:
    out = [f"## Luvut / Figures (`{FIGURES}`, {len({row.name for row in rows})})", ""]
    if not rows:
        return out + ["Lukuja ei muutettu. / No figures changed.", ""]
    return out + table(
        [
            "Luku / Figure",
            "Muutos / Change",
            "Arvo / Value",
            "Voimassa alkaen / Valid from",
            "Voimassa asti / Valid until",
            "Lähde / Source",
        ],
        [
            [f"`{r.name}`", r.change, r.value, r.valid_from, r.valid_until, f"<{r.source}>" if r.source else "–"]
            for r in rows
        ],
    )


def links_section(added: dict[str, list[tuple[str, int, str]]]) -> list[str]:
    out = [f"## Uudet ulkoiset linkit / Outside links added ({len(added)})", ""]
    if not added:
        return out + ["Ei uusia ulkoisia linkkejä. / No outside links added.", ""]
    out += [
        "Avaa jokainen osoite ja tarkista, että se vie viralliselle sivulle, jota teksti tarkoittaa. / Open each "
        "address and check that it leads to the official page the text means.",
        "",
    ]
    return out + table(
        ["Osoite / Address", "Sivu / Page"],
        [[f"<{url}>", ", ".join(f"`{path}:{line}`" for path, line, _ in uses)] for url, uses in added.items()],
    )


def render(summary: Summary) -> str:
    compared_with = f"`{summary.base}`" + (f" (`{summary.commit[:12]}`)" if summary.commit else "")
    out = [
        "# Muutosehdotuksen yhteenveto / Pull-request summary",
        "",
        f"Verrattu / Compared with: {compared_with}. Tämän tekstin kirjoittaa `scripts/pr_summary.py`. / "
        "Written by `scripts/pr_summary.py`.",
        "",
    ]
    out += problems_section(summary.problems)
    out += preview_section(summary.preview)
    out += pages_section(summary.changes, summary.other_files)
    out += translations_section(summary)
    out += figures_section(summary.figures)
    out += links_section(summary.links)
    return "\n".join(out).rstrip("\n") + "\n"


# --- Command line ------------------------------------------------------------------------------------------------


def read_json(path: Path | None) -> dict | None:
    if not path or not path.is_file():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except ValueError:
        return None


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.pr_summary", description=__doc__.split("\n")[0])
    parser.add_argument("--repo", type=Path, default=Path("."), help="the repository (default: here)")
    parser.add_argument("--base", default="origin/main", help="the branch or commit to compare with")
    parser.add_argument("--problems", type=Path, help="make check's --problems file (reports/problems.json)")
    parser.add_argument("--preview", type=Path, help="make preview's file (reports/preview.json)")
    parser.add_argument("--artifact", default=os.environ.get("PREVIEW_ARTIFACT"), help="the preview artifact's name")
    parser.add_argument("--artifact-url", default=os.environ.get("PREVIEW_URL"), help="its download address")
    args = parser.parse_args(argv)
    repo = args.repo.resolve()
    with compared(repo, args.base) as (base_root, commit, changes):
        summary = summarise(base_root, repo, changes, args.base, commit)
    summary.other_files = other_files(repo, commit)
    checked = read_json(args.problems)
    summary.problems = checked.get("problems", []) if checked is not None else None
    summary.preview = read_json(args.preview)
    if summary.preview is not None:
        summary.preview.update(
            {key: value for key, value in (("artifact", args.artifact), ("url", args.artifact_url)) if value}
        )
    sys.stdout.write(render(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
