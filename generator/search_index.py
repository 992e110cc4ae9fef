"""Material's search index, made with a quicker HTML tokenizer.

Material's search plugin splits each page into sections with its ``Parser``, a subclass of the
standard library's ``html.parser.HTMLParser``, whose tokenizer is pure Python: a quarter of MkDocs'
time on a 1000-session site went to search. Here compiled regular expressions find the same tags,
attributes and pieces of text in one pass over the page and call the same handler methods of
Material's ``Parser``, so the sections, and the index, are still Material's. Only the tidy HTML that
Python-Markdown writes is tokenized here: a page with anything else (a stray ``<``, a doctype, a
CDATA section, an element that newer Pythons parse differently) goes whole to Material's Parser.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from html import parser as stdlib_parser, unescape
from html.parser import HTMLParser

from material.plugins.search import plugin

# Whitespace as HTMLParser's tag-name pattern knows it; Python's \s also matches \v, \xa0, ...
_WS = r"[ \t\n\r\f]"
_NAME = r"""[^\s"'<>/=]+"""
# An unquoted value that HTMLParser would read further (up to whitespace or ">") is not ours.
_BARE = r"""[^\s"'=<>`/]+(?![^ \t\n\r\f>])"""
_VALUE = rf"""{_WS}*={_WS}*(?:"[^"]*"|'[^']*'|{_BARE})"""
_TOKEN = re.compile(rf"""
    (?P<text>[^<]+)
  | <([a-zA-Z][-a-zA-Z0-9]*)((?:{_WS}+{_NAME}(?:{_VALUE})?)*){_WS}*(?:(?P<empty>/>)|(?P<start>>))
  | </(?P<end>[a-zA-Z][-a-zA-Z0-9]*){_WS}*>
  | <!--(?![->])[^-]*(?:-[^-]+)*-->  # a comment without "--" inside: every Python agrees on its end
""", re.VERBOSE)
_TAG, _ATTRIBUTES = 2, 3  # groups by number: quicker
_ATTRS = re.compile(rf"""{_WS}+({_NAME})(?:{_WS}*(=){_WS}*(?:"([^"]*)"|'([^']*)'|({_BARE})))?""")
# Newer Pythons decode "&copy=" in an attribute value differently; use whichever rule this one has.
_unescape_value = getattr(stdlib_parser, "_unescape_attrvalue", unescape)
# Elements whose content is not tokenized (HTMLParser.CDATA_CONTENT_ELEMENTS): the first thing that
# looks like their end tag (to any Python) must be exactly their end tag.
_RAW_TEXT = {tag: re.compile(rf"</\s*{tag}", re.IGNORECASE) for tag in ("script", "style")}
# Content that newer Pythons (3.14 and security releases of older ones) do not tokenize and older
# ones do: the same to both only if it holds no "<".
_ESCAPABLE_RAW_TEXT = ("textarea", "title")
_END_TAG = {tag: re.compile(rf"</{tag}>", re.IGNORECASE | re.ASCII) for tag in (*_RAW_TEXT, *_ESCAPABLE_RAW_TEXT)}
# Elements whose content newer Pythons do not tokenize, unlike older ones; and svg and math, in
# which the newest tokenize script, style and title like other elements.
_PARSED_DIFFERENTLY = {"iframe", "math", "noembed", "noframes", "noscript", "plaintext", "svg", "xmp"}


def feed_quickly(parser: HTMLParser, html: str) -> bool:
    """Make the handler calls that HTMLParser (convert_charrefs on) would make for the whole page
    ``html``; return False, having made only some, if unsure what HTMLParser would do."""
    start_tag, end_tag, data = parser.handle_starttag, parser.handle_endtag, parser.handle_data
    match, pos, size = _TOKEN.match, 0, len(html)
    while pos < size:
        token = match(html, pos)
        if token is None:
            return False
        pos, kind = token.end(), token.lastgroup
        if kind == "text":  # all the text up to the next tag, in one piece, as HTMLParser gives it
            text = token[1]
            data(unescape(text) if "&" in text else text)
        elif kind == "end":
            end_tag(token[kind].lower())
        elif kind is not None:  # a start tag (None: a comment)
            tag, attrs = token[_TAG].lower(), token[_ATTRIBUTES]
            if tag in _PARSED_DIFFERENTLY or (kind == "empty" and tag in _END_TAG):
                return False
            values = [(name.lower(), _unescape_value(double + single + bare) if equals else None)
                      for name, equals, double, single, bare in _ATTRS.findall(attrs)] if attrs else []
            if kind == "empty":
                parser.handle_startendtag(tag, values)
                continue
            start_tag(tag, values)
            if tag in _END_TAG:
                close = _raw_text_end(html, tag, pos)
                if close is None:
                    return False
                if tag in _RAW_TEXT:
                    if pos < close:
                        data(html[pos:close])
                    end_tag(tag)
                    pos = close + len(tag) + 3
    return True


def _raw_text_end(html: str, tag: str, pos: int) -> int | None:
    """Where the content of the script, style, textarea or title element starting at ``pos`` ends,
    or None where HTMLParser of some Python version (3.10 to 3.14) might see it end elsewhere."""
    if tag in _RAW_TEXT:
        close = _RAW_TEXT[tag].search(html, pos)
        if close is None or "<!--" in html[pos:close.start()]:  # newer Pythons track "escaped" script
            return None
        end = close.start()
    else:  # tokenized by older Pythons, not by newer ones: the same if no tag is inside
        end = html.find("<", pos)
    return end if end >= 0 and _END_TAG[tag].match(html, end) else None


class QuickParser(plugin.Parser):  # type: ignore[misc]
    """Material's Parser, tokenizing with ``feed_quickly`` the whole page that Material feeds it."""

    _fed = False

    def feed(self, data: str) -> None:
        if not self._fed:
            self._fed = True
            if feed_quickly(self, data):
                return
            self.__init__()  # forget the calls made before the quick tokenizer gave up
        super().feed(data)


@contextmanager
def installed() -> Iterator[None]:
    """Let Material's search plugin use QuickParser, only while inside (plain MkDocs is untouched)."""
    original = plugin.Parser
    plugin.Parser = QuickParser
    try:
        yield
    finally:
        plugin.Parser = original
