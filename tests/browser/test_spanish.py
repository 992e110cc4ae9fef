"""The Spanish site (issue 15), in Chromium: what a participant who reads Spanish sees and uses.

The sample site is built once with its two languages (site.yml: languages [en, es]); the Spanish
site is under es/. Labels are looked up in Catch-Up's Spanish catalog, as the pages get them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from browsing import axe_violations, page_types, same_origin, stored, worksheet_session
from generator.render.i18n import translations
from generator.render.script_words import SCRIPT_WORDS

pytestmark = pytest.mark.browser
_ = translations("es").gettext
SCHEMES = {"light": "default", "dark": "slate"}


def spanish_search(page, words: str, scope: str | None = None) -> None:
    with page.expect_navigation():
        page.locator(".md-header").get_by_role("link", name=_("Search"), exact=True).click()
    page.get_by_label(_("Search for"), exact=True).fill(words)
    if scope:
        page.get_by_label(_("Search in"), exact=True).select_option(scope)
    page.locator("form[role=search]").get_by_role("button", name=_("Search")).click()
    page.locator("[data-catchup-search-status]").filter(has_text=words).wait_for()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_axe_violations_on_any_spanish_page_type(browser, site_url: str, curriculum, scheme: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    found: dict[str, list[str]] = {}
    kinds = dict(page_types(curriculum))
    kinds["not translated yet"] = "recovery-iop/index.html"
    for kind, path in kinds.items():
        page.goto(site_url + "es/" + path)
        assert page.evaluate("document.documentElement.lang") == "es", path
        assert page.evaluate("document.body.dataset.mdColorScheme") == SCHEMES[scheme]
        found[kind] = axe_violations(page)
    spanish_search(page, "pensamientos")
    page.locator("[data-catchup-search-results] li").first.wait_for()
    found["search, with results"] = axe_violations(page)
    context.close()
    problems = {kind: lines for kind, lines in found.items() if lines}
    assert not problems, "\n".join(f"{kind}:\n  " + "\n  ".join(lines) for kind, lines in problems.items())


def test_every_spanish_page_type_says_it_is_spanish_and_the_switch_keeps_the_page(page, site_url: str,
                                                                                  curriculum) -> None:
    for path in page_types(curriculum).values():
        if path == "404.html":
            continue
        page.goto(site_url + "es/" + path)
        assert page.evaluate("document.documentElement.lang") == "es"
        with page.expect_navigation():
            page.locator("nav.catchup-languages").get_by_role("link", name="English").click()
        assert page.url == site_url + path
        assert page.evaluate("document.documentElement.lang") == "en"
        with page.expect_navigation():
            page.locator("nav.catchup-languages").get_by_role("link", name="Español").click()
        assert page.url == site_url + "es/" + path


def test_spanish_search_finds_spanish_words_by_their_stem(page, site_url: str) -> None:
    page.goto(site_url + "es/adult-iop/index.html")
    spanish_search(page, "pensamiento", "adult-iop")  # the pages say "pensamientos"
    results = page.locator("[data-catchup-search-results] li")
    results.first.wait_for()
    assert results.count() >= 3
    assert "/es/" in page.locator("[data-catchup-search-results] a").first.evaluate("a => a.href")
    status = page.locator("[data-catchup-search-status]").inner_text()
    assert "página" in status and "found" not in status


def test_the_finder_answers_in_spanish(page, site_url: str, curriculum) -> None:
    program, _session = worksheet_session(curriculum)
    track = next(t for t in program.tracks if t.start_date and t.sessions)
    page.goto(site_url + "es/find-a-session.html")
    page.select_option("#catchup-finder-program", program.id)
    page.select_option("#catchup-finder-track", track.id)
    page.fill("#catchup-finder-date", str(track.start_date))
    page.get_by_role("button", name=_("Find my session")).click()
    answer = page.locator("[data-catchup-finder-result]")
    link = answer.locator("a").first
    link.wait_for()
    text = answer.inner_text()
    assert "sesión" in text.lower() and " the " not in text and "session" not in text
    assert "enero" in text  # the day, written in Spanish by the browser
    with page.expect_navigation():
        link.click()
    assert page.url.startswith(site_url + "es/" + program.id + "/")


def test_checklist_and_worksheets_work_in_spanish_and_keep_nothing_before_the_opt_in(context, page,
                                                                                      site_url: str,
                                                                                      curriculum) -> None:
    program, session = worksheet_session(curriculum)
    url = f"{site_url}es/{program.id}/{session.track}/{session.id}.html"
    page.goto(url)
    page.locator(".catchup-checklist__steps input").first.check()
    page.locator("textarea").first.fill("Algo privado")
    assert stored(page) == {"local": {}, "session": {}}, "nothing is stored before the opt-in"
    page.locator("[data-catchup-checklist] [data-catchup-save]").check()
    status = page.locator("[data-catchup-checklist] [data-catchup-status]")
    assert status.inner_text() == _(SCRIPT_WORDS["saved-here"])
    page.locator(".catchup-checklist__steps input").nth(1).check()
    page.locator("textarea").first.fill("Algo privado")
    page.locator("textarea").first.dispatch_event("input")
    page.reload()
    assert page.locator(".catchup-checklist__steps input").nth(1).is_checked()
    assert page.locator("textarea").first.input_value() == "Algo privado"
    page.goto(f"{site_url}es/{program.id}/index.html")
    badge = page.locator(".catchup-badge").first
    badge.wait_for()
    assert "steps" not in badge.inner_text() and "Caught" not in badge.inner_text()
    assert all(key.startswith("catchup:") for key in stored(page)["local"])
    offsite = [u for u in context.requests if not same_origin(u, site_url)]
    assert not offsite, offsite
    assert context.cookies() == []


def test_the_spanish_site_works_from_disk(page, site: Path) -> None:
    home = (site / "es" / "index.html").as_uri()
    page.goto(home)
    assert page.evaluate("document.documentElement.lang") == "es"
    spanish_search(page, "respiración", "all")
    page.locator("[data-catchup-search-results] li").first.wait_for()
    with page.expect_navigation():
        page.locator("[data-catchup-search-results] a").first.click()
    assert page.url.startswith((site / "es").as_uri())
    with page.expect_navigation():
        page.locator("nav.catchup-languages").get_by_role("link", name="English").click()
    assert page.url.startswith(site.as_uri()) and "/es/" not in page.url
