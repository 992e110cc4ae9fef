"""Words Catch-Up writes outside the page templates: the theme's (urgent-help bar, language
switch, "not translated yet" notice), the navigation's, the help pages' titles and a session
page's section headings. Each is a message of the gettext catalogs (``N_`` marks it; see
``render.i18n``), translated where it is used.
"""

from __future__ import annotations

from collections.abc import Callable

from markdown.extensions.toc import slugify

from generator.render.i18n import N_
from generator.render.script_words import SCRIPT_WORDS

Translate = Callable[[str], str]

# main.html's words, by the name the theme uses (config.extra.catchup.words.<name>).
THEME_WORDS = {
    "urgent_region": N_("Urgent help"),
    "call": N_("Call {phone}"),
    "call_label": N_("Call {phone}: {name}"),
    "all_help": N_("All ways to get urgent help"),
    "safety_plan": N_("My safety plan"),
    "leave": N_("Leave this site"),
    "languages": N_("Language"),
    "not_translated": N_("This page is not translated yet. It is shown in English."),
    "partly_translated": N_("Parts of this page are not translated yet. They are shown in English."),
    "not_found": N_("Page not found"),
    "not_found_text": N_("This page is not on this site. It may have moved."),
    "home": N_("Go to the home page"),
    "search": N_("Search"),
}

# The navigation's own entries.
NAV_WORDS = {
    "home": N_("Home"),
    "overview": N_("Overview"),
    "my_catch_up": N_("My catch-up"),
    "get_help": N_("Get help"),
}

# The headings of a session page, by a key that never changes: the checklist links to each
# heading's anchor, which is made from the heading's words in the page's language.
SESSION_SECTIONS = {
    "covered": N_("What we covered"),
    "key-points": N_("Key points"),
    "worksheets": N_("Worksheets"),
    "skills": N_("Skills practice"),
    "reflect": N_("Reflect"),
    "before-next": N_("Before next session"),
    "learn-more": N_("Learn more"),
    "makeup": N_("Make-up options"),
    "tell": N_("Tell your team"),
    "urgent": N_("Urgent help"),
}


def anchor(heading: str) -> str:
    """The id Python-Markdown's toc gives a heading (its default slugify)."""
    return slugify(" ".join(heading.split()), "-")


def theme_words(_: Translate) -> dict[str, str]:
    return {name: _(message) for name, message in THEME_WORDS.items()}


def script_words(_: Translate) -> dict[str, str]:
    return {key: _(message) for key, message in SCRIPT_WORDS.items()}


def section_headings(_: Translate) -> dict[str, str]:
    return {key: _(message) for key, message in SESSION_SECTIONS.items()}
