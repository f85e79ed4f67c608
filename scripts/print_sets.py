"""A workshop's print set: the facilitator's edition, the participant's handout and the checklists the
module links to, each with its page count, and how many sheets a group needs.

The page counts are known only once the PDFs exist, so the build fills the set in afterwards, like the
Printables page: the module page carries `<div class="toimi-print-set" data-module="<slug>">` (from
macros.module_facts), the workshops index `<div class="toimi-print-sets">` (the [[print_sets]] shortcode).
The group is the upper end of the module's `group_size`; every participant gets the handout and each
checklist, the facilitator one edition, all printed on both sides of A4. Then the print kit (scripts/print_kit.py),
printed on one side: the module's cards (a PDF per kind, as many sets as its activities need), and what every
workshop shares: a name card, a feedback form and the "Who helps" card for each participant.
"""

from __future__ import annotations

import html
import json
import math
import posixpath
import re
from pathlib import Path

import yaml

from scripts import print_kit, workshop_views
from scripts.content import LANGUAGES, read_page
from scripts.pdf import load_config, page_file

WHO_HELPS = workshop_views.WHO_HELPS_PAGE.removesuffix(".md")
CHECKLIST_LINK = re.compile(r"\]\((?:\.\./)?(checklists/[\w-]+)\.md")


def checklists_of(module: Path) -> list[str]:
    """The checklists a module links to, in the order it first mentions them ("checklists/starttiraha")."""
    found: list[str] = []
    for key in CHECKLIST_LINK.findall(read_page(module).body):
        if key not in found:
            found.append(key)
    return found


def group_of(meta: dict) -> int:
    """The largest group the module is made for: 18 for "6–18"."""
    return max(int(n) for n in re.findall(r"\d+", str(meta["group_size"])))


def sheets(pages: int) -> int:
    return math.ceil(pages / 2)


def print_set(
    site_dir: Path, page: Path, language: str, slug: str, docs_dir: Path, units: dict[str, dict], ui: dict
) -> str:
    """The print set of one module as HTML, with links relative to `page` (a file under site_dir)."""
    module = docs_dir / language / "workshops" / f"{slug}.md"
    here = posixpath.dirname(page.relative_to(site_dir).as_posix())
    facilitator = units[f"workshops/{slug}"]
    handout = units[f"workshops/{slug}-handout"]
    parts = [facilitator, handout] + [units[key] for key in checklists_of(module) if key in units]
    kit_key = f"workshops/{slug}{print_kit.KIT_SUFFIX}"
    cards = [units[key] for key in (print_kit.sheet_key(kit_key, kind) for kind in print_kit.KINDS) if key in units]
    name_cards, feedback, who_helps = (
        units.get(key) for key in (print_kit.NAME_CARDS_PAGE, print_kit.FEEDBACK_PAGE, WHO_HELPS)
    )
    shared = [unit for unit in (name_cards, feedback, who_helps) if unit]

    def text(key: str, **values) -> str:
        return html.escape(ui[key][language].format(**values))

    items = []
    for unit in parts + cards + shared:
        # The module's own editions by their name ("Participant's handout"), its cards by their kind ("Role cards"),
        # a checklist or a shared page by its title.
        label = ui.get(f"edition_{unit['edition']}", {}).get(language) or unit["title"]
        if unit["edition"] == "kit":
            label = ui[f"kit_{unit['part']}"][language]
        href = posixpath.relpath(unit["path"], here)
        items.append(
            f'<li><a href="{html.escape(href)}" type="application/pdf" download>{html.escape(label)}</a>'
            f" ({text('print_set_page') if unit['pages'] == 1 else text('print_set_pages', pages=unit['pages'])})</li>"
        )
    group = group_of(read_page(module).meta)
    each = sheets(handout["pages"]) + sum(sheets(unit["pages"]) for unit in parts[2:])
    total = group * each + sheets(facilitator["pages"])
    line = text("print_set_sheets", group=group, sheets=total, each=each, facilitator=sheets(facilitator["pages"]))
    if name_cards and feedback and who_helps:  # one-sided: a form is handed in, a card cut or kept
        forms = group * (feedback["pages"] + who_helps["pages"])
        names = math.ceil(group / print_kit.NAME_CARDS_PER_SHEET) * name_cards["pages"]
        line += " " + text("print_set_forms", forms=forms, names=names, per_sheet=print_kit.NAME_CARDS_PER_SHEET)
    if cards:
        line += " " + text("print_set_cards")
    return (
        f'<div class="toimi-print-set" data-module="{slug}"><p><strong>{text("print_set_title")}</strong></p>'
        f"<ul>{''.join(items)}</ul><p>{line}</p></div>"
    )


def fill(site_dir: Path, language: str, entries: list[dict], ui: dict, docs_dir: Path, directory_urls: bool = True):
    """Fill the print sets of one language's module pages and workshops index."""
    units = {entry["key"]: entry for entry in entries if entry["language"] == language}
    slugs = [key.split("/", 1)[1] for key, unit in units.items() if unit["edition"] == "facilitator"]
    for slug in slugs:
        page = page_file(site_dir, language, f"workshops/{slug}", directory_urls)
        marker = f'<div class="toimi-print-set" data-module="{slug}"></div>'
        text = page.read_text(encoding="utf-8")
        if marker in text:
            filled = print_set(site_dir, page, language, slug, docs_dir, units, ui)
            page.write_text(text.replace(marker, filled), encoding="utf-8")
    index = page_file(site_dir, language, "workshops/index", directory_urls)
    marker = '<div class="toimi-print-sets"></div>'
    if not index.exists() or marker not in (text := index.read_text(encoding="utf-8")):
        return
    here = posixpath.dirname(index.relative_to(site_dir).as_posix())
    blocks = []
    for slug in slugs:
        module = page_file(site_dir, language, f"workshops/{slug}", directory_urls).relative_to(site_dir).as_posix()
        href = posixpath.relpath(module, here)
        if directory_urls:
            href = href.removesuffix("index.html")
        title = html.escape(units[f"workshops/{slug}"]["title"])
        block = print_set(site_dir, index, language, slug, docs_dir, units, ui)
        blocks.append(block.replace("<p><strong>", f'<p><strong><a href="{href}">{title}</a></strong> – <strong>', 1))
    index.write_text(text.replace(marker, f'<div class="toimi-print-sets">{"".join(blocks)}</div>'), encoding="utf-8")


def fill_all(site_dir: Path, config_file: Path, directory_urls: bool = True) -> int:
    """Fill every language's print sets from site_dir/printables.json; returns the number of modules."""
    config = load_config(config_file)
    root = config_file.resolve().parent
    ui = yaml.safe_load((root / "data" / "ui.yml").read_text(encoding="utf-8"))
    entries = json.loads((site_dir / "printables.json").read_text(encoding="utf-8"))
    for language in LANGUAGES:
        fill(site_dir, language, entries, ui, root / config.get("docs_dir", "docs"), directory_urls)
    return sum(1 for entry in entries if entry["edition"] == "facilitator")
