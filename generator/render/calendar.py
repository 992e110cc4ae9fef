"""Calendar files: one iCalendar (.ics) file per track, so participants can add the weekly
sessions to their phone's calendar, plus a variant with a reminder before each session.

The files are built with the ``icalendar`` library from the track's schedule and ``start_date``
and written into the docs folder with the pages, so MkDocs copies them into the site. They are
deterministic: the time stamp comes from the start date and the UID from the ids, so unchanged
content gives byte-identical files (and no needless rewrites). A track without a ``start_date``
or without sessions gets no file: there is no date to start from.
"""

from __future__ import annotations

import functools
from datetime import date, datetime, time, timedelta, timezone
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event

from generator.model import Curriculum, Program, Track
from generator.schema import WEEKDAYS

REMINDER_MINUTES = 30
BYDAY = {day: day[:2].upper() for day in WEEKDAYS}  # as RFC 5545 names them: MO, TU, ...
WEEKDAY_INDEX = {day: index for index, day in enumerate(WEEKDAYS)}  # Monday is 0, as date.weekday()
TIME_ZONE_YEARS = 10  # the time zone rules written into each file cover this many years


def first_meeting(track: Track) -> date | None:
    """The first day on or after the track's start date that is one of its meeting days."""
    if not track.start_date:
        return None
    start = date.fromisoformat(str(track.start_date))
    days = {WEEKDAY_INDEX[day] for day in track.schedule["days"]}
    return next(start + timedelta(n) for n in range(7) if (start + timedelta(n)).weekday() in days)


def calendar_path(program: Program, track: Track, reminder: bool = False) -> str | None:
    """Where the track's calendar file goes in the docs folder, or None if it has none."""
    if first_meeting(track) is None or not track.sessions:
        return None
    return f"calendar/{program.id}-{track.id}{'-reminder' if reminder else ''}.ics"


def description(config: dict[str, Any], program: Program, track: Track) -> str:
    site = config["site"]
    where = f"{site['url'].rstrip('/')}/{program.id}/index.html" if site.get("url") else f"the {site['name']} site"
    return (f"{track.title}, {program.title}.\n"
            f"Missed a session? Its catch-up page is on {where}.\n"
            f"{config['urgent_help']['headline']}")


def track_event(config: dict[str, Any], program: Program, track: Track, reminder: bool) -> Event:
    schedule = track.schedule
    first = first_meeting(track)
    assert first is not None
    hours, minutes = (int(part) for part in schedule["start"].split(":"))
    site_url = config["site"].get("url")
    event = Event()
    event.add("uid", f"catchup-{program.id}-{track.id}@{urlsplit(site_url).hostname if site_url else 'catch-up'}")
    # A time stamp from the content, not the clock: the same content gives the same file.
    event.add("dtstamp", datetime.combine(first, time(0), tzinfo=timezone.utc))
    event.add("dtstart", datetime.combine(first, time(hours, minutes), tzinfo=ZoneInfo(schedule["timezone"])))
    event.add("duration", timedelta(minutes=schedule["duration_minutes"]))
    rule: dict[str, Any] = {"freq": "weekly", "byday": [BYDAY[day] for day in schedule["days"]]}
    if track.order != "cycle":  # a sequence runs once: one meeting per session
        rule["count"] = len(track.sessions)
    event.add("rrule", rule)
    event.add("summary", " ".join(track.title.split()))
    event.add("description", description(config, program, track))
    if site_url:
        event.add("url", f"{site_url.rstrip('/')}/{program.id}/index.html")
    if reminder:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"{' '.join(track.title.split())} starts in {REMINDER_MINUTES} minutes")
        alarm.add("trigger", timedelta(minutes=-REMINDER_MINUTES))
        event.add_component(alarm)
    return event


def track_calendar(config: dict[str, Any], program: Program, track: Track, reminder: bool = False) -> str:
    """The .ics text for one track: a weekly repeating event in the track's time zone."""
    calendar = Calendar()
    calendar.add("prodid", "-//Catch-Up//Catch-Up calendar//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", " ".join(track.title.split()))
    calendar.add("x-wr-timezone", track.schedule["timezone"])
    calendar.add_component(track_event(config, program, track, reminder))
    first = first_meeting(track)
    assert first is not None
    # What calendar.add_missing_timezones() would put first: the same for every track in the
    # same time zone starting in the same year, so it is made once.
    text = calendar.to_ical().decode("utf-8")
    at = text.index("BEGIN:VEVENT\r\n")
    return text[:at] + time_zone_block(track.schedule["timezone"], first.year) + text[at:]


@functools.lru_cache(maxsize=64)
def time_zone_block(name: str, year: int) -> str:
    """The VTIMEZONE text that icalendar writes for the time zone ``name``, with its rules from
    the start of ``year`` for TIME_ZONE_YEARS years."""
    calendar = Calendar()
    event = Event()
    event.add("dtstart", datetime(year, 1, 1, tzinfo=ZoneInfo(name)))
    calendar.add_component(event)
    calendar.add_missing_timezones(first_date=date(year, 1, 1), last_date=date(year + TIME_ZONE_YEARS, 1, 1))
    text = calendar.to_ical().decode("utf-8")
    return text[text.index("BEGIN:VTIMEZONE\r\n"):text.index("BEGIN:VEVENT\r\n")]


def calendar_files(curriculum: Curriculum) -> list[tuple[str, str]]:
    """Every calendar file of the site, as (path in the docs folder, text)."""
    files = []
    for program in curriculum.programs:
        for track in program.tracks:
            for reminder in (False, True):
                path = calendar_path(program, track, reminder)
                if path:
                    files.append((path, track_calendar(curriculum.config, program, track, reminder)))
    return files
