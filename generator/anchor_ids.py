"""The anchor ids a page's Markdown source writes in raw HTML, found with regular expressions.

MkDocs runs every page's whole Markdown source through a pure-Python ``HTMLParser`` only to
collect these ids (``mkdocs.structure.pages._RawHTMLPreprocessor``); they serve one purpose, an
*info*-level note when a link names an anchor that a page does not have. Our session pages carry
a lot of raw HTML (the checklist and the worksheet forms), so that parse was about a tenth of the
build. :func:`present_anchor_ids` finds the same ids in one regular-expression pass over the
text, using the standard library's own patterns for tags and attributes; a test compares the two
on every page of the sample site and on awkward HTML.

:func:`installed` puts it in place of MkDocs' parser while a build runs. Only our build uses it
(``generator.mkdocs_run``); a plain ``mkdocs build`` is unchanged.
"""

from __future__ import annotations

import html
import html.parser
import re
from contextlib import AbstractContextManager, nullcontext
from typing import Any

from generator.patching import patched

# A comment, or a whole start tag: its name and its attributes (quoted values may hold a '>').
_TOKEN = re.compile(r"<!--.*?(?:-->|\Z)|<([a-zA-Z][^\t\n\r\f />\x00]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>", re.S)
_MAY_HAVE_IDS = re.compile(r"id|name", re.I)
# Elements whose text is not HTML (html.parser.HTMLParser.CDATA_CONTENT_ELEMENTS), with their end tags.
_RAW_TEXT = {tag: re.compile(rf"</{tag}\s*>", re.I) for tag in ("script", "style")}


def present_anchor_ids(text: str) -> set[str]:
    """The values of every ``id`` attribute, and of ``name`` on ``<a>``, in start tags of ``text``."""
    ids: set[str] = set()
    if not _MAY_HAVE_IDS.search(text):
        return ids
    position, search, may_have_ids = 0, _TOKEN.search, _MAY_HAVE_IDS.search
    while match := search(text, position):
        position = match.end()
        name, attributes = match.group(1, 2)
        if name is None:  # a comment
            continue
        tag = name.lower()
        if attributes and may_have_ids(attributes):
            # The standard library's own pattern, so attributes are split exactly as HTMLParser does.
            for attribute in html.parser.attrfind_tolerant.finditer(text, match.start(2), match.end(2)):
                key, value = attribute.group(1).lower(), attribute.group(3)
                if value is None or not (key == "id" or (key == "name" and tag == "a")):
                    continue
                if value[:1] == value[-1:] and value[:1] in ("'", '"'):
                    value = value[1:-1]
                ids.add(html.unescape(value) if "&" in value else value)
        if tag in _RAW_TEXT:  # its text is not HTML: skip to the end tag
            close = _RAW_TEXT[tag].search(text, position)
            position = close.end() if close else len(text)
    return ids


def _run(self: Any, lines: list[str]) -> list[str]:
    """``_RawHTMLPreprocessor.run``: the ids, and the lines as they were."""
    self.present_anchor_ids = present_anchor_ids("\n".join(lines))
    return lines


def installed() -> AbstractContextManager[None]:
    """Let MkDocs' page rendering use :func:`present_anchor_ids`, only while inside."""
    from mkdocs.structure import pages

    preprocessor = getattr(pages, "_RawHTMLPreprocessor", None)
    if preprocessor is None:  # another MkDocs version: leave it as it is
        return nullcontext()
    return patched(preprocessor, "run", _run)
