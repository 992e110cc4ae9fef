"""Read one YAML file into plain Python values that remember where they came from.

PyYAML's ``load`` forgets positions, so we read the parser's events (libyaml's C parser where
available) and build the values ourselves, with no node tree in between. Mappings become :class:`YMap` and sequences
:class:`YList`; both carry the 1-based line and column of themselves and of each child.
Scalars stay plain ``str``/``int``/``float``/``bool``/``None``.

Some YAML 1.1 surprises are undone on purpose, because clinicians write times and dates:
``18:00`` stays the string ``"18:00"`` (not the base-60 number 1080) and ``2026-01-05`` stays a
string (not a ``date``), so that the JSON Schema sees what the author typed.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from sys import intern
from typing import Any, NamedTuple

import yaml

from generator.load.reader_rules import (
    YAML_CONTROL_CHARACTER,
    YAML_DUPLICATE_KEY,
    YAML_KEY,
    YAML_SYNTAX,
    YAML_TAG,
    YAML_TOO_LARGE,
)
from generator.rules import Rule

try:  # libyaml's C parser is about 15x faster and gives every event its position.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 50  # a session is 4 or 5 levels deep; deeper is a mistake (and Python's stack is finite)
MAX_NODES = 200_000  # bounds alias expansion ("billion laughs") long before memory runs out
PLAIN_TAGS = {f"tag:yaml.org,2002:{name}"
              for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")}
MAX_BYTES = 1_000_000  # a session file is a few KB; anything this big is a mistake


class Pos(NamedTuple):
    """Line and column, both counted from 1."""

    line: int
    col: int


class _Positions(dict[tuple[int, int], Pos]):
    """Each position made once, by line and column, and shared by every value there in any file:
    a file has over a hundred, and a Pos, being a tuple, cannot change. At ``LIMIT`` it starts
    again, so that an odd huge file does not keep its positions for ever."""

    LIMIT = 50_000

    def __missing__(self, key: tuple[int, int]) -> Pos:
        if len(self) >= self.LIMIT:
            self.clear()
        pos = self[key] = tuple.__new__(Pos, key)  # Pos(*key), without Pos's own Python-level __new__
        return pos


_POSITIONS = _Positions()


class YMap(dict):
    """A YAML mapping that remembers its own position and where each key and value starts.
    It is pickled (for the read cache) as
    its items and its positions as one tuple of numbers: quicker to write than
    pickle's own way, which writes each position as an object of its own."""

    pos: Pos
    key_pos: dict[str, Pos]
    value_pos: dict[str, Pos]

    def where(self, key: str) -> Pos:
        """Position of a key's value if present, else of the mapping itself."""
        return self.value_pos.get(key, self.pos)

    def __reduce__(self) -> tuple[Any, ...]:
        numbers = [*self.pos]
        for positions in (self.key_pos, self.value_pos):
            for key in self:
                numbers += positions[key]
        return _ymap, (dict(self), tuple(numbers))


class YList(list):
    """A YAML sequence that remembers its own position and where each item starts (pickled as
    :class:`YMap` is)."""

    pos: Pos
    item_pos: list[Pos]

    def __reduce__(self) -> tuple[Any, ...]:
        numbers = [*self.pos]
        for pos in self.item_pos:
            numbers += pos
        return _ylist, (list(self), tuple(numbers))


def _ymap(items: dict[str, Any], numbers: tuple[int, ...]) -> YMap:
    result, positions = YMap(items), _positions(numbers)
    result.pos = next(positions)
    result.key_pos = dict(zip(result, positions))  # zip stops at the last key, before taking a position
    result.value_pos = dict(zip(result, positions))
    return result


def _ylist(items: list[Any], numbers: tuple[int, ...]) -> YList:
    result, positions = YList(items), _positions(numbers)
    result.pos = next(positions)
    result.item_pos = list(positions)
    return result


def _positions(numbers: tuple[int, ...]) -> Iterator[Pos]:
    """Pairs of numbers as positions (shared, see ``_Positions``), without a Python call each."""
    lines_and_columns = iter(numbers)
    return map(_POSITIONS.__getitem__, zip(lines_and_columns, lines_and_columns))


class YamlError(Exception):
    """A file that cannot be read as YAML; carries the position and a fix hint."""

    def __init__(self, message: str, pos: Pos, rule: Rule, hint: str) -> None:
        super().__init__(message)
        self.message = message
        self.pos = pos
        self.rule = rule
        self.hint = hint


STR, MERGE = "tag:yaml.org,2002:str", "tag:yaml.org,2002:merge"
_RESOLVED_FIRST = frozenset(key for key in _Loader.yaml_implicit_resolvers if key is not None)
_SKIP_RESOLVER = None not in _Loader.yaml_implicit_resolvers  # no resolver that looks at every value
_CONSTRUCT = yaml.SafeLoader("")  # turns a typed scalar (int, float, bool) into its value
_RESOLVER = _Loader("")  # says which type a plain scalar has (the loader's own resolvers)
_SCALAR, _ALIAS = yaml.ScalarEvent, yaml.AliasEvent
_SEQUENCE_START, _SEQUENCE_END, _MAPPING_END = yaml.SequenceStartEvent, yaml.SequenceEndEvent, yaml.MappingEndEvent


def _pos(event: Any) -> Pos:  # an event of libyaml's or of PyYAML's own parser
    mark = event.start_mark
    return _POSITIONS[mark.line + 1, mark.column + 1]


# C0 control characters other than tab and line feed (and DEL): a double-quoted string can hold
# them as escapes ("\0", "\x07", "\e", "\r"); written as they are, the reader refuses them.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _no_control(event: Any) -> None:
    """Refuse a double-quoted scalar whose escapes make a control character."""
    found = CONTROL.search(event.value)
    if found:
        raise YamlError(f"the text holds the control character {ord(found.group(0)):#04x}", _pos(event),
                        YAML_CONTROL_CHARACTER, "Delete it, or remove the escape that makes it: only tabs and "
                        "line breaks belong in text.")


def _text(event: Any) -> str | None:
    """The value of an untagged text scalar without an anchor, which is most values, with no resolver
    or constructor; None for anything else (see ``_Builder._scalar``)."""
    if event.style == '"':
        _no_control(event)
    if event.tag is not None or event.anchor is not None:
        return None
    value = event.value
    if not event.implicit[0]:  # quoted or a block: text whatever it looks like
        return _folded(value) if event.style == ">" else value
    if _SKIP_RESOLVER and value and value[0] not in _RESOLVED_FIRST:
        return value  # plain text that no YAML type claims
    return value if _implicit_tag(value) == STR else None


@functools.lru_cache(maxsize=4096)
def _implicit_tag(value: str) -> str:
    """The type YAML gives an untagged plain scalar; remembered, because keys such as ``title``
    and ``number`` come up in every file."""
    return _RESOLVER.resolve(yaml.ScalarNode, value, (True, False))


def _folded(value: str) -> str:
    """In a folded block a blank line becomes one newline; keep it as a paragraph break."""
    body = value.rstrip("\n")
    return body.replace("\n", "\n\n") + value[len(body):]


class _Builder:
    """Builds located values straight from the parser's events: no node tree in between,
    and an alias is the value it names (shared, never copied), counted at its full size.
    Events are told apart by ``type(event) is``, and text values take a short path (``_text``):
    this loop runs once for every value of every file."""

    def __init__(self, loader: Any) -> None:
        self.get = loader.get_event
        self.count = 0
        self.depth = 0
        self.anchors: dict[str, tuple[Any, int]] = {}

    def value(self, event: Any) -> Any:
        kind = type(event)
        if kind is _SCALAR:
            text = _text(event)
            if text is not None:
                self.count += 1
                if self.count > MAX_NODES:
                    self._grow(0, event)
                return text
        elif kind is _ALIAS:
            if event.anchor not in self.anchors:
                raise YamlError(f"the alias *{event.anchor} names no anchor &{event.anchor} above it", _pos(event),
                                YAML_SYNTAX, "Define '&name' before using '*name', or write the value out.")
            value, size = self.anchors[event.anchor]
            self._grow(size, event)
            return value
        start = self.count
        self._grow(1, event)
        if kind is _SCALAR:
            value = self._scalar(event)
        else:
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise YamlError(f"values are nested more than {MAX_DEPTH} levels deep", _pos(event), YAML_TOO_LARGE,
                                "Check the brackets [ ] and { } and the indentation: a session is a few levels deep.")
            value = self._sequence(event) if kind is _SEQUENCE_START else self._mapping(event)
            self.depth -= 1
        if event.anchor is not None:
            self.anchors[event.anchor] = (value, self.count - start)
        return value

    def _grow(self, size: int, event: Any) -> None:
        self.count += size
        if self.count > MAX_NODES:
            raise YamlError(f"the file expands to more than {MAX_NODES:,} values", _pos(event), YAML_TOO_LARGE,
                            "Remove repeated anchors and aliases (& and *); write the text out instead.")

    def _tag(self, event: Any, implicit: str) -> str:
        tag = event.tag
        if tag is None or tag == "!":
            return implicit
        if tag not in PLAIN_TAGS:
            raise YamlError(f"the tag {tag} is not allowed", _pos(event), YAML_TAG,
                            "Remove the '!' tag; write plain text, numbers and lists only.")
        return tag

    def _sequence(self, event: Any) -> YList:
        self._tag(event, "")
        result, positions = YList(), []  # type: YList, list[Pos]
        result.pos, result.item_pos = _pos(event), positions
        get, value, append, located = self.get, self.value, result.append, positions.append
        item = get()
        while type(item) is not _SEQUENCE_END:
            mark = item.start_mark
            located(_POSITIONS[mark.line + 1, mark.column + 1])
            append(value(item))
            item = get()
        return result

    def _mapping(self, event: Any) -> YMap:
        self._tag(event, "")
        result, key_pos, value_pos = YMap(), {}, {}  # type: YMap, dict[str, Pos], dict[str, Pos]
        result.pos, result.key_pos, result.value_pos = _pos(event), key_pos, value_pos
        get, value = self.get, self.value
        key_event = get()
        while type(key_event) is not _MAPPING_END:
            key = _text(key_event) if type(key_event) is _SCALAR else None
            if key is None and type(key_event) is _SCALAR:
                key = self._scalar(key_event)  # anchored or typed: its value, never registered as an anchor
            if not isinstance(key, str):
                raise YamlError("a key must be a plain word", _pos(key_event), YAML_KEY,
                                "Write keys as words such as 'title:'; put quotes around keys that look like numbers.")
            if key in result:
                first = key_pos[key]
                raise YamlError(f"key '{key}' appears twice in the same block (first on line {first.line})",
                                _pos(key_event), YAML_DUPLICATE_KEY,
                                f"Keep one '{key}:' and delete or rename the other.")
            key = intern(key)  # one object for each key name, in every file
            value_event = get()
            mark = key_event.start_mark
            key_pos[key] = _POSITIONS[mark.line + 1, mark.column + 1]
            mark = value_event.start_mark
            value_pos[key] = _POSITIONS[mark.line + 1, mark.column + 1]
            result[key] = value(value_event)
            key_event = get()
        return result

    def _scalar(self, event: Any) -> Any:
        value = event.value  # plain untagged text without an anchor never comes here: see _text
        if event.style == '"':
            _no_control(event)
        if event.implicit[0]:
            tag = self._tag(event, _implicit_tag(value))
        else:
            tag = self._tag(event, STR)
        if tag == STR:
            return _folded(value) if event.style == ">" else value
        if tag == MERGE:
            raise YamlError("merge keys (<<) are not supported", _pos(event), YAML_TAG,
                            "Write each field out instead of merging another block.")
        if tag.endswith(":timestamp") or (tag.endswith((":int", ":float")) and ":" in value):
            return value  # 2027-01-04 and 18:00 stay as written
        try:
            return _CONSTRUCT.construct_object(yaml.ScalarNode(tag, value, event.start_mark, event.end_mark))
        except (ValueError, KeyError, TypeError, yaml.YAMLError):
            kind = tag.rsplit(":", 1)[-1]
            raise YamlError(f"'{value}' cannot be read as {kind}", _pos(event), YAML_TAG,
                            f"Remove the '!!{kind}' tag, or write a value of that kind.") from None


def parse(text: str) -> Any:
    """Parse YAML text into located values; raise :class:`YamlError` on any problem."""
    if len(text) > MAX_BYTES:
        raise YamlError(
            f"the file is {len(text):,} characters long; the limit is {MAX_BYTES:,}",
            Pos(1, 1),
            YAML_TOO_LARGE,
            "Split it into smaller files, one session per file.",
        )
    loader = _Loader(text)
    try:
        return _document(loader)
    except yaml.MarkedYAMLError as exc:
        problem, pos = _syntax_error(exc, text)
        lines = text.splitlines()
        if pos.line <= len(lines) and "\t" in lines[pos.line - 1][: pos.col]:
            problem = "this line is indented with a tab"
        raise YamlError(
            problem,
            pos,
            YAML_SYNTAX,
            _syntax_hint(problem),
        ) from None
    except yaml.reader.ReaderError as exc:
        before = text[: exc.position]
        pos = Pos(before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1)
        character = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or " ")
        raise YamlError(f"the character {character:#x} is not allowed in YAML text", pos,
                        YAML_CONTROL_CHARACTER if character < 0x20 or character == 0x7F else YAML_SYNTAX,
                        "Delete it: it is an invisible control character, often pasted from another program.") from None
    except yaml.YAMLError as exc:
        message = " ".join(str(exc).split())
        raise YamlError(message, Pos(1, 1), YAML_SYNTAX, "Check the file is valid YAML.") from None
    finally:
        loader.dispose()


# Where the parser was when it gave up is often lines after the mistake: a bracket or a quote
# left open is noticed only where the text can no longer be read. For these, the mistake is where
# the bracket or quote opened (the parser's context mark), and that is where the problem points.
STARTS_AT_CONTEXT = {"flow sequence": "the list opened with [", "flow mapping": "the block opened with {",
                     "quoted scalar": "the text in quotes that starts", "block scalar": "the text block that starts"}


def _syntax_error(exc: yaml.MarkedYAMLError, text: str) -> tuple[str, Pos]:
    """The message and position of a YAML syntax error: at the start of what was left open, with
    where the parser noticed in the message; otherwise where the parser noticed."""
    problem, noticed, start = exc.problem or "this is not valid YAML", exc.problem_mark, exc.context_mark
    opened = next((what for kind, what in STARTS_AT_CONTEXT.items() if kind in (exc.context or "")), None)
    if opened is not None and start is not None:
        where = f" (noticed on line {noticed.line + 1}, column {noticed.column + 1})" if noticed else ""
        return f"{problem}: {opened} here is not closed{where}", Pos(start.line + 1, start.column + 1)
    opened_quote = _unclosed_quote(text, start, noticed)
    if opened_quote is not None and noticed is not None:
        return (f"{problem}: a double quote opened here seems not to be closed on its line (noticed on line "
                f"{noticed.line + 1}, column {noticed.column + 1})", opened_quote)
    if exc.context:
        problem = f"{problem} ({exc.context})"
    mark = noticed or start
    return problem, Pos(mark.line + 1, mark.column + 1) if mark else Pos(1, 1)


def _unclosed_quote(text: str, start: Any, noticed: Any) -> Pos | None:
    """In a block (a list or mapping) the parser could not read, the first line from its start to
    where the parser noticed whose value opens a double quote and does not close it: a quoted text
    that runs on into the next lines until another quote, which is the usual cause."""
    if start is None or noticed is None or noticed.line <= start.line:
        return None
    lines = text.splitlines()
    for number in range(start.line, min(noticed.line, len(lines))):
        line = lines[number]
        value = re.match(r'^\s*(?:-\s+)?(?:[\w-]+:\s+)?"', line)  # a value that starts with a quote
        if value and len(re.findall(r'(?<!\\)"', line)) % 2 == 1:
            return Pos(number + 1, value.end())
    return None


def _document(loader: Any) -> Any:
    get = loader.get_event
    get()  # stream start
    if isinstance(get(), yaml.StreamEndEvent):
        return None
    value = _Builder(loader).value(get())
    get()  # document end
    extra = get()
    if not isinstance(extra, yaml.StreamEndEvent):
        raise YamlError("expected a single document in the stream, but found another document", _pos(extra),
                        YAML_SYNTAX, _syntax_hint("expected a single document"))
    return value


def _syntax_hint(problem: str) -> str:
    if "tab" in problem:
        return "Indent with spaces, never tabs."
    if "expected a single document" in problem:
        return "Keep one document per file: remove the extra '---' line."
    if "mapping values are not allowed" in problem:
        return "Put text that contains ': ' inside quotes, or check the indentation of this line."
    if "could not find expected ':'" in problem:
        return "Each field needs 'name: value'; check the line above for a missing colon or quote."
    if "found character" in problem:
        return "Put the value in quotes if it starts with a special character such as @, ` or %."
    return "Check indentation (spaces only) and that every quote you open is closed."
