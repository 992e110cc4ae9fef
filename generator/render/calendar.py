"""Calendar files: one iCalendar (.ics) file per track, so participants can add the group's
meetings to their phone's calendar, plus a variant with a reminder before each meeting.

Each meeting is an event of its own, with its session's number and title and the link to its
catch-up page: the meetings ``render.meetings`` works out (the same the session finder uses), so
holidays, closures and moved meetings are as on the site, and a schedule change is in it. The
file holds the meetings from the build day up to half a year ahead (for a group that has not
started, from its start; for a sequence that has ended, all its meetings). The files are built
with the ``icalendar`` library and written into the docs folder with the pages, so MkDocs copies
them into the site. They are deterministic: the time stamp comes from the start date and each
UID from the ids and the day, so unchanged content on the same day gives byte-identical files. A
track without a ``start_date`` or without sessions gets no file: there is no date to start from.
"""

from __future__ import annotations

import functools
from datetime import date, datetime, time, timedelta, timezone
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event

from generator.checks.settings import today as settings_today
from generator.model import Closure, Curriculum, Program, Track
from generator.render.i18n import SOURCE_LANGUAGE, base_language, translations
from generator.render.meetings import Meeting, track_days
from generator.render.paths import session_path
from generator.render.words import Translate
from generator.schema import WEEKDAYS

REMINDER_MINUTES = 30
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
    """Where the track's calendar file goes in the docs folder, or None if it has none. (A folder
    per program, and a "." before "reminder", which no id has: no two tracks can share a name.)"""
    if first_meeting(track) is None or not track.sessions:
        return None
    return f"{calendar_folder(program.id)}/{track.id}{'.reminder' if reminder else ''}.ics"


def calendar_folder(program_id: str) -> str:
    """The folder of a program's calendar files."""
    return f"calendar/{program_id}"


def page_url(config: dict[str, Any], path: str) -> str | None:
    """The web address of a page of the site, if the site's address is known."""
    url = config["site"].get("url")
    return f"{url.rstrip('/')}/{path[:-3]}.html" if url else None


def meeting_event(config: dict[str, Any], program: Program, track: Track, meeting: Meeting, reminder: bool,
                  stamp: date, _: Translate = str) -> Event:
    session = meeting.session
    hours, minutes = (int(part) for part in meeting.start.split(":"))
    site_url, group = config["site"].get("url"), " ".join(track.title.split())
    title = " ".join(session.title.split())
    page = page_url(config, session_path(program, session))
    event = Event()
    host = urlsplit(site_url).hostname if site_url else "catch-up"
    event.add("uid", f"catchup-{program.id}-{track.id}-{meeting.day:%Y%m%d}@{host}")
    # A time stamp from the content, not the clock: the same content gives the same file.
    event.add("dtstamp", datetime.combine(stamp, time(0), tzinfo=timezone.utc))
    zone = ZoneInfo(track.schedule["timezone"])
    event.add("dtstart", datetime.combine(meeting.day, time(hours, minutes), tzinfo=zone))
    event.add("duration", timedelta(minutes=meeting.duration_minutes))
    event.add("summary", _("{group}: session {number}, {title}").format(
        group=group, number=session.number, title=title))
    where = page or _("the {site} site: {program}, {group}, session {number}").format(
        site=config["site"]["name"], program=program.title, group=group, number=session.number)
    event.add("description", _("Session {number}: {title}. {group}, {program}.").format(
        number=session.number, title=title, group=group, program=" ".join(program.title.split()))
        + "\n" + _("Missed it? Its catch-up page: {where}").format(where=where)
        + "\n" + config["urgent_help"]["headline"])
    if page:
        event.add("url", page)
    if reminder:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", _("{group} starts in {minutes} minutes: session {number}, {title}").format(
            group=group, minutes=REMINDER_MINUTES, number=session.number, title=title))
        alarm.add("trigger", timedelta(minutes=-REMINDER_MINUTES))
        event.add_component(alarm)
    return event


def calendar_meetings(track: Track, closures: list[Closure], today: date) -> list[Meeting]:
    """The meetings a track's calendar file holds: from today on (all of them for a sequence that
    has ended)."""
    meetings = track_days(track, closures, today).meetings
    ahead = [meeting for meeting in meetings if meeting.day >= today]
    return ahead or meetings


def track_calendar(config: dict[str, Any], program: Program, track: Track, reminder: bool = False,
                   closures: list[Closure] | None = None, today: date | None = None,
                   language: str = SOURCE_LANGUAGE) -> str:
    """The .ics text for one track: each meeting an event, in the track's time zone."""
    calendar = Calendar()
    _ = translations(language).gettext
    calendar.add("prodid", f"-//Catch-Up//Catch-Up calendar//{base_language(language).upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", " ".join(track.title.split()))
    calendar.add("x-wr-timezone", track.schedule["timezone"])
    first = first_meeting(track)
    assert first is not None
    meetings = calendar_meetings(track, closures or [], today or settings_today())
    for meeting in meetings:
        calendar.add_component(meeting_event(config, program, track, meeting, reminder, first, _))
    text = calendar.to_ical().decode("utf-8")
    if "BEGIN:VEVENT\r\n" not in text:  # no meeting (a closure on every day): no time zone either
        return text
    # What calendar.add_missing_timezones() would put first: the same for every track in the
    # same time zone starting in the same year, so it is made once.
    at = text.index("BEGIN:VEVENT\r\n")
    return text[:at] + time_zone_block(track.schedule["timezone"], meetings[0].day.year) + text[at:]


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


def calendar_files(curriculum: Curriculum, today: date | None = None,
                   language: str = SOURCE_LANGUAGE) -> list[tuple[str, str]]:
    """Every calendar file of the site, as (path in the docs folder, text), in ``language``."""
    files = []
    today = today or settings_today()
    for program in curriculum.programs:
        for track in program.tracks:
            for reminder in (False, True):
                path = calendar_path(program, track, reminder)
                if not path:
                    continue
                # A preview rebuild after one edit makes the same files again: each is made
                # anew only when what it shows changed (all that the file is made from is in the key).
                key = _calendar_key(curriculum, program, track, reminder, today, language)
                if key not in _MADE:
                    if len(_MADE) > 4096:
                        _MADE.clear()
                    _MADE[key] = track_calendar(curriculum.config, program, track, reminder, curriculum.closures,
                                                today, language)
                files.append((path, _MADE[key]))
    return files


_MADE: dict[str, str] = {}


def _calendar_key(curriculum: Curriculum, program: Program, track: Track, reminder: bool, today: date,
                  language: str) -> str:
    site, urgent = curriculum.config["site"], curriculum.config["urgent_help"]
    parts = (language, reminder, today, site.get("url"), site["name"], urgent["headline"], program.id,
             program.title, track.id, track.title, track.schedule, track.start_date, track.order, track.closed,
             track.moved, track.changes, curriculum.closures,
             [(session.id, session.number, session.title) for session in track.sessions])
    return repr(parts)
