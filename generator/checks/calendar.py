"""Rules about a program's calendar: closures, moved meetings and schedule changes.

The session finder and the calendar files count the meetings that happened (see
``render.meetings``), so a closure, a move or a change that cannot be right would make them name
the wrong session. These rules run after ``date-real`` has found the dates that are not dates.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from generator.checks.settings import Settings
from generator.model import Closure, Curriculum, Track
from generator.problems import Level
from generator.rules import Finding, check_rule
from generator.schema import WEEKDAYS


def _day(text: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(str(text))
    except ValueError:
        return None  # the rule date-real reports it


def _meeting_days(track: Track, on: datetime.date) -> tuple[str, ...]:
    return track.schedule_on(on)[0]


def _days(closure: Closure) -> list[datetime.date]:
    first, last = _day(closure.first), _day(closure.last)
    if first is None or last is None or last < first:
        return []
    return [first + datetime.timedelta(n) for n in range((last - first).days + 1)]


@check_rule("closure-no-meeting", Level.WARNING)
def closures_on_days_without_a_meeting(curriculum: Curriculum, settings: Settings) -> Iterator[Finding]:
    """A group's closure (``closed:`` under a track) is on days the group does not meet anyway.

    It changes nothing: the date or the track is probably a mistake (a closure of the Monday group
    written on a Tuesday, or under the wrong track).
    Fix: check the date and the track; for a day every group is closed, use site-config/closures.yml.
    """
    for program in curriculum.programs:
        for track in program.tracks:
            for closure in track.closed:
                days = _days(closure)
                if days and not any(WEEKDAYS[day.weekday()] in _meeting_days(track, day) for day in days):
                    yield Finding(closure.where, f"track '{track.id}' does not meet on {closure.first}"
                                  + (f" to {closure.last}" if closure.last != closure.first else "")
                                  + ", so closing it then changes nothing",
                                  "Check the date, and that the closure is under the right track.")


@check_rule("schedule-conflict")
def schedule_conflicts(curriculum: Curriculum, settings: Settings) -> Iterator[Finding]:
    """Closures, moved meetings and schedule changes that contradict each other.

    A closure that ends before it starts; two schedule changes from the same day; a meeting moved
    from a day the group does not meet, or that is closed; a meeting moved onto a closed day or a
    day the group already meets; the same meeting moved twice. The session finder and the
    calendar files could not tell which is meant.
    Fix: keep one of the two, or correct the dates.
    """
    site_closed = {day for closure in curriculum.closures for day in _days(closure)}
    for closure in curriculum.closures:
        yield from _backwards(closure)
    for program in curriculum.programs:
        for track in program.tracks:
            for closure in track.closed:
                yield from _backwards(closure)
            closed = site_closed | {day for closure in track.closed for day in _days(closure)}
            starts: dict[str, object] = {}
            for change in track.changes:
                if change.first in starts:
                    yield Finding(change.where, f"track '{track.id}' has two schedule changes from {change.first}",
                                  "Keep one change per date: put the new days, time and length together.")
                starts.setdefault(change.first, change)
            moved: set[datetime.date] = set()
            for move in track.moved:
                old, new = _day(move.old), _day(move.new)
                if old is None or new is None:
                    continue
                if old in moved:
                    yield Finding(move.where, f"the meeting of track '{track.id}' on {move.old} is moved twice",
                                  "Keep one move for that day.")
                elif WEEKDAYS[old.weekday()] not in _meeting_days(track, old):
                    yield Finding(move.where, f"track '{track.id}' does not meet on {move.old}, so there is no "
                                  "meeting to move", "Write the day the group would have met.")
                elif old in closed:
                    yield Finding(move.where, f"track '{track.id}' is closed on {move.old}, so there is no meeting "
                                  "to move", "Remove the closure or the move.")
                if new in closed:
                    yield Finding(move.where, f"the meeting of track '{track.id}' is moved to {move.new}, a closed "
                                  "day", "Move it to a day the program is open.")
                elif new != old and WEEKDAYS[new.weekday()] in _meeting_days(track, new):
                    yield Finding(move.where, f"the meeting of track '{track.id}' is moved to {move.new}, when the "
                                  "group meets anyway", "Move it to a day the group does not meet.")
                moved.add(old)


def _backwards(closure: Closure) -> Iterator[Finding]:
    first, last = _day(closure.first), _day(closure.last)
    if first is not None and last is not None and last < first:
        yield Finding(closure.where, f"the closure from {closure.first} ends before it starts ({closure.last})",
                      "Write the first day under 'date:' and the last under 'until:'.")
