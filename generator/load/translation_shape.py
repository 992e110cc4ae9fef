"""The shape of a translation: which of a source's text is translated (``schema.translated``), a
digest of that text, and every way a translation's shape differs from its source's.

A translation holds the source's translated keys only, with lists of the same length in the same
order; ``- use: <id>`` items are copied as they are. A key it leaves out keeps the source's text.
The digest is what ``translation.source`` records, so that an edit of the source's text (and
nothing else: not a date, an id or a comment) makes the translation stale.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import Any

from generator.load.yamlsource import Pos, YList, YMap
from generator.model import Translation
from generator.problems import Location
from generator.rules import Finding
from generator.schema import TRANSLATION_BLOCK, TRANSLATION_REVIEW, translation_schemas

SHAPES = translation_schemas()  # by the schema name of the source
BLOCK = "translation"
FIX_COUNT = "Translate each item of the source, in the same order: one item for each."


def form(schema: dict[str, Any], value: Any) -> dict[str, Any] | None:
    """The form of a field's schema that fits a value of the source (a prompt is text or a block;
    a worksheet a block or ``use: <id>``)."""
    if "anyOf" not in schema or "type" in schema:
        return schema
    for option in schema["anyOf"]:
        kind = option.get("type")
        if isinstance(value, dict) and kind == "object" and ("use" in value) == (option.get("required") == ["use"]):
            return option
        if (isinstance(value, list) and kind == "array") or (isinstance(value, str) and kind == "string"):
            return option
    return None


def text_of(source: Any, kind: str) -> Any:
    """The translated text of a source, in its shape, as plain values."""
    return _project(source, SHAPES[kind]) if kind in SHAPES else None


def _project(value: Any, schema: dict[str, Any] | None) -> Any:
    schema = form(schema, value) if schema else None
    if schema is None:
        return None
    if isinstance(value, dict):
        fields = schema.get("properties", {})
        found = {key: _project(sub, fields[key]) for key, sub in value.items() if key in fields and key != BLOCK}
        return {key: sub for key, sub in found.items() if sub not in (None, {}, [])}
    if isinstance(value, list):
        return [_project(item, schema.get("items")) for item in value]
    return value if isinstance(value, str) else None


def digest(source: Any, kind: str) -> str:
    """The digest of a source's translated text (12 hex digits of a SHA-256 of its canonical JSON)."""
    canonical = json.dumps(text_of(source, kind), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]


def recorded(translation: Translation) -> str | None:
    """What the translation's ``translation: source:`` says, if anything (as text)."""
    block = translation.data.get(BLOCK) if isinstance(translation.data, dict) else None
    value = block.get("source") if isinstance(block, dict) else None
    return None if value is None else str(value)


@dataclass
class Compared:
    """How a translation's shape differs from its source: errors, and the text it leaves in the source's language."""

    errors: list[Finding] = field(default_factory=list)
    untranslated: list[str] = field(default_factory=list)  # fields, e.g. 'summary' or 'worksheets[1].purpose'


def compare(translation: Translation) -> Compared:
    """Every difference of shape between a translation that was read and its source (worked out once)."""
    if "shape" not in translation.memo:
        translation.memo["shape"] = _Walk(translation).run()
    return translation.memo["shape"]


class _Walk:
    def __init__(self, translation: Translation) -> None:
        self.translation = translation
        self.found = Compared()

    def error(self, pos: Pos | None, message: str, hint: str) -> None:
        line, col = pos if pos is not None else (1, 1)
        self.found.errors.append(Finding(Location(self.translation.path, line, col), message, hint))

    def run(self) -> Compared:
        data, source, kind = self.translation.data, self.translation.source, self.translation.kind
        if kind not in SHAPES:
            self.error(getattr(data, "pos", None), f"{self.translation.source_path} is not translated: its settings "
                       "are the same in every language", "Delete this file.")
        elif not isinstance(data, YMap):
            self.error(getattr(data, "pos", None), "a translation is a block of 'name: value' fields, like its source",
                       "Start from a copy of the source and keep only the text to translate.")
        else:
            self.block(data)
            if source is not None:
                self.map(source, data, SHAPES[kind], "")
        return self.found

    def block(self, data: YMap) -> None:
        block = data.get(BLOCK)
        if not isinstance(block, YMap):
            self.error(data.where(BLOCK) if BLOCK in data else data.pos, "there is no 'translation:' block with "
                       "'review:'", "Add at the top: 'translation:' and under it 'review: needs-review'.")
            return
        fields = TRANSLATION_BLOCK["properties"]
        for key in block:
            if key not in fields:
                self.error(block.key_pos[key], f"'{key}' is not a field of 'translation:'",
                           f"Fields here: {', '.join(fields)}.")
        if block.get("review") not in TRANSLATION_REVIEW:
            shown = f"'review: {block['review']}'" if "review" in block else "no 'review:'"
            self.error(block.where("review"), f"'translation:' has {shown}",
                       "Write 'review: needs-review', or 'review: reviewed' once a qualified translator checked it.")
        # a 'source:' Catch-Up did not write is stale (translation-stale): --mark-current mends it

    def map(self, source: YMap, data: YMap, schema: dict[str, Any], name: str) -> None:
        fields = schema.get("properties", {})
        for key, value in data.items():
            here = f"{name}.{key}" if name else key
            if key == BLOCK and not name:
                continue
            if key not in fields:
                self.unknown(source, data, key, here, [k for k in fields if k in source])
            elif key not in source and key != "url":
                self.error(data.key_pos[key], f"'{here}' is not in the source ({self.translation.source_path})",
                           f"Delete '{key}:' here, or write it in the source first.")
            else:
                self.value(source.get(key), value, fields[key], here, data.value_pos[key])
        self.found.untranslated += [f"{name}.{key}" if name else key for key in source
                                    if key in fields and key not in data and _project(source[key], fields[key])]

    def unknown(self, source: YMap, data: YMap, key: str, here: str, known: list[str]) -> None:
        if key in source:
            self.error(data.key_pos[key], f"'{here}' is not translated: it comes from the source",
                       f"Delete '{key}:' here; the source's value is used in every language.")
            return
        close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        self.error(data.key_pos[key], f"'{here}' is not in the source ({self.translation.source_path})",
                   f"Did you mean '{close[0]}'?" if close else
                   f"Translated fields here: {', '.join(known) or 'none'}. Delete '{key}:'.")

    def value(self, source: Any, value: Any, schema: dict[str, Any], name: str, pos: Pos) -> None:
        shape = form(schema, source if source is not None else value)
        if isinstance(source, YMap) and "use" in source:
            if not (isinstance(value, dict) and dict(value) == {"use": source["use"]}):
                self.error(pos, f"{name} is '- use: {source['use']}' in the source", "Copy it as it is: "
                           f"'- use: {source['use']}' (the shared item has a translation of its own).")
        elif isinstance(source, YMap):
            if isinstance(value, YMap) and "use" in value:
                self.error(pos, f"{name} is written out in the source, not '- use: {value['use']}'",
                           "Translate its text here, in the source's shape.")
            elif isinstance(value, YMap) and shape is not None:
                self.map(source, value, shape, name)
            else:
                self.error(pos, f"{name} should be a block of 'name: value' fields, as in the source",
                           "Keep the source's shape: the same keys, with the text translated.")
        elif isinstance(source, YList):
            self.list(source, value, shape or {}, name, pos)
        elif not isinstance(value, str) or not value.strip():
            self.error(pos, f"{name} should be text, as in the source", "Write the translated text here.")
        elif shape and shape.get("pattern") and not re.search(shape["pattern"], value):
            self.error(pos, f"{name} is {value[:60]!r}, which is not in the expected form",
                       shape.get("description", "Write it as the source does."))

    def list(self, source: YList, value: Any, schema: dict[str, Any], name: str, pos: Pos) -> None:
        if not isinstance(value, YList):
            self.error(pos, f"{name} should be a list of {len(source)}, as in the source", FIX_COUNT)
        elif len(value) != len(source):
            self.error(pos, f"{name} has {len(value)} item{'s' * (len(value) != 1)}; the source has {len(source)}",
                       FIX_COUNT)
        else:
            for index, (item, item_pos) in enumerate(zip(value, value.item_pos)):
                self.value(source[index], item, schema.get("items", {}), f"{name}[{index + 1}]", item_pos)
