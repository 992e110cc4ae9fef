"""The offline copy of a program (issue 16), in Chromium over http://127.0.0.1 (a secure context,
where service workers run): nothing is cached and no worker registered before the participant
presses the button; after it, with the browser offline, the program's pages open from the copy;
"Remove the offline copy" and "Clear everything" empty Cache Storage and unregister the worker; a
new build's worker refreshes the copy; `offline: false` hides the button and switches an existing
worker off; from file:// there is no button.

The server here sends `Cache-Control: no-store`, so the browser's own HTTP cache keeps nothing:
a page that opens offline can only come from the copy (and the tests check that it did)."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from browsing import QuietHandler, axe_violations, session_href, settle, static_servers, worksheet_session
from helpers import copy_sample

pytestmark = pytest.mark.browser

KEPT = re.compile(r"^Kept on this device: \d+ pages and files \(\d+\.\d MB\)\.")
STATE = """async () => ({
    caches: await caches.keys(),
    workers: (await navigator.serviceWorker.getRegistrations()).map(r => r.scope),
})"""


class _NoStoreHandler(QuietHandler):
    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


@pytest.fixture(scope="module")
def no_store() -> Iterator[Any]:
    """Serve a folder on a free loopback port, telling the browser to cache nothing; returns its URL."""
    with static_servers(_NoStoreHandler) as start:
        yield start


@pytest.fixture(scope="module")
def url(site: Path, no_store) -> str:
    return no_store(site)


def own_project(folder: Path, offline: bool | None = None) -> Path:
    """A copy of the sample project, to build on its own (with `offline:` set in site.yml if given)."""
    copy_sample(folder)
    if offline is not None:
        set_offline(folder, offline)
    return folder


def set_offline(project: Path, offline: bool) -> None:
    site_yml = project / "site-config" / "site.yml"
    text = re.sub(r"\noffline: \w+\n", "\n", site_yml.read_text(encoding="utf-8"))
    site_yml.write_text(text + f"offline: {str(offline).lower()}\n", encoding="utf-8")


def build(project: Path) -> Path:
    from generator.cli import main

    assert main(["build", "--root", str(project), "--quiet"]) == 0
    return project / "site"


def version(site: Path) -> str:
    found = re.search(r'VERSION = "(\w+)"', (site / "sw.js").read_text(encoding="utf-8"))
    assert found, "sw.js has no version"
    return found.group(1)


def state(page) -> dict[str, list[str]]:
    return page.evaluate(STATE)


def wait_for_state(page, check: Callable[[dict[str, list[str]]], bool], seconds: float = 30) -> dict[str, list[str]]:
    """Wait until the caches and workers pass ``check`` (Playwright's wait_for_function does not
    wait for a promise: an async function would pass at once)."""
    end = time.monotonic() + seconds
    while not check(found := state(page)):
        assert time.monotonic() < end, f"still {found}"
        time.sleep(0.1)
    return found


def keep(page, program_url: str) -> None:
    page.goto(program_url)
    page.get_by_role("button", name="Keep this program on this device for offline use").click()
    status = page.locator("[data-catchup-offline-status]")
    page.wait_for_function("el => el.textContent.startsWith('Kept')", arg=status.element_handle(), timeout=30000)
    assert KEPT.match(status.text_content() or ""), status.text_content()


def opens_from_the_copy(page, address: str) -> bool:
    try:
        response = page.goto(address)
    except Exception as error:  # Playwright's error for a page that did not load
        assert "ERR_" in str(error), error
        return False
    assert response is not None and response.ok and response.from_service_worker, address
    return page.locator("h1").count() == 1 and page.locator(".catchup-urgent").is_visible()


def focused_contrast(page) -> float:
    """The contrast ratio of the focused element's text against its background (WCAG's formula)."""
    return page.evaluate("""() => {
        const rgb = text => text.match(/[\\d.]+/g).slice(0, 3).map(Number);
        const luminance = ([r, g, b]) => [r, g, b].map(v => v / 255)
            .map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
            .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
        const style = getComputedStyle(document.activeElement);
        const [a, b] = [luminance(rgb(style.color)), luminance(rgb(style.backgroundColor))].sort((x, y) => y - x);
        return (a + 0.05) / (b + 0.05);
    }""")


def other_program(curriculum, program) -> Any:
    return next(p for p in curriculum.programs if p.id != program.id)


def test_nothing_is_cached_and_no_worker_runs_before_the_opt_in(context, page, url: str, curriculum) -> None:
    program, session = worksheet_session(curriculum)
    for path in ("index.html", f"{program.id}/index.html", session_href(program, session), "privacy.html",
                 f"{program.id}/index.html"):
        page.goto(url + path)
    assert page.get_by_role("button", name="Keep this program on this device for offline use").is_visible()
    assert page.get_by_role("button", name="Remove the offline copy").is_hidden()
    assert state(page) == {"caches": [], "workers": []}
    assert not [u for u in context.requests if u.endswith("/sw.js") or "/offline/" in u], \
        "nothing of the offline copy is even fetched before the opt-in"

    # Without the copy, a page not seen before does not open offline: the test below means something.
    context.set_offline(True)
    assert not opens_from_the_copy(page, url + session_href(program, program.sessions[-1]))


def test_after_the_opt_in_the_program_opens_with_no_connection(context, page, url: str, curriculum,
                                                               site: Path) -> None:
    program, session = worksheet_session(curriculum)
    keep(page, url + f"{program.id}/index.html")
    found = state(page)
    assert len(found["caches"]) == 1 and found["caches"][0].startswith(f"catchup-offline / {program.id} ")
    assert found["workers"] == [url]

    context.set_offline(True)
    for path in (f"{program.id}/index.html", session_href(program, session),
                 session_href(program, program.sessions[-1]), f"{program.id}/my-catch-up.html",
                 "urgent-help.html", "safety-plan.html", "index.html", "", f"{program.id}/"):
        assert opens_from_the_copy(page, url + path), path
    if (site / "search.html").is_file():
        assert opens_from_the_copy(page, url + "search.html?q=worksheet")
    # styles came from the copy too
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    # the copy is of this program only
    other = other_program(curriculum, program)
    assert not opens_from_the_copy(page, url + f"{other.id}/index.html")

    context.set_offline(False)
    page.goto(url + f"{program.id}/index.html")
    page.get_by_role("button", name="Remove the offline copy").wait_for()  # the page reads the copy after it loads
    assert KEPT.match(page.locator("[data-catchup-offline-status]").text_content() or "")
    assert page.get_by_role("button", name="Remove the offline copy").is_visible()
    assert page.get_by_role("button", name="Keep this program on this device for offline use").is_hidden()
    assert axe_violations(page) == []


def test_remove_empties_cache_storage_and_unregisters_the_worker(context, page, url: str, curriculum) -> None:
    program, session = worksheet_session(curriculum)
    page.goto(url + f"{program.id}/index.html")
    page.get_by_role("button", name="Keep this program on this device for offline use").focus()
    page.keyboard.press("Enter")
    remove = page.get_by_role("button", name="Remove the offline copy")
    remove.wait_for(timeout=30000)
    assert page.evaluate("document.activeElement.textContent") == "Remove the offline copy"
    settle(page)  # the colours fade in
    assert focused_contrast(page) >= 4.5, "the focused button's words must be readable"
    page.keyboard.press("Enter")
    status = page.locator("[data-catchup-offline-status]")
    page.wait_for_function("el => el.textContent.includes('removed')", arg=status.element_handle())
    assert status.text_content() == "The offline copy is removed from this device."
    assert page.evaluate("document.activeElement.textContent") == "Keep this program on this device for offline use"
    assert state(page) == {"caches": [], "workers": []}

    context.set_offline(True)
    assert not opens_from_the_copy(page, url + session_href(program, session))


def test_clear_everything_removes_every_offline_copy(page, url: str, curriculum) -> None:
    program, _ = worksheet_session(curriculum)
    other = other_program(curriculum, program)
    keep(page, url + f"{program.id}/index.html")
    keep(page, url + f"{other.id}/index.html")
    assert len(state(page)["caches"]) == 2

    page.goto(url + f"{other.id}/index.html")  # removing one copy keeps the other, and the worker
    page.get_by_role("button", name="Remove the offline copy").click()
    assert len(wait_for_state(page, lambda found: len(found["caches"]) == 1)["workers"]) == 1

    page.goto(url + "privacy.html")
    page.get_by_role("button", name="Clear everything on this device").click()
    wait_for_state(page, lambda found: found == {"caches": [], "workers": []})
    time.sleep(0.5)
    assert state(page) == {"caches": [], "workers": []}


def test_from_disk_there_is_no_button(page, site: Path, curriculum) -> None:
    program, _ = worksheet_session(curriculum)
    page.goto((site / program.id / "index.html").as_uri())
    assert page.locator("[data-catchup-offline]").count() == 1
    assert page.locator("[data-catchup-offline]").is_hidden()
    assert page.get_by_role("button", name="Keep this program on this device for offline use").is_hidden()


def test_a_new_build_refreshes_the_kept_copy(context, page, curriculum, no_store,
                                             tmp_path_factory: pytest.TempPathFactory) -> None:
    program, session = worksheet_session(curriculum)
    project = own_project(tmp_path_factory.mktemp("refresh"))
    site = build(project)
    url = no_store(site)
    old_version = version(site)
    keep(page, url + f"{program.id}/index.html")
    assert state(page)["caches"] == [f"catchup-offline / {program.id} {old_version}"]

    source = next(project.glob(f"content/{program.id}/sessions/{session.id}.yml"))
    source.write_text(re.sub(r"(?m)^title: .*$", "title: A title changed after the copy was kept",
                             source.read_text(encoding="utf-8"), count=1), encoding="utf-8")
    build(project)
    new_version = version(site)
    assert new_version != old_version
    page.goto(url + "index.html")  # a visit: the browser finds the new sw.js, which refreshes the copy
    wait_for_state(page, lambda found: found["caches"] == [f"catchup-offline / {program.id} {new_version}"])

    context.set_offline(True)
    assert opens_from_the_copy(page, url + session_href(program, session))
    assert "A title changed after the copy was kept" in (page.locator("h1").text_content() or "")


def test_offline_false_hides_the_button_and_switches_a_kept_copy_off(
        context, page, curriculum, no_store, tmp_path_factory: pytest.TempPathFactory) -> None:
    program, session = worksheet_session(curriculum)
    project = own_project(tmp_path_factory.mktemp("switch-off"), offline=True)
    site = build(project)
    url = no_store(site)
    keep(page, url + f"{program.id}/index.html")
    assert state(page)["workers"] == [url]

    set_offline(project, False)
    build(project)
    assert not (site / "offline").exists()
    page.goto(url + f"{program.id}/index.html")  # the browser finds the new sw.js: it removes itself
    wait_for_state(page, lambda found: found == {"caches": [], "workers": []})
    page.goto(url + f"{program.id}/index.html")
    assert page.locator("[data-catchup-offline]").count() == 0
    assert "offline copy" not in (page.locator("article").text_content() or "").lower()
    assert state(page) == {"caches": [], "workers": []}


def test_under_a_sub_path_the_copy_is_kept_and_opens(context, page, site: Path, curriculum, no_store,
                                                     tmp_path_factory: pytest.TempPathFactory) -> None:
    program, session = worksheet_session(curriculum)
    host = tmp_path_factory.mktemp("host")
    (host / "catch-up").symlink_to(site, target_is_directory=True)
    url = no_store(host) + "catch-up/"
    keep(page, url + f"{program.id}/index.html")
    assert state(page) == {"caches": [f"catchup-offline /catch-up/ {program.id} {version(site)}"],
                           "workers": [url]}
    context.set_offline(True)
    assert opens_from_the_copy(page, url + session_href(program, session))
    assert opens_from_the_copy(page, url + "urgent-help.html")
