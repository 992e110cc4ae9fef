"""Pictures on a phone: the place of a picture is kept while it arrives (its width and height are
in the page), and a picture far down a page is fetched only when the participant scrolls near it."""

from __future__ import annotations

from typing import Any

import pytest

from generator.project import Project
from generator.site.build import build
from helpers import EXAMPLES, make_project, png

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
ARRIVED = "selector => { const img = document.querySelector(selector); return img.complete && img.naturalWidth > 0; }"


@pytest.fixture(scope="module")
def session_with_pictures(tmp_path_factory: pytest.TempPathFactory, serve_folder: Any) -> str:
    """tests/examples/good/pictures, with a long summary and a second picture at its end."""
    root = make_project(tmp_path_factory.mktemp("pictures") / "p", EXAMPLES / "good/pictures")
    sessions = root / "content/demo/sessions"
    (sessions / "far-down.png").write_bytes(png(300, 200))
    session = sessions / "skills-2.yml"
    long = "\n\n".join(f"  Paragraph {n} of a long summary, to read slowly and calmly." for n in range(80))
    session.write_text(session.read_text(encoding="utf-8").replace(
        "  We wrote one down.", f"{long}\n\n  ![A picture far down the page](far-down.png)\n\n  We wrote one down.", 1),
        encoding="utf-8")
    assert build(Project(root)).ok
    return serve_folder(root / "site") + "demo/skills/skills-2.html"


@pytest.fixture
def phone(browser: Any) -> Any:
    context = browser.new_context(viewport=PHONE)
    context.set_default_timeout(10000)
    yield context.new_page()
    context.close()


def test_a_picture_far_down_the_page_is_fetched_only_when_scrolled_near(phone: Any, session_with_pictures: str) -> None:
    requested: list[str] = []
    phone.on("request", lambda request: requested.append(request.url))
    phone.goto(session_with_pictures)
    phone.wait_for_function(ARRIVED, arg="img[src$='box-breathing.png']")
    phone.wait_for_timeout(300)
    assert any(url.endswith("/box-breathing.png") for url in requested), "the picture at the top is fetched"
    assert not any(url.endswith("/far-down.png") for url in requested), "the one 5000 pixels down is not, yet"
    phone.locator("img[src$='far-down.png']").scroll_into_view_if_needed()
    phone.wait_for_function(ARRIVED, arg="img[src$='far-down.png']")
    assert any(url.endswith("/far-down.png") for url in requested)


def test_the_text_after_a_picture_keeps_its_place_while_the_picture_arrives(phone: Any,
                                                                           session_with_pictures: str) -> None:
    held: list[Any] = []
    phone.route("**/box-breathing.png", lambda route: held.append(route))  # answered only later
    phone.goto(session_with_pictures, wait_until="domcontentloaded")
    picture = phone.locator("img[src$='box-breathing.png']").first
    following = phone.get_by_text("Paragraph 0 of a long summary")
    waiting = picture.bounding_box()
    before = following.bounding_box()["y"]
    assert waiting["width"] == 160 and waiting["height"] == 120, "the page keeps the picture's place"
    assert held, "the picture was asked for"
    for route in held:
        route.continue_()
    phone.wait_for_function(ARRIVED, arg="img[src$='box-breathing.png']")
    assert following.bounding_box()["y"] == before


def test_the_picture_fits_a_phone_screen(phone: Any, session_with_pictures: str) -> None:
    """Material's CSS keeps a picture within the text column, and the width and height attributes
    do not stretch it: it is scaled down with its proportions kept."""
    phone.set_viewport_size({"width": 150, "height": 844})
    phone.goto(session_with_pictures)
    box = phone.locator("img[src$='box-breathing.png']").first.bounding_box()
    assert 0 < box["width"] < 160 and box["height"] == pytest.approx(box["width"] * 120 / 160, abs=1)
