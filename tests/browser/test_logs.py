"""Logs (a worksheet with `log: true`: the mood log, a sleep diary): add an entry a day, see past
entries newest first, edit or delete one, print the last seven days as a table; kept only after the
opt-in, by keyboard too."""

from __future__ import annotations

import pytest

from browsing import axe_violations, session_href, stored

pytestmark = pytest.mark.browser


@pytest.fixture
def log_page(page, site_url: str, curriculum):
    """A session page with the shared daily mood log on it."""
    program, session = next((p, s) for p in curriculum.programs for s in p.sessions
                            if any(w.id == "daily-mood-log" for w in s.worksheets))
    page.goto(site_url + session_href(program, session))
    return page


def log(page):
    return page.locator("form[data-catchup-log='daily-mood-log']")


def add(page, day: str, rating: int, hard: str) -> None:
    form = log(page)
    form.locator("[data-catchup-log-date]").fill(day)
    form.locator(".catchup-rating").first.locator(f"input[value='{rating}']").check()
    form.locator("textarea").first.fill(hard)
    form.locator("[data-catchup-log-add]").click()


def entries(page) -> list[str]:
    return log(page).locator(".catchup-log__entry > p:first-child").all_inner_texts()


def test_entries_are_added_listed_newest_first_edited_and_deleted(log_page) -> None:
    page = log_page
    add(page, "2027-03-01", 4, "A long day at work.")
    add(page, "2027-03-03", 6, "Rain all day.")
    add(page, "2027-03-02", 5, "Called my sister.")
    assert entries(page) == ["Wednesday, March 3, 2027", "Tuesday, March 2, 2027", "Monday, March 1, 2027"]
    assert "Called my sister." in log(page).locator(".catchup-log__entry").nth(1).inner_text()

    log(page).get_by_role("button", name="Edit the entry of Tuesday, March 2, 2027").click()
    assert log(page).locator("textarea").first.input_value() == "Called my sister."
    log(page).locator("textarea").first.fill("Called my sister, felt better.")
    log(page).get_by_role("button", name="Save changes").click()
    assert "felt better" in log(page).locator(".catchup-log__entry").nth(1).inner_text()
    assert len(entries(page)) == 3

    log(page).get_by_role("button", name="Delete the entry of Monday, March 1, 2027").click()
    assert entries(page) == ["Wednesday, March 3, 2027", "Tuesday, March 2, 2027"]
    assert "deleted" in log(page).locator("[data-catchup-status]").inner_text()
    assert axe_violations(page) == [], "the entries, with their buttons, pass axe too"


def test_entries_are_kept_only_after_the_opt_in(log_page) -> None:
    page = log_page
    add(page, "2027-03-01", 4, "Before the opt-in.")
    page.wait_for_timeout(300)
    assert stored(page) == {"local": {}, "session": {}}
    page.reload()
    assert entries(page) == []
    add(page, "2027-03-01", 4, "Kept.")
    log(page).locator("[data-catchup-save]").check()
    add(page, "2027-03-02", 7, "Kept too.")
    page.reload()
    assert entries(page) == ["Tuesday, March 2, 2027", "Monday, March 1, 2027"]
    assert [key for key in stored(page)["local"] if key.startswith("catchup:logs:")]


def test_the_last_seven_days_print_as_a_table(log_page) -> None:
    page = log_page
    for day, rating in (("2027-02-20", 2), ("2027-03-01", 4), ("2027-03-05", 6), ("2027-03-07", 8)):
        add(page, day, rating, f"Note of {day}.")
    page.evaluate("() => { window.print = () => { window.printedTable = document.querySelector('.catchup-log__week').innerText; }; }")
    log(page).get_by_role("button", name="Print the last 7 days").click()
    table = page.evaluate("window.printedTable")
    assert "Note of 2027-03-07." in table and "Note of 2027-03-01." in table
    assert "Note of 2027-02-20." not in table, "only the seven days up to the newest entry"
    assert page.evaluate("document.body.classList.contains('catchup-print-log')")


def test_a_log_entry_can_be_added_by_keyboard_alone(log_page) -> None:
    page = log_page
    form = log(page)
    form.locator("[data-catchup-log-date]").focus()
    page.keyboard.type("03052027")
    assert form.locator("[data-catchup-log-date]").input_value() == "2027-03-05"
    form.locator(".catchup-rating input").first.focus()
    page.keyboard.press("Space")  # the first rating: 0
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    form.locator("textarea").first.focus()
    page.keyboard.type("Typed with the keyboard.")
    form.locator("[data-catchup-log-add]").focus()
    page.keyboard.press("Enter")
    assert entries(page) == ["Friday, March 5, 2027"], form.locator("[data-catchup-status]").inner_text()
    assert "Typed with the keyboard." in form.locator(".catchup-log__entry").first.inner_text()


def test_an_edit_can_be_cancelled_and_survives_clear_everything(log_page) -> None:
    page = log_page
    add(page, "2027-03-01", 4, "First.")
    log(page).get_by_role("button", name="Edit the entry of Monday, March 1, 2027").click()
    log(page).get_by_role("button", name="Cancel the change").click()
    assert log(page).locator("textarea").first.input_value() == ""
    assert log(page).locator("[data-catchup-log-add]").inner_text() == "Add this entry"
    log(page).get_by_role("button", name="Edit the entry of Monday, March 1, 2027").click()
    page.get_by_role("button", name="Clear everything on this device").first.click()
    assert entries(page) == []
    add(page, "2027-03-02", 5, "After clearing.")
    assert entries(page) == ["Tuesday, March 2, 2027"], "the entry is added, not lost as the edit of a cleared one"


def test_a_day_that_is_not_a_day_is_refused(log_page) -> None:
    page = log_page
    form = log(page)
    form.locator("[data-catchup-log-date]").evaluate("(input) => { input.type = 'text'; input.value = '2027-02-30'; }")
    form.locator("textarea").first.fill("Some words.")
    form.locator("[data-catchup-log-add]").click()
    assert entries(page) == [] and "Write the day" in form.locator("[data-catchup-status]").inner_text()
