"""The HTML that templates write for the tools stays safe: text from YAML cannot add markup to
forms, attributes or the data embedded for the scripts."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from generator.checks import check_project
from generator.project import Project
from generator.render import render
from generator.render.widgets import attr, checklist_steps, html_text, json_script


def test_html_text_keeps_the_guide_s_markdown_and_escapes_html() -> None:
    assert html_text("How **strong** was it, *really*?") == "How <strong>strong</strong> was it, <em>really</em>?"
    assert html_text("<img src=x onerror=alert(1)> & more") == "&lt;img src=x onerror=alert(1)&gt; &amp; more"
    assert "javascript" not in html_text("[x](javascript:alert(1))")
    assert html_text("1. Looks like a list") == "1. Looks like a list", "block Markdown is shown as plain text"


def test_attribute_and_json_values_cannot_break_out() -> None:
    assert attr('Say "hi" <now> & go') == "Say &quot;hi&quot; &lt;now&gt; &amp; go"
    text = json_script({"title": "</script><script>alert(1)</script> & more"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"title": "</script><script>alert(1)</script> & more"}


def test_worksheet_text_from_yaml_cannot_inject_html(demo_project: Path) -> None:
    sheet = demo_project / "content/library/worksheets/breath-log.yml"
    text = sheet.read_text()
    first_prompt = re.search(r"^  - (?:text: )?(.+)$", text, re.M)
    assert first_prompt
    sheet.write_text(text.replace(first_prompt.group(1), '"<script>alert(1)</script> How \\" was it?"', 1))
    checked = check_project(Project(demo_project))
    assert checked.ok, checked.problems
    pages = render(checked.curriculum, demo_project / "templates")
    html = "\n".join(page.text for page in pages)
    assert "<script>alert" not in html
    assert '>&lt;script&gt;alert(1)&lt;/script&gt; How " was it?</label>' in html


@pytest.mark.parametrize(("has_worksheet", "has_skill"), [(True, True), (False, True), (True, False)])
def test_the_checklist_leaves_out_what_a_session_is_exempt_from(has_worksheet: bool, has_skill: bool) -> None:
    class Session:
        worksheets = ["sheet"] if has_worksheet else []
        skills = ["skill"] if has_skill else []

    ids = [step["id"] for step in checklist_steps(Session())]  # type: ignore[arg-type]
    assert ids[:2] == ["tell", "read"] and ids[-2:] == ["reflect", "ready"]
    assert ("worksheet" in ids) == has_worksheet and ("skill" in ids) == has_skill


def test_the_finder_page_carries_schedules_and_each_program_script_its_sessions(demo_project: Path) -> None:
    """The finder page must not grow with the number of sessions: they live in finder/<id>.js."""
    from generator.render.widgets import finder_data, finder_scripts

    curriculum = check_project(Project(demo_project)).curriculum
    data = finder_data(curriculum.programs, lambda target: target)
    program = data["programs"][0]
    assert program["sessions"] == "finder/demo.js"
    assert all("sessions" not in track for track in program["tracks"])
    [(path, script)] = finder_scripts(curriculum.programs)
    assert path == "finder/demo.js"
    match = re.fullmatch(r'window\.CatchUp = window\.CatchUp \|\| \{\};\n'
                         r'\(window\.CatchUp\.finderSessions = window\.CatchUp\.finderSessions \|\| \{\}\)'
                         r'\["demo"\] = (\{.*\});\n', script, re.S)
    assert match, script
    tracks = json.loads(match.group(1))
    assert tracks["skills"]["sessions"][0] == {"number": 1, "title": "Breathing", "href": "demo/skills/skills-1.html"}
    assert tracks["skills"]["meetings"] == [] and tracks["skills"]["until"] is None, "no start date: no count"
    support = tracks["support"]  # a cycle from 2027-01-08, on Fridays, of one session
    first = (date(2027, 1, 8) - date(1970, 1, 1)).days
    assert support["meetings"][:3] == [[first, 0], [first + 7, 0], [first + 14, 0]]  # one session, every Friday
    assert support["closed"] == {} and support["until"] > support["meetings"][-1][0]
