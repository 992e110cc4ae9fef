"""Usable on a small phone (320 px wide), at 200 % zoom (a 1280 x 800 window zoomed to 200 % is
a 640 x 400 CSS-pixel viewport) and by keyboard: nothing scrolls sideways, every tool fits, the
keyboard reaches everything, shows where it is, and is never trapped."""

from __future__ import annotations

import pytest

from browsing import page_types

pytestmark = pytest.mark.browser
VIEWPORTS = {"320px": {"width": 320, "height": 640}, "200% zoom": {"width": 640, "height": 400}}


def layout_problems(page) -> list[str]:
    """Sideways scrolling, controls off screen, and targets under 24 x 24 px (WCAG 2.5.8)."""
    problems = []
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    if overflow > 0:
        problems.append(f"{overflow}px wider than the screen")
    problems += [f"control off screen: {html}" for html in page.evaluate("""() => [...document.querySelectorAll(
            '.md-content :is(input:not([type=radio]), select, textarea, button, .catchup-rating label), .catchup-urgent a')]
        .filter(e => e.getClientRects().length)
        .filter(e => { const r = e.getBoundingClientRect(); return r.left < 0 || r.right > window.innerWidth + 0.5; })
        .map(e => e.outerHTML.slice(0, 80))""")]
    problems += [f"target smaller than 24px: {html}" for html in page.evaluate("""() => [...document.querySelectorAll(
            '.md-content :is(input[type=checkbox], select, textarea, button, .catchup-rating label), .catchup-urgent a')]
        .filter(e => e.getClientRects().length)
        .filter(e => { const r = e.getBoundingClientRect(); return r.width < 24 || r.height < 24; })
        .map(e => e.outerHTML.slice(0, 80))""")]
    return problems


def test_every_page_fits_at_320px_and_at_200_percent_zoom(browser, site_url: str, curriculum) -> None:
    page = browser.new_page()
    problems, urgent = [], {}
    for kind, path in page_types(curriculum).items():
        for size, viewport in VIEWPORTS.items():
            page.set_viewport_size(viewport)
            if size == "320px":
                page.goto(site_url + path)
            problems += [f"{kind} at {size}: {problem}" for problem in layout_problems(page)]
            box = page.locator(".catchup-urgent").bounding_box()
            urgent.setdefault(size, set()).add((round(box["x"]), round(box["y"])))
    page.close()
    assert not problems, "\n".join(problems)
    assert all(len(places) == 1 for places in urgent.values()), f"urgent help moves between pages: {urgent}"


def focus_walk(page, presses: int) -> list[dict]:
    """Press Tab again and again; note where the focus is and whether it can be seen."""
    seen = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        seen.append(page.evaluate("""() => {
            const e = document.activeElement;
            const shown = e.closest('.catchup-rating label') || e;
            const style = getComputedStyle(shown);
            const r = shown.getBoundingClientRect();
            const header = document.querySelector('.md-header').getBoundingClientRect();
            return {
                number: e.dataset.walk,
                key: e.id || e.getAttribute('href') || e.getAttribute('name') || e.tagName + ':' + (e.textContent || '').trim().slice(0, 30),
                tool: !!e.closest('.catchup-checklist, .catchup-worksheet, .catchup-finder, .catchup-tools'),
                outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
                hidden_by_header: !!e.closest('.md-main') && r.top < header.bottom && r.bottom <= header.bottom,
                off_screen: r.right <= 0 || r.left >= window.innerWidth,
            };
        }"""))
    return seen


def test_keyboard_reaches_every_tool_with_visible_focus_and_no_trap(browser, site_url: str, curriculum) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site_url + page_types(curriculum)["session"])
    # Number every tab stop (a group of radio buttons is one stop).
    count = page.evaluate("""() => {
        const stops = [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')]
            .filter(e => e.checkVisibility({visibilityProperty: true}) && e.tabIndex >= 0 && !e.disabled)
            .filter((e, i, all) => e.type !== 'radio' || all.find(o => o.type === 'radio' && o.name === e.name) === e);
        stops.forEach((e, i) => { e.dataset.walk = i; });
        return stops.length;
    }""")
    walk = focus_walk(page, count + 20)
    keys = [step["key"] for step in walk]
    numbers = [step["number"] for step in walk]
    tools = [step for step in walk if step["tool"]]
    assert any(k.startswith("catchup-step-") for k in keys) and any(k.startswith("catchup-ws") for k in keys)
    assert any(k.startswith("BUTTON:Print this catch-up packet") for k in keys)
    assert any(k.startswith("BUTTON:Download my answers") for k in keys)
    assert len(set(numbers)) > 0.9 * count, "Tab went through the page, not round a few elements (a trap)"
    assert numbers[0] in numbers[count - 5:], "Tab came back to the start: focus can leave every control"
    unseen = [step["key"] for step in tools if not step["outline"]]
    assert not unseen, f"no visible focus on: {unseen}"
    invisible = [step["key"] for step in walk if step["off_screen"]]
    assert not invisible, f"focus went off screen to: {invisible}"
    covered = [step["key"] for step in walk if step["hidden_by_header"]]
    assert not covered, f"focus hidden under the sticky header: {covered}"
    context.close()


def test_the_menu_opens_and_closes_by_keyboard_on_a_phone(browser, site_url: str, curriculum) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site_url + page_types(curriculum)["program"])
    menu = page.get_by_role("button", name="Menu")
    drawer_link = page.locator(".md-sidebar--primary a[href]").first
    assert not drawer_link.is_visible(), "the closed menu is hidden"
    for _ in range(15):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('aria-label')") == "Menu":
            break
    assert menu.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    assert menu.get_attribute("aria-expanded") == "true"
    page.wait_for_function("document.activeElement.closest('.md-sidebar--primary') !== null")
    page.keyboard.press("Escape")
    assert menu.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Menu"
    context.close()


def test_pages_read_fine_without_javascript(browser, site_url: str, curriculum) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    kinds = page_types(curriculum)
    page.goto(site_url + kinds["session"])
    assert page.locator("h2#what-we-covered").is_visible() and page.locator("textarea").first.is_visible()
    assert page.locator(".md-content button:visible").count() == 0, "no button that would do nothing"
    page.goto(site_url + kinds["find-a-session"])
    assert page.locator(".catchup-finder").is_hidden()
    assert page.locator(".catchup-nojs").is_visible()
    assert page.locator(".md-content a[href$='index.html#sessions']").count() == len(curriculum.programs)
    context.close()
