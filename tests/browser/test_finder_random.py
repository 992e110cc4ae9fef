"""The one count, three ways: over random schedules, closures, moved meetings, schedule changes and
days, the session finder (its script, in Chromium) names the session that the day-by-day count in
Python (tests/browser/browsing.py, written apart from the generator) names, and the calendar file
(read back with vobject, an iCalendar parser independent of the one that wrote it) has that same
session's meeting on that day."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import vobject
import yaml
from test_finder import reference

from browsing import reference_days
from generator.checks import check_project
from generator.checks.settings import today
from generator.project import Project
from generator.render.meetings import track_days
from generator.schema import WEEKDAYS
from generator.site.build import build
from helpers import make_project

pytestmark = pytest.mark.browser


def random_project(root: Path, seed: int) -> Path:
    """The example project with six random tracks of their own sessions, site-wide closures, and
    each track's own closures, moves and a schedule change, all valid."""
    rng = random.Random(seed)
    make_project(root)
    base_session = yaml.safe_load((root / "content/demo/sessions/skills-1.yml").read_text(encoding="utf-8"))
    start = date(2027, 1, 4) + timedelta(rng.randrange(60))
    site_closed = sorted({start + timedelta(rng.randrange(200)) for _ in range(rng.randrange(3, 9))})
    (root / "site-config/closures.yml").write_text(yaml.safe_dump({"closures": [
        {"date": day.isoformat(), "reason": f"holiday {n}"} for n, day in enumerate(site_closed)]}), encoding="utf-8")
    tracks, sessions = [], []
    for t in range(6):
        days = sorted(rng.sample(range(7), rng.randint(1, 3)))
        track_start = start + timedelta(rng.randrange(-10, 30))
        track: dict[str, Any] = {
            "id": f"t{t}", "title": f"Group {t}", "order": rng.choice(["sequence", "cycle"]),
            "start_date": track_start.isoformat(),
            "schedule": {"days": [WEEKDAYS[d] for d in days], "start": "18:00", "duration_minutes": 60,
                         "timezone": "America/New_York"},
        }
        meets = [track_start + timedelta(n) for n in range(150) if (track_start + timedelta(n)).weekday() in days]
        own = sorted(set(rng.sample(meets[3:], 3)) - set(site_closed))
        track["closed"] = [{"date": own[0].isoformat(), "reason": "staff training"}]
        change = track_start + timedelta(rng.randrange(90, 140))
        new_days = sorted(rng.sample(range(7), rng.randint(1, 3)))
        track["schedule_changes"] = [{"from": change.isoformat(), "days": [WEEKDAYS[d] for d in new_days]}]
        free = [d for d in meets[1:] if d + timedelta(1) < change and d not in site_closed and d not in own
                and (d + timedelta(1)).weekday() not in days and (d + timedelta(1)) not in site_closed]
        if free:  # a meeting moved to the next day, before the schedule changes
            old = rng.choice(free)
            track["moved"] = [{"from": old.isoformat(), "to": (old + timedelta(1)).isoformat(), "start": "17:00"}]
        tracks.append(track)
        for n in range(1, rng.randint(3, 8) + 1):
            sessions.append({**base_session, "id": f"t{t}-s{n}", "track": f"t{t}", "number": n,
                             "title": f"Topic {n} of group {t}"})
    program = yaml.safe_load((root / "content/demo/program.yml").read_text(encoding="utf-8"))
    program["tracks"] = tracks
    (root / "content/demo/program.yml").write_text(yaml.safe_dump(program), encoding="utf-8")
    for path in (root / "content/demo/sessions").glob("*.yml"):
        path.unlink()
    for session in sessions:
        (root / f"content/demo/sessions/{session['id']}.yml").write_text(yaml.safe_dump(session), encoding="utf-8")
    return root


def calendar_sessions(path: Path) -> dict[date, int]:
    """The session number of each meeting in a calendar file, read with vobject."""
    found = {}
    for event in vobject.readOne(path.read_text(encoding="utf-8")).vevent_list:
        number = int(event.summary.value.split("session ", 1)[1].split(",", 1)[0])
        found[event.dtstart.value.date()] = number
    return found


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_finder_the_python_count_and_the_calendar_agree(page, tmp_path: Path, seed: int) -> None:
    root = random_project(tmp_path / "p", seed)
    checked = build(Project(root))
    assert checked.ok, [f"{p.where} {p.message}" for p in checked.problems if p.is_error]
    curriculum = check_project(Project(root)).curriculum
    page.goto((root / "site" / "find-a-session.html").as_uri())
    rng = random.Random(seed)
    compared = {"found": 0, "closed": 0}
    for track in curriculum.programs[0].tracks:
        start = date.fromisoformat(str(track.start_date))
        until = track_days(track, curriculum.closures, today()).until
        days = sorted({start + timedelta(rng.randrange(-5, 220)) for _ in range(60)}
                      | reference_days(track, until, curriculum.closures)[1])  # every closed day too
        answers = page.evaluate("""async ([trackId, days]) => {
            const program = await window.CatchUp.finder.program("demo");
            const track = program.tracks.find(t => t.id === trackId);
            return days.map(day => {
                const found = window.CatchUp.finder.lookUp(track, day);
                const session = found.session || (found.next && found.next.session);
                return [found.kind, session ? session.number : null];
            });
        }""", [track.id, [d.isoformat() for d in days]])
        expected = [list(reference(track, d, curriculum.closures, until)) for d in days]
        wrong = [(d.isoformat(), got, want) for d, got, want in zip(days, answers, expected) if got != want]
        assert not wrong, f"seed {seed}, {track.id}: (day, finder, Python) {wrong[:5]}"
        in_calendar = calendar_sessions(root / "site" / "calendar" / "demo" / f"{track.id}.ics")
        for day, (kind, number) in zip(days, answers):
            compared[kind] = compared.get(kind, 0) + 1
            if kind == "found" and day >= today():
                assert in_calendar.get(day) == number, (track.id, day, "the calendar file disagrees")
            if kind in ("closed", "other-day", "before-start"):
                assert day not in in_calendar, (track.id, day, "a day with no meeting is in the calendar file")
    assert compared["found"] > 20 and compared["closed"] > 3, compared
