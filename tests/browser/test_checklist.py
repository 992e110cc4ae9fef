"""The catch-up checklist on a session page, and the progress it shows on the program page.

Ticks are kept only once the participant opts in; the program page then marks the session."""

from __future__ import annotations

import pytest

from browsing import stored, worksheet_session

pytestmark = pytest.mark.browser


def steps(page):
    return page.locator(".catchup-checklist__steps input[type=checkbox]")


def test_ticks_are_forgotten_without_the_opt_in(page, session_url: str) -> None:
    page.goto(session_url)
    assert steps(page).count() >= 4
    steps(page).first.check()
    assert stored(page) == {"local": {}, "session": {}}, "nothing is written before the opt-in"
    page.reload()
    assert not steps(page).first.is_checked()


def test_saved_ticks_come_back_and_show_on_the_program_page(page, site_url: str, session_url: str, curriculum) -> None:
    program, session = worksheet_session(curriculum)
    page.goto(session_url)
    total = steps(page).count()
    done = page.locator("[data-catchup-checklist-done]")
    steps(page).nth(1).check()
    page.locator(".catchup-checklist [data-catchup-save]").check()
    assert "Saved on this device" in page.locator(".catchup-checklist [data-catchup-status]").inner_text()
    assert page.locator("[data-catchup-save]").evaluate_all("boxes => boxes.every(b => b.checked)"), \
        "every save choice on the page shows the same state"
    page.reload()
    assert steps(page).nth(1).is_checked() and not steps(page).first.is_checked()
    assert done.is_hidden()

    page.goto(site_url + f"{program.id}/index.html")
    badge = page.locator(f".md-content a[href$='{session.track}/{session.id}.html'] + .catchup-badge")
    assert badge.inner_text() == f"1 of {total} steps done"
    assert "caught up on 0 of" in page.locator("[data-catchup-progress-summary]").inner_text()

    page.goto(session_url)
    for index in range(steps(page).count()):
        steps(page).nth(index).check()
    assert done.is_visible()
    page.goto(site_url + f"{program.id}/index.html")
    assert badge.inner_text() == "Caught up"
    assert page.locator(".catchup-badge").count() == 1, "only the session with ticks is marked"
    summary = page.locator("[data-catchup-progress-summary]").inner_text()
    assert f"caught up on 1 of {len(program.sessions)} sessions" in summary


def test_unticking_save_removes_what_was_saved(page, session_url: str) -> None:
    page.goto(session_url)
    save = page.locator(".catchup-checklist [data-catchup-save]")
    save.check()
    steps(page).first.check()
    assert any(key.startswith("catchup:checklist:") for key in stored(page)["local"])
    save.uncheck()
    assert stored(page)["local"] == {}
    assert steps(page).first.is_checked(), "the ticks stay on screen until the page is left"
    assert "removed" in page.locator(".catchup-checklist [data-catchup-status]").inner_text()


def test_checklist_works_by_keyboard(page, session_url: str) -> None:
    page.goto(session_url)
    steps(page).first.focus()
    page.keyboard.press("Space")
    assert steps(page).first.is_checked()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('catchup-checklist__go')")
    link = page.evaluate("document.activeElement.getAttribute('href')")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == link, "each step links to its section"
    assert page.locator(link).is_visible()
