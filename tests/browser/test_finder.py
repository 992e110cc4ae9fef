"""The session finder: from program, group and the day missed to the right catch-up page.

Its answers are checked against a plain day-by-day count in Python, for every track with a
start date, over every day from before the start until well after a sequence has ended (or a
cycle has gone round twice)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from browsing import expected_session, meeting_days, reference_days, session_href
from generator.checks.settings import today
from generator.render.meetings import track_days

pytestmark = pytest.mark.browser


def dated_tracks(curriculum) -> list[tuple[object, object]]:
    return [(p, t) for p in curriculum.programs for t in p.tracks if t.start_date and t.sessions]


def reference(track, day: date, closures, until: date) -> tuple[str, int | None]:
    """What the finder should answer for ``day``: (kind, session number; for a closed day, the next
    meeting's), from the day-by-day count of browsing.py (``until``: as far as the site looks ahead)."""
    met, closed = reference_days(track, max(day, until) + timedelta(14), closures)
    before = [d for d in met if d <= day]
    if not before:
        return "before-start", None
    if day > until:  # a sequence that has run its sessions, or further ahead than the site looks
        finished = track.order != "cycle" and len([d for d in met if d <= until]) >= len(track.sessions)
        return ("after-end", track.sessions[-1].number) if finished else ("beyond", None)
    if day in closed:
        later = [d for d in met if d > day and d <= until]
        return "closed", (expected_session(track, later[0], closures).number if later else None)
    session = expected_session(track, before[-1], closures)
    return ("found" if before[-1] == day else "other-day"), session.number


def test_finder_agrees_with_a_day_by_day_count(page, site_url: str, curriculum) -> None:
    page.goto(site_url + "find-a-session.html")
    tracks = dated_tracks(curriculum)
    assert any(t.order == "cycle" for _, t in tracks) and any(t.order == "sequence" for _, t in tracks)
    assert curriculum.closures, "the sample has holidays, which the count leaves out"
    for program, track in tracks:
        start = date.fromisoformat(str(track.start_date))
        until = track_days(track, curriculum.closures, today()).until
        days = [start + timedelta(n) for n in range(-3, 7 * (2 * len(track.sessions) + 2))]
        answers = page.evaluate("""async ([programId, trackId, days]) => {
            const program = await window.CatchUp.finder.program(programId);  // loads finder/<id>.js
            const track = program.tracks.find(t => t.id === trackId);
            return days.map(day => {
                const found = window.CatchUp.finder.lookUp(track, day);
                const session = found.session || (found.next && found.next.session);
                return [found.kind, session ? session.number : null];
            });
        }""", [program.id, track.id, [d.isoformat() for d in days]])
        expected = [list(reference(track, d, curriculum.closures, until)) for d in days]
        wrong = [(d.isoformat(), got, want) for d, got, want in zip(days, answers, expected) if got != want]
        assert not wrong, f"{program.id}/{track.id}: (day, finder, expected) {wrong[:5]}"


def find(page, program, track, day: date) -> None:
    page.select_option("#catchup-finder-program", program.id)
    page.select_option("#catchup-finder-track", track.id)
    page.fill("#catchup-finder-date", day.isoformat())
    page.get_by_role("button", name="Find my session").click()


def test_finder_takes_you_to_the_session_you_missed(page, site_url: str, curriculum) -> None:
    for program, track in dated_tracks(curriculum):  # noqa: B007 - both are used after the loop
        if track.order == "sequence" and len(track.sessions) >= 3:
            break
    day = meeting_days(track, date.fromisoformat(str(track.start_date)) + timedelta(60), curriculum.closures)[2]
    page.goto(site_url + "index.html")
    with page.expect_navigation():
        page.get_by_role("link", name="Find the session you missed").first.click()
    find(page, program, track, day)
    result = page.locator("[data-catchup-finder-result]")
    assert result.evaluate("node => node === document.activeElement"), "the answer gets the focus"
    session = track.sessions[2]
    assert f"session {session.number}: {' '.join(session.title.split())}" in result.inner_text()
    with page.expect_navigation():
        result.get_by_role("link", name=f"Open the catch-up page for session {session.number}").click()
    assert page.url.endswith(session_href(program, session))
    assert page.locator("h1").inner_text() == " ".join(session.title.split())


def test_open_groups_count_round_their_topics(page, site_url: str, curriculum) -> None:
    program, track = next((p, t) for p, t in dated_tracks(curriculum) if t.order == "cycle")
    count = len(track.sessions)
    meetings = meeting_days(track, date.fromisoformat(str(track.start_date)) + timedelta(7 * (count + 3)),
                            curriculum.closures)
    page.goto(site_url + f"find-a-session.html?program={program.id}")
    assert page.locator("#catchup-finder-program").input_value() == program.id, "?program= chooses the program"
    find(page, program, track, meetings[count + 1])  # the second time round: its second topic again
    second = track.sessions[1]
    assert f"session {second.number}:" in page.locator("[data-catchup-finder-result]").inner_text()
    with page.expect_navigation():
        page.locator("[data-catchup-finder-result] a").click()
    assert page.url.endswith(session_href(program, second))


def test_finder_explains_days_without_a_session(page, site_url: str, curriculum) -> None:
    program, track = dated_tracks(curriculum)[0]
    start = date.fromisoformat(str(track.start_date))
    page.goto(site_url + "find-a-session.html")
    page.get_by_role("button", name="Find my session").click()
    if len(curriculum.programs) > 1:
        assert "Please choose your program" in page.locator("[data-catchup-finder-result]").inner_text()
        assert page.locator("#catchup-finder-program").get_attribute("aria-invalid") == "true"
    find(page, program, track, start - timedelta(7))
    assert "had not met yet" in page.locator("[data-catchup-finder-result]").inner_text()
    first = meeting_days(track, start + timedelta(6), curriculum.closures)[0]
    met, closed = reference_days(track, first + timedelta(7), curriculum.closures)
    off_day = next(first + timedelta(n) for n in range(1, 7) if first + timedelta(n) not in met + sorted(closed))
    find(page, program, track, off_day)
    text = page.locator("[data-catchup-finder-result]").inner_text()
    assert "did not meet on" in text and f"session {track.sessions[0].number}:" in text
    holiday, reason = next((d, c.reason) for c in curriculum.closures for d in [date.fromisoformat(c.first)]
                           if d in reference_days(track, d, curriculum.closures)[1])
    find(page, program, track, holiday)
    text = page.locator("[data-catchup-finder-result]").inner_text()
    after = next(d for d in meeting_days(track, holiday + timedelta(14), curriculum.closures) if d > holiday)
    nxt = expected_session(track, after, curriculum.closures)
    assert "did not meet on" in text and reason in text and f"session {nxt.number}:" in text, text


def test_finder_works_by_keyboard_alone(browser, site_url: str, curriculum) -> None:
    program, track = dated_tracks(curriculum)[0]
    first = meeting_days(track, date.fromisoformat(str(track.start_date)) + timedelta(6), curriculum.closures)[0]
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="en-US")
    page = context.new_page()
    page.goto(site_url + "find-a-session.html")
    for _ in range(60):  # reach the form with Tab, as a keyboard user would
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "catchup-finder-program":
            break
    else:
        pytest.fail("Tab never reached the program field")
    while page.locator("#catchup-finder-program").input_value() != program.id:
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    while page.locator("#catchup-finder-track").input_value() != track.id:
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "catchup-finder-date"
    page.keyboard.type(first.strftime("%m%d%Y"))
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.dataset.catchupFinderResult") == ""
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").startswith("Open the catch-up page")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(session_href(program, track.sessions[0]))
    context.close()
