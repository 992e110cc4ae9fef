"""The build's regular-expression anchor finder finds what MkDocs' HTML parser finds.

MkDocs collects the ids that a page's raw HTML defines with a pure-Python HTML parser; our build
processes use ``generator.anchor_ids`` instead (it is about ten times faster). These tests feed
both the real pages of the sample site and awkward HTML, and want the same ids.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.structure import pages

from generator.anchor_ids import installed, present_anchor_ids
from generator.build import check_project
from generator.load import Project
from generator.render import render


def mkdocs_ids(text: str) -> set[str]:
    handler = pages._HTMLHandler()
    handler.feed(text)
    handler.close()
    return {anchor for anchor in handler.present_anchor_ids if anchor is not None}


def test_same_ids_as_mkdocs_on_every_page_of_the_sample(sample_project: Path) -> None:
    checked = check_project(Project(sample_project))
    assert checked.ok
    rendered = render(checked.curriculum, sample_project / "templates")
    assert len(rendered) > 60
    with_ids = 0
    for page in rendered:
        expected = mkdocs_ids(page.text)
        assert present_anchor_ids(page.text) == expected, page.path
        with_ids += bool(expected)
    assert with_ids > 50  # the session pages' checklists and worksheets define ids


@pytest.mark.parametrize("text", [
    '<p id="a">x</p><a name="b">y</a><span name="not-an-anchor"></span>',
    "<DIV ID=Upper></DIV><a NAME='single'>",
    '<p id="amp&amp;x" class=c>&lt;</p><p id=&#39;q&#39;></p>',
    '<input type="checkbox" id="bare-value" checked><p id>no value</p>',
    '<p title="a > b" id="after-a-quoted-gt">',
    "<!-- <p id=\"in-a-comment\"> --><p id='after-the-comment'>",
    '<script>var s = "<div id=in-script>";</script><div id="after-script"></div>',
    "<style>.x{} </style ><b id=after-style></b>",
    "Text with 3 < 4 and a <br/> and <hr id=rule /> and <https://example.org/a?b>.",
    '<p id="first" id="second">',
    "<p\nid=\"across-lines\"\n>",
    '<p id="never-closed"',
    "<!-- a comment that never ends <p id='hidden'>",
    "no tags at all, but the words id and name",
])
def test_same_ids_as_mkdocs_on_awkward_html(text: str) -> None:
    assert present_anchor_ids(text) == mkdocs_ids(text)


def test_installed_replaces_the_parser_only_while_inside() -> None:
    original = pages._RawHTMLPreprocessor.run
    with installed():
        assert pages._RawHTMLPreprocessor.run is not original
        preprocessor = pages._RawHTMLPreprocessor()
        assert preprocessor.run(["<p id='x'>", "text"]) == ["<p id='x'>", "text"]
        assert preprocessor.present_anchor_ids == {"x"}
    assert pages._RawHTMLPreprocessor.run is original
