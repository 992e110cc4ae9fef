"""One default build, three ways to host it (web root, a sub-path, opened from disk): pages, links
and search work in each, and no request leaves the site's own origin."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from browsing import find_with_the_finder, search_from_the_header

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module", params=["root", "sub-path", "file"])
def home_url(request: pytest.FixtureRequest, site: Path, serve_folder, tmp_path_factory) -> str:
    if request.param == "root":
        return serve_folder(site) + "index.html"
    if request.param == "sub-path":
        parent = tmp_path_factory.mktemp("host")
        shutil.copytree(site, parent / "clinic" / "catch-up")
        return serve_folder(parent) + "clinic/catch-up/index.html"
    return site.joinpath("index.html").as_uri()


def same_origin(url: str, home: str) -> bool:
    if url.startswith(("data:", "blob:", "about:")):
        return True
    a, b = urlsplit(url), urlsplit(home)
    return (a.scheme, a.netloc) == (b.scheme, b.netloc)


def test_pages_links_and_search_work_and_stay_on_the_origin(browser, home_url: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(home_url)
    assert page.locator(".catchup-urgent").is_visible()

    page.get_by_role("link", name="Adult Mental Health Virtual IOP").first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Adult Mental Health Virtual IOP"
    page.locator(".md-content a[href$='cbt-03-thought-records.html']").first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Thought records"

    assert not [url for url in requests if "/search/" in url or "lunr" in url], "no search data before search"
    search_from_the_header(page, "thinking trap")
    assert page.url.endswith("search.html?q=thinking%20trap&in=adult-iop")
    result = page.locator("[data-catchup-search-results] a[href*='cbt-03-thought-records.html']").first
    with page.expect_navigation():
        result.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Thought records"
    assert page.locator(".catchup-urgent").is_visible()

    offsite = [url for url in requests if not same_origin(url, home_url)]
    assert not offsite, f"requests to other hosts: {offsite}"
    assert context.cookies() == []
    context.close()


def test_urgent_help_is_first_on_screen_and_prints(browser, site: Path) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(site.joinpath("adult-iop", "dbt-skills").glob("*.html").__next__().as_uri())
    banner = page.locator(".catchup-urgent")
    box = banner.bounding_box()
    assert box is not None and box["y"] < 50, "urgent help should be at the top of the screen"
    assert page.locator(".md-banner__button").count() == 0, "urgent help must not be dismissible"
    page.emulate_media(media="print")
    assert banner.is_visible(), "urgent help must print"
    assert not page.locator(".md-header").is_visible()
    page.close()


def test_the_tools_work_in_every_hosting(browser, home_url: str, curriculum) -> None:
    """The finder's embedded data, the scripts' relative paths and storage work under every host."""
    program = next(p for p in curriculum.programs if any(t.start_date and t.sessions for t in p.tracks))
    track = next(t for t in program.tracks if t.start_date and t.sessions)
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(home_url)
    with page.expect_navigation():
        page.get_by_role("link", name="Find the session you missed").first.click()
    find_with_the_finder(page, program, track, str(track.start_date))
    assert page.url.endswith(f"{program.id}/{track.id}/{track.sessions[0].id}.html")
    page.locator(".catchup-checklist [data-catchup-save]").check()
    page.locator(".catchup-checklist__steps input").first.check()
    page.goto(page.url.rsplit("/", 2)[0] + "/index.html")
    assert page.locator(".catchup-badge").count() == 1
    assert not errors, errors
    context.close()
