"""My catch-up: which sessions are caught up and where there are answers, the questions for the
group leader, what to bring to the next session, and one file to keep or to move to another device
(restored after a preview); nothing is stored before the opt-in or before the restore is confirmed."""

from __future__ import annotations

import pytest

from browsing import session_href, stored, worksheet_session

pytestmark = pytest.mark.browser


def catch_up(page, site_url: str, curriculum) -> tuple[object, object]:
    """On a session page with a worksheet: save, tick every step, answer the first question."""
    program, session = worksheet_session(curriculum)
    page.goto(site_url + session_href(program, session))
    page.locator(".catchup-checklist [data-catchup-save]").check()
    for box in page.locator(".catchup-checklist input[type=checkbox]:not([data-catchup-save])").all():
        box.check()
    form = page.locator("form.catchup-worksheet[data-catchup-worksheet]").first
    form.locator("textarea").first.fill("What I noticed this week.")
    page.wait_for_timeout(400)  # answers are saved after a short pause in typing
    return program, session


def test_my_catch_up_shows_sessions_caught_up_and_answers(page, site_url: str, curriculum) -> None:
    page.goto(site_url + f"{curriculum.programs[0].id}/my-catch-up.html")
    assert "Nothing is saved on this device yet" in page.locator("[data-catchup-mine-summary]").inner_text()
    program, session = catch_up(page, site_url, curriculum)
    page.goto(site_url + f"{program.id}/my-catch-up.html")
    item = page.locator(f"[data-catchup-mine-session='{session.id}']")
    assert "caught up" in item.inner_text()
    assert "Answers in: " + " ".join(session.worksheets[0].title.split()) in item.inner_text()
    assert "You caught up on 1 of" in page.locator("[data-catchup-mine-summary]").inner_text()


def test_download_everything_then_restore_on_another_device(browser, page, site_url: str, curriculum) -> None:
    program, session = catch_up(page, site_url, curriculum)
    page.goto(site_url + f"{program.id}/my-catch-up.html")
    page.locator("[data-catchup-mine-questions]").fill("Can we go over breathing again?")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download everything").click()
    download = download_info.value
    assert download.url.startswith("blob:") and download.suggested_filename == f"my-catch-up-{program.id}.html"
    text = open(download.path(), encoding="utf-8").read()
    assert "What I noticed this week." in text and "Can we go over breathing again?" in text, "a file people can read"

    other = browser.new_context(locale="en-US")  # another device: nothing on it
    try:
        fresh = other.new_page()
        fresh.goto(site_url + f"{program.id}/my-catch-up.html")
        fresh.locator("[data-catchup-mine-restore]").set_input_files(download.path())
        preview = fresh.locator("[data-catchup-mine-preview]")
        preview.wait_for(state="visible")
        assert "replaces what this device keeps" in preview.inner_text()
        assert stored(fresh) == {"local": {}, "session": {}}, "nothing is written before the restore is confirmed"
        fresh.get_by_role("button", name="Replace what is on this device").click()
        assert "caught up" in fresh.locator(f"[data-catchup-mine-session='{session.id}']").inner_text()
        assert fresh.locator("[data-catchup-mine-questions]").input_value() == "Can we go over breathing again?"
        fresh.goto(site_url + session_href(program, session))
        form = fresh.locator("form.catchup-worksheet[data-catchup-worksheet]").first
        assert form.locator("textarea").first.input_value() == "What I noticed this week."
        assert all(box.is_checked() for box in fresh.locator(".catchup-checklist__steps input").all())
    finally:
        other.close()


def test_a_file_that_is_not_a_copy_is_refused(page, site_url: str, curriculum, tmp_path) -> None:
    page.goto(site_url + f"{curriculum.programs[0].id}/my-catch-up.html")
    bad = tmp_path / "notes.html"
    bad.write_text("<p>Hello</p><script id='catchup-backup' type='application/json'>{\"kept\": "
                   "{\"evil\": 1, \"catchup:answers:<img>\": 2}}</script>", encoding="utf-8")
    page.locator("[data-catchup-mine-restore]").set_input_files(str(bad))
    page.wait_for_timeout(300)
    assert page.locator("[data-catchup-mine-preview]").is_hidden()
    assert "not a copy" in page.locator(".catchup-mine [data-catchup-status]").inner_text()
    assert stored(page) == {"local": {}, "session": {}}


def test_a_restored_file_with_values_of_the_wrong_shape_breaks_nothing(page, site_url: str, curriculum,
                                                                        tmp_path) -> None:
    program, session = worksheet_session(curriculum)
    crafted = tmp_path / "crafted.html"
    kept = {f"catchup:answers:{session.id}": {"a/1": {"toString": "x"}},
            f"catchup:logs:{session.id}": {"daily-mood-log": "abc"},
            f"catchup:checklist:{session.id}": {"total": 6},
            f"catchup:questions:{program.id}": "Kept: the one well-formed value."}
    import json

    crafted.write_text("<script id='catchup-backup' type='application/json'>"
                       + json.dumps({"kept": kept}) + "</script>", encoding="utf-8")
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site_url + f"{program.id}/my-catch-up.html")
    page.locator("[data-catchup-mine-restore]").set_input_files(str(crafted))
    page.get_by_role("button", name="Replace what is on this device").click()
    assert page.locator("[data-catchup-mine-questions]").input_value() == "Kept: the one well-formed value."
    assert sorted(stored(page)["local"]) == ["catchup:questions:" + program.id, "catchup:save"]
    page.goto(site_url + f"{program.id}/index.html")
    page.goto(site_url + session_href(program, session))
    assert errors == []


def test_print_for_my_next_session(page, site_url: str, curriculum) -> None:
    program, session = catch_up(page, site_url, curriculum)
    page.goto(site_url + f"{program.id}/my-catch-up.html")
    page.locator("[data-catchup-mine-questions]").fill("Is it okay to miss Friday?")
    page.evaluate("() => { window.print = () => { window.printed = document.querySelector('.catchup-bring').innerText; }; }")
    page.get_by_role("button", name="Print for my next session").click()
    printed = page.evaluate("window.printed")
    assert f"Session {session.number}: " + " ".join(session.title.split()) in printed
    assert "Is it okay to miss Friday?" in printed
    assert all(q.split()[0] in printed for q in session.reflection[:1])


def test_my_catch_up_works_by_keyboard(page, site_url: str, curriculum) -> None:
    page.goto(site_url + f"{curriculum.programs[0].id}/my-catch-up.html")
    page.locator("[data-catchup-mine-questions]").focus()
    page.keyboard.type("Typed with the keyboard.")
    page.locator("[data-catchup-mine-print]").focus()
    page.evaluate("() => { window.print = () => { window.printed = document.querySelector('.catchup-bring').innerText; }; }")
    page.keyboard.press("Enter")
    assert "Typed with the keyboard." in page.evaluate("window.printed")
    page.locator("[data-catchup-mine-download]").focus()
    with page.expect_download() as download_info:
        page.keyboard.press("Enter")
    assert download_info.value.suggested_filename.startswith("my-catch-up-")
