"""Helpers for the browser tests: the page types to visit, axe-core, storage, requests, PNGs."""

from __future__ import annotations

import base64
import contextlib
import functools
import http.server
import importlib.resources
import threading
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit


def axe_script() -> Path:
    """axe-core as the axe-playwright-python package ships it: injected from disk, never downloaded."""
    return Path(str(importlib.resources.files("axe_playwright_python") / "axe.min.js"))


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
HELP_PAGES = ["urgent-help.html", "missed-a-session.html", "tech-help.html", "safety-plan.html", "between-sessions.html",
              "find-a-session.html", "what-got-in-the-way.html", "privacy.html"]


def session_href(program: Any, session: Any) -> str:
    return f"{program.id}/{session.track}/{session.id}.html"


def worksheet_session(curriculum: Any) -> tuple[Any, Any]:
    """A session whose worksheets have both a written and a 0-10 answer (the richest page)."""
    for program in curriculum.programs:
        for session in program.sessions:
            kinds = {prompt.answer for sheet in session.worksheets for prompt in sheet.prompts}
            if {"text", "rating"} <= kinds:
                return program, session
    raise AssertionError("the sample has no session with a rating question")


def page_types(curriculum: Any) -> dict[str, str]:
    """One address (relative to the site root) for every kind of page the site has."""
    program, session = worksheet_session(curriculum)
    pages = {"home": "index.html", "program": f"{program.id}/index.html", "session": session_href(program, session),
             "my-catch-up": f"{program.id}/my-catch-up.html"}
    pages.update({name.removesuffix(".html"): name for name in HELP_PAGES})
    pages["search"] = "search.html"
    pages["not-found"] = "404.html"
    return pages


def search_from_the_header(page: Any, words: str, scope: str | None = None) -> None:
    """Open search from the header of the page shown, search ``words`` (in ``scope``: a program's
    id or "all"; by default where the header's button opened it) and wait for the answer."""
    with page.expect_navigation():
        page.locator(".md-header").get_by_role("link", name="Search", exact=True).click()
    page.get_by_label("Search for").fill(words)
    if scope:
        page.get_by_label("Search in").select_option(scope)
    page.locator("form[role=search]").get_by_role("button", name="Search").click()
    page.locator("[data-catchup-search-status]").filter(has_text=words).wait_for()


def axe_violations(page: Any) -> list[str]:
    """Run axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules on the page; one line per problem."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(axe_script()))
    settle(page)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", AXE_TAGS)
    return [f"{v['id']} ({v['impact']}): {v['help']} at {node['target']}: {node['failureSummary']}"
            for v in result["violations"] for node in v["nodes"]]


def settle(page: Any) -> None:
    """Wait for running CSS transitions and animations to end (at most 2 s). Ticking a box
    scrolls the page, and the theme's header then fades the site name out for the page title:
    a colour measured halfway through that fade is neither the one before nor the one after."""
    page.evaluate("""() => Promise.race([
        Promise.all(document.getAnimations()
            .filter(a => a.effect && a.effect.getComputedTiming().iterations !== Infinity)
            .map(a => a.finished.catch(() => null))),
        new Promise(done => setTimeout(done, 2000)),
    ])""")


def axe_version() -> str:
    text = axe_script().read_text(encoding="utf-8")[:200]
    return text.split("axe v", 1)[1].split()[0]


def same_origin(url: str, home: str) -> bool:
    if url.startswith(("data:", "blob:", "about:")):
        return True
    a, b = urlsplit(url), urlsplit(home)
    return (a.scheme, a.netloc) == (b.scheme, b.netloc)


THEME_KEY = ".__palette"  # Material notes the light/dark look in use, on every page load


def stored(page: Any, theme: bool = False) -> dict[str, dict[str, str]]:
    """What the page's origin keeps in localStorage and sessionStorage (the theme's light/dark
    note left out, unless ``theme``)."""
    found = page.evaluate("""() => {
        const dump = s => Object.fromEntries(Array.from({length: s.length}, (_, i) => [s.key(i), s.getItem(s.key(i))]));
        return {local: dump(localStorage), session: dump(sessionStorage)};
    }""")
    return {kind: {k: v for k, v in items.items() if theme or not k.endswith(THEME_KEY)} for kind, items in found.items()}


def _spans(closures: Any) -> set[date]:
    found = set()
    for closure in closures:
        day = date.fromisoformat(closure.first)
        while day <= date.fromisoformat(closure.last):
            found.add(day)
            day += timedelta(1)
    return found


def reference_days(track: Any, last: date, closures: Any = ()) -> tuple[list[date], set[date]]:
    """Reference for the finder, written apart from generator/render/meetings.py: the days the
    track met from its start up to ``last`` (every one, past the end of a sequence too), and the
    days it would have met but was closed or its meeting moved."""
    closed = _spans(closures) | _spans(track.closed)
    moved = {date.fromisoformat(m.old): date.fromisoformat(m.new) for m in track.moved}
    met, skipped, day = [], set(), date.fromisoformat(str(track.start_date))
    while day <= last:
        weekdays = track.schedule["days"]
        for change in sorted(track.changes, key=lambda c: c.first):
            if date.fromisoformat(change.first) <= day and change.days:
                weekdays = change.days
        usual = WEEKDAYS[day.weekday()] in weekdays
        if usual and (day in moved or day in closed):
            skipped.add(day)
        elif usual or day in moved.values():
            met.append(day)
        day += timedelta(1)
    return met, skipped


def meeting_days(track: Any, last: date, closures: Any = ()) -> list[date]:
    """Every day the track met, from its start date up to ``last``."""
    return reference_days(track, last, closures)[0]


def expected_session(track: Any, day: date, closures: Any = ()) -> Any | None:
    """Which session the track had on ``day`` (a meeting day), by counting meetings one by one."""
    index = meeting_days(track, day, closures).index(day)
    if track.order == "cycle":
        return track.sessions[index % len(track.sessions)]
    return track.sessions[index] if index < len(track.sessions) else None


def colour_count(page: Any, png: bytes) -> int:
    """How many different colours the PNG has (1 for a blank image), counted by drawing it on a
    canvas in a blank page of the browser (no image library needed)."""
    page.goto("about:blank")
    return page.evaluate("""async data => {
        const image = new Image();
        image.src = "data:image/png;base64," + data;
        await image.decode();
        const canvas = Object.assign(document.createElement("canvas"), {width: image.width, height: image.height});
        const context = canvas.getContext("2d");
        context.drawImage(image, 0, 0);
        const pixels = context.getImageData(0, 0, image.width, image.height).data;
        const colours = new Set();
        for (let i = 0; i < pixels.length; i += 4) colours.add((pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2]);
        return colours.size;
    }""", base64.b64encode(png).decode("ascii"))


def find_with_the_finder(page: Any, program: Any, track: Any, day: str) -> None:
    """On the finder page: choose the program, group and day, and follow the answer's link."""
    page.select_option("#catchup-finder-program", program.id)
    page.select_option("#catchup-finder-track", track.id)
    page.fill("#catchup-finder-date", day)
    page.get_by_role("button", name="Find my session").click()
    with page.expect_navigation():
        page.locator("[data-catchup-finder-result] a").click()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """A static file server's handler that keeps the test output clean."""

    def log_message(self, *args: object) -> None:
        pass


@contextlib.contextmanager
def static_servers(handler: type[http.server.SimpleHTTPRequestHandler] = QuietHandler,
                   ) -> Iterator[Callable[[Path], str]]:
    """Start static file servers for folders, each on a free loopback port (``start(folder)`` gives
    its base URL), with ``handler`` answering; all are shut down at the end."""
    servers: list[http.server.ThreadingHTTPServer] = []

    def start(folder: Path) -> str:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    try:
        yield start
    finally:
        for server in servers:
            server.shutdown()
