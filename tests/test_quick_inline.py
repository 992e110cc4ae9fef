"""Skipping inline patterns that cannot match changes nothing in the HTML.

Inside our build (``generator.site.mkdocs_run``), Python-Markdown does not try an inline pattern on text
that lacks the character every match of it starts with or holds. These tests convert the sample's
pages, awkward snippets and random text both ways, with the Markdown extensions our sites use, and
want the same HTML; and they check what each pattern is said to need.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown import inlinepatterns, treeprocessors

from generator.checks import check_project
from generator.project import Project
from generator.render import render
from generator.speedups.quick_inline import installed, needs

EXTENSIONS = ["admonition", "tables", "toc", "attr_list", "md_in_html", "def_list", "footnotes", "abbr"]


def convert(text: str, *, quick: bool, extensions: list = EXTENSIONS) -> str:
    if not quick:
        return markdown.markdown(text, extensions=extensions)
    with installed():
        return markdown.markdown(text, extensions=extensions)


def test_same_html_on_every_page_of_the_sample(sample_project: Path) -> None:
    checked = check_project(Project(sample_project))
    rendered = render(checked.curriculum, sample_project / "templates")
    assert len(rendered) > 60
    for page in rendered:
        assert convert(page.text, quick=True) == convert(page.text, quick=False), page.path


SNIPPETS = [
    "Plain words only, with no marks at all.",
    "Some *em*, **strong**, ***both***, _under_ and __double__, snake_case_word and 2 * 3 * 4.",
    "A lone * star and a lone _ line, * at the start",
    "`code with *stars*` and ``two `ticks` `` and \\`escaped tick\\` and \\\\`odd`",
    "Escapes: \\*not em\\*, \\[not a link\\], \\<not html\\>, \\\\ backslash",
    "[a link](https://example.org 'title') and [ref][r] and [r] and ![img](a.png) and ![ref img][r]",
    "[r]: https://example.org/ref",
    "<https://example.org/auto> and <someone@example.org> and <not an autolink>",
    "A line that breaks  \nhere, and one that does not \nthere.",
    "Inline <b>html</b>, <span class=\"x\">span</span>, <!-- comment --> and <?pi?> and a < b > c",
    "Entities &amp; &#169; &#xA9; &copy; and a bare & ampersand and &notanentity",
    "!!! note \"A *title* with `code`\"\n    Body with [link](x.md) and **bold**.",
    "| a | *b* |\n|---|---|\n| `c` | [d](e.md) |",
    "## A heading with *em* and `code` {#custom-id}\n\nText.",
    "Term\n:   Definition with _em_.",
    "A footnote[^1].\n\n[^1]: The *note*.",
    "*[HTML]: Hyper Text\n\nSome HTML here.",
    "<div markdown=\"1\">\n*inside* md_in_html\n</div>",
    "Brackets [ without ] links, ! bang, ( parens )",
    "Nested **bold with *em* inside** and *em with **bold** inside*",
    "Mixed `a` [b](c) <i>d</i> &amp; *e* _f_ \\g  \nh",
    "Unicode: ça va, 日本語, emoji 😀, and \u00a0no-break spaces \u2003 here",
]


@pytest.mark.parametrize("text", SNIPPETS)
def test_same_html_on_awkward_markdown(text: str) -> None:
    assert convert(text, quick=True) == convert(text, quick=False)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab *_`\\[]()!<>&;#@:/.\n-=x1")), max_size=60))
def test_same_html_on_random_markdown(text: str) -> None:
    assert convert(text, quick=True) == convert(text, quick=False)


def test_what_the_standard_patterns_need() -> None:
    md = markdown.Markdown()
    found = {item.name: needs(md.inlinePatterns[item.name]) for item in md.inlinePatterns._priority}
    assert found["backtick"] == ("`",)
    assert found["escape"] == ("\\",)
    assert found["link"] == ("[",)
    assert found["autolink"] == ("<",)
    assert found["linebreak"] == ("  \n",)
    assert found["html"] == ("<",)
    assert found["entity"] == ("&",)
    assert all(found.values()), found  # every standard pattern is known: plain text skips them all


class Shouting(inlinepatterns.InlineProcessor):
    def handleMatch(self, m: re.Match[str], data: str):  # type: ignore[no-untyped-def]
        element = ElementTree.Element("strong")
        element.text = m.group(1)
        return element, m.start(0), m.end(0)


@pytest.mark.parametrize(("expression", "expected"), [
    (r"==(.+?)==", ("=",)),
    (r"(?<!\w)(?:x|y)z", ("x", "y")),
    (r"[+~]{2}(.+?)[+~]{2}", ("+", "~")),
    (r"a?b", None),  # may start with b: say nothing
    (r"(?i)shout", None),  # ignoring case: "S" would match too
    (r"\w+!", None),  # a class of characters: say nothing
    (r"(x|\d)", None),
])
def test_what_other_patterns_need(expression: str, expected: tuple[str, ...] | None) -> None:
    assert needs(Shouting(expression)) == expected


def test_unknown_and_old_style_patterns_are_always_tried() -> None:
    class Extension(markdown.Extension):
        def extendMarkdown(self, md: markdown.Markdown) -> None:  # Python-Markdown's name
            md.inlinePatterns.register(Shouting(r"(?i)(shout)"), "shout", 75)
            md.inlinePatterns.register(inlinepatterns.SimpleTagPattern(r"(\+\+)(.+?)\+\+", "ins"), "ins", 70)

    assert needs(inlinepatterns.SimpleTagPattern(r"(\+\+)(.+?)\+\+", "ins")) is None
    text = "Please SHOUT and ++insert++ here."
    quick = convert(text, quick=True, extensions=[Extension()])
    assert quick == convert(text, quick=False, extensions=[Extension()])
    assert "<strong>SHOUT</strong>" in quick and "<ins>insert</ins>" in quick


def test_installed_only_while_inside() -> None:
    name = "_InlineProcessor__handleInline"
    original = treeprocessors.InlineProcessor.__dict__[name]
    with installed():
        assert treeprocessors.InlineProcessor.__dict__[name] is not original
    assert treeprocessors.InlineProcessor.__dict__[name] is original


def test_a_patch_is_undone_when_the_build_fails_inside() -> None:
    from generator.speedups.patching import patched

    class Library:
        def method(self) -> str:
            return "theirs"

    original = Library.__dict__["method"]
    with pytest.raises(RuntimeError), patched(Library, "method", lambda self: "ours"):
        assert Library().method() == "ours"
        raise RuntimeError("MkDocs failed")
    assert Library.__dict__["method"] is original and Library().method() == "theirs"
