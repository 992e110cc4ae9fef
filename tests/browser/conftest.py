"""Real headless Chromium (Debian's package) driven by Playwright; nothing downloads a browser.

Where no Chromium is installed the browser tests are skipped on a developer machine, but fail
in CI (CI=true), where `.ci/run` installs it.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-default-apps",
]


def chromium_path() -> str | None:
    found = os.environ.get("CATCHUP_CHROMIUM") or next((p for p in CHROMIUM_CANDIDATES if os.path.exists(p)), None)
    return found or shutil.which("chromium")


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    executable = chromium_path()
    if executable is None:
        message = "Chromium is not installed (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message + "; CI must run the browser tests")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def serve_folder() -> Iterator[object]:
    """Start a static file server for a folder on a free loopback port; returns its base URL."""
    from browsing import static_servers

    with static_servers() as start:
        yield start


@pytest.fixture(scope="session")
def site(sample_project: Path) -> Path:
    """The sample site, built once for all browser tests."""
    from generator.cli import main

    if not (sample_project / "site" / "index.html").exists():
        assert main(["build", "--root", str(sample_project), "--quiet"]) == 0
    return sample_project / "site"


@pytest.fixture(scope="session")
def site_url(site: Path, serve_folder) -> str:
    """The built site served at the root of a local static server."""
    return serve_folder(site)


@pytest.fixture(scope="session")
def curriculum(sample_project: Path) -> object:
    from generator.checks import check_project
    from generator.project import Project

    checked = check_project(Project(sample_project))
    assert checked.ok, checked.problems
    return checked.curriculum


@pytest.fixture
def context(browser) -> Iterator[object]:
    """A fresh browser profile (no storage, no cookies) at desktop size, recording every request."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, accept_downloads=True)
    context.set_default_timeout(10000)  # pages are local: fail fast rather than wait 30 s
    context.requests = []  # type: ignore[attr-defined]
    context.on("request", lambda request: context.requests.append(request.url))  # type: ignore[attr-defined]
    yield context
    context.close()


@pytest.fixture
def page(context) -> object:
    return context.new_page()


@pytest.fixture
def session_url(site_url: str, curriculum: Any) -> str:
    """The first session page of the sample that has a worksheet with a 0-10 question."""
    from browsing import session_href, worksheet_session

    program, session = worksheet_session(curriculum)
    return site_url + session_href(program, session)
