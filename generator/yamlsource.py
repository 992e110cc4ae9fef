"""Read one YAML file into plain Python values that remember where they came from.

PyYAML's ``load`` forgets positions, so we ``compose`` the node tree (libyaml's C parser where
available) and build the values ourselves. Mappings become :class:`YMap` and sequences
:class:`YList`; both carry the 1-based line and column of themselves and of each child.
Scalars stay plain ``str``/``int``/``float``/``bool``/``None``.

Some YAML 1.1 surprises are undone on purpose, because clinicians write times and dates:
``18:00`` stays the string ``"18:00"`` (not the base-60 number 1080) and ``2026-01-05`` stays a
string (not a ``date``), so that the JSON Schema sees what the author typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

try:  # libyaml's C loader is about 15x faster and keeps node positions through compose.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_NODES = 200_000  # bounds alias expansion ("billion laughs") long before memory runs out
PLAIN_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")}
MAX_BYTES = 1_000_000  # a session file is a few KB; anything this big is a mistake


@dataclass(frozen=True)
class Pos:
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


def _pos(node: yaml.Node) -> Pos:
    return Pos(node.start_mark.line + 1, node.start_mark.column + 1)


class _Builder:
    def __init__(self, loader: Any) -> None:
        self.loader = loader
        self.count = 0

    def build(self, node: yaml.Node) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise YamlError(
                f"the file expands to more than {MAX_NODES:,} values",
                _pos(node),
                "yaml-too-large",
                "Remove repeated anchors and aliases (& and *); write the text out instead.",
            )
        if node.tag not in PLAIN_TAGS:
            raise YamlError(
                f"the tag {node.tag} is not allowed",
                _pos(node),
                "yaml-tag",
                "Remove the '!' tag; write plain text, numbers and lists only.",
            )
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node)
        if isinstance(node, yaml.SequenceNode):
            result = YList(self.build(item) for item in node.value)
            result.pos = _pos(node)
            result.item_pos = [_pos(item) for item in node.value]
            return result
        return self._scalar(node)

    def _mapping(self, node: yaml.MappingNode) -> YMap:
        result = YMap()
        result.pos, result.key_pos, result.value_pos = _pos(node), {}, {}
        for key_node, value_node in node.value:
            key = self._scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str):
                raise YamlError(
                    "a key must be a plain word",
                    _pos(key_node),
                    "yaml-key",
                    "Write keys as words such as 'title:'; put quotes around keys that look like numbers.",
                )
            if key in result:
                first = result.key_pos[key]
                raise YamlError(
                    f"key '{key}' appears twice in the same block (first on line {first.line})",
                    _pos(key_node),
                    "yaml-duplicate-key",
                    f"Keep one '{key}:' and delete or rename the other.",
                )
            result.key_pos[key] = _pos(key_node)
            result.value_pos[key] = _pos(value_node)
            result[key] = self.build(value_node)
        return result

    def _scalar(self, node: yaml.Node) -> Any:
        tag = node.tag
        if node.style == ">" and isinstance(node.value, str):
            # In a folded block a blank line becomes one newline; keep it as a paragraph break.
            body = node.value.rstrip("\n")
            return body.replace("\n", "\n\n") + node.value[len(body):]
        if tag.endswith(":timestamp"):
            return node.value
        if tag.endswith(":int") and ":" in node.value:
            return node.value
        if tag.endswith(":float") and ":" in node.value:
            return node.value
        return self.loader.construct_object(node, deep=True)


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
        node = loader.get_single_node()
        if node is None:
            return None
        return _Builder(loader).build(node)
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
    except yaml.YAMLError as exc:
        raise YamlError(str(exc), Pos(1, 1), "yaml-syntax", "Check the file is valid YAML.") from None
    finally:
        loader.dispose()


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
