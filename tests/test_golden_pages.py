"""Rendered Markdown for every page kind, compared with committed golden files.

The demo project (tests/examples/base) has a session using shared items, one with inline
worksheet and skill (rating prompt included), and one with a written exemption.
Regenerate after an intended change with: python -m pytest tests/test_golden_pages.py --update-golden
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.checks import check_project
from generator.project import Project
from generator.render import nav, render
from helpers import TESTS, compare_golden

GOLDEN = TESTS / "golden" / "demo"


@pytest.fixture
def rendered(demo_project: Path) -> tuple[object, list]:
    checked = check_project(Project(demo_project))
    assert checked.ok, checked.problems
    return checked.curriculum, render(checked.curriculum, demo_project / "templates")


def test_every_page_matches_its_golden_file(rendered: tuple, update_golden: bool) -> None:
    _, pages = rendered
    for page in pages:
        compare_golden(GOLDEN / page.path, page.text, update_golden)
    expected = {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*.md")}
    assert expected == {page.path for page in pages}, "a golden file has no page, or a page has no golden file"


def test_navigation_matches_its_golden_file(rendered: tuple, update_golden: bool) -> None:
    curriculum, pages = rendered
    compare_golden(GOLDEN.parent / "demo-nav.json", json.dumps(nav(curriculum, pages), indent=2) + "\n", update_golden)


def test_yaml_text_cannot_inject_html(demo_project: Path) -> None:
    session = demo_project / "content/demo/sessions/skills-1.yml"
    session.write_text(session.read_text().replace(
        "summary: We practised slow breathing.", 'summary: "<script>alert(1)</script> We practised."'))
    checked = check_project(Project(demo_project))
    page = next(p for p in render(checked.curriculum, demo_project / "templates") if p.path.endswith("skills-1.md"))
    assert "<script>" not in page.text
    assert "&lt;script>alert(1)&lt;/script> We practised." in page.text


@pytest.mark.parametrize("text", ["[click](javascript:alert(1))", "[x]( JavaScript:alert(1))", "[y](data:text/html,hi)"])
def test_links_in_yaml_text_cannot_run_script(text: str) -> None:
    from generator.render.text import inline

    assert ":alert" not in inline(text) and "data:" not in inline(text)
    assert "](#blocked-link-" in inline(text)


def test_safe_links_in_yaml_text_are_kept() -> None:
    from generator.render.text import inline

    text = "[988](tel:988), [site](https://988lifeline.org) and [mail](mailto:a@example.org)"
    assert inline(text) == text


@pytest.mark.parametrize(("written", "dialled"), [
    ("988, then press 1", "988"), ("+1 555 010 0142", "+15550100142"), ("1-800-662-4357", "18006624357"),
    ("(555) 010-0100 ext 4", "5550100100"),
])
def test_phone_links_dial_only_the_number(written: str, dialled: str) -> None:
    from generator.render.text import tel

    assert tel(written) == dialled


def test_navigation_titles_are_escaped_for_the_theme() -> None:
    from generator.render.pages import nav_title

    assert nav_title('Tom & "Jerry"\n  group') == "Tom &amp; &quot;Jerry&quot; group"
