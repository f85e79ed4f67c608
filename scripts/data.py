"""Shared data: yearly figures, contacts, glossary, pending facts, status banners and UI strings.

Each file in data/ is read once per build, checked, and used by name. Values are formatted
for the page's language here, so that no page types a number itself.
"""

from __future__ import annotations

import datetime as dt
import os
import string
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from scripts.content import LANGUAGES, ContentError, display, parse_yaml, problem, read_text

ROOT = Path(__file__).resolve().parent.parent
FIGURE_UNITS = ["eur", "percent", "months", "days", "count"]
STATUS_STATES = ["in_preparation", "open", "closed"]
NBSP = "\u00a0"
# English month names written out, not from strftime, whose names follow the machine's locale.
MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def today() -> dt.date:
    """The date that decides which figure value is in force. TOIMI_TODAY overrides it for tests."""
    override = os.environ.get("TOIMI_TODAY")
    return dt.date.fromisoformat(override) if override else dt.date.today()


@dataclass
class DataFile:
    path: Path
    entries: dict
    lines: dict[str, int] = field(default_factory=dict)
    node: yaml.Node | None = None  # the parsed YAML, for the line of anything deeper than a top-level name

    def line(self, name: str) -> int:
        return self.lines.get(name, 1)


def load(name: str, data_dir: Path | None = None, optional: bool = False) -> DataFile:
    """Read and parse data/<name>.yml: the one loader of the data files (a missing optional file is empty)."""
    directory = data_dir or ROOT / "data"
    path = directory / f"{name}.yml"
    if optional and not path.exists():
        return DataFile(display(path), {})
    stat = path.stat() if path.is_file() else None
    return _load(path, stat and (stat.st_mtime_ns, stat.st_size))


@cache
def _load(path: Path, _version: tuple | None) -> DataFile:
    """Cached while the file is unchanged (`_version`); read_text refuses a missing or unreadable file."""
    shown = display(path)
    text = read_text(path, shown)
    try:
        node, entries = parse_yaml(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise ContentError(
            [
                problem(
                    shown,
                    (mark.line + 1) if mark else 1,
                    f"not valid YAML ({getattr(err, 'problem', None) or err}); check the indentation and quote "
                    "values that contain ':' or start with a special character",
                )
            ]
        ) from None
    if entries is None:  # only comments: no entries yet
        return DataFile(shown, {})
    if not isinstance(entries, dict) or not isinstance(node, yaml.MappingNode):
        raise ContentError(
            [problem(shown, 1, "the file must be a list of 'name:' entries, each starting at the line's beginning")]
        )
    lines = {str(k.value): k.start_mark.line + 1 for k, _ in node.value}
    return DataFile(shown, entries, lines, node)


def localised(data: DataFile, name: str, value, what: str) -> list[str]:
    """Problems with a {fi:…, en:…, …} mapping: every language must be there and not empty."""
    if not isinstance(value, dict):
        return [problem(data.path, data.line(name), f"'{name}': {what} must give the text in {', '.join(LANGUAGES)}")]
    return [
        problem(data.path, data.line(name), f"'{name}': {what} has no {lang} text; add '{lang}: …'")
        for lang in LANGUAGES
        if not value.get(lang)
    ]


# --- Figures -------------------------------------------------------------------------------


def check_figures(data: DataFile, contacts: DataFile) -> list[str]:
    out = []
    for name, fig in data.entries.items():
        at = data.line(name)
        if not isinstance(fig, dict):
            out.append(problem(data.path, at, f"figure '{name}' must have label, unit, status and values"))
            continue
        out += localised(data, name, fig.get("label"), "label")
        if fig.get("unit") not in FIGURE_UNITS:
            out.append(problem(data.path, at, f"figure '{name}': unit must be one of {', '.join(FIGURE_UNITS)}"))
        if fig.get("status") not in ("confirmed", "pending"):
            out.append(problem(data.path, at, f"figure '{name}': status must be confirmed or pending"))
        fields = {"label", "unit", "yearly", "status", "confirm_with", "values", "valid_until", "replaced_by"}
        unknown = set(fig) - fields
        if unknown:
            out.append(problem(data.path, at, f"figure '{name}' has unknown fields {sorted(unknown)}"))
        if "valid_until" in fig and not isinstance(fig["valid_until"], dt.date):
            out.append(problem(data.path, at, f"figure '{name}': valid_until must be a date (YYYY-MM-DD), not quoted"))
        if fig.get("replaced_by") is not None and fig["replaced_by"] not in data.entries:
            out.append(problem(data.path, at, f"figure '{name}': replaced_by must be the name of another figure"))
        has_pending_value = isinstance(fig.get("values"), list) and any(
            isinstance(v, dict) and v.get("pending") for v in fig["values"]
        )
        if (fig.get("status") == "pending" or has_pending_value) and fig.get("confirm_with") not in contacts.entries:
            out.append(
                problem(
                    data.path,
                    at,
                    f"figure '{name}' is pending: set confirm_with to a contact name "
                    "from data/contacts.yml (who confirms it)",
                )
            )
        values = fig.get("values")
        if not isinstance(values, list) or not values:
            out.append(problem(data.path, at, f"figure '{name}' needs at least one value under 'values'"))
            continue
        for item in values:
            if isinstance(item, dict) and item.get("pending") and not isinstance(item.get("valid_from"), dt.date):
                out.append(problem(data.path, at, f"figure '{name}': a pending value needs 'valid_from' as a date"))
            elif isinstance(item, dict) and item.get("pending") and not isinstance(item.get("value"), (int, float)):
                if not any(isinstance(v, dict) and not v.get("pending") for v in values):
                    out.append(
                        problem(data.path, at, f"figure '{name}': a pending value needs a number or an earlier value")
                    )
            elif not isinstance(item, dict) or not isinstance(item.get("value"), (int, float)):
                out.append(problem(data.path, at, f"figure '{name}': every value needs a number in 'value'"))
            elif not isinstance(item.get("valid_from"), dt.date):
                out.append(
                    problem(
                        data.path,
                        at,
                        f"figure '{name}': value {item['value']} needs 'valid_from' as a date (YYYY-MM-DD)",
                    )
                )
            elif not item.get("source"):
                out.append(problem(data.path, at, f"figure '{name}': value {item['value']} needs its 'source'"))
    return out


def value_in_force(fig: dict, on: dt.date) -> dict | None:
    """The newest value whose valid_from is not after `on`."""
    current = None
    for item in sorted(fig["values"], key=lambda v: v["valid_from"]):
        if item["valid_from"] <= on:
            current = item
    return current


@dataclass
class FigureState:
    """What a reader should see of a figure on a date.

    kind: "confirmed"; "pending" (the number in force is not confirmed: `value` is the last known one, and
    `until` the last day it was in force when a newer value, not yet known, has replaced it); "ended" (the
    figure stopped on `until`); "future" (no value in force yet: `value` is the first one).
    """

    kind: str
    value: float
    since: dt.date
    source: dict
    until: dt.date | None = None


def figure_state(fig: dict, on: dt.date) -> FigureState:
    current = value_in_force(fig, on)
    if current is None:
        first = min(fig["values"], key=lambda v: v["valid_from"])
        return FigureState("future", first.get("value"), first["valid_from"], first)
    known = current
    if current.get("pending") and not isinstance(current.get("value"), (int, float)):
        earlier = [v for v in fig["values"] if not v.get("pending") and v["valid_from"] <= current["valid_from"]]
        known = max(earlier, key=lambda v: v["valid_from"])
    until = fig.get("valid_until")
    if until is not None and until < on:
        return FigureState("ended", known["value"], known["valid_from"], current, until)
    pending = fig.get("status") == "pending" or bool(current.get("pending"))
    # The last known number stopped the day before the value still to be confirmed took over.
    replaced = current["valid_from"] - dt.timedelta(days=1) if known is not current else None
    return FigureState("pending" if pending else "confirmed", known["value"], known["valid_from"], current, replaced)


def stale_figures(data: DataFile, on: dt.date) -> list[str]:
    """Report lines (not failures) for figures whose newest value is from a past year."""
    out = []
    for name, fig in data.entries.items():
        if not fig.get("yearly") or (fig.get("valid_until") and fig["valid_until"] < on):
            continue
        # A value still to be confirmed (pending: true) is not this year's value yet.
        newest = max((v["valid_from"] for v in fig["values"] if not v.get("pending")), default=dt.date.min)
        if newest.year < on.year:
            out.append(
                problem(
                    data.path,
                    data.line(name),
                    f"figure '{name}' has no value for {on.year} "
                    f"(newest is valid from {newest.isoformat()}); check the source and add this "
                    "year's value",
                )
            )
    return out


def format_number(value: float, language: str, decimals: int) -> str:
    text = f"{value:,.{decimals}f}"  # 1,234.56
    if language == "en":
        return text
    # Finnish, Swedish, Russian and Ukrainian: no-break space between thousands, comma for decimals.
    return text.replace(",", NBSP).replace(".", ",")


def decimals_for(value: float, unit: str) -> int:
    """Money has cents or none (37,21 €, 1 500 €); other figures as many decimals as they have (24,4 %)."""
    if float(value).is_integer():
        return 0
    if unit == "eur":
        return 2
    return len(repr(float(value)).split(".")[1])


def format_value(value: float, unit: str, language: str) -> str:
    number = format_number(value, language, decimals_for(value, unit))
    if unit == "eur":
        return f"€{number}" if language == "en" else f"{number}{NBSP}€"
    if unit == "percent":
        return f"{number}%" if language == "en" else f"{number}{NBSP}%"
    return number


def format_size(size: int, language: str, ui: dict) -> str:
    """A file size as readers of the language write it: '287 kt', '3,4 Mt', '3.4 MB' (ui: data/ui.yml's entries)."""
    if size < 2**20:
        return ui["size_kilobytes"][language].format(size=format_number(max(1, round(size / 1024)), language, 0))
    return ui["size_megabytes"][language].format(size=format_number(size / 2**20, language, 1))


def format_date(date: dt.date, language: str) -> str:
    if language == "en":
        return f"{date.day} {MONTHS_EN[date.month - 1]} {date.year}"
    return f"{date.day}.{date.month}.{date.year}"


# --- Contacts, glossary, pending facts, status banners ---------------------------------------


def check_contacts(data: DataFile) -> list[str]:
    out = []
    if "site_feedback" not in data.entries:  # every page's feedback link (scripts/hooks.py)
        out.append(problem(data.path, 1, "the contact 'site_feedback' is missing: restore it from git"))
    for name, contact in data.entries.items():
        at = data.line(name)
        if not isinstance(contact, dict):
            out.append(problem(data.path, at, f"contact '{name}' must have name and status"))
            continue
        out += localised(data, name, contact.get("name"), "name")
        if contact.get("status") not in ("confirmed", "pending"):
            out.append(problem(data.path, at, f"contact '{name}': status must be confirmed or pending"))
        if contact.get("status") == "pending":
            out += localised(data, name, contact.get("confirmed_by"), "confirmed_by (who confirms it)")
            for detail in ("url", "email", "phone"):
                if contact.get(detail):
                    out.append(
                        problem(
                            data.path,
                            at,
                            f"contact '{name}' is pending but has a {detail}: set "
                            "status to confirmed once the details are confirmed",
                        )
                    )
        if "note" in contact:
            out += localised(data, name, contact.get("note"), "note")
        unknown = set(contact) - {"name", "status", "confirmed_by", "url", "email", "phone", "note", "source"}
        if unknown:
            out.append(problem(data.path, at, f"contact '{name}' has unknown fields {sorted(unknown)}"))
        if contact.get("url") and not str(contact["url"]).startswith("https://"):
            out.append(problem(data.path, at, f"contact '{name}': url must start with https://"))
        if not contact.get("source"):
            out.append(problem(data.path, at, f"contact '{name}' needs a 'source' saying where the details come from"))
    return out


def check_glossary(data: DataFile) -> list[str]:
    out = []
    for name, entry in data.entries.items():
        at = data.line(name)
        if not isinstance(entry, dict):
            out.append(problem(data.path, at, f"term '{name}' must give term and definition in every language"))
            continue
        for lang in LANGUAGES:
            item = entry.get(lang)
            if not isinstance(item, dict) or not item.get("term") or not item.get("definition"):
                out.append(
                    problem(
                        data.path,
                        at,
                        f"term '{name}' has no {lang} term and definition; add '{lang}: {{term: …, definition: …}}'",
                    )
                )
    return out


def check_pending(data: DataFile, contacts: DataFile) -> list[str]:
    out = []
    for name, item in data.entries.items():
        at = data.line(name)
        if not isinstance(item, dict):
            out.append(problem(data.path, at, f"pending fact '{name}' must have topic, confirmed_by, contact, text"))
            continue
        out += localised(data, name, item.get("topic"), "topic")
        out += localised(data, name, item.get("confirmed_by"), "confirmed_by")
        if item.get("contact") not in contacts.entries:
            out.append(problem(data.path, at, f"pending fact '{name}': contact must be a name from data/contacts.yml"))
        text = item.get("text") or {}
        filled = [lang for lang in LANGUAGES if text.get(lang)]
        if filled and len(filled) < len(LANGUAGES):
            missing = [lang for lang in LANGUAGES if lang not in filled]
            out.append(
                problem(
                    data.path,
                    at,
                    f"pending fact '{name}' is confirmed in {', '.join(filled)} but not in "
                    f"{', '.join(missing)}: fill in the text in every language at once",
                )
            )
    return out


def check_status(data: DataFile) -> list[str]:
    out = []
    for name, item in data.entries.items():
        at = data.line(name)
        if not isinstance(item, dict) or item.get("state") not in STATUS_STATES:
            out.append(problem(data.path, at, f"status '{name}': state must be one of {', '.join(STATUS_STATES)}"))
        elif item["state"] == "open" and not isinstance(item.get("open_from"), dt.date):
            out.append(problem(data.path, at, f"status '{name}' is open: set open_from to the date (YYYY-MM-DD)"))
    return out


STEP_FIELDS = ("title", "who_decides", "how_to_apply", "first", "deadline", "if_late")


def check_steps(data: DataFile) -> list[str]:
    """The "what to do next" blocks: every field in every language, and the official sources."""
    out = []
    for name, item in data.entries.items():
        at = data.line(name)
        if not isinstance(item, dict):
            out.append(problem(data.path, at, f"steps '{name}' must give {', '.join(STEP_FIELDS)} and sources"))
            continue
        for key in STEP_FIELDS:
            out += localised(data, name, item.get(key), key)
        unknown = set(item) - {*STEP_FIELDS, "sources"}
        if unknown:
            out.append(problem(data.path, at, f"steps '{name}' has unknown fields {sorted(unknown)}"))
        sources = item.get("sources")
        if not isinstance(sources, list) or not sources:
            out.append(problem(data.path, at, f"steps '{name}' needs 'sources': the official pages of its facts"))
            continue
        for source in sources:
            if (
                not isinstance(source, dict)
                or not source.get("title")
                or not str(source.get("url", "")).startswith("https://")
            ):
                out.append(problem(data.path, at, f"steps '{name}': every source needs a title and an https:// url"))
    return out


def placeholders(text: str) -> set[str] | None:
    """The {names} that the build fills into an interface text; None if its braces do not pair up."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return None


def check_ui(data: DataFile) -> list[str]:
    out = []
    for name, value in data.entries.items():
        problems = localised(data, name, value, "the text")
        out += problems
        if problems:
            continue
        wanted = placeholders(str(value["fi"]))
        for lang in LANGUAGES:
            found = placeholders(str(value[lang]))
            if found != wanted:
                out.append(
                    problem(
                        data.path,
                        data.line(name),
                        f"'{name}': the {lang} text must have the same {{names}} in braces as the Finnish one "
                        f"({', '.join(sorted(wanted or [])) or 'none'}); the build fills them in, so keep them "
                        "untranslated",
                    )
                )
    return out


AUDIT_FIELDS = ["date", "tool", "browser", "rules", "pages", "languages", "violations"]
# The accessibility record: written by the axe walk over every page (tests/test_accessibility.py, which `make audit`
# runs before the publishing workflow builds the site), read by the build for the statement's [[audit]]. It lives in
# reports/ beside data/, which git ignores: a test run never changes a tracked file, and the published statement
# shows the audit of the commit being published, not whatever record was last committed.
AUDIT_RECORD = Path("reports") / "audit.yml"


def audit_record_dir(data_dir: Path | None = None) -> Path:
    """The folder of the accessibility record: reports/ beside the data folder."""
    return (data_dir or ROOT / "data").parent / AUDIT_RECORD.parent


def write_audit_record(record: dict, root: Path = ROOT) -> Path:
    """Write the accessibility record (AUDIT_FIELDS) to reports/audit.yml under root; return its path."""
    path = root / AUDIT_RECORD
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "# Written by tests/test_accessibility.py (make audit); shown by the accessibility statement. Not tracked.\n"
        + yaml.safe_dump({name: record[name] for name in AUDIT_FIELDS}, sort_keys=False, allow_unicode=True),
        encoding="utf-8",
    )
    return path


def check_audit(data: DataFile) -> list[str]:
    """reports/audit.yml is written by the accessibility audit; a damaged one must not reach the statement."""
    if not data.entries:
        return []
    missing = [name for name in AUDIT_FIELDS if name not in data.entries]
    date = data.entries.get("date")
    if not missing and not isinstance(date, dt.date):
        missing = ["date (YYYY-MM-DD)"]
    if missing:
        return [
            problem(
                data.path, 1, f"the accessibility record needs {', '.join(missing)}: run `make audit` to rewrite it"
            )
        ]
    return []


SEARCH_RULE_KINDS = {"min_stem": int, "clitics": list, "endings": list, "rewrite": list, "trim": str, "final": list}


def check_search_rules(data: DataFile) -> list[str]:
    """data/search_rules.yml: for every language, the kinds of rule that scripts/search.py and search.js apply."""
    out = []
    for lang in LANGUAGES:
        rules = data.entries.get(lang)
        if not isinstance(rules, dict):
            out.append(problem(data.path, data.line(lang), f"'{lang}' needs its rules: {', '.join(SEARCH_RULE_KINDS)}"))
            continue
        for kind, kind_type in SEARCH_RULE_KINDS.items():
            value = rules.get(kind)
            pairs = kind in ("rewrite", "final")
            if (
                not isinstance(value, kind_type)
                or isinstance(value, bool)
                or (isinstance(value, list) and not all(isinstance(v, list if pairs else str) for v in value))
                or (pairs and not all(len(v) == 2 and all(isinstance(x, str) for x in v) for v in value))
            ):
                shape = {int: "a number", str: "text", list: "a list of [old, new] pairs" if pairs else "a list"}
                out.append(problem(data.path, data.line(lang), f"'{lang}': '{kind}' must be {shape[kind_type]}"))
    return out


class MissingText(ContentError, LookupError):
    """An interface text that data/ui.yml lacks. A LookupError too, so a template shows nothing for it
    (the gates, which render every page's shortcodes, report it)."""


class Texts(dict):
    """The interface texts of one language; a missing one names data/ui.yml."""

    def __init__(self, texts: dict, path: Path):
        super().__init__(texts)
        self.path = path

    def __missing__(self, key: str):
        raise MissingText([problem(self.path, 1, f"the interface text '{key}' is missing: restore it from git")])


@dataclass
class SiteData:
    figures: DataFile
    contacts: DataFile
    glossary: DataFile
    pending: DataFile
    status: DataFile
    ui: DataFile
    company_forms: DataFile
    audit: DataFile
    steps: DataFile
    search_rules: DataFile

    def texts(self, language: str) -> Texts:
        return Texts({key: value[language] for key, value in self.ui.entries.items()}, self.ui.path)

    def text(self, key: str, language: str, **values) -> str:
        """An interface text from data/ui.yml in the language, with the {names} filled in."""
        try:
            text = self.ui.entries[key][language]
            return text.format(**values) if values else text
        except (KeyError, IndexError, ValueError, TypeError) as err:
            raise ContentError(
                [
                    problem(
                        self.ui.path,
                        self.ui.line(key),
                        f"the interface text '{key}' ({language}) is missing or its {{names}} are not "
                        f"{', '.join(values) or 'empty'} ({type(err).__name__}: {err}): restore it from git",
                    )
                ]
            ) from None


def load_all(data_dir: Path | None = None) -> SiteData:
    """Load and check every data file; raise one ContentError listing every problem."""
    from scripts import company_forms  # it uses DataFile from here

    names = (
        *("figures", "contacts", "glossary", "pending", "status", "ui"),
        *("company_forms", "steps", "search_rules"),
    )
    files = {name: load(name, data_dir, optional=name == "company_forms") for name in names}
    # No record before the first audit (a fresh clone, a pull request's preview): the statement says so.
    files["audit"] = load("audit", audit_record_dir(data_dir), optional=True)
    site = SiteData(**files)
    problems = (
        check_contacts(site.contacts)
        + check_figures(site.figures, site.contacts)
        + check_glossary(site.glossary)
        + check_pending(site.pending, site.contacts)
        + check_status(site.status)
        + check_ui(site.ui)
        + check_steps(site.steps)
        + check_audit(site.audit)
        + company_forms.check(site.company_forms)
        + check_search_rules(site.search_rules)
    )
    if problems:
        raise ContentError(problems)
    return site
