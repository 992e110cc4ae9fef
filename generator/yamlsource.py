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

from typing import Any, NamedTuple

import yaml

try:  # libyaml's C parser is about 15x faster and gives every event its position.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 50  # a session is 4 or 5 levels deep; deeper is a mistake (and Python's stack is finite)
MAX_NODES = 200_000  # bounds alias expansion ("billion laughs") long before memory runs out
PLAIN_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")}
MAX_BYTES = 1_000_000  # a session file is a few KB; anything this big is a mistake


class Pos(NamedTuple):
    """Line and column, both counted from 1."""

    line: int
    col: int


class YMap(dict):
    """A YAML mapping that remembers its own position and where each key and value starts."""

    pos: Pos
    key_pos: dict[str, Pos]
    value_pos: dict[str, Pos]

    def where(self, key: str) -> Pos:
        """Position of a key's value if present, else of the mapping itself."""
        return self.value_pos.get(key, self.pos)


class YList(list):
    """A YAML sequence that remembers its own position and where each item starts."""

    pos: Pos
    item_pos: list[Pos]


class YamlError(Exception):
    """A file that cannot be read as YAML; carries the position and a fix hint."""

    def __init__(self, message: str, pos: Pos, rule: str, hint: str) -> None:
        super().__init__(message)
        self.message = message
        self.pos = pos
        self.rule = rule
        self.hint = hint


STR, MERGE = "tag:yaml.org,2002:str", "tag:yaml.org,2002:merge"
_RESOLVED_FIRST = frozenset(key for key in _Loader.yaml_implicit_resolvers if key is not None)
_SKIP_RESOLVER = None not in _Loader.yaml_implicit_resolvers  # no resolver that looks at every value
_CONSTRUCT = yaml.SafeLoader("")  # turns a typed scalar (int, float, bool) into its value


def _pos(event: yaml.Event) -> Pos:
    mark = event.start_mark
    return Pos(mark.line + 1, mark.column + 1)


class _Builder:
    """Builds located values straight from the parser's events: no node tree in between,
    and an alias is the value it names (shared, never copied), counted at its full size."""

    def __init__(self, loader: Any) -> None:
        self.loader = loader
        self.count = 0
        self.depth = 0
        self.anchors: dict[str, tuple[Any, int]] = {}

    def value(self, event: yaml.Event) -> Any:
        if isinstance(event, yaml.AliasEvent):
            if event.anchor not in self.anchors:
                raise YamlError(f"the alias *{event.anchor} names no anchor &{event.anchor} above it", _pos(event),
                                "yaml-syntax", "Define '&name' before using '*name', or write the value out.")
            value, size = self.anchors[event.anchor]
            self._grow(size, event)
            return value
        start = self.count
        self._grow(1, event)
        if isinstance(event, yaml.ScalarEvent):
            value = self._scalar(event)
        else:
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise YamlError(f"values are nested more than {MAX_DEPTH} levels deep", _pos(event), "yaml-too-large",
                                "Check the brackets [ ] and { } and the indentation: a session is a few levels deep.")
            value = self._sequence(event) if isinstance(event, yaml.SequenceStartEvent) else self._mapping(event)
            self.depth -= 1
        if event.anchor is not None:
            self.anchors[event.anchor] = (value, self.count - start)
        return value

    def _grow(self, size: int, event: yaml.Event) -> None:
        self.count += size
        if self.count > MAX_NODES:
            raise YamlError(f"the file expands to more than {MAX_NODES:,} values", _pos(event), "yaml-too-large",
                            "Remove repeated anchors and aliases (& and *); write the text out instead.")

    def _tag(self, event: yaml.Event, implicit: str) -> str:
        tag = event.tag
        if tag is None or tag == "!":
            return implicit
        if tag not in PLAIN_TAGS:
            raise YamlError(f"the tag {tag} is not allowed", _pos(event), "yaml-tag",
                            "Remove the '!' tag; write plain text, numbers and lists only.")
        return tag

    def _sequence(self, event: yaml.SequenceStartEvent) -> YList:
        self._tag(event, "")
        result, positions = YList(), []
        result.pos, result.item_pos = _pos(event), positions
        get = self.loader.get_event
        item = get()
        while not isinstance(item, yaml.SequenceEndEvent):
            positions.append(_pos(item))
            result.append(self.value(item))
            item = get()
        return result

    def _mapping(self, event: yaml.MappingStartEvent) -> YMap:
        self._tag(event, "")
        result = YMap()
        result.pos, result.key_pos, result.value_pos = _pos(event), {}, {}
        get = self.loader.get_event
        key_event = get()
        while not isinstance(key_event, yaml.MappingEndEvent):
            key = self._scalar(key_event) if isinstance(key_event, yaml.ScalarEvent) else None
            if not isinstance(key, str):
                raise YamlError("a key must be a plain word", _pos(key_event), "yaml-key",
                                "Write keys as words such as 'title:'; put quotes around keys that look like numbers.")
            if key in result:
                first = result.key_pos[key]
                raise YamlError(f"key '{key}' appears twice in the same block (first on line {first.line})",
                                _pos(key_event), "yaml-duplicate-key", f"Keep one '{key}:' and delete or rename the other.")
            value_event = get()
            result.key_pos[key] = _pos(key_event)
            result.value_pos[key] = _pos(value_event)
            result[key] = self.value(value_event)
            key_event = get()
        return result

    def _scalar(self, event: yaml.ScalarEvent) -> Any:
        value = event.value
        if _SKIP_RESOLVER and event.implicit[0] and event.tag is None and value and value[0] not in _RESOLVED_FIRST:
            return value  # plain text that no YAML type claims: most values, so skip the resolver
        if event.implicit[0]:
            tag = self._tag(event, self.loader.resolve(yaml.ScalarNode, value, (True, False)))
        else:
            tag = self._tag(event, STR)
        if tag == STR:
            if event.style == ">":
                # In a folded block a blank line becomes one newline; keep it as a paragraph break.
                body = value.rstrip("\n")
                return body.replace("\n", "\n\n") + value[len(body):]
            return value
        if tag == MERGE:
            raise YamlError("merge keys (<<) are not supported", _pos(event), "yaml-tag",
                            "Write each field out instead of merging another block.")
        if tag.endswith(":timestamp") or (tag.endswith((":int", ":float")) and ":" in value):
            return value  # 2027-01-04 and 18:00 stay as written
        try:
            return _CONSTRUCT.construct_object(yaml.ScalarNode(tag, value, event.start_mark, event.end_mark))
        except (ValueError, KeyError, TypeError, yaml.YAMLError):
            kind = tag.rsplit(":", 1)[-1]
            raise YamlError(f"'{value}' cannot be read as {kind}", _pos(event), "yaml-tag",
                            f"Remove the '!!{kind}' tag, or write a value of that kind.") from None


def parse(text: str) -> Any:
    """Parse YAML text into located values; raise :class:`YamlError` on any problem."""
    if len(text) > MAX_BYTES:
        raise YamlError(
            f"the file is {len(text):,} characters long; the limit is {MAX_BYTES:,}",
            Pos(1, 1),
            "yaml-too-large",
            "Split it into smaller files, one session per file.",
        )
    loader = _Loader(text)
    try:
        return _document(loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        pos = Pos(mark.line + 1, mark.column + 1) if mark else Pos(1, 1)
        problem = exc.problem or "this is not valid YAML"
        if exc.context:
            problem = f"{problem} ({exc.context})"
        lines = text.splitlines()
        if pos.line <= len(lines) and "\t" in lines[pos.line - 1][: pos.col]:
            problem = "this line is indented with a tab"
        raise YamlError(
            problem,
            pos,
            "yaml-syntax",
            _syntax_hint(problem),
        ) from None
    except yaml.reader.ReaderError as exc:
        before = text[: exc.position]
        pos = Pos(before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1)
        character = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or " ")
        raise YamlError(f"the character {character:#x} is not allowed in YAML text", pos, "yaml-syntax",
                        "Delete it: it is an invisible control character, often pasted from another program.") from None
    except yaml.YAMLError as exc:
        message = " ".join(str(exc).split())
        raise YamlError(message, Pos(1, 1), "yaml-syntax", "Check the file is valid YAML.") from None
    finally:
        loader.dispose()


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
                        "yaml-syntax", _syntax_hint("expected a single document"))
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
