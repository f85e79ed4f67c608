"""Corrections to Material's base.html that neither a block nor a partial can reach.

Material's base.html writes two hidden checkboxes (`__drawer`, `__search`) with autocomplete="off", an
attribute HTML allows only on text-like inputs: the Nu HTML Checker reports both on every page. They stand
outside every block, so the alternative to this exact-text correction would be a full copy of base.html,
which names Material's hashed asset files and would break on the next Material update. Each correction
names the exact text it replaces and stops the build if that text is not there once, so an update of
Material that changes it is noticed at once (and may make the correction unnecessary).
"""

from __future__ import annotations

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
