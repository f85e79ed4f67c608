"""The preview of a pull request: the built site (HTML and search) with the PDFs of the changed pages only, in a
folder that opens from the disk; the test workflow uploads it as an artifact named after the pull request.

python -m scripts.preview --base REF [--out preview] [--info reports/preview.json]
make preview BASE=origin/main

The PDFs are those of the printable units (scripts/pdf.py) whose own source files changed since REF, or that use
a figure that changed; the handbooks, which repeat every unit, are left out, and so the preview's "Printables"
page lists only these. A browser that opens files shows a folder's listing for a link such as `employers/`, so
every link to a folder gets its `index.html`. The search needs a web server and does not work from the disk;
everything else does. The info file records the size of the folder and of its zip (packed as the artifact is:
deflate, level 6), the changed pages and the PDFs, for the pull-request summary (scripts/pr_summary.py).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import zipfile
from pathlib import Path

from scripts import build, pdf, pr_summary
from scripts.content import LANGUAGES, SOURCE_LANGUAGE, ContentError, read_page

LINK = re.compile(r'(\bhref="|"link": ")([^"]*)"')  # links in the pages, and those of the company-form helper's data
SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:")


def page_address(path: str) -> str | None:
    """Where the built site has a page: docs/en/employers/x.md -> en/employers/x/index.html (None: not a page)."""
    parts = path.split("/", 2)
    if len(parts) < 3 or parts[0] != "docs" or parts[1] not in LANGUAGES or not parts[2].endswith(".md"):
        return None
    prefix = "" if parts[1] == SOURCE_LANGUAGE else f"{parts[1]}/"
    rel = parts[2].removesuffix(".md")
    folder = rel.removesuffix("index") if rel == "index" or rel.endswith("/index") else f"{rel}/"
    return f"{prefix}{folder}index.html"


def changed_units(root: Path, changed: list[str], figures: list[str]) -> list[str]:
    """The PDFs (paths inside the site) of the units whose source files are among `changed` (from the repository
    root) or use one of `figures`."""
    config = pdf.load_config(root / "mkdocs.yml")
    codes = [f"[[figure:{name}]]" for name in figures]
    out = []
    for language in LANGUAGES:
        for unit in pdf.units_for(language, root / "docs", config):
            bodies = []
            for source in unit.sources if codes else []:
                try:
                    bodies.append(read_page(root / source).body)
                except ContentError:
                    pass
            if any(source in changed for source in unit.sources) or any(c in b for c in codes for b in bodies):
                out.append(unit.path)
    return out


def openable_link(target: str) -> str:
    """A relative link to a folder, with the folder's index.html added (other links as they are)."""
    if not target or target.startswith(("/", "#")) or SCHEME.match(target):
        return target
    path, rest = re.match(r"([^?#]*)(.*)", target, re.S).groups()
    if path.endswith("/"):
        path += "index.html"
    elif path.rsplit("/", 1)[-1] in (".", ".."):
        path += "/index.html"
    return path + rest


def make_openable(site: Path) -> int:
    """Rewrite every page's links to folders; return how many pages changed."""
    changed = 0
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        new = LINK.sub(lambda m: f'{m[1]}{openable_link(m[2])}"', text)
        if new != text:
            page.write_text(new, encoding="utf-8")
            changed += 1
    return changed


def sizes(folder: Path) -> tuple[int, int, int]:
    """(bytes, files, bytes of the zip the artifact will be: deflate at level 6, as actions/upload-artifact packs)."""
    paths = [path for path in sorted(folder.rglob("*")) if path.is_file()]
    with tempfile.TemporaryFile() as packed:
        with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            for path in paths:
                archive.write(path, path.relative_to(folder).as_posix())
        zipped = packed.tell()
    return sum(path.stat().st_size for path in paths), len(paths), zipped


def make(root: Path, base: str, out: Path, info: Path) -> int:
    with pr_summary.compared(root, base) as (base_root, _, changes):
        figures = pr_summary.changed_figures(base_root, root)
    present = [change.path for change in changes if change.kind != "deleted"]
    pdfs = changed_units(root, present, figures)
    code = build.build(out, root / "mkdocs.yml", only=set(pdfs))
    if code:
        info.unlink(missing_ok=True)  # no preview: the summary says so
        return code
    make_openable(out)
    size, count, zipped = sizes(out)
    pages = [  # in the languages' order, Finnish first
        address
        for changed in pr_summary.page_changes(changes).values()
        for change in changed
        if change.kind != "deleted" and (address := page_address(change.path)) and (out / address).is_file()
    ]
    facts = {"bytes": size, "files": count, "zip_bytes": zipped, "pages": pages, "pdfs": pdfs}
    info.parent.mkdir(parents=True, exist_ok=True)
    info.write_text(json.dumps(facts, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"Preview in {out}/: {size / 1e6:.1f} MB in {count} files, {zipped / 1e6:.1f} MB zipped; {len(pdfs)} PDF(s)")
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.preview", description=__doc__.split("\n")[0])
    parser.add_argument("--base", default="origin/main", help="the branch or commit to compare with")
    parser.add_argument("--out", type=Path, default=Path("preview"), help="the preview's folder (replaced)")
    parser.add_argument("--info", type=Path, default=Path("reports/preview.json"), help="its facts, for the summary")
    args = parser.parse_args(argv)
    return make(Path.cwd(), args.base, args.out, args.info)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
