"""Which day each group met, and which session it had: the one count that the session finder,
the calendar files and the program page all use.

A group meets on its weekdays from its ``start_date``, except on the days the whole site is
closed (site-config/closures.yml) or the group does not meet (its ``closed``), and except a
meeting moved to another day (its ``moved``); from a ``schedule_changes`` date on, it meets on the
new weekdays, at the new time. The n-th meeting that happened is session n (``sequence``: once, in
number order; ``cycle``: round and round). Meetings are worked out from the start date up to
HORIZON_DAYS after today (or after the start, for a group that has not started), so a cycle's
topics are known half a year ahead. The session finder's script gets this list (it counts
nothing itself), so the page, the calendar files and the tests cannot disagree.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from generator.model import Closure, Session, Track
from generator.schema import WEEKDAYS

HORIZON_DAYS = 183  # about six months ahead


@dataclass(frozen=True)
class Meeting:
    day: datetime.date
    start: str  # HH:MM, in the track's time zone
    duration_minutes: int
    session: Session
    index: int  # the session's place in the track's list (0 is the first)


@dataclass
class TrackDays:
    """A track's meetings, and the days it would have met but did not, with why."""

    meetings: list[Meeting] = field(default_factory=list)
    closed: dict[datetime.date, str] = field(default_factory=dict)
    until: datetime.date | None = None  # the last day worked out (None: no start date, nothing known)


def day(text: str) -> datetime.date:
    return datetime.date.fromisoformat(str(text))


def closed_days(closures: list[Closure]) -> dict[datetime.date, str]:
    """Every day of the closures, with its reason (the first reason wins on a day listed twice)."""
    found: dict[datetime.date, str] = {}
    for closure in closures:
        current, last = day(closure.first), day(closure.last)
        while current <= last:
            found.setdefault(current, " ".join(closure.reason.split()))
            current += datetime.timedelta(1)
    return found


def track_days(track: Track, site_closures: list[Closure], today: datetime.date) -> TrackDays:
    """The meetings of ``track`` from its start up to HORIZON_DAYS after ``today`` (or after its start)."""
    if not track.start_date or not track.sessions:
        return TrackDays()
    start = day(track.start_date)
    until = max(today, start) + datetime.timedelta(HORIZON_DAYS)
    closed_on = closed_days(site_closures) | closed_days(track.closed)  # the track's own reason wins
    moved_from = {day(move.old): move for move in track.moved}
    moved_to = {day(move.new): move for move in track.moved}
    result = TrackDays(until=until)
    current = start
    while current <= until:
        days, time, minutes = track.schedule_on(current)
        regular = WEEKDAYS[current.weekday()] in days
        if regular and current in moved_from:
            target = day(moved_from[current].new)
            result.closed[current] = f"moved to {target:%A, %B} {target.day}"
        elif regular and current in closed_on:
            result.closed[current] = closed_on[current]
        elif current in moved_to or regular:
            move = moved_to.get(current)
            count = len(result.meetings)
            index = count % len(track.sessions) if track.order == "cycle" else count
            if index >= len(track.sessions):  # a sequence runs once
                result.until = current - datetime.timedelta(1)
                break
            result.meetings.append(Meeting(current, (move.start if move and move.start else time), minutes,
                                           track.sessions[index], index))
        current += datetime.timedelta(1)
    return result


def upcoming_closures(days: TrackDays, today: datetime.date, weeks: int = 8) -> list[tuple[datetime.date, str]]:
    """The days in the next ``weeks`` weeks on which the group would have met but does not."""
    last = today + datetime.timedelta(weeks=weeks)
    return sorted((when, why) for when, why in days.closed.items() if today <= when <= last)
