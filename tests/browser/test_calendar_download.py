"""The program page offers each group's schedule as a calendar file, with and without a reminder."""

from __future__ import annotations

import pytest
from icalendar import Calendar

pytestmark = pytest.mark.browser


def test_calendar_files_download_from_the_program_page(page, site_url: str, curriculum) -> None:
    program = next(p for p in curriculum.programs if any(t.start_date and t.sessions for t in p.tracks))
    track = next(t for t in program.tracks if t.start_date and t.sessions)
    page.goto(site_url + f"{program.id}/index.html")
    item = page.locator(".md-content li", has_text=" ".join(track.title.split())).filter(has=page.locator("a[href$='.ics']"))
    for name, alarms in (("calendar file", 0), ("with a reminder", 1)):
        with page.expect_download() as download_info:
            item.get_by_role("link", name=name).click()
        download = download_info.value
        assert download.suggested_filename == f"{track.id}{'.reminder' if alarms else ''}.ics"
        calendar = Calendar.from_ical(open(download.path(), "rb").read())
        events = calendar.walk("VEVENT")
        assert events, "a meeting per event"
        for event in events:
            assert str(event["summary"]).startswith(" ".join(track.title.split()) + ": session ")
            assert str(event.decoded("dtstart").tzinfo) == track.schedule["timezone"]
            assert len(event.walk("VALARM")) == alarms
