"""axe-core, with the WCAG 2.0, 2.1 and 2.2 A and AA rules, finds nothing on any page type, in the
light and the dark scheme, nor once the tools have been used (finder answer, ticks, progress, an
offline copy kept, search results)."""

from __future__ import annotations

import pytest

from browsing import axe_version, axe_violations, page_types, search_from_the_header, worksheet_session

pytestmark = pytest.mark.browser
SCHEMES = {"light": "default", "dark": "slate"}


@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_axe_violations_on_any_page_type(browser, site_url: str, curriculum, scheme: str) -> None:
    major, minor = (int(part) for part in axe_version().split(".")[:2])
    assert (major, minor) >= (4, 5), f"axe-core {axe_version()} has no WCAG 2.2 rules (wcag22aa)"
    context = browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    found: dict[str, list[str]] = {}
    for kind, path in page_types(curriculum).items():
        page.goto(site_url + path)
        assert page.evaluate("document.body.dataset.mdColorScheme") == SCHEMES[scheme]
        found[kind] = axe_violations(page)

    # The same pages once the tools have been used: messages, results and badges appear.
    program, session = worksheet_session(curriculum)
    page.goto(site_url + "find-a-session.html")
    page.get_by_role("button", name="Find my session").click()  # nothing chosen: the error message
    found["finder, error"] = axe_violations(page)
    page.select_option("#catchup-finder-program", program.id)
    page.select_option("#catchup-finder-track", program.tracks[0].id)
    page.fill("#catchup-finder-date", str(program.tracks[0].start_date))
    page.get_by_role("button", name="Find my session").click()
    page.get_by_role("link", name="Open the catch-up page").wait_for()
    found["finder, answer"] = axe_violations(page)

    page.goto(site_url + page_types(curriculum)["session"])
    page.locator("[data-catchup-checklist] [data-catchup-save]").check()
    for box in page.locator(".catchup-checklist__steps input").all():
        box.check()
    page.locator(".catchup-worksheet input[type=radio]").first.check()
    found["session, all ticked"] = axe_violations(page)
    page.goto(site_url + page_types(curriculum)["program"])
    page.locator(".catchup-badge").first.wait_for()
    found["program, with progress"] = axe_violations(page)
    page.get_by_role("button", name="Keep this program on this device for offline use").click()
    page.get_by_role("button", name="Remove the offline copy").wait_for(timeout=30000)
    found["program, offline copy kept"] = axe_violations(page)
    search_from_the_header(page, "worksheet")
    page.locator("[data-catchup-search-results] li").first.wait_for()
    found["search, with results"] = axe_violations(page)
    search_from_the_header(page, "zzzxq")
    found["search, nothing found"] = axe_violations(page)
    context.close()

    problems = {kind: lines for kind, lines in found.items() if lines}
    assert not problems, "\n".join(f"{kind}:\n  " + "\n  ".join(lines) for kind, lines in problems.items())
