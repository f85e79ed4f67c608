"""Build the complete site (HTML, search, PDFs, print sets and the offline copies) into site/ without ever
leaving a half-built one.

MkDocs writes into a temporary folder; site/ is replaced only when the whole build succeeded, so a
mistake in one page never takes the published copy down with it.

    python -m scripts.build [--site-dir site] [--config mkdocs.yml] [--no-pdf | --html-from built-html-site]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path


def build(
    site_dir: Path,
    config: Path = Path("mkdocs.yml"),
    pdfs: bool = True,
    only: set[str] | None = None,
    html_from: Path | None = None,
) -> int:
    """Build into site_dir; `only`: make only these PDFs (paths inside the site), as the preview does;
    `html_from`: start from a site already built with pdfs=False (the tests make the PDFs of their HTML build
    in the background this way) instead of running MkDocs again."""
    work = site_dir.parent / f".{site_dir.name}-build"
    shutil.rmtree(work, ignore_errors=True)
    if html_from is not None:
        shutil.copytree(html_from, work)
    else:
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(config), "--site-dir", str(work)]
        )
        if result.returncode != 0:
            shutil.rmtree(work, ignore_errors=True)
            print(f"The build stopped; {site_dir}/ was left as it was. Fix the problems listed above.", file=sys.stderr)
            return result.returncode
        from scripts import search

        print("Search: " + json.dumps(search.build(work, config.parent / "data" / "search_rules.yml")))
    if pdfs:
        from scripts import offline, pdf, print_sets

        print("PDFs: " + json.dumps(pdf.build(work, config, only=only)))
        print("Print sets: " + json.dumps(print_sets.fill_all(work, config)))
        if only is None:  # a preview (only the changed pages' PDFs) has no offline copies
            print("Offline copies: " + json.dumps(offline.build(work, config)))
    old = site_dir.parent / f".{site_dir.name}-old"
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    work.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site-dir", type=Path, default=Path("site"))
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--no-pdf", action="store_true", help="HTML only (faster)")
    parser.add_argument("--html-from", type=Path, help="add the PDFs to a copy of this site built with --no-pdf")
    args = parser.parse_args()
    return build(args.site_dir, args.config.resolve(), pdfs=not args.no_pdf, html_from=args.html_from)


if __name__ == "__main__":
    sys.exit(main())
