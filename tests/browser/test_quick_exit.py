"""Leave this site (site.yml quick_exit, on in the sample): the link in the urgent-help bar, or the
Escape key pressed twice, replaces the page with a neutral site and leaves no way Back to it."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

NEUTRAL = "https://www.weather.gov/"


@pytest.fixture
def neutral(page):
    """The neutral site, answered by the test itself: nothing goes to the network. What it is sent
    is kept in ``page.sent``."""
    page.sent = []

    def answer(route) -> None:
        page.sent.append(route.request.headers)
        route.fulfill(status=200, content_type="text/html", body="<title>Weather</title><p>Forecast</p>")

    page.route(NEUTRAL + "**", answer)
    return page


def test_leave_this_site_replaces_the_page_and_leaves_no_back_entry(neutral, site_url: str, session_url: str) -> None:
    page = neutral
    page.goto(site_url + "index.html")
    page.goto(session_url)
    length = page.evaluate("history.length")
    link = page.locator(".catchup-urgent a", has_text="Leave this site")
    assert link.is_visible() and link.get_attribute("rel") == "noreferrer"
    with page.expect_navigation():
        link.click()
    assert page.url == NEUTRAL and page.title() == "Weather"
    assert page.sent and all("referer" not in headers for headers in page.sent), "the neutral site learns nothing"
    assert page.evaluate("history.length") == length, "the session page is replaced, not added to"
    page.go_back()
    assert page.url.endswith("index.html"), "Back goes to the page before, not to the one that was left"


def test_escape_twice_leaves_too(neutral, session_url: str) -> None:
    page = neutral
    page.goto(session_url)
    page.keyboard.press("Escape")
    page.wait_for_timeout(100)
    assert page.url == session_url, "one Escape (closing a menu, say) does not leave"
    with page.expect_navigation():
        page.keyboard.press("Escape")
        page.keyboard.press("Escape")
    assert page.url == NEUTRAL
