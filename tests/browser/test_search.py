"""Search and page weight, as a participant's phone sees them: no page loads anything for search
until search is opened; then only what the chosen scope needs loads, and the words are found; a
session page is readable within 3 s on a slow 3G connection, urgent help first; and a second page
downloads none of the styles and scripts again. (Hosting at the root, under a sub-path and from
file://: test_hosting.py.)"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browsing import page_types, search_from_the_header
from helpers import REPO

pytestmark = pytest.mark.browser
SLOW_3G = {"offline": False, "latency": 400, "downloadThroughput": 400_000 / 8, "uploadThroughput": 400_000 / 8}


def search_requests(urls: list[str]) -> list[str]:
    return [url for url in urls if "/search/" in url or "search_index" in url or "lunr" in url]


@pytest.fixture(scope="module")
def gzip_site(site: Path) -> Iterator[Any]:
    """The site served gzipped, with the cache headers of docs/hosting.md (bench/weight.py)."""
    spec = importlib.util.spec_from_file_location("bench_weight", REPO / "bench" / "weight.py")
    weight = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(weight)  # type: ignore[union-attr]
    server = weight.GzipServer(site)
    yield server
    server.close()


def test_no_page_loads_anything_for_search_before_search_is_opened(context, page, site_url: str, curriculum) -> None:
    for kind, path in page_types(curriculum).items():
        if kind != "search":
            page.goto(site_url + path, wait_until="networkidle")
    assert context.requests and search_requests(context.requests) == []
    assert page.locator("form[name=search], .md-search").count() == 0, "Material's search box is not used"


def test_search_loads_only_the_program_it_searches_and_finds_words(context, page, site_url: str, curriculum) -> None:
    program, _ = next((p, s) for p in curriculum.programs for s in p.sessions)
    page.goto(site_url + f"{program.id}/index.html")
    search_from_the_header(page, "thinking trap")
    assert page.get_by_label("Search in").input_value() == program.id, "search opens in the page's program"
    loaded = sorted(url.rsplit("/", 1)[1] for url in search_requests(context.requests) if "/search/" in url)
    assert loaded == [f"{program.id}.js", "site.js"]
    status = page.locator("[data-catchup-search-status]")
    assert status.get_attribute("aria-live") == "polite" and "found for" in status.inner_text()
    first = page.locator("[data-catchup-search-results] li").first
    assert "Thought records" in first.get_by_role("link").inner_text()
    assert program.title in first.inner_text() and first.locator("mark").count() >= 1

    search_from_the_header(page, "cookies", "all")
    loaded = {url.rsplit("/", 1)[1] for url in search_requests(context.requests) if "/search/" in url}
    assert loaded == {"site.js"} | {f"{p.id}.js" for p in curriculum.programs}
    hrefs = page.locator("[data-catchup-search-results] a").evaluate_all("links => links.map(a => a.href)")
    assert [href.rsplit("/", 1)[1] for href in hrefs] == ["privacy.html#what-this-site-never-does"], \
        "site-wide pages are searched too"

    search_from_the_header(page, "zzzxqj")
    assert page.locator("[data-catchup-search-results]").is_hidden()
    assert "Nothing found" in page.locator("[data-catchup-search-status]").inner_text()


def test_a_search_address_can_be_shared_and_opened_again(page, site_url: str) -> None:
    page.goto(site_url + "search.html?q=sleep&in=recovery-iop")
    page.locator("[data-catchup-search-results] li").first.wait_for()
    assert page.get_by_label("Search for").input_value() == "sleep"
    hrefs = page.locator("[data-catchup-search-results] a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert hrefs and all(href.startswith("recovery-iop/") for href in hrefs)


def test_a_session_page_is_readable_within_3_s_on_slow_3g_urgent_help_first(browser, gzip_site, curriculum) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW_3G)
    # Each frame the page draws: when the urgent-help bar and the session's text were first on screen.
    page.add_init_script("""(() => {
        const seen = window.__seen = {};
        const shown = selector => {
            const element = document.querySelector(selector);
            if (!element) return false;
            const box = element.getBoundingClientRect();
            return box.height > 0 && box.top < innerHeight && getComputedStyle(element).visibility === "visible";
        };
        const frame = () => {
            for (const [name, selector] of [["urgent", ".catchup-urgent"], ["text", "article h1"]]) {
                if (!(name in seen) && shown(selector)) seen[name] = performance.now();
            }
            if (!("text" in seen)) requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
    })()""")
    page.goto(gzip_site.url + page_types(curriculum)["session"], wait_until="commit", timeout=30000)
    page.wait_for_function("'text' in window.__seen", timeout=10000)
    seen = page.evaluate("window.__seen")
    order = page.evaluate("""document.querySelector('.catchup-urgent')
        .compareDocumentPosition(document.querySelector('article')) & Node.DOCUMENT_POSITION_FOLLOWING""")
    context.close()
    assert seen["text"] <= 3000, f"the session's text showed after {seen['text']:.0f} ms on slow 3G"
    assert seen["urgent"] <= seen["text"], "urgent help shows first"
    assert order, "urgent help comes before the article"


def test_a_second_page_downloads_no_style_or_script_again(browser, gzip_site, curriculum) -> None:
    context = browser.new_context()
    page = context.new_page()
    pages = page_types(curriculum)
    page.goto(gzip_site.url + pages["session"], wait_until="networkidle")
    first = gzip_site.take()
    gzip_site.served.clear()
    page.goto(gzip_site.url + pages["program"], wait_until="networkidle")
    again = gzip_site.take()
    context.close()
    assert not [path for path in gzip_site.served if path.endswith((".css", ".js"))], gzip_site.served
    assert first > 40_000 and again < 15_000, (first, again)


def test_the_header_has_one_search_button(page, site_url: str) -> None:
    """Material's own search button (a label for the search box Catch-Up does not use) stays hidden:
    a participant sees one magnifier, the link to the search page."""
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 800})
        page.goto(site_url + "index.html")
        visible = page.locator(".md-header [for='__search'], .md-header .catchup-search-button").evaluate_all(
            "nodes => nodes.filter(n => n.getBoundingClientRect().width > 0).length")
        assert visible == 1, f"{visible} search buttons at {width} px"
