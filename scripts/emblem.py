"""Draw the EU emblem as SVG from its published geometry, so that nothing is fetched.

Geometry (EU visual identity, "The European flag"): a blue rectangle whose width is one and a half
times its height; twelve gold five-pointed stars, upright, on an invisible circle of radius one third
of the height, placed like the hours on a clock face; each star's points lie on a circle of radius
one eighteenth of the height. Colours: Reflex Blue #003399 and yellow #FFCC00. On a dark background
the emblem keeps a white border, so the border is part of the file.

Run `python -m scripts.emblem` to rewrite overrides/assets/images/eu-emblem.svg.
"""

from __future__ import annotations

import math
from pathlib import Path

HEIGHT = 200.0
WIDTH = HEIGHT * 1.5
BORDER = HEIGHT / 25
BLUE, GOLD, WHITE = "#003399", "#FFCC00", "#FFFFFF"
OUT = Path(__file__).resolve().parent.parent / "overrides" / "assets" / "images" / "eu-emblem.svg"


def star_points(cx: float, cy: float, outer: float) -> list[tuple[float, float]]:
    """A regular five-pointed star with one point straight up."""
    inner = outer * math.sin(math.radians(18)) / math.sin(math.radians(54))
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = math.radians(-90 + i * 36)
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return points


def star_centres() -> list[tuple[float, float]]:
    cx, cy, ring = BORDER + WIDTH / 2, BORDER + HEIGHT / 2, HEIGHT / 3
    return [(cx + ring * math.sin(math.radians(30 * h)), cy - ring * math.cos(math.radians(30 * h))) for h in range(12)]


def svg() -> str:
    stars = []
    for x, y in star_centres():
        coords = " ".join(f"{px:.2f},{py:.2f}" for px, py in star_points(x, y, HEIGHT / 18))
        stars.append(f'<polygon fill="{GOLD}" points="{coords}"/>')
    total_w, total_h = WIDTH + 2 * BORDER, HEIGHT + 2 * BORDER
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {total_w:g} {total_h:g}" '
        f'width="{total_w:g}" height="{total_h:g}" aria-hidden="true" focusable="false">\n'
        f'<rect width="{total_w:g}" height="{total_h:g}" fill="{WHITE}"/>\n'
        f'<rect x="{BORDER:g}" y="{BORDER:g}" width="{WIDTH:g}" height="{HEIGHT:g}" fill="{BLUE}"/>\n'
        + "\n".join(stars)
        + "\n</svg>\n"
    )


if __name__ == "__main__":
    OUT.write_text(svg(), encoding="utf-8")
