"""Nothing leaves the device: visiting every page type and using every tool makes requests only
to the site's own origin, sets no cookies, and writes nothing the participant types or ticks to
storage before they opt in (the theme's note of the light/dark look aside)."""

from __future__ import annotations

import pytest

from browsing import find_with_the_finder, page_types, same_origin, search_from_the_header, stored, worksheet_session

pytestmark = pytest.mark.browser


def use_every_tool(page, site_url: str, curriculum) -> None:
    program, _ = worksheet_session(curriculum)
    track = next(t for t in program.tracks if t.start_date and t.sessions)
    page.goto(site_url + "find-a-session.html")
    find_with_the_finder(page, program, track, str(track.start_date))
    page.goto(site_url + page_types(curriculum)["session"])
    page.evaluate("window.print = () => {}")
    page.locator(".catchup-checklist__steps input").first.check()
    page.locator("textarea").first.fill("Something private")
    page.locator(".catchup-rating input").first.check()
    page.get_by_role("button", name="Print this catch-up packet").click()
    page.get_by_role("button", name="Print this worksheet").first.click()
    with page.expect_download():
        page.get_by_role("button", name="Download my answers").first.click()
    page.get_by_role("button", name="Clear my answers").first.click()
    page.goto(site_url + f"{program.id}/index.html")
    with page.expect_download():
        page.locator("a[href$='.ics']").first.click()
    search_from_the_header(page, "worksheet", "all")
    page.locator("[data-catchup-search-results] a").first.wait_for()


def test_nothing_leaves_the_device_before_or_after_the_opt_in(context, page, site_url: str, curriculum) -> None:
    for path in page_types(curriculum).values():
        page.goto(site_url + path)
    use_every_tool(page, site_url, curriculum)

    offsite = [url for url in context.requests if not same_origin(url, site_url)]
    assert not offsite, f"requests to other hosts: {offsite}"
    assert context.cookies() == []
    assert stored(page) == {"local": {}, "session": {}}, "nothing is stored before the opt-in"
    assert set(stored(page, theme=True)["local"]) <= {".__palette", "/.__palette"}

    page.goto(site_url + page_types(curriculum)["session"])
    page.locator("[data-catchup-save]").first.check()
    use_every_tool(page, site_url, curriculum)
    keys = set(stored(page)["local"])
    assert "catchup:save" in keys and any(k.startswith("catchup:checklist:") for k in keys)
    assert all(key.startswith("catchup:") for key in keys), keys
    assert stored(page)["session"] == {}
    assert context.cookies() == []
    assert not [url for url in context.requests if not same_origin(url, site_url)]
