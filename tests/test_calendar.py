"""Calendar files (.ics): read back with icalendar and with vobject (a second, independent parser),
each holds one event per meeting the group has (the count the session finder uses: days off left
out), with its session, in the track's time zone, with a reminder in the variant that has one;
unchanged content gives byte-identical files."""

from __future__ import annotations

import datetime as dt
from datetime import date, timedelta
from pathlib import Path

import pytest
import vobject
from icalendar import Calendar

from generator.checks import check_project
from generator.checks.settings import today
from generator.project import Project
from generator.render.calendar import calendar_files, calendar_meetings, calendar_path, first_meeting, track_calendar
from generator.render.meetings import track_days

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


@pytest.fixture(scope="module")
def curriculum(sample_project: Path):
    checked = check_project(Project(sample_project))
    assert checked.ok, checked.problems
    return checked.curriculum


def dated_tracks(curriculum):
    return [(p, t) for p in curriculum.programs for t in p.tracks if t.start_date and t.sessions]


def events_of(text: str) -> list:
    """The events of a calendar file as icalendar reads them."""
    return Calendar.from_ical(text).walk("VEVENT")


def second_opinion(text: str) -> list[tuple[dt.datetime, str, str | None]]:
    """The events as vobject reads them (an iCalendar parser independent of icalendar), expanding
    any repeat rule: (start, summary, url)."""
    calendar = vobject.readOne(text)
    found = []
    for event in calendar.vevent_list:
        url = event.url.value if hasattr(event, "url") else None
        found += [(start, event.summary.value, url) for start in event.getrruleset(addRDate=True) or [event.dtstart.value]]
    return sorted(found)


def test_each_meeting_is_an_event_with_its_session_in_the_tracks_time_zone(curriculum) -> None:
    tracks = dated_tracks(curriculum)
    assert tracks
    for program, track in tracks:
        schedule = track.schedule
        text = track_calendar(curriculum.config, program, track, closures=curriculum.closures)
        meetings = calendar_meetings(track, curriculum.closures, today())
        events = events_of(text)
        assert len(events) == len(meetings) > 0
        for event, meeting in zip(events, meetings):
            start = event.decoded("dtstart")
            assert str(start.tzinfo) == schedule["timezone"] and start.date() == meeting.day
            assert start.strftime("%H:%M") == meeting.start
            assert event.decoded("duration") == timedelta(minutes=meeting.duration_minutes)
            assert str(event["summary"]).startswith(" ".join(track.title.split()) + f": session {meeting.session.number}, ")
            assert " ".join(meeting.session.title.split()) in str(event["summary"])
            assert "catch-up page" in str(event["description"]) and "rrule" not in event
        assert [tz["tzid"] for tz in Calendar.from_ical(text).walk("VTIMEZONE")] == [schedule["timezone"]]
        # vobject reads the same meetings, on the same days and times
        assert [(start.date(), start.strftime("%H:%M")) for start, _, _ in second_opinion(text)] == \
            [(m.day, m.start) for m in meetings]


def test_closed_days_are_left_out_and_every_day_of_the_file_is_a_meeting_the_finder_knows(curriculum) -> None:
    for program, track in dated_tracks(curriculum):
        days = track_days(track, curriculum.closures, today())
        met = {m.day: m.session.number for m in days.meetings}
        for start, summary, _ in second_opinion(track_calendar(curriculum.config, program, track,
                                                               closures=curriculum.closures)):
            assert start.date() not in days.closed
            assert f"session {met[start.date()]}," in summary
    holidays = {c.first for c in curriculum.closures}
    assert "2027-11-25" in holidays, "the sample has a year of US holidays as closures"


def test_the_reminder_variant_alarms_before_each_session(curriculum) -> None:
    program, track = dated_tracks(curriculum)[0]
    assert not any(e.walk("VALARM") for e in events_of(track_calendar(curriculum.config, program, track)))
    for event in events_of(track_calendar(curriculum.config, program, track, reminder=True)):
        (alarm,) = event.walk("VALARM")
        assert alarm.decoded("trigger") == timedelta(minutes=-30)
        assert str(alarm["action"]) == "DISPLAY" and "30 minutes" in str(alarm["description"])


def test_calendar_files_are_byte_identical_for_the_same_content(curriculum) -> None:
    first, second = calendar_files(curriculum), calendar_files(curriculum)
    assert first == second
    paths = [path for path, _ in first]
    assert len(paths) == len(set(paths)) == 2 * len(dated_tracks(curriculum))
    for _, text in first:
        for event in events_of(text):
            assert event.decoded("dtstamp").date() <= event.decoded("dtstart").date(), "the time stamp is the content's"
        assert text.count("\r\n") > 10, "lines end in CRLF as RFC 5545 says"


def test_a_track_without_a_start_date_gets_no_calendar(demo_project: Path) -> None:
    curriculum = check_project(Project(demo_project)).curriculum
    program = curriculum.programs[0]
    undated = next(t for t in program.tracks if not t.start_date)
    assert first_meeting(undated) is None and calendar_path(program, undated) is None
    assert all(undated.id not in path for path, _ in calendar_files(curriculum))


def test_each_event_links_to_its_catch_up_page_when_the_site_url_is_set(demo_project: Path) -> None:
    site = demo_project / "site-config" / "site.yml"
    site.write_text(site.read_text() + "url: https://example.org/catch-up/\n")
    curriculum = check_project(Project(demo_project)).curriculum
    program = curriculum.programs[0]
    track = next(t for t in program.tracks if t.start_date)
    events = events_of(track_calendar(curriculum.config, program, track))
    assert events
    for event in events:
        session = next(s for s in track.sessions if f"session {s.number}," in str(event["summary"]))
        assert str(event["url"]) == f"https://example.org/catch-up/{program.id}/{track.id}/{session.id}.html"
        assert str(event["uid"]).startswith(f"catchup-{program.id}-{track.id}-") and str(event["uid"]).endswith(
            "@example.org")
    assert len({str(e["uid"]) for e in events}) == len(events)


@pytest.mark.parametrize(("zone", "start"), [
    ("America/New_York", "2027-01-04"), ("America/Phoenix", "2026-06-30"), ("Europe/London", "2027-10-31"),
    ("Australia/Sydney", "2026-12-28"), ("Asia/Kolkata", "2027-03-01"), ("Pacific/Honolulu", "2030-02-14"),
])
def test_the_shared_time_zone_block_is_what_icalendar_adds_itself(curriculum, zone: str, start: str) -> None:
    # track_calendar makes each time zone's VTIMEZONE once and puts it in place; icalendar's own
    # add_missing_timezones on the whole calendar must give the same file, byte for byte.
    import dataclasses

    from generator.render.calendar import TIME_ZONE_YEARS, meeting_event

    program, track = dated_tracks(curriculum)[0]
    track = dataclasses.replace(track, schedule={**track.schedule, "timezone": zone}, start_date=start)
    meetings = calendar_meetings(track, [], today())
    for reminder in (False, True):
        calendar = Calendar()
        for key, value in [("prodid", "-//Catch-Up//Catch-Up calendar//EN"), ("version", "2.0"),
                           ("calscale", "GREGORIAN"), ("method", "PUBLISH"),
                           ("x-wr-calname", " ".join(track.title.split())), ("x-wr-timezone", zone)]:
            calendar.add(key, value)
        for meeting in meetings:
            calendar.add_component(meeting_event(curriculum.config, program, track, meeting, reminder,
                                                 first_meeting(track)))
        first = meetings[0].day
        calendar.add_missing_timezones(first_date=date(first.year, 1, 1),
                                       last_date=date(first.year + TIME_ZONE_YEARS, 1, 1))
        assert track_calendar(curriculum.config, program, track, reminder) == calendar.to_ical().decode("utf-8")


def test_a_calendar_file_is_made_again_when_what_it_shows_changes(demo_project: Path) -> None:
    """The files are remembered between builds of one process (the preview): an edited session
    title, a new site name or a closure must still reach the file."""
    from generator.model import Closure

    curriculum = check_project(Project(demo_project)).curriculum
    before = dict(calendar_files(curriculum))
    assert dict(calendar_files(curriculum)) == before
    track = next(t for p in curriculum.programs for t in p.tracks if t.start_date and t.sessions)
    track.sessions[0].title = "A title never seen before"
    after = dict(calendar_files(curriculum))
    assert any("A title never seen before" in text for text in after.values())
    day = str(first_meeting(track))
    curriculum.closures.append(Closure(day, day, "Snow day", track.where))  # the first meeting is called off
    assert dict(calendar_files(curriculum)) != after
