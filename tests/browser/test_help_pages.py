"""'What got in the way?' leads each reason to the help that fits it, and the privacy page says
what is stored, where, and how to remove it."""

from __future__ import annotations

import pytest

from browsing import session_href, worksheet_session
from generator.render.text import tel

pytestmark = pytest.mark.browser


def section_links(page, heading_id: str) -> list[str]:
    """Every link in the section under one h2, up to the next h2."""
    return page.evaluate("""id => {
        const links = [];
        for (let node = document.getElementById(id).nextElementSibling; node && node.tagName !== 'H2'; node = node.nextElementSibling) {
            node.querySelectorAll('a[href]').forEach(a => links.push(a.getAttribute('href')));
        }
        return links;
    }""", heading_id)


def test_each_reason_leads_to_the_right_help(page, site_url: str, curriculum) -> None:
    config = curriculum.config
    program, session = worksheet_session(curriculum)
    page.goto(site_url + session_href(program, session))
    with page.expect_navigation():
        page.locator("#tell-your-team ~ p a[href$='what-got-in-the-way.html']").first.click()
    absence = f"tel:{tel(config['contacts']['absence']['phone'])}"
    crisis = f"tel:{tel(config['urgent_help']['lines'][0]['phone'])}"
    expected = {
        "The technology did not work": ["tech-help.html", absence],
        "Work, family or other plans": [absence, "missed-a-session.html"],
        "I was feeling low": [crisis, absence, "between-sessions.html"],
        "I forgot": [".ics", absence],
    }
    for choice, wanted in expected.items():
        page.locator(".md-content").get_by_role("link", name=choice, exact=True).click()
        target = page.evaluate("location.hash")[1:]
        assert page.locator(f"h2#{target}").inner_text() == choice
        links = section_links(page, target)
        for href in wanted:
            assert any(link.endswith(href) or link == href for link in links), f"{choice}: no link to {href}"
        page.go_back()


def test_the_privacy_page_says_what_where_and_how_to_remove(page, site_url: str) -> None:
    page.goto(site_url + "index.html")
    with page.expect_navigation():
        page.locator(".md-content").get_by_role("link", name="Privacy").click()
    text = page.locator(".md-content").inner_text()
    for words in ("Nothing, unless you choose to save", "local storage", "catchup:", "no cookies",
                  "Clear everything on this device", "Clear my answers", "private window"):
        assert words in text, f"the privacy page should say: {words}"
    assert page.get_by_role("button", name="Clear everything on this device").is_visible()
