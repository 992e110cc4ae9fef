"""Check stage: rules that look across the whole loaded curriculum.

Each rule is a function with an id, a level and a docstring (its documentation page) that yields
problems; the modules of this package group them: ``structure`` (ids, numbering, schedules),
``makeup`` (the make-up rule), ``language`` (plain language, placeholders, links, personal data)
and ``review`` (clinical review). ``link`` runs first and swaps every ``use: <id>`` for the
shared item it names, so the rules and the renderer see whole worksheets and skills.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from generator.model import Curriculum, Document, Reference
from generator.problems import Level, Location, Problem
from generator.settings import Settings

Check = Callable[[Curriculum, Settings], Iterator[Problem]]


@dataclass(frozen=True)
class Rule:
    id: str
    level: Level
    check: Check
    per_file: bool = False  # looks at each file alone, and keeps what it found in Document.memo

    @property
    def doc(self) -> str:
        return (self.check.__doc__ or "").strip()


RULES: list[Rule] = []


def rule(rule_id: str, level: Level = Level.ERROR, *, per_file: bool = False) -> Callable[[Check], Check]:
    def register(check: Check) -> Check:
        RULES.append(Rule(rule_id, level, check, per_file))
        return check
    return register


def error(where: Location, message: str, rule_id: str, hint: str) -> Problem:
    return Problem(where, Level.ERROR, message, rule_id, hint)


def link(curriculum: Curriculum) -> list[Problem]:
    """Resolve ``use:`` references in place; unknown ids become problems and are dropped."""
    problems = []
    for program in curriculum.programs:
        for session in [*program.sessions, *program.unplaced]:
            for kind, attr, table in (("worksheet", "worksheets", curriculum.library.worksheets),
                                      ("skill", "skills", curriculum.library.skills)):
                resolved = []
                for item in getattr(session, attr):
                    if not isinstance(item, Reference):
                        resolved.append(item)
                    elif item.id in table:
                        resolved.append(table[item.id])
                    else:
                        known = ", ".join(sorted(table)) or "none yet"
                        problems.append(error(
                            item.where, f"there is no shared {kind} with id '{item.id}'", f"ref-unknown-{kind}",
                            f"Use an id from content/library/{kind}s/ (known: {known}), or write the {kind} here."))
                setattr(session, attr, resolved)
    return problems


def check(curriculum: Curriculum, settings: Settings | None = None) -> list[Problem]:
    """Link references, then run every rule; returns all problems found."""
    settings = settings or Settings.from_config(curriculum.config)
    problems = link(curriculum)
    for each in RULES:
        problems.extend(each.check(curriculum, settings))
    return problems


def check_files(documents: list[Document], config: dict[str, Any]) -> None:
    """Run only the rules that look at each file alone, for the results they keep in each
    document's memo: a process that read these files sends the results back with them (see
    ``read_ahead``), and :func:`check` then finds them done. ``documents`` start with site-config's."""
    curriculum, settings = Curriculum(config=config, documents=documents), Settings.from_config(config)
    for each in RULES:
        if each.per_file:
            for _ in each.check(curriculum, settings):
                pass


def warning(where: Location, message: str, rule_id: str, hint: str) -> Problem:
    return Problem(where, Level.WARNING, message, rule_id, hint)


def info(where: Location, message: str, rule_id: str, hint: str) -> Problem:
    return Problem(where, Level.INFO, message, rule_id, hint)


from generator.checks import structure, makeup, language, review  # noqa: E402,F401,I001  (registers the rules, in this order)


