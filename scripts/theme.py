"""Corrections to Material's base.html and script that neither a block nor a partial can reach.

Material's base.html writes two hidden checkboxes (`__drawer`, `__search`) with autocomplete="off", an
attribute HTML allows only on text-like inputs: the Nu HTML Checker reports both on every page. They stand
outside every block, so the alternative to this exact-text correction would be a full copy of base.html,
which names Material's hashed asset files and would break on the next Material update. Each correction
names the exact text it replaces and stops the build if that text is not there once, so an update of
Material that changes it is noticed at once (and may make the correction unnecessary).
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import BaseLoader, Environment, TemplateError

# template name -> [(Material's text, our text)]
CORRECTIONS = {
    "base.html": [
        (
            'type="checkbox" id="__drawer" autocomplete="off">',
            'type="checkbox" id="__drawer">',
        ),
        (
            'type="checkbox" id="__search" autocomplete="off">',
            'type="checkbox" id="__search">',
        ),
    ],
}


class CorrectedLoader(BaseLoader):
    """The theme's own loader, with CORRECTIONS applied to the templates they name."""

    def __init__(self, loader: BaseLoader):
        self.loader = loader

    def get_source(self, environment: Environment, template: str):
        source, filename, uptodate = self.loader.get_source(environment, template)
        for old, new in CORRECTIONS.get(template, []):
            if source.count(old) != 1:
                raise TemplateError(
                    f"{filename}: expected {old!r} once; Material's template has changed: "
                    "update scripts/theme.py (the correction may no longer be needed)"
                )
            source = source.replace(old, new)
        return source, filename, uptodate

    def list_templates(self):
        return self.loader.list_templates()


def correct(env: Environment) -> Environment:
    if not isinstance(env.loader, CorrectedLoader):
        env.loader = CorrectedLoader(env.loader)
        env.cache.clear() if env.cache is not None else None
    return env


# Material's script reads every <link rel="alternate"> of the page and fetches the sitemap.xml next to each
# address (five requests per page, for nothing: it uses them only to redirect a click on the language menu to
# the same page in the other language, and mkdocs-static-i18n already writes those links so). Our alternates
# are for search engines. The script is told to look for a selector that no page has; the menu's own links
# work as written. The same exact-text rule as above: the build stops if Material's script has changed.
ALTERNATE_LOOKUP = ('"link[rel=alternate]"', '"link[rel=alternate][data-md-sitemap]"')


def correct_script(site_dir: Path) -> None:
    """Apply ALTERNATE_LOOKUP to Material's bundle in the built site (idempotent: each language build calls it)."""
    old, new = ALTERNATE_LOOKUP
    bundles = sorted((site_dir / "assets" / "javascripts").glob("bundle.*.min.js"))
    if len(bundles) != 1:
        raise TemplateError(f"{site_dir}/assets/javascripts: expected one bundle.*.min.js, found {len(bundles)}")
    text = bundles[0].read_text(encoding="utf-8")
    if text.count(new) == 1:
        return
    if text.count(old) != 1:
        raise TemplateError(
            f"{bundles[0].name}: expected {old} once; Material's script has changed: update scripts/theme.py "
            "(ALTERNATE_LOOKUP; check whether the page still fetches sitemap.xml files)"
        )
    bundles[0].write_text(text.replace(old, new), encoding="utf-8")
