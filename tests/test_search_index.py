"""The quick search tokenizer (generator/search_index.py) gives exactly Material's search index.

Each test compares with Material's own ``Parser`` (the stdlib's HTMLParser underneath), run on
the same HTML: tricky snippets, every page of the sample site, and the whole search_index.json.
"""

from __future__ import annotations

import json
import shutil
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from material.plugins.search import plugin

from generator.cli import main
from generator.site.mkdocs_run import build as mkdocs_run_build
from generator.site.search import search_files
from generator.speedups import search_index
from generator.speedups.search_index import QuickParser, feed_quickly

INDEX = Path("search") / "search_index.json"

# (HTML, whether the quick tokenizer takes it: False means it leaves the page to Material's Parser)
SNIPPETS = [
    ('<h1 id="t">Fish &amp; chips</h1><p>a &lt;b&gt; &#39;c&#39; d&nbsp;e &amp f</p>', True),
    ('<h2 id=bare class="x y">A</h2><p><input disabled type=checkbox><a title="a > b" href=\'q\'>link</a></p>',
     True),
    ('<p>before</p><script>document.write("</div><h2 id=\\"no\\">")</script><style>p > a { }</style><p>after</p>',
     True),
    ('<p>one<!-- a note -->two</p><p>\n<!-- x -->\n</p><p>three</p>', True),
    ('<p>line<br/>next<br />third<hr/>fourth</p>', True),
    ('<p>intro</p><div><h2 id="in">In a div</h2><p>inside</p></div><p>after the div</p><h3 id="next">Next</h3>', True),
    ('<h2 id="s">Section<a class="headerlink" href="#s" title="Permanent link">&para;</a></h2><p>body</p>', True),
    ('<div data-search-exclude><h2 id="hidden">Hidden</h2><p>no</p></div><h2 id="shown">Shown</h2><p>yes</p>',
     True),
    ('<p>code:</p><pre><code>line 1\n  line 2\n\n  &lt;tag&gt;\n</code></pre><p>\n\n</p>', True),
    ('<H2 ID="UP">Upper <EM>case</EM></H2><P CLASS="x">Text</P><UL><LI>item</LI></UL>', True),
    ('<ul>\n<li>a</li>\n<li>\n<p>b</p>\n</li>\n</ul>\n<p><code>  </code> <sub> </sub> x<sup>2</sup></p>', True),
    ('<a href="?a=1&amp;b=2&copy=3&#x41;">x</a><p class="">empty</p><h2 id="a" id="b">Twice</h2>', True),
    ('<form><textarea rows="3">a &amp; b</textarea><textarea></textarea></form><p>x</p>', True),
    ('<div class="linenodiv"><pre>1\n2</pre></div><pre>code</pre><object><p>skip</p></object><p>kept</p>', True),
    ('<p>a > b</p><a\n  href="x"\n  target=_blank\n>multi-line tag</a><my-widget data-x="1"></my-widget>', True),
    ('<h4 id="deep">Deep</h4><p>no h1 first</p><h1 id="top">Top</h1>', True),
    ('text before any tag <b>bold</b> and after', True),
    ('<pre>a<span> </span> <b>x</b></pre><p>a<i> </i> <b>x</b></p>', True),  # spaces kept only in pre
    ('', True),
    ('<p>a < b</p>', False),
    ('<p>a <3 b</p>', False),
    ('<!DOCTYPE html><p>x</p>', False),
    ('<p><![CDATA[x]]></p>', False),
    ('<?php echo 1 ?><p>x</p>', False),
    ('<p>x</p><!---->', False),
    ('<p>x</p><!-- a -- b -->', False),
    ('<script>if (a) { /* <!-- */ }</script><p>x</p>', False),
    ('<script>x</script ><p>y</p>', False),
    ('<script>never closed', False),
    ('<script/><p>x</p>', False),
    ('<iframe src="x"><p>y</p></iframe>', False),
    ('<textarea><b>bold</b></textarea>', False),
    ('<p>icon <svg viewBox="0 0 1 1"><title>A</title></svg></p>', False),
    ('<a href=x/>y</a>', False),
    ('<a b="c"d="e">y</a>', False),
    ('<p\xa0class="x">y</p>', False),
    ('<br/ ><p>x</p>', False),
    ('<p>unterminated <em', False),
    ('<p>x</p></ p>', False),
]


def sections(parser: Any) -> list[tuple[Any, ...]]:
    """What Material takes from a parser: each section's element, id, title and text."""
    return [(repr(s), s.id, s.title, s.text, s.is_excluded()) for s in parser.data]


def material(html: str) -> list[tuple[Any, ...]]:
    parser = plugin.Parser()
    parser.feed(html)
    parser.close()
    return sections(parser)


def quick(html: str) -> list[tuple[Any, ...]]:
    parser = QuickParser()
    parser.feed(html)
    parser.close()
    return sections(parser)


class Calls(HTMLParser):
    """Records the handler calls that matter to Material's Parser."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple[Any, ...]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.calls.append(("start", tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        self.calls.append(("end", tag))

    def handle_data(self, data: str) -> None:
        self.calls.append(("data", data))


@pytest.mark.parametrize(("html", "taken"), SNIPPETS)
def test_a_snippet_gives_the_sections_material_gives(html: str, taken: bool) -> None:
    assert feed_quickly(plugin.Parser(), html) is taken
    assert (search_index.sections(html) is not None) is taken
    assert quick(html) == material(html)


def test_html_that_material_s_parser_fails_on_fails_the_same_way() -> None:
    html = "<div data-search-exclude><p><div></div></p>"  # the inner </div> ends the exclusion
    with pytest.raises(ValueError):
        material(html)
    assert search_index.sections(html) is None
    with pytest.raises(ValueError):
        quick(html)


def test_with_another_material_parser_its_own_handlers_are_used(monkeypatch: pytest.MonkeyPatch) -> None:
    assert search_index._SAME_PARSER, "mkdocs-material's Parser changed: check generator/search_index.sections"
    monkeypatch.setattr(search_index, "_SAME_PARSER", False)
    monkeypatch.setattr(search_index, "sections", lambda html: pytest.fail("used the copy of the handlers"))
    for html, _taken in SNIPPETS:
        assert quick(html) == material(html)


# Pieces of the HTML that Python-Markdown and our templates write, and the quirks of Material's
# Parser: headings in and out of other elements, permalinks, excluded blocks, nested elements of
# the tag of an excluded one, kept tags left empty, void and self-closing tags, code blocks.
PIECES = ['<h1 id="t">', "<h2 id=\"a\">", '<h3 id="b">', "<h2>", "</h1>", "</h2>", "</h3>", "<p>", "</p>",
          "<div>", "</div>", '<div data-search-exclude>', '<div class="linenodiv">', "<section data-search-exclude>",
          "</section>", "<pre>", "</pre>", "<code>", "</code>", "<ul>", "<li>", "</li>", "</ul>", "<sub>", "</sub>",
          '<a class="headerlink" href="#a">', "<a href=x>", "</a>", "<br>", "<br/>", "<input type=checkbox>",
          "<span/>", "<object>", "</object>", "<script>x<y</script>", "<em>", "</em>", "text", " ", "\n",
          "two words", " &amp; &lt;", "\n\n  ", "<!-- c -->"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_random_pages_give_the_sections_material_gives(pieces: list[str]) -> None:
    html = "".join(pieces)
    try:
        expected = material(html)
    except ValueError:  # Material's Parser fails on some nestings; ours must fail the same way
        with pytest.raises(ValueError):
            quick(html)
        return
    assert quick(html) == expected
    found = search_index.sections(html)
    if found is not None:
        assert [(repr(s), s.id, s.title, s.text, s.is_excluded()) for s in found] == material(html)


@pytest.mark.parametrize("html", [html for html, taken in SNIPPETS if taken])
def test_the_quick_tokenizer_makes_the_calls_htmlparser_makes(html: str) -> None:
    # The same pieces of text too: Material collapses whitespace piece by piece.
    expected, actual = Calls(), Calls()
    expected.feed(html)
    expected.close()
    assert feed_quickly(actual, html)
    assert actual.calls == expected.calls


def test_a_page_the_quick_tokenizer_gives_up_on_midway_starts_afresh() -> None:
    html = '<h1 id="a">A</h1><p>one</p><h2 id="b">B</h2><p>two < three</p>'
    assert not feed_quickly(plugin.Parser(), html)
    assert quick(html) == material(html) and len(material(html)) == 2


def test_plain_mkdocs_keeps_material_s_parser() -> None:
    original = plugin.Parser
    with search_index.installed():
        assert plugin.Parser is QuickParser
    assert plugin.Parser is original


@pytest.fixture(scope="module")
def sample_builds(sample_project: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The sample built by `catchup build` and by plain MkDocs; each page's HTML as Material indexed it."""
    root = tmp_path_factory.mktemp("search-index") / "project"
    shutil.copytree(sample_project, root, ignore=shutil.ignore_patterns("site", ".catchup"))
    pages: list[tuple[str, str]] = []
    quick_pages: list[bool] = []
    original_add, original_sections = plugin.SearchIndex.add_entry_from_context, search_index.sections

    def record(index: Any, page: Any) -> None:
        assert plugin.Parser is not QuickParser, "plain MkDocs must use Material's own Parser"
        pages.append((page.file.src_uri, page.content))
        original_add(index, page)

    def counted(html: str) -> list[Any] | None:
        found = original_sections(html)
        quick_pages.append(found is not None)
        return found

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search_index, "sections", counted)
        assert main(["build", "--root", str(root), "--quiet"]) == 0  # one process: the sample is small
        mkdocs_run_build(root / ".catchup" / "mkdocs.yml", root / "two", workers=2)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(plugin.SearchIndex, "add_entry_from_context", record)
        from mkdocs.commands.build import build as plain_build
        from mkdocs.config import load_config

        plain_build(load_config(config_file=str(root / ".catchup" / "mkdocs.yml"), site_dir=str(root / "plain")))
    return {"root": root, "pages": pages, "quick_pages": quick_pages}


@pytest.mark.slow
def test_every_sample_page_is_tokenized_quickly_and_gives_material_s_sections(sample_builds: dict[str, Any]) -> None:
    pages = sample_builds["pages"]
    assert len(pages) > 60
    tokenized = sample_builds["quick_pages"]  # the catchup build's (both languages) and the two-process one's
    assert len(tokenized) >= 2 * len(pages) and all(tokenized), "a sample page fell back to Material's Parser"
    for uri, html in pages:
        assert quick(html) == material(html), uri


@pytest.mark.slow
def test_catchup_build_writes_the_search_index_plain_mkdocs_writes(sample_builds: dict[str, Any]) -> None:
    root = sample_builds["root"]
    plain = (root / "plain" / INDEX).read_bytes()
    assert b'"docs":[{' in plain
    split = search_files(json.loads(plain), ["adult-iop", "recovery-iop"])  # what catchup build keeps of it
    assert {path: (root / "site" / path).read_text(encoding="utf-8") for path in split} == split
    assert not (root / "site" / INDEX).exists()
    assert (root / "two" / INDEX).read_bytes() == plain, "the build on two cores"
