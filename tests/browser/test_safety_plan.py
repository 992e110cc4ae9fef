"""The safety plan: one tap from the urgent-help bar on every page, filled in on the page, kept on
this device only after the opt-in, printed, and downloaded as a file made in the browser."""

from __future__ import annotations

import re

import pytest

from browsing import stored

pytestmark = pytest.mark.browser

PLAN = ["Pacing, not sleeping, thinking no one cares.", "A walk, box breathing, my playlist.",
        "My sister's kitchen; the library.", "Sam 555 010 0100", "Dr. Lee 555 010 0101",
        "My brother keeps the pills for now.", "My kids, and seeing the sea again."]


def fill(page) -> None:
    boxes = page.locator("form[data-catchup-worksheet='safety-plan'] textarea")
    assert boxes.count() == len(PLAN)
    for n, text in enumerate(PLAN):
        boxes.nth(n).fill(text)


def plan(page) -> list[str]:
    return page.locator("form[data-catchup-worksheet='safety-plan'] textarea").evaluate_all(
        "boxes => boxes.map(box => box.value)")


def test_the_safety_plan_is_one_tap_from_the_urgent_help_bar(page, session_url: str) -> None:
    page.goto(session_url)
    link = page.locator(".catchup-urgent a", has_text="My safety plan")
    with page.expect_navigation():
        link.click()
    assert page.url.endswith("/safety-plan.html")
    assert page.locator("h1").inner_text() == "My safety plan"
    text = page.locator(".md-content").inner_text()
    for part in ("warning signs", "on my own", "People I can ask for help", "Professionals", "surroundings safer",
                 "Crisis lines", "Who to tell"):
        assert part in text, part


def test_the_plan_is_kept_only_after_the_opt_in_and_comes_back(page, site_url: str) -> None:
    page.goto(site_url + "safety-plan.html")
    fill(page)
    page.wait_for_timeout(400)
    assert stored(page) == {"local": {}, "session": {}}, "nothing is stored before the opt-in"
    page.reload()
    assert plan(page) == [""] * len(PLAN)
    fill(page)
    page.locator("form[data-catchup-worksheet='safety-plan'] [data-catchup-save]").check()
    page.reload()
    assert plan(page) == PLAN


def test_the_plan_downloads_as_a_file_and_prints(page, site_url: str) -> None:
    page.goto(site_url + "safety-plan.html")
    fill(page)
    form = page.locator("form[data-catchup-worksheet='safety-plan']")
    with page.expect_download() as download_info:
        form.get_by_role("button", name="Download my answers").click()
    text = open(download_info.value.path(), encoding="utf-8").read()
    assert all(answer in text for answer in PLAN) and "warning signs" in text
    page.evaluate("() => { window.print = () => { window.printed = document.body.classList.contains('catchup-print-one'); }; }")
    assert page.evaluate("window.printed === undefined")
    form.get_by_role("button", name="Print this worksheet").click()
    assert page.evaluate("window.printed === true"), "the plan alone is printed"
    page.emulate_media(media="print")
    assert page.locator(".catchup-urgent").is_visible(), "the urgent-help bar prints with the plan"
    assert stored(page) == {"local": {}, "session": {}}


def test_the_plan_prints_on_one_page_and_is_filled_in_by_keyboard(page, site_url: str) -> None:
    page.goto(site_url + "safety-plan.html")
    first = page.locator("form[data-catchup-worksheet='safety-plan'] textarea").first
    first.focus()
    page.keyboard.type("Not sleeping.")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "catchup-ws1-2", "Tab goes on to the next question"
    page.keyboard.type("A walk.")
    assert plan(page)[:2] == ["Not sleeping.", "A walk."]
    page.evaluate("() => { window.print = () => {}; }")
    page.get_by_role("button", name="Print this worksheet").click()  # the plan alone, as it prints
    printed = page.evaluate("() => [...document.querySelectorAll('.catchup-print-keep')].map(e => e.innerText).join(' ')")
    assert "When I need help now" in printed and "My program" in printed, "the crisis lines print with the plan"
    pdf = page.pdf(format="Letter")  # Chromium's own print of the page, as it is set up for printing
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages == 1, f"the safety plan prints on {pages} pages"
