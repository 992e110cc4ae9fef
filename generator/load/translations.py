"""The curriculum in another language: :func:`localize` puts each translation's text in place of
its source's, for the renderer to build that language's site from.

Ids, numbers, kinds, schedules and every other key a translation leaves out come from the source,
and so does any text it leaves out. A translation whose shape differs from its source's
(``translation_shape.compare``) is not used: its page is built from the source and counts as
untranslated, as does a page with no translation. The translated text is the same kind of value
the loader makes from a source (links to pictures already rewritten), so the renderer treats it
exactly as source text: escaped by ``render.text``.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from generator.load.read import no_garbage_collection
from generator.load.translation_shape import SHAPES, compare
from generator.model import Closure, Curriculum, PageKey, Program, Session, Skill, Worksheet
from generator.problems import Location


@dataclass(frozen=True)
class Localized:
    """A curriculum in one language, and the pages shown in the default language (no usable
    translation), by their page key: ("session", program id, session id), ("program", id),
    ("worksheet", id), ("skill", id), ("site-config", file stem)."""

    curriculum: Curriculum
    untranslated: frozenset[PageKey]


def localize(curriculum: Curriculum, language: str) -> Localized:
    """``curriculum`` with the text of its translations into ``language``: a deep copy (the curriculum
    given is not changed). In the site's first language, the curriculum itself and no untranslated page."""
    if language == curriculum.languages[0]:
        return Localized(curriculum, frozenset())
    texts = usable(curriculum, language)
    # One copy of everything a page shows, so a shared worksheet stays one object in every session.
    with no_garbage_collection():  # many new objects, none of them garbage
        config, programs, library, closures = copy.deepcopy(
            (curriculum.config, curriculum.programs, curriculum.library, curriculum.closures))
    for key, worksheet in library.worksheets.items():
        _worksheet(worksheet, texts.get(("worksheet", key)))
    for key, skill in library.skills.items():
        _skill(skill, texts.get(("skill", key)))
    for program in programs:
        _program(program, texts)
    for key in config:
        config[key] = _overlay(config[key], texts.get(("site-config", key.replace("_", "-"))))
    if "site" in config:
        config["site"]["language"] = language  # the language of these pages (<html lang>, Material's words)
    closures = _closures(closures, texts.get(("site-config", "closures")))
    localized = dataclasses.replace(curriculum, config=config, programs=programs, library=library, closures=closures)
    return Localized(localized, frozenset(pages(curriculum).keys() - texts.keys()))


def usable(curriculum: Curriculum, language: str) -> dict[PageKey, Any]:
    """The translations into ``language`` that can be used (read, with a source, the same shape), by page."""
    return {t.page: t.data for t in curriculum.translations
            if t.language == language and t.page and t.data is not None and t.source is not None
            and not compare(t).errors}


def pages(curriculum: Curriculum) -> dict[PageKey, Location]:
    """Every page a translation can be made for (each session, program, shared item and settings
    file with text), with the place of its source."""
    found: dict[PageKey, Location] = {}
    for doc in curriculum.documents:
        name = doc.kind.removeprefix("site-config-")
        if not doc.language and doc.kind.startswith("site-config-") and f"site-config-{name}" in SHAPES:
            found[("site-config", name)] = Location(doc.path)
    for program in curriculum.programs:
        found[("program", program.id)] = Location(program.where.path)
        for session in [*program.sessions, *program.unplaced]:
            found[("session", program.id, session.id)] = Location(session.where.path)
    found.update({("worksheet", key): Location(item.where.path) for key, item in curriculum.library.worksheets.items()})
    found.update({("skill", key): Location(item.where.path) for key, item in curriculum.library.skills.items()})
    return found


def _worksheet(item: Worksheet, data: Any) -> None:
    if not data:
        return
    item.title, item.purpose = data.get("title", item.title), data.get("purpose", item.purpose)
    item.instructions, item.source = data.get("instructions", item.instructions), data.get("source", item.source)
    for prompt, text in zip(item.prompts, data.get("prompts") or []):
        if isinstance(text, str):
            prompt.text = text
        else:
            prompt.text, prompt.low, prompt.high = (text.get("text", prompt.text), text.get("low", prompt.low),
                                                    text.get("high", prompt.high))


def _skill(item: Skill, data: Any) -> None:
    if not data:
        return
    item.name, item.when_to_use = data.get("name", item.name), data.get("when_to_use", item.when_to_use)
    item.steps = list(data.get("steps", item.steps))
    item.time_needed, item.how_often = data.get("time_needed", item.time_needed), data.get("how_often", item.how_often)
    item.source = data.get("source", item.source)


def _program(program: Program, texts: dict[PageKey, Any]) -> None:
    data = texts.get(("program", program.id))
    if data:
        program.title, program.description = data.get("title", program.title), data.get("description",
                                                                                           program.description)
        program.audience, program.sample = data.get("audience", program.audience), data.get("sample", program.sample)
        for track, text in zip(program.tracks, data.get("tracks") or []):
            track.title, track.description = text.get("title", track.title), text.get("description", track.description)
    for session in [*program.sessions, *program.unplaced]:
        _session(session, texts.get(("session", program.id, session.id)))


def _session(session: Session, data: Any) -> None:
    if not data:
        return
    for key in ("title", "summary"):
        setattr(session, key, data.get(key, getattr(session, key)))
    for key in ("objectives", "key_points", "reflection", "before_next_session"):
        setattr(session, key, list(data.get(key, getattr(session, key))))
    approach = data.get("approach", session.approaches)
    session.approaches = [approach] if isinstance(approach, str) else list(approach)
    # A shared item keeps the library's translation; one written here takes the text beside it.
    worksheets = _written(data, "worksheets")
    for worksheet in session.worksheets:
        if not worksheet.shared:
            _worksheet(worksheet, next(worksheets, None))
    skills = _written(data, "skills_practice")
    for skill in session.skills:
        if not skill.shared:
            _skill(skill, next(skills, None))
    session.makeup_options = _overlay(session.makeup_options, data.get("makeup_options"))
    session.resources = _overlay(session.resources, data.get("resources"))


def _written(data: Any, key: str) -> Iterator[Any]:
    """The translations of the items written in the session (not '- use: <id>'), in order."""
    return iter([text for text in data.get(key) or [] if not (isinstance(text, dict) and "use" in text)])


def _overlay(value: Any, text: Any) -> Any:
    """A plain copy of ``value`` with the translated text of ``text`` in place (same shape)."""
    if isinstance(value, dict):
        return {key: _overlay(sub, text.get(key) if isinstance(text, dict) else None) for key, sub in value.items()}
    if isinstance(value, list):
        texts = list(text) if isinstance(text, list) else [None] * len(value)
        return [_overlay(sub, part) for sub, part in zip(value, texts)]
    return text if isinstance(text, str) else value


def _closures(closures: list[Closure], data: Any) -> list[Closure]:
    texts = list(data.get("closures") or []) if data else []
    texts += [None] * (len(closures) - len(texts))
    return [dataclasses.replace(closure, reason=text.get("reason", closure.reason)) if text else closure
            for closure, text in zip(closures, texts)]
