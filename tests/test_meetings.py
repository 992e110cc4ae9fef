"""The one count of meetings (generator/render/meetings.py) on a hand-made calendar: holidays,
a group's own days off, a meeting moved, a new schedule, the end of a sequence and a cycle's
topics going round."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from generator.checks import check_project
from generator.project import Project
from generator.render.meetings import track_days
from helpers import EXAMPLES, make_project


def test_only_the_meetings_that_happened_count(tmp_path: Path) -> None:
    curriculum = check_project(Project(make_project(tmp_path / "p", EXAMPLES / "good" / "calendar-changes"))).curriculum
    skills = curriculum.programs[0].tracks[0]  # Mondays and Wednesdays from 2027-01-04; two sessions
    assert [s.number for s in skills.sessions] == [1, 2]
    days = track_days(skills, curriculum.closures, date(2027, 1, 1))
    assert [(m.day, m.session.number) for m in days.meetings] == [(date(2027, 1, 4), 1), (date(2027, 1, 6), 2)]
    assert days.until == date(2027, 1, 10), "a sequence ends the day before the meeting after its last session"

    support = curriculum.programs[0].tracks[1]  # Fridays from 2027-01-08, a cycle
    support.closed = skills.closed
    days = track_days(support, curriculum.closures, date(2027, 9, 1))  # known up to six months after
    assert days.meetings[0].day == date(2027, 1, 8)
    assert date(2027, 11, 26) in days.closed and days.closed[date(2027, 11, 26)] == "Thanksgiving"
    assert date(2027, 8, 6) in days.closed and date(2027, 8, 13) in days.closed, "a range closes every day in it"
    assert all(m.day not in days.closed for m in days.meetings)


def test_a_moved_meeting_and_a_new_schedule(tmp_path: Path) -> None:
    curriculum = check_project(Project(make_project(tmp_path / "p", EXAMPLES / "good" / "calendar-changes"))).curriculum
    skills = curriculum.programs[0].tracks[0]
    skills.sessions = skills.sessions * 200  # long enough to reach the new schedule
    days = track_days(skills, curriculum.closures, date(2027, 9, 1))
    met = {m.day: m for m in days.meetings}
    assert date(2027, 1, 18) not in met and days.closed[date(2027, 1, 18)] == "Martin Luther King Jr. Day"
    assert date(2027, 2, 15) not in met and days.closed[date(2027, 2, 15)] == "moved to Tuesday, February 16"
    assert met[date(2027, 2, 16)].start == "17:00"
    assert date(2027, 3, 10) not in met and days.closed[date(2027, 3, 10)] == "staff training"
    after = [m for m in days.meetings if m.day >= date(2027, 9, 6)]
    assert after and {m.day.weekday() for m in after} == {1, 3} and {m.start for m in after} == {"17:30"}
    before = [m for m in days.meetings if m.day < date(2027, 9, 6)]
    assert {m.day.weekday() for m in before} == {0, 1, 2}  # Mondays, Wednesdays, and the one moved Tuesday
    indexes = [m.index for m in days.meetings]
    assert indexes == list(range(len(indexes))), "each meeting that happened is the next session"
