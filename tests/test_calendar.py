"""Calendar files (.ics): read back with icalendar, each holds the track's weekly sessions in its
time zone, from its first meeting, with a reminder in the variant that has one; unchanged
content gives byte-identical files."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import islice
from pathlib import Path

import pytest
from dateutil.rrule import rrulestr
from icalendar import Calendar

from generator.checks import check_project
from generator.project import Project
from generator.render.calendar import calendar_files, calendar_path, first_meeting, track_calendar

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


@pytest.fixture(scope="module")
def curriculum(sample_project: Path):
    checked = check_project(Project(sample_project))
    assert checked.ok, checked.problems
    return checked.curriculum


def dated_tracks(curriculum):
    return [(p, t) for p in curriculum.programs for t in p.tracks if t.start_date and t.sessions]


def the_event(text: str):
    calendar = Calendar.from_ical(text)
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    return calendar, events[0]


def test_each_track_repeats_weekly_on_its_days_from_its_first_meeting(curriculum) -> None:
    tracks = dated_tracks(curriculum)
    assert tracks
    for program, track in tracks:
        schedule = track.schedule
        calendar, event = the_event(track_calendar(curriculum.config, program, track))
        start = event.decoded("dtstart")
        assert str(start.tzinfo) == schedule["timezone"]
        assert start.strftime("%H:%M") == schedule["start"]
        assert start.date() >= date.fromisoformat(str(track.start_date))
        assert start.date() - date.fromisoformat(str(track.start_date)) < timedelta(7)
        assert event.decoded("duration") == timedelta(minutes=schedule["duration_minutes"])
        assert str(event["summary"]) == " ".join(track.title.split())
        assert program.title in str(event["description"])
        assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == [schedule["timezone"]]

        rule = event["rrule"]
        assert rule["freq"] == ["WEEKLY"]
        assert sorted(rule["byday"]) == sorted(d[:2].upper() for d in schedule["days"])
        if track.order == "cycle":
            assert "count" not in rule, "an open group goes on"
        else:
            assert rule["count"] == [len(track.sessions)], "a sequence meets once per session"
        # The meetings it describes are the track's meeting days, at the start time.
        meetings = list(islice(rrulestr(rule.to_ical().decode(), dtstart=start), 20))
        assert all(WEEKDAYS[m.weekday()] in schedule["days"] and m.strftime("%H:%M") == schedule["start"]
                   for m in meetings)
        assert meetings[0] == start
        assert all(later - earlier < timedelta(8) for earlier, later in zip(meetings, meetings[1:]))


def test_the_reminder_variant_alarms_before_each_session(curriculum) -> None:
    program, track = dated_tracks(curriculum)[0]
    _, plain = the_event(track_calendar(curriculum.config, program, track))
    assert not plain.walk("VALARM")
    _, event = the_event(track_calendar(curriculum.config, program, track, reminder=True))
    (alarm,) = event.walk("VALARM")
    assert alarm.decoded("trigger") == timedelta(minutes=-30)
    assert str(alarm["action"]) == "DISPLAY" and "30 minutes" in str(alarm["description"])


def test_calendar_files_are_byte_identical_for_the_same_content(curriculum) -> None:
    first, second = calendar_files(curriculum), calendar_files(curriculum)
    assert first == second
    paths = [path for path, _ in first]
    assert len(paths) == len(set(paths)) == 2 * len(dated_tracks(curriculum))
    for _, text in first:
        _, event = the_event(text)
        assert event.decoded("dtstamp").date() == event.decoded("dtstart").date(), "the time stamp comes from the content"
        assert text.count("\r\n") > 10, "lines end in CRLF as RFC 5545 says"


def test_a_track_without_a_start_date_gets_no_calendar(demo_project: Path) -> None:
    curriculum = check_project(Project(demo_project)).curriculum
    program = curriculum.programs[0]
    undated = next(t for t in program.tracks if not t.start_date)
    assert first_meeting(undated) is None and calendar_path(program, undated) is None
    assert all(undated.id not in path for path, _ in calendar_files(curriculum))


def test_the_site_url_goes_into_the_event_when_it_is_set(demo_project: Path) -> None:
    site = demo_project / "site-config" / "site.yml"
    site.write_text(site.read_text() + "url: https://example.org/catch-up/\n")
    curriculum = check_project(Project(demo_project)).curriculum
    program = curriculum.programs[0]
    track = next(t for t in program.tracks if t.start_date)
    _, event = the_event(track_calendar(curriculum.config, program, track))
    assert str(event["url"]) == f"https://example.org/catch-up/{program.id}/index.html"
    assert str(event["uid"]) == f"catchup-{program.id}-{track.id}@example.org"


@pytest.mark.parametrize(("zone", "start"), [
    ("America/New_York", "2027-01-04"), ("America/Phoenix", "2026-06-30"), ("Europe/London", "2027-10-31"),
    ("Australia/Sydney", "2026-12-28"), ("Asia/Kolkata", "2027-03-01"), ("Pacific/Honolulu", "2030-02-14"),
])
def test_the_shared_time_zone_block_is_what_icalendar_adds_itself(curriculum, zone: str, start: str) -> None:
    # track_calendar makes each time zone's VTIMEZONE once and puts it in place; icalendar's own
    # add_missing_timezones on the whole calendar must give the same file, byte for byte.
    import dataclasses

    from generator.render.calendar import TIME_ZONE_YEARS, track_event

    program, track = dated_tracks(curriculum)[0]
    track = dataclasses.replace(track, schedule={**track.schedule, "timezone": zone}, start_date=start)
    for reminder in (False, True):
        calendar = Calendar()
        for key, value in [("prodid", "-//Catch-Up//Catch-Up calendar//EN"), ("version", "2.0"),
                           ("calscale", "GREGORIAN"), ("method", "PUBLISH"),
                           ("x-wr-calname", " ".join(track.title.split())), ("x-wr-timezone", zone)]:
            calendar.add(key, value)
        calendar.add_component(track_event(curriculum.config, program, track, reminder))
        first = first_meeting(track)
        calendar.add_missing_timezones(first_date=date(first.year, 1, 1),
                                       last_date=date(first.year + TIME_ZONE_YEARS, 1, 1))
        assert track_calendar(curriculum.config, program, track, reminder) == calendar.to_ical().decode("utf-8")
