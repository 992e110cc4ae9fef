"""A session page prints as a clean catch-up packet: no navigation or buttons, every section,
details opened, answers or lines to write on, and urgent help."""

from __future__ import annotations

import pytest

from browsing import session_href, worksheet_session

pytestmark = pytest.mark.browser
SECTIONS = ["what-we-covered", "key-points", "worksheets", "skills-practice", "reflect", "before-next-session",
            "make-up-options", "tell-your-team", "urgent-help"]


def test_print_this_catch_up_packet(page, site_url: str, curriculum) -> None:
    program, session = worksheet_session(curriculum)
    page.goto(site_url + session_href(program, session))
    # Any <details> on the page (a template or the theme may add one) must print opened.
    page.evaluate("""() => {
        const more = Object.assign(document.createElement('details'), {innerHTML: '<summary>More</summary><p id=inside>Inside</p>'});
        document.querySelector('h2#key-points').after(more);
        window.printed = [];
        window.print = () => window.printed.push({open: [...document.querySelectorAll('details')].every(d => d.open)});
    }""")
    page.locator("textarea").first.fill("My answer")
    page.get_by_role("button", name="Print this catch-up packet").click()
    assert page.evaluate("window.printed") == [{"open": True}], "print() was called with every <details> open"

    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".catchup-tools"):
        assert page.locator(hidden).first.is_hidden(), f"{hidden} must not print"
    assert page.locator(".catchup-urgent").is_visible(), "urgent help prints at the top"
    assert page.locator("h1").is_visible() and page.locator("#inside").is_visible()
    for section in SECTIONS:
        assert page.locator(f"h2#{section}").is_visible(), f"section {section} must print"
    assert page.locator(".catchup-checklist__steps").is_visible(), "the checklist prints as a list to tick"
    assert page.locator("textarea").first.is_hidden()
    assert page.locator(".catchup-print-answer__text").first.inner_text() == "My answer"
    assert page.locator(".catchup-print-answer").nth(1).locator(".catchup-line").first.is_visible()
    width = page.evaluate("document.querySelector('.md-content').getBoundingClientRect().width")
    assert width > 0.9 * page.viewport_size["width"] - 50, "the content takes the whole page width"

    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert not page.evaluate("document.querySelector('details').open"), "details close again after printing"


def test_the_browser_s_own_print_makes_the_print_copies_the_page_does_not_carry(page, site_url: str,
                                                                                  curriculum) -> None:
    program, session = worksheet_session(curriculum)
    page.goto(site_url + session_href(program, session))
    boxes = page.locator("textarea[data-catchup-key]").count()
    assert boxes > 0
    assert page.locator(".catchup-print-answer").count() == 0, "print copies are made when printing, not sent"
    page.locator("textarea").first.fill("Typed before Ctrl+P")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")  # what the browser's Print menu does
    assert page.locator(".catchup-print-answer").count() == boxes
    assert page.locator(".catchup-print-answer .catchup-line").count() == 4 * boxes
    page.emulate_media(media="print")
    assert page.locator(".catchup-print-answer__text").first.inner_text() == "Typed before Ctrl+P"
    assert page.locator(".catchup-print-answer").nth(1).locator(".catchup-line").first.is_visible()
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")  # printing again makes no second copy
    assert page.locator(".catchup-print-answer").count() == boxes
