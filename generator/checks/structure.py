"""Rules about how the curriculum fits together: ids, session numbers, empty tracks and schedules."""

from __future__ import annotations

import datetime
import difflib
import zoneinfo
from collections.abc import Iterator
from functools import lru_cache

from generator.checks.makeup import present_parts
from generator.checks.settings import Settings
from generator.model import Closure, Curriculum, Move, ScheduleChange, Worksheet
from generator.problems import Level, Location
from generator.rules import Finding, check_rule
from generator.schema import MAKEUP_PARTS


@check_rule("duplicate-id")
def duplicate_ids(curriculum: Curriculum, settings: Settings) -> Iterator[Finding]:
    """Programs, tracks in a program, sessions, worksheets and skills each need an id of their own.

    Ids become web addresses and page anchors, so two things with one id would hide one of them.
    Fix: rename one of the two.
    """
    seen: dict[tuple[str, str], Location] = {}

    def claim(kind: str, scope: str, item_id: str, where: Location) -> Iterator[Finding]:
        key = (kind, f"{scope}/{item_id}")
        if key in seen and seen[key] != where:
            yield Finding(where, f"{kind} id '{item_id}' is also used at {seen[key]}",
                          f"Give this {kind} an id of its own.")
        seen.setdefault(key, where)

    library = curriculum.library
    for item in [*library.worksheets.values(), *library.skills.values(), *library.duplicates]:
        yield from claim("worksheet" if isinstance(item, Worksheet) else "skill", "", item.id, item.where)
    for program in curriculum.programs:
        yield from claim("program", "", program.id, program.where)
        for track in program.tracks:
            yield from claim("track", program.id, track.id, track.where)
        for session in program.sessions:
            yield from claim("session", "", session.id, session.at("id"))
            for worksheet in session.worksheets:
                if not worksheet.shared:
                    yield from claim("worksheet", "", worksheet.id, worksheet.where)
            for skill in session.skills:
                if not skill.shared:
                    yield from claim("skill", "", skill.id, skill.where)


# Folders and files the site itself puts at the root of each language's site: a program's folder
# (its id) must not be one of them, nor a language's folder.
RESERVED_FOLDERS = frozenset({"assets", "search", "finder", "calendar", "offline", "files", "site", "sw", "404",
                              "index", "sitemap", "stylesheets", "javascripts"})


@check_rule("program-id-reserved")
def program_id_reserved(curriculum: Curriculum, settings: Settings) -> Iterator[Finding]:
    """A program's id is the name of a folder or file the site needs for itself (its styles and
    scripts, search, the session finder, calendar files, the offline copy) or of a language's site.

    A program's pages go in a folder named by its id, beside the site's own folders and the other
    languages' sites (`es/`), so the two would overwrite each other.
    Fix: give the program another id (and rename its folder in content/ to match).
    """
    languages = {code.lower() for code in curriculum.languages}
    for program in curriculum.programs:
        if program.id.lower() in RESERVED_FOLDERS or program.id.lower() in languages:
            what = "a language of the site" if program.id.lower() in languages else "a folder the site needs"
            yield Finding(program.where, f"program id '{program.id}' is the name of {what}",
                          f"Choose another id, such as '{program.id}-program'.")


@check_rule("session-number")
def session_numbers(curriculum: Curriculum, settings: Settings) -> Iterator[Finding]:
    """The sessions of a track are numbered 1, 2, 3, ... with no number twice and none left out.

    The number sets the order of the sessions, the "next session" link and, for a track that
    repeats in a cycle, which session falls on which date. A gap usually means a session file
    is missing or was numbered by mistake.
    Fix: renumber the sessions of the track 1, 2, 3, ..., or add the missing session.
    """
    for program in curriculum.programs:
        for track in program.tracks:
            expected = 1
            previous = None
            for session in track.sessions:  # sorted by number when loaded
                if previous is not None and session.number == previous.number:
                    yield Finding(session.at("number"),
                                f"session '{session.id}' has number {session.number}, like '{previous.id}' "
                                f"in track '{track.id}'",
                                "Number the sessions of a track 1, 2, 3, ... with no repeats.")
                elif session.number != expected and not program.unreadable:
                    missing = (f"number {expected}" if session.number == expected + 1
                               else f"numbers {expected} to {session.number - 1}")
                    yield Finding(session.at("number"),
                                f"track '{track.id}' has no session with {missing}; '{session.id}' is "
                                f"number {session.number}",
                                f"Add the missing session, or renumber this one {expected}.")
                expected = session.number + 1
                previous = session


@check_rule("track-empty", Level.WARNING)
def empty_tracks(curriculum: Curriculum, settings: Settings) -> Iterator[Finding]:
    """A track in a program.yml has no sessions.

    Its group would show on the program page and in the session finder with nothing to catch up
    on, and it gets no calendar file. A new program often has no sessions yet, or its session
    files are in a folder with another name than `sessions/`, or name the track differently.
    Fix: add session files with `track: <the track's id>` to the program's `sessions/` folder,
    or take the track out of program.yml until it has sessions.
    """
    for program in curriculum.programs:
        if program.unreadable:  # a session file that could not be read may be this track's
            continue
        for track in program.tracks:
            if not track.sessions:
                yield Finding(track.where, f"track '{track.id}' has no sessions",
                              f"Add session files with 'track: {track.id}' to content/{program.folder}/sessions/, "
                              "or take the track out of program.yml until it has some.")


@check_rule("field-no-effect", Level.WARNING)
def fields_without_effect(curriculum: Curriculum, settings: Settings) -> Iterator[Finding]:
    """A field is written where it changes nothing.

    `low` and `high` are shown only for a question with `answer: rating`, the reason under
    `exemptions:` only for a make-up part the session does not have, and `quick_exit_url` in
    site.yml only with `quick_exit: true`. Such a field is usually a mix-up: the question was
    meant to be a rating, the part was added after the exemption was written, or the "Leave this
    site" button was meant to be on.
    Fix: make the question a rating (`answer: rating`), add `quick_exit: true`, or delete the field.
    """
    for doc in curriculum.documents:
        if doc.kind == "site-config-site" and doc.data.get("quick_exit_url") and not doc.data.get("quick_exit"):
            line, col = doc.data.key_pos["quick_exit_url"]
            yield Finding(Location(doc.path, line, col), "'quick_exit_url' is set, but 'quick_exit' is not true, "
                          "so no page has a 'Leave this site' button", "Add 'quick_exit: true', or delete "
                          "'quick_exit_url'.")
    worksheets = [*curriculum.library.worksheets.values()]
    for program in curriculum.programs:
        for session in program.sessions:
            worksheets += [w for w in session.worksheets if isinstance(w, Worksheet) and not w.shared]
            present = present_parts(session)
            for part in session.exemptions:
                if present.get(part):
                    yield Finding(session.at("exemptions"),
                                  f"session '{session.id}' has a {MAKEUP_PARTS[part]}, so the reason under "
                                  f"'exemptions:' for not having one is never shown",
                                  f"Delete '{part}:' under 'exemptions:'.")
    for worksheet in worksheets:
        for number, prompt in enumerate(worksheet.prompts, 1):
            if prompt.answer != "rating" and (prompt.low or prompt.high):
                yield Finding(worksheet.where,
                              f"question {number} of worksheet '{worksheet.id}' has 'low' or 'high', which are "
                              "shown only for 'answer: rating'",
                              "Add 'answer: rating' if it is a 0 to 10 rating; if not, delete 'low:' and 'high:'.")


@lru_cache(maxsize=1)
def _zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


@check_rule("schedule-timezone")
def schedule_timezones(curriculum: Curriculum, settings: Settings) -> Iterator[Finding]:
    """A track's schedule needs a real time zone name, so times and calendar files are right.

    Fix: use a name from the IANA time zone list, such as America/New_York or Europe/London.
    """
    known = _zones()
    if not known:  # no time zone database on this machine: nothing to compare against
        return
    for program in curriculum.programs:
        for track in program.tracks:
            zone = track.schedule["timezone"]
            if zone not in known:
                close = difflib.get_close_matches(zone, known, n=1)
                hint = f"Did you mean '{close[0]}'?" if close else "Use a name such as America/New_York."
                yield Finding(track.where, f"track '{track.id}' has an unknown time zone '{zone}'",
                            hint)


@check_rule("date-real")
def real_dates(curriculum: Curriculum, settings: Settings) -> Iterator[Finding]:
    """A date that is written right (YYYY-MM-DD) but is not on the calendar, such as 2027-02-30.

    The session finder and the calendar files count meetings from a track's ``start_date``, and the
    review check counts days from ``reviewed_on``; a day that does not exist would break them.
    Fix: write a real date, such as 2027-02-28.
    """
    for closure in curriculum.closures:
        for text in {closure.first, closure.last}:
            if not _is_date(text):
                yield Finding(closure.where, f"the closure on {text} is not on a real date",
                              "Write a date that is on the calendar, such as 2027-11-25.")
    for program in curriculum.programs:
        for track in program.tracks:
            if track.start_date and not _is_date(track.start_date):
                yield Finding(track.where, f"track '{track.id}' starts on {track.start_date}, which is not a real date",
                            "Write a date that is on the calendar, such as 2027-01-04.")
            items: list[Closure | Move | ScheduleChange] = [*track.closed, *track.moved, *track.changes]
            for item in items:
                for text in _dates_of(item):
                    if not _is_date(text):
                        yield Finding(item.where, f"track '{track.id}' has the date {text}, which is not a real "
                                      "date", "Write a date that is on the calendar, such as 2027-11-25.")
        for session in program.sessions:
            reviewed = session.review.get("reviewed_on")
            if reviewed and not _is_date(reviewed):
                yield Finding(session.at("review"),
                              f"session '{session.id}' was reviewed on {reviewed}, which is not a real date",
                              "Write a date that is on the calendar, such as 2026-11-02.")


def _dates_of(item: Closure | Move | ScheduleChange) -> tuple[str, ...]:
    if isinstance(item, Closure):
        return (item.first, item.last)
    return (item.old, item.new) if isinstance(item, Move) else (item.first,)


def _is_date(text: str) -> bool:
    try:
        datetime.date.fromisoformat(str(text))
    except ValueError:
        return False
    return True
