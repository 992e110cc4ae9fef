"""Which text of a translated site is still in the first language, marked so that the page can
say so to a screen reader (``render.text.Foreign``: ``<span lang="en">``; WCAG 3.1.2, Language of
Parts).

A page not (or not all) translated shows the first language's text. ``mark`` walks the
translated curriculum beside its source and marks every text that is still the source's own:
a whole session with no translation, or a key a translation left out.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from generator.model import Curriculum
from generator.render.text import Foreign
from generator.schema import TRANSLATED

# The keys of translated text (schema.TRANSLATED), and the model's one other name for one of them
# (a session's `approach` is its list `approaches`). A list's items are text under the list's key.
TEXT_FIELDS = TRANSLATED | {"approaches"}
SKIPPED = frozenset({"where", "fields", "review", "exemptions", "schedule", "closed", "moved", "changes",
                     "unplaced", "documents", "attachments", "pictures", "translations", "memo"})


def mark(source: Curriculum, translated: Curriculum, source_language: str) -> None:
    """Mark, in ``translated`` (a copy: changed in place), each text still equal to ``source``'s."""
    seen: set[int] = set()  # a shared worksheet is one object in every session: walked once
    for field in ("programs", "config", "closures"):
        _walk(getattr(source, field), getattr(translated, field), source_language, seen, "")
    _walk(source.library.worksheets, translated.library.worksheets, source_language, seen, "")
    _walk(source.library.skills, translated.library.skills, source_language, seen, "")


def _walk(old: Any, new: Any, lang: str, seen: set[int], key: str) -> Any:
    """``new`` with its texts that equal ``old``'s marked (objects and lists changed in place)."""
    if isinstance(new, str):
        if key in TEXT_FIELDS and new == old and not isinstance(new, Foreign) and any(c.isalpha() for c in new):
            return Foreign(new, lang)
        return new
    if dataclasses.is_dataclass(new) and not isinstance(new, type):
        if id(new) in seen or type(old) is not type(new):
            return new
        seen.add(id(new))
        for field in dataclasses.fields(new):
            if field.name not in SKIPPED:
                value = _walk(getattr(old, field.name), getattr(new, field.name), lang, seen, field.name)
                if value is not getattr(new, field.name):
                    object.__setattr__(new, field.name, value)
        return new
    if isinstance(new, list) and isinstance(old, list) and len(old) == len(new):
        for index, item in enumerate(new):
            new[index] = _walk(old[index], item, lang, seen, key)
        return new
    if isinstance(new, dict) and isinstance(old, dict):
        for name, value in new.items():
            if name in old and name not in SKIPPED:
                new[name] = _walk(old[name], value, lang, seen, name if isinstance(name, str) else key)
        return new
    return new
