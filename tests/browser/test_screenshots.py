"""Screenshots of the main pages at phone and desktop width, for the README.

They go to a temporary folder, or to docs/images/ when pytest runs with --update-screenshots.
Either way each must show a page: not blank, and the urgent-help bar on top.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from browsing import colour_count, page_types
from helpers import REPO

pytestmark = pytest.mark.browser
SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}


@pytest.fixture(scope="module")
def folder(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    if request.config.getoption("--update-screenshots"):
        return REPO / "docs" / "images"
    return tmp_path_factory.mktemp("screenshots")


@pytest.mark.parametrize("size", SIZES)
def test_screenshots_of_the_main_pages(browser, site_url: str, curriculum, folder: Path, size: str) -> None:
    scale = 2 if size == "phone" else 1  # a phone's sharp screen; the file stays readable in the README
    context = browser.new_context(viewport=SIZES[size], device_scale_factor=scale, color_scheme="light")
    page = context.new_page()
    viewer = context.new_page()
    kinds = page_types(curriculum)
    shots = [(kind, kinds[kind]) for kind in ("home", "program", "session", "safety-plan", "my-catch-up")]
    shots += [(f"{kind}-es", "es/" + kinds[kind]) for kind in ("session", "find-a-session")]  # the Spanish site
    for name, path in shots:
        page.goto(site_url + path)
        assert page.locator(".catchup-urgent").bounding_box()["y"] < 50, "urgent help first on screen"
        png = page.screenshot(path=str(folder / f"{name}-{size}.png"))
        assert colour_count(viewer, png) > 20, f"the screenshot of the {name} page is blank"
    context.close()
