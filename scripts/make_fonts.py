"""Make the vendored fonts: Noto Sans subset to the scripts this site uses.

    python -m scripts.make_fonts /usr/share/fonts/truetype/noto   # the print fonts, from Debian's fonts-noto-core
    python -m scripts.make_fonts --web                            # the web subsets, from the committed print fonts

The print fonts (overrides/assets/fonts/NotoSans-<Style>.woff2 and .ttf) hold every letter of the five languages
in one file per face: WeasyPrint reads them through print.css. The web fonts (overrides/assets/fonts/web/) are the
same faces cut by script, declared in toimi.css with `unicode-range` (WEB_FACES below writes those rules), so that
a browser downloads only the files whose letters the page shows: a Finnish page no Cyrillic, a Russian page the
Cyrillic file too, and an italic face only on a page with italic text. They are cut from the committed print fonts,
so the screen and the PDFs have the same glyphs. The output is committed, so building the site needs neither this
script nor the Debian package. Noto Sans is under the SIL Open Font License 1.1 (overrides/assets/fonts/OFL.txt).
"""

import sys
from pathlib import Path

from fontTools import subset

FONTS = Path(__file__).resolve().parent.parent / "overrides" / "assets" / "fonts"
WEB = FONTS / "web"
STYLES = {"Regular": (400, "normal"), "Bold": (700, "normal"), "Italic": (400, "italic"), "BoldItalic": (700, "italic")}
# Basic Latin, Latin-1, Latin Extended-A (Finnish, Swedish, names), the Russian and Ukrainian
# Cyrillic letters (incl. Ґ ґ), general punctuation, the euro sign, №, arrows and a check mark.
# Hinting is dropped: it triples the size and modern screens do not need it.
UNICODES = "U+0000-017F,U+0218-021B,U+0400-045F,U+0490-0491,U+2000-206F,U+20AC,U+2116,U+2122,U+2190-2193,U+2212,U+2713"
# The language menu names Русский and Українська on every page: their letters are in the Latin file too, so that a
# Finnish, English or Swedish page needs no Cyrillic file for them. (Where two files cover a letter, the browser
# takes it from the file declared last, the Latin one.)
MENU_LETTERS = ",".join(f"U+{ord(c):04X}" for c in sorted(set("РусскийУкраїнська")))
# The web subsets: name -> unicode-range. Together they cover UNICODES.
SUBSETS = {
    "cyrillic": "U+0400-045F,U+0490-0491,U+2116",
    "latin-ext": "U+0100-017F,U+0218-021B",
    "latin": "U+0000-00FF,U+2000-206F,U+20AC,U+2122,U+2190-2193,U+2212,U+2713," + MENU_LETTERS,
}


def cut(source: Path, unicodes: str, target: Path, flavor: str | None) -> None:
    args = [str(source), f"--unicodes={unicodes}", "--no-hinting", "--desubroutinize", f"--output-file={target}"]
    subset.main(args + ([f"--flavor={flavor}"] if flavor else []))


def print_fonts(source_dir: str) -> None:
    FONTS.mkdir(parents=True, exist_ok=True)
    for style in STYLES:
        for flavor, suffix in (("woff2", "woff2"), (None, "ttf")):
            cut(Path(source_dir) / f"NotoSans-{style}.ttf", UNICODES, FONTS / f"NotoSans-{style}.{suffix}", flavor)


def web_fonts() -> None:
    WEB.mkdir(parents=True, exist_ok=True)
    for style in STYLES:
        for name, unicodes in SUBSETS.items():
            cut(FONTS / f"NotoSans-{style}.ttf", unicodes, WEB / f"NotoSans-{style}-{name}.woff2", "woff2")


def font_faces() -> str:
    """The @font-face rules of toimi.css for the web subsets (printed by --web, pasted into toimi.css)."""
    rules = []
    for style, (weight, slope) in STYLES.items():
        for name, unicodes in SUBSETS.items():
            rules.append(
                f'@font-face {{ font-family: "Noto Sans"; font-style: {slope}; font-weight: {weight}; '
                f'font-display: optional;\n  src: url("../fonts/web/NotoSans-{style}-{name}.woff2") format("woff2");'
                f"\n  unicode-range: {unicodes}; }}"
            )
    return "\n".join(rules)


if __name__ == "__main__":
    if sys.argv[1:] == ["--web"]:
        web_fonts()
        print(font_faces())
    else:
        print_fonts(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/truetype/noto")
