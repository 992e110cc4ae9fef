"""Check one parsed YAML document against its JSON Schema and say what is wrong in plain words.

A document first goes through a validator compiled to Python by fastjsonschema, which only
says yes or no but is much faster; almost every file is valid, so that is all most
files cost. Only a file that fails is walked again by jsonschema, which finds every error; this
module turns each into a :class:`Problem` at the line and column of the field at fault, with a
message that names the field and a hint that says how to fix it. Unknown keys get a "did you
mean" suggestion.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

import fastjsonschema

if TYPE_CHECKING:
    import jsonschema

from generator.load.reader_rules import SCHEMA_EMPTY, SCHEMA_REQUIRED, SCHEMA_TYPE, SCHEMA_UNKNOWN_KEY, SCHEMA_VALUE
from generator.load.yamlsource import Pos, YList, YMap
from generator.problems import Location, Problem
from generator.rules import Rule
from generator.schema import all_schemas

ROOT_NAMES = {"session": "this session", "program": "this program", "worksheet": "this worksheet",
              "skill": "this skill"}
TYPE_WORDS = {
    "string": "text", "integer": "a whole number", "number": "a number", "array": "a list (lines starting with '- ')",
    "object": "a block of 'name: value' fields", "boolean": "true or false",
}


@cache
def is_valid(name: str) -> Callable[[Any], bool]:
    """The compiled yes-or-no validator for one schema."""
    schema = {key: value for key, value in all_schemas()[name].items() if key != "$schema"}  # draft 7 subset
    # Only yes or no is used: no message made for each branch of a oneOf that fails (quicker).
    compiled = fastjsonschema.compile(schema, detailed_exceptions=False, use_default=False)  # never fill in data

    def check(data: Any) -> bool:
        try:
            compiled(data)
        except fastjsonschema.JsonSchemaException:
            return False
        return True
    return check


@cache
def validator(name: str) -> Any:
    import jsonschema  # only needed for files with errors

    schema = all_schemas()[name]
    cls = jsonschema.validators.validator_for(schema)
    # JSON Schema counts 1.0 as a whole number; YAML reads "number: 1.0" as a decimal, which
    # would show as "Session 1.0". Here a whole number is one written without a decimal point.
    strict = cls.TYPE_CHECKER.redefine("integer", lambda _checker, value: type(value) is int)
    return jsonschema.validators.extend(cls, type_checker=strict)(schema)


@cache
def _whole_number_fields(name: str) -> tuple[tuple[str | None, ...], ...]:
    """Where a schema wants a whole number: each a path of keys (None: any item of a list)."""
    found: set[tuple[str | None, ...]] = set()

    def walk(node: Any, steps: tuple[str | None, ...]) -> None:
        if not isinstance(node, dict):
            return
        if node.get("type") == "integer":
            found.add(steps)
        for key, sub in node.get("properties", {}).items():
            walk(sub, (*steps, key))
        walk(node.get("items"), (*steps, None))
        for word in ("anyOf", "oneOf", "allOf"):
            for sub in node.get(word, []):
                walk(sub, steps)
        if isinstance(node.get("additionalProperties"), dict) or "patternProperties" in node or "$ref" in node:
            raise ValueError(f"schema {name!r}: add fields under any name and $ref to _whole_number_fields")

    walk(all_schemas()[name], ())
    return tuple(sorted(found, key=str))


def _decimal_where_whole(data: Any, name: str) -> bool:
    """Whether a field that wants a whole number holds a decimal (which the quick validator lets by)."""
    def values(node: Any, steps: tuple[str | None, ...]) -> Iterator[Any]:
        if not steps:
            yield node
        elif steps[0] is None:
            if isinstance(node, list):
                for item in node:
                    yield from values(item, steps[1:])
        elif isinstance(node, dict) and steps[0] in node:
            yield from values(node[steps[0]], steps[1:])

    return any(type(value) is float for steps in _whole_number_fields(name) for value in values(data, steps))


def validate(data: Any, schema_name: str, path: str) -> list[Problem]:
    """Every schema problem in ``data``, located in the file ``path``."""
    if is_valid(schema_name)(data) and not _decimal_where_whole(data, schema_name):
        return []
    problems: list[Problem] = []
    for error in validator(schema_name).iter_errors(data):
        problems.extend(_translate(error, data, path, schema_name))
    return sorted(set(problems))


def _locate(data: Any, steps: list[Any], *, key: bool = False) -> Pos:
    """Position of the value (or, with ``key``, of the key) reached by following ``steps``."""
    node, pos = data, getattr(data, "pos", Pos(1, 1))
    for i, step in enumerate(steps):
        last = i == len(steps) - 1
        if isinstance(node, YMap) and step in node:
            pos = node.key_pos[step] if key and last else node.value_pos[step]
        elif isinstance(node, YList) and isinstance(step, int) and step < len(node):
            pos = node.item_pos[step]
        else:
            break
        node = node[step]
    return pos


def _field(steps: list[Any], root: str) -> str:
    parts: list[str] = []
    for step in steps:
        parts.append(f"[{step + 1}]" if isinstance(step, int) else ("." if parts else "") + step)
    return "".join(parts) or root


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return "a block of 'name: value' fields"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "true/false (YAML reads yes, no, on and off that way)"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


@dataclass(frozen=True)
class _Error:
    """One jsonschema error, with what every message needs worked out once."""

    error: jsonschema.ValidationError
    data: Any
    path: str
    root: str

    @property
    def steps(self) -> list[Any]:
        return list(self.error.absolute_path)

    @property
    def name(self) -> str:
        return _field(self.steps, ROOT_NAMES.get(self.root, "this file"))

    @property
    def schema(self) -> dict[str, Any]:
        return self.error.schema if isinstance(self.error.schema, dict) else {}

    @property
    def about(self) -> str:
        return self.schema.get("description", "")

    def problem(self, message: str, rule: Rule, hint: str, pos: Pos | None = None) -> Problem:
        pos = pos or _locate(self.data, self.steps)
        return rule.problem(Location(self.path, pos.line, pos.col), message, hint)


def _translate(error: jsonschema.ValidationError, data: Any, path: str, root: str) -> Iterator[Problem]:
    found = _Error(error, data, path, root)
    handler = _HANDLERS.get(error.validator, _other)
    yield from handler(found)


def _one_of(e: _Error) -> Iterator[Problem]:
    branch = _best_branch(e.error)
    for sub in branch:
        yield from _translate(sub, e.data, e.path, e.root)
    if not branch:
        yield e.problem(f"{e.name} has the wrong form: {_show(e.error.instance)}", SCHEMA_TYPE,
                        e.about or "Check this field against the authoring guide.")


def _unknown_keys(e: _Error) -> Iterator[Problem]:
    allowed = sorted(e.schema.get("properties", {}))
    for key in sorted(set(e.error.instance) - set(allowed)):
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        hint = f"Did you mean '{close[0]}'?" if close else f"Known fields here: {', '.join(allowed)}."
        yield e.problem(f"unknown field '{key}' in {e.name}", SCHEMA_UNKNOWN_KEY, hint,
                        _locate(e.data, [*e.steps, key], key=True))


def _required(e: _Error) -> Iterator[Problem]:
    missing = e.error.message.split("'")[1] if "'" in e.error.message else "?"
    about = e.schema.get("properties", {}).get(missing, {}).get("description", "")
    yield e.problem(f"{e.name} is missing the required field '{missing}'", SCHEMA_REQUIRED,
                    f"Add '{missing}:'. {about}".strip())


def _type(e: _Error) -> Iterator[Problem]:
    value, wanted = e.error.instance, e.error.validator_value
    wanted = wanted if isinstance(wanted, str) else wanted[0]
    words = TYPE_WORDS.get(wanted, wanted)
    hint = e.about or f"Write {e.name} as {words}."
    if wanted in ("integer", "number") and isinstance(value, str) and value.strip().isdigit():
        hint = f"Write the number without quotes: {value.strip()}"
    elif wanted == "integer" and isinstance(value, float) and value.is_integer():
        hint = f"Write it without a decimal point: {int(value)}"
    elif wanted == "string" and isinstance(value, bool):
        hint = "Put the text in quotes, e.g. \"yes\" or \"no\"."
    elif wanted == "string" and isinstance(value, (int, float)):
        hint = f"Put it in quotes: \"{value}\""
    yield e.problem(f"{e.name} should be {words}, not {_show(value)}", SCHEMA_TYPE, hint)


def _enum(e: _Error) -> Iterator[Problem]:
    choices = [str(v) for v in e.error.validator_value]
    close = difflib.get_close_matches(str(e.error.instance).lower(), choices, n=1, cutoff=0.6)
    hint = f"Did you mean '{close[0]}'? " if close else ""
    yield e.problem(f"{e.name} is {_show(e.error.instance)}, which is not one of the choices", SCHEMA_VALUE,
                    f"{hint}Use one of: {', '.join(choices)}.")


def _empty(e: _Error) -> Iterator[Problem]:
    yield e.problem(f"{e.name} is empty", SCHEMA_EMPTY, e.about or "Fill it in, or remove the field.")


def _pattern(e: _Error) -> Iterator[Problem]:
    yield e.problem(f"{e.name} is {_show(e.error.instance)}, which is not in the expected form", SCHEMA_VALUE,
                    e.about or e.error.message)


def _unique(e: _Error) -> Iterator[Problem]:
    items = list(e.error.instance)
    twice = next((item for index, item in enumerate(items) if item in items[:index]), None)
    yield e.problem(f"{e.name} holds {_show(twice)} more than once", SCHEMA_VALUE, "Write each one once.")


def _other(e: _Error) -> Iterator[Problem]:
    yield e.problem(f"{e.name} is {_show(e.error.instance)}, which is not allowed here ({e.error.message})",
                    SCHEMA_VALUE, e.about or "See the authoring guide for this field.")


_HANDLERS: dict[str, Callable[[_Error], Iterator[Problem]]] = {
    "anyOf": _one_of, "oneOf": _one_of, "additionalProperties": _unknown_keys, "required": _required,
    "type": _type, "enum": _enum, "minLength": _empty, "minItems": _empty, "pattern": _pattern,
    "uniqueItems": _unique,
}


def _best_branch(error: jsonschema.ValidationError) -> list[jsonschema.ValidationError]:
    """For 'one of these forms' errors, keep the errors of the form the author most likely meant."""
    branches: dict[int, list[jsonschema.ValidationError]] = {}
    for sub in error.context or []:
        branches.setdefault(sub.schema_path[0], []).append(sub)
    instance = error.instance
    if not branches:
        return []
    # A mapping with 'use' means a shared item; otherwise the fewest complaints wins, later forms on ties.
    if isinstance(instance, dict):
        for index, subs in branches.items():
            subschema = error.validator_value[index]
            if ("use" in instance) == ("use" in subschema.get("required", [])) and subschema.get("type") == "object":
                return subs
    matching_type = [subs for subs in branches.values() if all(s.validator != "type" for s in subs if not s.path)]
    candidates = matching_type or list(branches.values())
    return min(reversed(candidates), key=len)
