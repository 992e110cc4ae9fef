"""Check one parsed YAML document against its JSON Schema and say what is wrong in plain words.

jsonschema finds the errors; this module turns each into a :class:`Problem` at the line and
column of the field at fault, with a message that names the field and a hint that says how to fix
it. Unknown keys get a "did you mean" suggestion.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

import jsonschema

from generator.problems import Level, Location, Problem
from generator.schema import all_schemas
from generator.yamlsource import Pos, YList, YMap

ROOT_NAMES = {"session": "this session", "program": "this program", "worksheet": "this worksheet",
              "skill": "this skill"}
TYPE_WORDS = {
    "string": "text", "integer": "a whole number", "number": "a number", "array": "a list (lines starting with '- ')",
    "object": "a block of 'name: value' fields", "boolean": "true or false",
}


@lru_cache(maxsize=None)
def validator(name: str) -> jsonschema.protocols.Validator:
    schema = all_schemas()[name]
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema)


def validate(data: Any, schema_name: str, path: str) -> list[Problem]:
    """Every schema problem in ``data``, located in the file ``path``."""
    problems = []
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
    parts = []
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


def _translate(error: jsonschema.ValidationError, data: Any, path: str, root: str) -> Iterator[Problem]:
    steps = list(error.absolute_path)
    where = _locate(data, steps)
    name = _field(steps, ROOT_NAMES.get(root, "this file"))
    kind = error.validator
    schema = error.schema if isinstance(error.schema, dict) else {}

    def problem(pos: Pos, message: str, rule: str, hint: str) -> Problem:
        return Problem(Location(path, pos.line, pos.col), Level.ERROR, message, rule, hint)

    if kind in ("anyOf", "oneOf"):
        branch = _best_branch(error)
        if branch:
            for sub in branch:
                yield from _translate(sub, data, path, root)
            return
        yield problem(where, f"{name} has the wrong form: {_show(error.instance)}", "schema-type",
                      error.schema.get("description", "Check this field against the authoring guide."))
    elif kind == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        for key in sorted(set(error.instance) - set(allowed)):
            close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
            hint = f"Did you mean '{close[0]}'?" if close else f"Known fields here: {', '.join(allowed)}."
            yield problem(_locate(data, [*steps, key], key=True), f"unknown field '{key}' in {name}",
                          "schema-unknown-key", hint)
    elif kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else "?"
        about = schema.get("properties", {}).get(missing, {}).get("description", "")
        yield problem(where, f"{name} is missing the required field '{missing}'", "schema-required",
                      f"Add '{missing}:'. {about}".strip())
    elif kind == "type":
        wanted = error.validator_value if isinstance(error.validator_value, str) else error.validator_value[0]
        hint = schema.get("description", "") or f"Write {name} as {TYPE_WORDS.get(wanted, wanted)}."
        if wanted in ("integer", "number") and isinstance(error.instance, str) and error.instance.strip().isdigit():
            hint = f"Write the number without quotes: {error.instance.strip()}"
        elif wanted == "string" and isinstance(error.instance, bool):
            hint = "Put the text in quotes, e.g. \"yes\" or \"no\"."
        elif wanted == "string" and isinstance(error.instance, (int, float)):
            hint = f"Put it in quotes: \"{error.instance}\""
        yield problem(where, f"{name} should be {TYPE_WORDS.get(wanted, wanted)}, not {_show(error.instance)}",
                      "schema-type", hint)
    elif kind == "enum":
        choices = [str(v) for v in error.validator_value]
        close = difflib.get_close_matches(str(error.instance).lower(), choices, n=1, cutoff=0.6)
        hint = f"Did you mean '{close[0]}'? " if close else ""
        yield problem(where, f"{name} is {_show(error.instance)}, which is not one of the choices",
                      "schema-value", f"{hint}Use one of: {', '.join(choices)}.")
    elif kind in ("minLength", "minItems"):
        yield problem(where, f"{name} is empty", "schema-empty",
                      schema.get("description", "") or "Fill it in, or remove the field.")
    elif kind == "pattern":
        yield problem(where, f"{name} is {_show(error.instance)}, which is not in the expected form",
                      "schema-value", schema.get("description", "") or error.message)
    else:
        yield problem(where, f"{name} is {_show(error.instance)}, which is not allowed here ({error.message})",
                      "schema-value", schema.get("description", "") or "See the authoring guide for this field.")


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
