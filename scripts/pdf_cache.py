"""Keep the PDF cache to what the last full build used, before CI saves it for the next run.

The cache (.cache/pdf, scripts/pdf.py) holds one file per PDF under the hash of everything that PDF is made from,
so a run that restores it renders again only the PDFs whose pages, figures, print stylesheet, fonts or renderer
changed. Nothing in it is ever removed, though, and CI saves it after every publish: without pruning it would grow
by every changed PDF, for ever. A cached PDF is copied into the site byte for byte, so an entry that no PDF of the
built site equals is one no later build can use either (its inputs are gone), and goes, with its page count.

    python -m scripts.pdf_cache [--site-dir site]     (the publish workflow, after make site)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from scripts import pdf


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def prune(cache: Path, site_dir: Path) -> dict:
    """Remove the cache's PDFs (and page counts) that no PDF of site_dir/pdf equals; returns what stayed and went."""
    used = {digest(path) for path in (site_dir / "pdf").rglob("*.pdf")}
    kept = removed = 0
    for cached in sorted(cache.glob("*.pdf")):
        if digest(cached) in used:
            kept += 1
            continue
        cached.unlink()
        cached.with_suffix(".pages").unlink(missing_ok=True)
        removed += 1
    return {"kept": kept, "removed": removed}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site-dir", type=Path, default=Path("site"))
    args = parser.parse_args()
    if not (args.site_dir / "pdf").is_dir():
        print(f"{args.site_dir}/pdf is missing: prune after a full build (make site), never after a preview")
        return 1
    print(json.dumps(prune(pdf.CACHE, args.site_dir)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
