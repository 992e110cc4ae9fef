"""Python-Markdown's inline patterns, skipped where they cannot match.

Python-Markdown turns the text of every paragraph, list item and heading into inline HTML by
trying each of its inline patterns in turn (code, escapes, links, images, autolinks, line breaks,
raw HTML, entities, emphasis), each a regular-expression search over the text. Most of our text
is plain words: no pattern can match, yet all of them are tried (docs/performance.md says what
that costs).

Each standard pattern can only match text that holds a certain character: a link needs ``[``,
inline HTML needs ``<``, emphasis needs ``*`` or ``_``, and so on (see ``_NEEDS``). While
:func:`installed` is in effect, a pattern whose character is not in the text is not tried; the
result is what trying it would have given (no match). A pattern we do not know (from another
extension, or a standard one whose expression has changed in another version) is always tried.
A test converts the sample pages and tricky snippets both ways and compares the HTML.

Only our build uses it (``generator.site.mkdocs_run``); a plain ``mkdocs build`` is unchanged.
"""

from __future__ import annotations

import functools
import re
from contextlib import AbstractContextManager, nullcontext
from typing import Any

from markdown import inlinepatterns, treeprocessors, util

from generator.speedups.guard import unchanged
from generator.speedups.patching import patched

try:  # the standard library's parser of regular expressions (private; another Python may lack it)
    from re import _constants as sre  # type: ignore[attr-defined,unused-ignore]
    from re import _parser as sre_parse  # type: ignore[attr-defined,unused-ignore]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as sre  # type: ignore[no-redef,unused-ignore]
    import sre_parse  # type: ignore[no-redef,unused-ignore]

# Standard patterns whose first character says too little (a line break starts with a space),
# by their regular expression in Python-Markdown 3.4 to 3.11, with the texts of which any match
# holds at least one.
_NEEDS: dict[str, tuple[str, ...]] = {
    r"  \n": ("  \n",),  # a line break: two spaces at the end of a line
    r"((^|(?<=\s))(\*{1,3}|_{1,3})(?=\s|$))": ("*", "_"),  # a lone * or _
    r"(?:(?<!\\)((?:\\{2})+)(?=`+)|(?<!\\)`)": ("`",),  # code
    r"(?:(?<!\\)((?:\\{2})+)(?=`+)|(?<!\\)(`+)(.+?)(?<!`)\2(?!`))": ("`",),
}
_ZERO_WIDTH = {sre.ASSERT, sre.ASSERT_NOT, sre.AT}
_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT)}


def needs(pattern: inlinepatterns.Pattern) -> tuple[str, ...] | None:
    """The texts of which any match of ``pattern`` holds at least one; None if we cannot tell."""
    if not isinstance(pattern, inlinepatterns.InlineProcessor):
        return None  # an old-style Pattern, matched differently: always try it
    compiled = getattr(pattern, "compiled_re", None)
    expression = getattr(compiled, "pattern", None)
    if compiled is None or not isinstance(expression, str) or compiled.flags & re.IGNORECASE:
        return None
    if expression in _NEEDS:
        return _NEEDS[expression]
    return _expression_needs(expression, compiled.flags)


@functools.lru_cache(maxsize=256)  # MkDocs makes new patterns for every page
def _expression_needs(expression: str, flags: int) -> tuple[str, ...] | None:
    try:
        parsed = sre_parse.parse(expression, flags)
    except Exception:  # whatever the parser of another Python does: always try it
        return None
    return _first_characters(list(parsed))


def _first_characters(items: list[tuple[Any, Any]]) -> tuple[str, ...] | None:
    """The characters one of which the first character of any match of ``items`` (a parsed
    regular expression) must be; None if that is not a short list of plain characters."""
    for op, value in items:
        if op in _ZERO_WIDTH:
            continue  # lookarounds and anchors take no text: the next item must still match
        if op is sre.LITERAL:
            return (chr(value),)
        if op is sre.SUBPATTERN:
            group, add_flags, del_flags, inner = value
            return None if add_flags & re.IGNORECASE else _first_characters(list(inner))
        if op in _REPEATS:
            least, _most, inner = value
            return _first_characters(list(inner)) if least >= 1 else None
        if op is sre.BRANCH:
            found: list[str] = []
            for branch in value[1]:
                first = _first_characters(list(branch))
                if first is None:
                    return None
                found += [c for c in first if c not in found]
            return tuple(found)
        if op is sre.IN and value and all(kind is sre.LITERAL for kind, _ in value):
            return tuple(chr(c) for _, c in value)
        return None
    return None


class _Needs:
    """For one registry of inline patterns: what each pattern needs, and one expression that
    finds whether the text holds anything any pattern needs (None if some pattern is unknown)."""

    def __init__(self, patterns: Any) -> None:
        self.patterns = patterns
        self.each = [needs(pattern) for pattern in patterns]
        known = None not in self.each
        texts = sorted({text for texts in self.each if texts for text in texts})
        self.anything = re.compile("|".join(map(re.escape, texts))) if known and texts else None


def _handle_inline(self: Any, data: str, patternIndex: int = 0) -> str:  # the name it replaces
    """``InlineProcessor.__handleInline``, not trying a pattern whose text is not in ``data``.
    (A match only replaces text with a placeholder; it never adds what a pattern needs.)"""
    if isinstance(data, util.AtomicString):
        return data
    patterns = self.inlinePatterns
    known = self.__dict__.get("_catchup_needs")
    if known is None or known.patterns is not patterns or len(known.each) != len(patterns):
        known = self._catchup_needs = _Needs(patterns)
    if known.anything is not None and known.anything.search(data) is None:
        return data  # plain words: no pattern can match
    wanted = known.each
    apply = self._InlineProcessor__applyPattern
    start, count = 0, len(patterns)
    while patternIndex < count:
        texts = wanted[patternIndex]
        if texts is not None:
            for text in texts:
                if text in data:
                    break
            else:
                patternIndex += 1
                start = 0
                continue
        data, matched, start = apply(patterns[patternIndex], data, patternIndex, start)
        if not matched:
            patternIndex += 1
    return data


# treeprocessors.InlineProcessor as _handle_inline was written against (Python-Markdown 3.11).
KNOWN_INLINE_PROCESSOR = frozenset({"74e75f976c4a0f29"})


def installed() -> AbstractContextManager[None]:
    """Let Python-Markdown skip inline patterns that cannot match, only while inside, and only
    while its InlineProcessor is the code ``_handle_inline`` copies."""
    cls = treeprocessors.InlineProcessor
    if not unchanged(KNOWN_INLINE_PROCESSOR, cls):
        return nullcontext()  # another version of Python-Markdown: leave it as it is
    return patched(cls, "_InlineProcessor__handleInline", _handle_inline)
