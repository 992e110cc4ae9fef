"""Worksheets filled in on the page: kept only after the opt-in, cleared on request, printed with
the answers (or lines to write on), and downloaded as a text file made in the browser."""

from __future__ import annotations

import pytest

from browsing import stored

pytestmark = pytest.mark.browser


def sheet(page):
    """The first worksheet on the page that has a 0-10 question."""
    return page.locator("form.catchup-worksheet:has(.catchup-rating)").first


def fill_in(page) -> tuple[str, str]:
    """Type an answer and pick a rating with the keyboard alone; returns (answer, rating)."""
    form = sheet(page)
    box = form.locator("textarea").first
    box.focus()
    page.keyboard.type("I was sure everyone was angry with me.")
    form.locator(".catchup-rating input").first.focus()
    page.keyboard.press("Space")
    for _ in range(7):
        page.keyboard.press("ArrowRight")
    assert form.locator(".catchup-rating input:checked").first.get_attribute("value") == "7"
    return "I was sure everyone was angry with me.", "7"


def answers(page) -> tuple[str, str | None]:
    form = sheet(page)
    checked = form.locator(".catchup-rating input:checked")
    return form.locator("textarea").first.input_value(), checked.first.get_attribute("value") if checked.count() else None


def test_answers_are_not_kept_without_the_opt_in(page, session_url: str) -> None:
    page.goto(session_url)
    fill_in(page)
    page.wait_for_timeout(400)  # longer than the typing pause after which answers are saved
    assert stored(page) == {"local": {}, "session": {}}
    page.reload()
    assert answers(page) == ("", None)


def test_saved_answers_come_back_and_clear_my_answers_removes_them(page, session_url: str) -> None:
    page.goto(session_url)
    text, rating = fill_in(page)
    sheet(page).locator("[data-catchup-save]").check()
    page.reload()
    assert answers(page) == (text, rating)
    saved = [key for key in stored(page)["local"] if key.startswith("catchup:answers:")]
    assert len(saved) == 1

    sheet(page).get_by_role("button", name="Clear my answers").click()
    assert answers(page) == ("", None)
    assert "cleared" in sheet(page).locator("[data-catchup-status]").inner_text()
    assert not [key for key in stored(page)["local"] if key.startswith("catchup:answers:")]
    page.reload()
    assert answers(page) == ("", None)


def test_clear_everything_removes_every_trace(page, site_url: str, session_url: str) -> None:
    page.goto(session_url)
    fill_in(page)
    page.locator(".catchup-checklist__steps input").first.check()
    page.locator(".catchup-checklist [data-catchup-save]").check()
    assert len(stored(page)["local"]) >= 3  # the opt-in, the ticks and the answers
    page.locator(".catchup-checklist").get_by_role("button", name="Clear everything on this device").click()
    assert stored(page, theme=True) == {"local": {}, "session": {}}, "nothing is left, the theme's note included"
    assert answers(page) == ("", None)
    assert not page.locator(".catchup-checklist__steps input").first.is_checked()
    assert not page.locator("[data-catchup-save]").first.is_checked(), "the opt-in is reset too"

    # The same button on the privacy page.
    page.locator(".catchup-checklist [data-catchup-save]").check()
    page.goto(site_url + "privacy.html")
    page.get_by_role("button", name="Clear everything on this device").click()
    assert stored(page) == {"local": {}, "session": {}}
    assert "removed" in page.locator("[data-catchup-status]").inner_text()


def test_download_my_answers_makes_a_text_file_in_the_browser(page, session_url: str) -> None:
    page.goto(session_url)
    text, rating = fill_in(page)
    with page.expect_download() as download_info:
        sheet(page).get_by_role("button", name="Download my answers").click()
    download = download_info.value
    assert download.url.startswith("blob:"), "the file is made on the device, not fetched"
    assert download.suggested_filename.endswith("-answers.txt")
    content = open(download.path(), encoding="utf-8").read()
    first_question = sheet(page).locator("label[for]").first.inner_text()
    assert f"1. {first_question}\n{text}\n" in content
    assert f"\n{rating}\n" in content
    assert "(no answer)" in content, "unanswered questions are listed too"
    assert page.locator("h1").inner_text() in content


def test_print_this_worksheet_prints_it_alone_with_answers_or_lines(page, session_url: str) -> None:
    page.goto(session_url)
    text, _ = fill_in(page)
    page.evaluate("""() => { window.printed = []; window.print = () => window.printed.push({
        one: document.body.classList.contains('catchup-print-one'),
        kept: document.querySelectorAll('.catchup-print-keep').length}); }""")
    sheet(page).get_by_role("button", name="Print this worksheet").click()
    printed = page.evaluate("window.printed")
    assert printed and printed[0]["one"] and printed[0]["kept"] >= 3

    # What the printer gets: the stand-in print() returns at once, so the one-worksheet layout
    # is still on (a real print restores it on afterprint).
    page.emulate_media(media="print")
    form = sheet(page)
    assert form.is_visible() and page.locator("h1").is_visible()
    assert page.locator("h2#what-we-covered").is_hidden(), "only the worksheet prints"
    assert page.locator(".catchup-urgent").is_visible(), "urgent help prints on every page"
    assert form.locator("textarea").first.is_hidden()
    first = form.locator(".catchup-print-answer").first
    assert first.locator(".catchup-print-answer__text").inner_text() == text
    assert first.locator(".catchup-line").first.is_hidden(), "an answered question prints the answer"
    empty = form.locator(".catchup-print-answer").nth(1)
    assert empty.locator(".catchup-line").first.is_visible(), "an empty question prints lines to write on"
    assert form.locator(".catchup-tools").is_hidden()
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    page.emulate_media(media="screen")
    assert page.locator("h2#what-we-covered").is_visible(), "the page is whole again after printing"
