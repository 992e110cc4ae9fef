"""Check stage: rules that look across the whole loaded curriculum.

Each rule is a function with an id and a docstring (its documentation) that yields problems.
``link`` runs first and swaps every ``use: <id>`` for the shared item it names, so the rules
and the renderer see whole worksheets and skills.
"""

from __future__ import annotations

import difflib
import zoneinfo
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from generator.model import Curriculum, Reference, Session
from generator.problems import Level, Location, Problem

Check = Callable[[Curriculum], Iterator[Problem]]


@dataclass(frozen=True)
class Rule:
    id: str
    check: Check

    @property
    def doc(self) -> str:
        return (self.check.__doc__ or "").strip()


RULES: list[Rule] = []


def rule(rule_id: str) -> Callable[[Check], Check]:
    def register(check: Check) -> Check:
        RULES.append(Rule(rule_id, check))
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


def check(curriculum: Curriculum) -> list[Problem]:
    """Link references, then run every rule; returns all problems found."""
    problems = link(curriculum)
    for each in RULES:
        problems.extend(each.check(curriculum))
    return problems


@rule("duplicate-id")
def duplicate_ids(curriculum: Curriculum) -> Iterator[Problem]:
    """Programs, tracks in a program, sessions, worksheets and skills each need an id of their own.

    Ids become web addresses and page anchors, so two things with one id would hide one of them.
    Fix: rename one of the two.
    """
    seen: dict[tuple[str, str], Location] = {}

    def claim(kind: str, scope: str, item_id: str, where: Location) -> Iterator[Problem]:
        key = (kind, f"{scope}/{item_id}")
        if key in seen and seen[key] != where:
            yield error(where, f"{kind} id '{item_id}' is also used at {seen[key]}", "duplicate-id",
                        f"Give this {kind} an id of its own.")
        seen.setdefault(key, where)

    for item in [*curriculum.library.worksheets.values(), *curriculum.library.skills.values()]:
        kind = "worksheet" if hasattr(item, "prompts") else "skill"
        yield from claim(kind, "", item.id, item.where)
    for program in curriculum.programs:
        yield from claim("program", "", program.id, program.where)
        for track in program.tracks:
            yield from claim("track", program.id, track.id, track.where)
        for session in program.sessions:
            yield from claim("session", "", session.id, session.at("id"))
            for worksheet in session.worksheets:
                if not getattr(worksheet, "shared", True):
                    yield from claim("worksheet", "", worksheet.id, worksheet.where)
            for skill in session.skills:
                if not getattr(skill, "shared", True):
                    yield from claim("skill", "", skill.id, skill.where)


@rule("session-number")
def session_numbers(curriculum: Curriculum) -> Iterator[Problem]:
    """Two sessions in one track cannot share a number: the number sets their order.

    Fix: renumber the sessions of the track 1, 2, 3, ...
    """
    for program in curriculum.programs:
        for track in program.tracks:
            numbers: dict[int, Session] = {}
            for session in track.sessions:
                if session.number in numbers:
                    other = numbers[session.number]
                    yield error(session.at("number"),
                                f"session '{session.id}' has number {session.number}, like '{other.id}' "
                                f"in track '{track.id}'", "session-number",
                                "Number the sessions of a track 1, 2, 3, ... with no repeats.")
                numbers.setdefault(session.number, session)


MAKEUP_PARTS = {
    "summary": ("summary", "Write 'summary:' with what the session covered, in plain words."),
    "worksheets": ("worksheet", "Add a worksheet under 'worksheets:', or '- use: <id>' for a shared one."),
    "skills_practice": ("skills practice", "Add a skill under 'skills_practice:', or '- use: <id>' for a shared one."),
}


@rule("makeup-material")
def makeup_material(curriculum: Curriculum) -> Iterator[Problem]:
    """Every session needs make-up material: a summary, a worksheet and a skills practice.

    A participant who missed the session has only its page. A part may be left out only with a
    written reason under ``exemptions:`` (e.g. ``worksheets: Orientation has no homework.``).
    """
    for program in curriculum.programs:
        for session in program.sessions:
            present = {
                "summary": bool(session.summary.strip()),
                "worksheets": bool(session.worksheets),
                "skills_practice": bool(session.skills),
            }
            for part, (what, hint) in MAKEUP_PARTS.items():
                reason = session.exemptions.get(part)
                if not present[part] and not (reason and reason.strip()):
                    where = session.at(part) if part in session.fields else session.where
                    yield error(where, f"session '{session.id}' has no {what} for people who missed it",
                                "makeup-material", hint + " Or explain why under 'exemptions:'.")


@rule("schedule-timezone")
def schedule_timezones(curriculum: Curriculum) -> Iterator[Problem]:
    """A track's schedule needs a real time zone name, so times and calendar files are right.

    Fix: use a name from the IANA time zone list, such as America/New_York or Europe/London.
    """
    known = zoneinfo.available_timezones()
    if not known:  # no time zone database on this machine: nothing to compare against
        return
    for program in curriculum.programs:
        for track in program.tracks:
            zone = track.schedule["timezone"]
            if zone not in known:
                close = difflib.get_close_matches(zone, known, n=1)
                hint = f"Did you mean '{close[0]}'?" if close else "Use a name such as America/New_York."
                yield error(track.where, f"track '{track.id}' has an unknown time zone '{zone}'",
                            "schedule-timezone", hint)
