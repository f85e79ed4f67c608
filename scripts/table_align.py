"""Column alignment in Markdown tables (`|---:|`) as a class, not a style attribute.

Python-Markdown writes `style="text-align: right;"` on every cell of an aligned column, and the
Content-Security-Policy (scripts/csp.py) allows no inline style; its other choice, `align="right"`, is
obsolete HTML. This extension runs after the tables extension and gives such cells the class
`toimi-align-left|center|right` instead, which toimi.css and print.css align.
"""

from __future__ import annotations

import re

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

ALIGN = re.compile(r"^text-align:\s*(left|center|right);?$")


class AlignToClass(Treeprocessor):
    def run(self, root):
        for cell in (element for element in root.iter() if element.tag in ("th", "td")):
            match = ALIGN.match(cell.get("style", "").strip())
            if match:
                del cell.attrib["style"]
                cell.set("class", " ".join(filter(None, [cell.get("class"), f"toimi-align-{match[1]}"])))


class TableAlignExtension(Extension):
    def extendMarkdown(self, md):
        md.treeprocessors.register(AlignToClass(md), "toimi_table_align", 0)
