"""The site's one stylesheet keeps the rules that can match a built page, and nothing else (scripts/stylesheet.py)."""

from __future__ import annotations

from scripts import stylesheet


def names_of(html: str, script: str = "") -> stylesheet.Names:
    names = stylesheet.Names()
    names.add_html(html)
    names.add_script(script)
    return names


def test_a_rule_stays_only_if_everything_its_selector_asks_for_is_on_some_page():
    names = names_of('<body dir="ltr"><p class="a" id="x">text</p><input type="checkbox"></body>', 'el.add("js-made")')
    css = (
        ".a{color:red}.b{color:blue}.a .b,.a p{margin:0}#x{top:0}#y{top:1}"
        "[dir=rtl] .a{left:0}[dir=ltr] .a{right:0}[type=checkbox]:checked{x:1}[type=radio]{x:2}"
        ".a:not(.b){z:1}.a:is(.b,.c){w:1}table td{v:1}.js-made::before{u:1}"
        "@media print{.b{q:1}.a{q:2}}"
    )
    assert stylesheet.purge(css, names) == (
        ".a{color:red}.a p{margin:0}#x{top:0}[dir=ltr] .a{right:0}[type=checkbox]:checked{x:1}"
        ".a:not(.b){z:1}.a:is(.b,.c){w:1}.js-made::before{u:1}@media print{.a{q:2}}"
    )


def test_materials_focus_visible_class_becomes_the_browsers_pseudo_class():
    names = names_of('<button class="md-header__button">')
    css = ".md-header__button:not(.focus-visible){outline:none}.md-header__button.focus-visible{outline:auto}"
    assert stylesheet.purge(css, names) == (
        ".md-header__button:not(:focus-visible){outline:none}.md-header__button:focus-visible{outline:auto}"
    )


def test_custom_properties_that_nothing_reads_go_even_through_a_chain():
    css = ":root{--used:1px;--chain:var(--unused-end);--unused-end:2px;--lonely:3px}.a{margin:var(--used)}"
    assert stylesheet.without_unused_variables(css, "") == ":root{--used:1px}.a{margin:var(--used)}"
    # What our own stylesheet reads stays.
    assert "--lonely:3px" in stylesheet.without_unused_variables(css, ".b{padding:var(--lonely)}")
