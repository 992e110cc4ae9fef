"""The scripts say what the page gives them to say: the words in a page's ``#catchup-words`` (the
site's language, from SCRIPT_WORDS) and never English of their own.

The sample site is copied and every page's words are rewritten to "X-" and the English, as a
translation would rewrite them; the finder's answer and the checklist's badge must then show
the page's words."""

from __future__ import annotations

import json
import re
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest

from browsing import meeting_days, worksheet_session

pytestmark = pytest.mark.browser

WORDS = re.compile(r'(<script type="application/json" id="catchup-words">)(.*?)(</script>)', re.S)


def rewrite_words(html: str) -> str:
    def marked(match: re.Match[str]) -> str:
        words = {key: "X-" + text for key, text in json.loads(match.group(2)).items()}
        return match.group(1) + json.dumps(words).replace("<", "\\u003c") + match.group(3)

    text, count = WORDS.subn(marked, html)
    assert count == 1, "every page carries the scripts' words once"
    return text


@pytest.fixture(scope="module")
def marked_url(site: Path, serve_folder, tmp_path_factory: pytest.TempPathFactory) -> str:
    copy = tmp_path_factory.mktemp("marked-words") / "site"
    shutil.copytree(site, copy)
    for page in copy.rglob("*.html"):
        if page.read_text(encoding="utf-8").find('id="catchup-words"') != -1:
            page.write_text(rewrite_words(page.read_text(encoding="utf-8")), encoding="utf-8")
    return serve_folder(copy)


def test_the_finder_answers_in_the_pages_words(page, marked_url: str, curriculum) -> None:
    program, track = next((p, t) for p in curriculum.programs for t in p.tracks if t.start_date and t.sessions)
    day = meeting_days(track, date.fromisoformat(str(track.start_date)) + timedelta(14), curriculum.closures)[0]
    page.goto(marked_url + "find-a-session.html")
    assert page.locator("#catchup-finder-track option").first.inner_text().startswith("X-")
    page.select_option("#catchup-finder-program", program.id)
    page.select_option("#catchup-finder-track", track.id)
    page.fill("#catchup-finder-date", day.isoformat())
    page.locator("[data-catchup-finder] button[type=submit]").click()
    result = page.locator("[data-catchup-finder-result]")
    paragraphs = result.locator("p").all_inner_texts()
    assert paragraphs and all(text.startswith("X-") for text in paragraphs), paragraphs
    first = track.sessions[0]
    assert f"X-session {first.number}: " in paragraphs[0], "the session's name is the page's words too"
    assert result.locator("a").inner_text() == f"X-Open the catch-up page for session {first.number}"


def test_the_checklist_badge_is_in_the_pages_words(page, marked_url: str, curriculum) -> None:
    program, session = worksheet_session(curriculum)
    page.goto(marked_url + f"{program.id}/{session.track}/{session.id}.html")
    steps = page.locator(".catchup-checklist__steps input[type=checkbox]")
    total = steps.count()
    steps.first.check()
    page.locator(".catchup-checklist [data-catchup-save]").check()
    assert page.locator(".catchup-checklist [data-catchup-status]").inner_text().startswith("X-")
    page.goto(marked_url + f"{program.id}/index.html")
    badge = page.locator(f".md-content a[href$='{session.track}/{session.id}.html'] + .catchup-badge")
    assert badge.inner_text() == f"X-1 of {total} steps done"
    summary = page.locator("[data-catchup-progress-summary]").inner_text()
    assert summary == f"X-You have caught up on 0 of {len(program.sessions)} sessions. This is saved on this device only."
