"""The site's one stylesheet: Material's rules that the pages can use, then ours, then the print rules.

Material ships two stylesheets (main.css, 135 KB, and palette.css, 12 KB) written for every feature and colour it
offers: content tabs, code annotations, blogs, Mermaid, twenty palettes. Our pages use a small part of them. The
build keeps a rule when every class, id, element and attribute its selector asks for occurs on some built page (or
in our scripts, which add classes) and drops it otherwise, then appends our stylesheet (toimi.css) and the print
stylesheet under @media print. A page then loads one stylesheet instead of three.

The test is on the names in a selector, never on where they stand, so a rule is dropped only when it cannot match
any element of any page: what is inside :not(), :is(), :where() or :has() is not asked for. Material's script set the
class `focus-visible` (a polyfill the pages no longer load); its selectors are rewritten to the browser's own
`:focus-visible`, so the focus rings stay.
"""

from __future__ import annotations

import re
from pathlib import Path

import tinycss2

# A page's class, id and attribute names, and its elements, from the built HTML.
CLASS_ATTRIBUTE = re.compile(r'\sclass="([^"]*)"')
ID_ATTRIBUTE = re.compile(r'\sid="([^"]*)"')
TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>")
ATTRIBUTE = re.compile(r'\s([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:="([^"]*)")?')
# In a script, any quoted word may become a class, an id or an element name.
SCRIPT_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
SCRIPT_STRING = re.compile(r'"([^"\\\n]*)"|\'([^\'\\\n]*)\'')
# Names that every page has even if no tag says so.
ALWAYS = {"html", "body", "head", "*", "no-js", "js"}
# In a selector: what must exist for it to match.
NESTED = re.compile(r":(?:not|is|where|has|matches|-webkit-any|-moz-any)\(")
SELECTOR_CLASS = re.compile(r"\.(-?[_a-zA-Z][-_a-zA-Z0-9]*)")
SELECTOR_ID = re.compile(r"#(-?[_a-zA-Z][-_a-zA-Z0-9]*)")
SELECTOR_ATTRIBUTE = re.compile(
    r"\[\s*([-_a-zA-Z0-9:]+)\s*(?:[~|^$*]?=\s*(\"[^\"]*\"|'[^']*'|[^\]\s]+)\s*(?:[iIsS]\s*)?)?\]"
)
SELECTOR_TAG = re.compile(r"(?:^|[\s>+~(,])([a-zA-Z][a-zA-Z0-9-]*)")


class Names:
    """Everything a selector may ask for that the pages have: classes, ids, elements, attributes and their values."""

    def __init__(self) -> None:
        self.classes: set[str] = set(ALWAYS)
        self.ids: set[str] = set()
        self.tags: set[str] = set(ALWAYS)
        self.attributes: set[str] = set()
        self.values: set[tuple[str, str]] = set()
        self.words: set[str] = set()  # from scripts

    def add_html(self, html: str) -> None:
        for tag, attributes in TAG.findall(html):
            self.tags.add(tag.lower())
            for name, value in ATTRIBUTE.findall(attributes):
                self.attributes.add(name.lower())
                self.values.add((name.lower(), value))
        for value in CLASS_ATTRIBUTE.findall(html):
            self.classes.update(value.split())
        self.ids.update(ID_ATTRIBUTE.findall(html))

    def add_script(self, code: str) -> None:
        for match in SCRIPT_STRING.finditer(code):
            self.words.update(SCRIPT_WORD.findall(match[1] or match[2] or ""))


def without_nested(selector: str) -> str:
    """The selector without the contents of :not(…), :is(…) and the like (they are not required to exist)."""
    out, index = [], 0
    for match in NESTED.finditer(selector):
        if match.start() < index:
            continue
        out.append(selector[index : match.start()])
        depth, position = 1, match.end()
        while position < len(selector) and depth:
            depth += {"(": 1, ")": -1}.get(selector[position], 0)
            position += 1
        index = position
    out.append(selector[index:])
    return "".join(out)


def can_match(selector: str, names: Names) -> bool:
    required = without_nested(selector)
    required = re.sub(r"::?[-a-zA-Z]+", " ", SELECTOR_ATTRIBUTE.sub(" ", required))  # pseudo-classes and -elements
    known = names.words
    if any(c not in names.classes and c not in known for c in SELECTOR_CLASS.findall(required)):
        return False
    if any(i not in names.ids and i not in known for i in SELECTOR_ID.findall(required)):
        return False
    plain = SELECTOR_CLASS.sub(" ", SELECTOR_ID.sub(" ", required))
    if any(t.lower() not in names.tags and t.lower() not in known for t in SELECTOR_TAG.findall(plain)):
        return False
    for name, value in SELECTOR_ATTRIBUTE.findall(without_nested(selector)):
        name = name.lower()
        if name not in names.attributes and name not in known:
            return False
        value = value.strip("\"'")
        exact = re.search(rf"\[\s*{re.escape(name)}\s*=", selector, re.I)
        if value and exact and (name, value) not in names.values and value not in known:
            return False
    return True


def purge(css: str, names: Names) -> str:
    """The stylesheet without the rules that cannot match (comments dropped, rules otherwise as written)."""
    css = css.replace(":not(.focus-visible)", ":not(:focus-visible)").replace(".focus-visible", ":focus-visible")
    return "".join(kept(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True), names))


def kept(rules: list, names: Names) -> list[str]:
    out = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [s.strip() for s in split_selectors(tinycss2.serialize(rule.prelude))]
            selectors = [s for s in selectors if can_match(s, names)]
            if selectors:
                out.append(",".join(selectors) + "{" + tinycss2.serialize(rule.content).strip() + "}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports", "layer", "container"):
            if rule.content is None:
                out.append(rule.serialize())
                continue
            inner = kept(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), names)
            if inner:
                out.append(f"@{rule.at_keyword} {tinycss2.serialize(rule.prelude).strip()}{{{''.join(inner)}}}")
        elif rule.type == "at-rule":
            out.append(rule.serialize())
    return out


def split_selectors(prelude: str) -> list[str]:
    """A selector list split at its top-level commas (not those inside :is(…) and the like)."""
    parts, depth, start = [], 0, 0
    for position, char in enumerate(prelude):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(prelude[start:position])
            start = position + 1
    return parts + [prelude[start:]]


def material_stylesheets(theme_dirs: list[str]) -> str:
    """Material's main and palette stylesheets, as its base.html names them, from the installed theme."""
    for folder in map(Path, theme_dirs):
        base = folder / "base.html"
        if base.exists() and (folder / "assets" / "stylesheets").is_dir():
            names = re.findall(r"'(assets/stylesheets/(?:main|palette)\.[0-9a-f]+\.min\.css)'", base.read_text())
            if len(names) != 2:
                raise RuntimeError(f"{base}: expected Material's main and palette stylesheets, found {names}")
            return "\n".join((folder / name).read_text(encoding="utf-8") for name in names)
    raise RuntimeError(f"Material's base.html not found in {theme_dirs}")


VARIABLE_USE = re.compile(r"var\(\s*(--[-_a-zA-Z0-9]+)")


def without_unused_variables(css: str, elsewhere: str) -> str:
    """The stylesheet without the custom properties (Material's icons for features the site does not use, its
    Mermaid colours …) that no var() of it or of `elsewhere` reads. Repeated until nothing more goes, since a
    property may be read only by another unused one."""
    while True:
        used = set(VARIABLE_USE.findall(css + elsewhere))
        slimmer = "".join(declarations_kept(tinycss2.parse_stylesheet(css, skip_whitespace=True), used))
        if slimmer == css:
            return css
        css = slimmer


def declarations_kept(rules: list, used: set[str]) -> list[str]:
    out = []
    for rule in rules:
        if rule.type == "qualified-rule":
            declarations = tinycss2.parse_declaration_list(rule.content, skip_comments=True, skip_whitespace=True)
            body = ";".join(
                d.serialize()
                for d in declarations
                if d.type == "declaration" and (d.name in used or not d.name.startswith("--"))
            )
            if body:
                out.append(tinycss2.serialize(rule.prelude).strip() + "{" + body + "}")
        elif rule.type == "at-rule" and rule.content is not None and rule.lower_at_keyword in ("media", "supports"):
            inner = declarations_kept(tinycss2.parse_rule_list(rule.content, skip_whitespace=True), used)
            if inner:
                out.append(f"@{rule.at_keyword} {tinycss2.serialize(rule.prelude).strip()}{{{''.join(inner)}}}")
        else:
            out.append(rule.serialize())
    return out


COMMENT = re.compile(r"/\*.*?\*/\s*", re.S)


def write(target: Path, material: str, ours: str, print_rules: str, names: Names) -> None:
    """Material's rules that can match (and the properties they read), then ours as written without the comments
    (the source explains; the reader's browser need not download it), then the print rules."""
    ours = COMMENT.sub("", ours)
    theirs = without_unused_variables(purge(material, names), ours + print_rules)
    target.write_text(theirs + "\n" + ours + "\n" + print_rules, encoding="utf-8")
