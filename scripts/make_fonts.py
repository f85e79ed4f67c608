"""Make the vendored web fonts: Noto Sans subset to the scripts this site uses.

Run once when the font source changes (`python -m scripts.make_fonts /usr/share/fonts/truetype/noto`).
The output is committed, so building the site needs neither this script nor the Debian package.
Noto Sans is under the SIL Open Font License 1.1 (overrides/assets/fonts/OFL.txt).
"""

import sys
from pathlib import Path

from fontTools import subset

OUT = Path(__file__).resolve().parent.parent / "overrides" / "assets" / "fonts"
STYLES = ["Regular", "Bold", "Italic", "BoldItalic"]
# Basic Latin, Latin-1, Latin Extended-A (Finnish, Swedish, names), the Russian and Ukrainian
# Cyrillic letters (incl. Ґ ґ), general punctuation, the euro sign, №, arrows and a check mark.
# Hinting is dropped: it triples the size and modern screens do not need it.
UNICODES = "U+0000-017F,U+0218-021B,U+0400-045F,U+0490-0491,U+2000-206F,U+20AC,U+2116,U+2122,U+2190-2193,U+2212,U+2713"


def main(source_dir: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for style in STYLES:
        src = Path(source_dir) / f"NotoSans-{style}.ttf"
        for flavor, suffix in (("woff2", "woff2"), (None, "ttf")):
            args = [
                str(src),
                f"--unicodes={UNICODES}",
                "--no-hinting",
                "--desubroutinize",
                f"--output-file={OUT / f'NotoSans-{style}.{suffix}'}",
            ]
            if flavor:
                args.append(f"--flavor={flavor}")
            subset.main(args)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/truetype/noto")
