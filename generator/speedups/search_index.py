"""Material's search index, made with a quicker HTML tokenizer.

Material's search plugin splits each page into sections with its ``Parser``, a subclass of the
standard library's ``html.parser.HTMLParser``, whose tokenizer is pure Python: a large part of MkDocs'
time on a 1000-session site went to search. Here compiled regular expressions find the same tags,
attributes and pieces of text in one pass over the page (``feed_quickly`` makes the handler calls
HTMLParser would make). ``sections`` then does, in the same pass, what the handlers of Material's
Parser do with them, with counters of open tags in place of Material's set and list look-ups.
Only while Material's Parser is the one that code copies (a digest of its source says so);
otherwise Material's own handlers are called. Only the tidy HTML that Python-Markdown writes is
tokenized here: a page with anything else (a stray ``<``, a doctype, a CDATA section, an element
that newer Pythons parse differently) goes whole to Material's Parser. Tests compare the sections
with Material's on the sample site, on tricky snippets and on random pages.
"""

from __future__ import annotations

import hashlib
import inspect
import re
from contextlib import AbstractContextManager
from html import parser as stdlib_parser
from html import unescape
from html.parser import HTMLParser
from typing import Any

from material.plugins.search import plugin

from generator.speedups.patching import patched

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
    return _tokenize(html, parser.handle_starttag, parser.handle_endtag, parser.handle_data,
                     parser.handle_startendtag)


def _tokenize(html: str, start_tag: Any, end_tag: Any, data: Any, empty_tag: Any) -> bool:
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
                empty_tag(tag, values)
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


# Material's Parser, as its handlers are written in mkdocs-material 9.6 to 9.8: ``sections`` does
# what they do. Elements compare by tag there, so "open elements in the skip list" and "inside the
# section's heading" are questions about tags, answered here by counting the open tags.
_MATERIAL_PARSER = "bff3b63206a34fb1"
_PROBE = plugin.Parser()
_KEEP, _SKIP = frozenset(_PROBE.keep), frozenset(_PROBE.skip)
_HEADINGS = frozenset(f"h{level}" for level in range(1, 7))
_VOID = frozenset(plugin.void)


def material_parser_fingerprint() -> str:
    """A digest of Material's Parser, Element and Section code, to tell whether ``sections``
    still does what they do; if not, Material's own handlers are used."""
    source = "".join(inspect.getsource(cls) for cls in (plugin.Element, plugin.Section, plugin.Parser))
    return hashlib.sha256((source + repr(sorted(plugin.void))).encode()).hexdigest()[:16]


def sections(html: str) -> list[Any] | None:
    """The sections Material's Parser divides the page ``html`` into, made from the quick tokens in
    one pass; None if unsure (the tokenizer gives up, or Material's Parser would fail)."""
    Section, Element, escape = plugin.Section, plugin.Element, plugin.escape
    found: list[Any] = []
    section: Any = None
    opened: list[tuple[str, dict[str, str | None]]] = []  # the open elements, with their attributes
    count: dict[str, int] = dict.fromkeys((*_HEADINGS, *_KEEP, *_SKIP, "hx", "a"), 0)  # open, by tag
    skip = set(_SKIP)
    skipped = 0  # open elements whose tag is in ``skip``: no text is taken while any is open

    def start(tag: str, attrs: list[tuple[str, str | None]]) -> None:
        nonlocal section, skipped
        if tag in _VOID:
            return
        values = dict(attrs)
        opened.append((tag, values))
        count[tag] = count.get(tag, 0) + 1
        if tag in skip:
            skipped += 1
        if tag in _HEADINGS and "id" in values:
            depth = len(opened)
            if tag != "h1" and not found:
                found.append(Section(Element("hx"), depth))
            section = Section(Element(tag, values), depth)
            if found:
                section.id = values["id"]
            found.append(section)
        if section is None:
            section = Section(Element("hx"))
            found.append(section)
        if "data-search-exclude" in values or values.get("class") == "linenodiv":
            if tag not in skip:
                skip.add(tag)
                skipped += count[tag]
            return
        if not skipped and tag in _KEEP:
            (section.title if count.get(section.el.tag) else section.text).append(f"<{tag}>")

    def end(tag: str) -> None:
        nonlocal section, skipped
        if not opened or opened[-1][0] != tag:
            return
        depth = len(opened)
        if section.depth > depth:  # leaving the element a heading was nested in
            for earlier in reversed(found):
                if earlier.depth <= depth:
                    section.depth = float("inf")
                    section = earlier
                    break
        opened.pop()
        count[tag] -= 1
        if tag in skip:
            skipped -= 1
            if tag not in ("script", "style", "object"):
                skip.remove(tag)
                skipped -= count[tag]
            return
        if not skipped and tag in _KEEP:
            data = section.title if count.get(section.el.tag) else section.text
            index = data.index(f"<{tag}>")  # (ValueError, as in Material: give up, see below)
            for i in range(index + 1, len(data)):
                if not data[i].isspace():
                    index = len(data)
                    break
            if len(data) > index:
                del data[index:]  # an empty element: drop its start tag and whitespace
            else:
                data.append(f"</{tag}>")

    def text(data: str) -> None:
        nonlocal section
        if skipped:
            return
        if not count["pre"]:
            data = " " if data.isspace() else data.replace("\n", " ")
        if section is None:
            section = Section(Element("hx"))
            found.append(section)
        if count.get(section.el.tag):
            if not any(tag == "a" and values.get("class") == "headerlink" for tag, values in opened):
                section.title.append(escape(data, quote=False))
        elif data.isspace():
            if not section.text or not section.text[-1].isspace() or count["pre"]:
                section.text.append(data)
        else:
            section.text.append(escape(data, quote=False))

    def empty(tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start(tag, attrs)
        end(tag)

    try:
        return found if _tokenize(html, start, end, text, empty) else None
    except ValueError:
        return None


class QuickParser(plugin.Parser):
    """Material's Parser, tokenizing with ``feed_quickly`` the whole page that Material feeds it."""

    _fed = False

    def feed(self, data: str) -> None:
        if not self._fed:
            self._fed = True
            if _SAME_PARSER:
                found = sections(data)
                if found is not None:
                    self.data = found
                    return
            elif feed_quickly(self, data):
                return
            plugin.Parser.__init__(self)  # forget the calls made before the quick tokenizer gave up
        super().feed(data)


def _same_parser() -> bool:
    try:
        return material_parser_fingerprint() == _MATERIAL_PARSER
    except (OSError, TypeError):  # no source to read (a frozen or compiled build): do not guess
        return False


_SAME_PARSER = _same_parser()


def installed() -> AbstractContextManager[None]:
    """Let Material's search plugin use QuickParser, only while inside (plain MkDocs is untouched)."""
    return patched(plugin, "Parser", QuickParser)
