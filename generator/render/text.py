"""Text from YAML, made safe for the Markdown page it goes into (the page templates' filters).

Every piece of text from YAML goes through :func:`inline` or :func:`prose`, which show raw HTML
as text and keep links to http(s), mailto and tel only. The other filters say a value as
participants read it: a phone number to dial, a time, a time zone, a weekday.
"""

from __future__ import annotations

import re
from typing import Any

from markdown.extensions.toc import slugify  # how Python-Markdown makes a heading's id

from generator.model import ATTACHMENT_LINK

SAFE_SCHEMES = ("http", "https", "mailto", "tel")
LINK_TARGET = re.compile(r"\]\(\s*([a-zA-Z][a-zA-Z0-9+.-]*):")
REFERENCE_LINK = re.compile(r"^(\s*\[[^\]]+\]):", re.M)
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def _safe_link(match: re.Match[str]) -> str:
    scheme = match.group(1).lower()
    # An attachment link only ever comes from the loader (which blocks it when typed by an author);
    # Renderer.page turns it into a path relative to the page.
    return match.group(0) if scheme in SAFE_SCHEMES or f"{scheme}:" == ATTACHMENT_LINK else "](#blocked-link-"


def inline(value: Any) -> str:
    """Text for one line of Markdown: whitespace folded, raw HTML shown as text, and links only
    to http(s), mailto and tel (any other scheme, such as javascript:, is made harmless)."""
    text = " ".join(str(value).split()).replace("<", "&lt;")
    if "]" not in text:  # most text has no link at all
        return text
    return REFERENCE_LINK.sub(r"\1\:", LINK_TARGET.sub(_safe_link, text))


# The ids Python-Markdown gives the session page's section headings. The checklist links to them,
# and the first heading with a given id keeps it, so a worksheet or skill heading must not take one.
SESSION_SECTIONS = frozenset({
    "what-we-covered", "key-points", "worksheets", "skills-practice", "reflect", "before-next-session",
    "learn-more", "make-up-options", "tell-your-team", "urgent-help",
})


def part_heading(value: Any, kind: str) -> str:
    """A worksheet's or skill's heading: its title, with '(worksheet)' or '(skill)' added when the
    title alone would take a section's id (a worksheet called 'Reflect' would make the checklist's
    'Reflect' link jump to the worksheet)."""
    text = inline(value)
    return f"{text} ({kind})" if slugify(text, "-") in SESSION_SECTIONS else text


def prose(value: Any) -> str:
    """Text that may run to several paragraphs: blank lines kept, raw HTML shown as text."""
    paragraphs = PARAGRAPH_BREAK.split(str(value).strip())
    return "\n\n".join(inline(p) for p in paragraphs if p.strip())


def tel(value: Any) -> str:
    """A phone number as a tel: address: the number at the start (digits, a leading +), so that
    '988, then press 1' dials 988 and never 9881."""
    text = str(value).strip()
    number = re.match(r"\+?[\d\s().-]*", text).group(0)  # type: ignore[union-attr]
    digits = re.sub(r"\D", "", number)
    return ("+" if text.startswith("+") else "") + digits


def clock(value: str) -> str:
    """'18:00' as participants in the US read it: '6:00 p.m.'."""
    hours, minutes = (int(part) for part in value.split(":"))
    suffix = "a.m." if hours < 12 else "p.m."
    return f"{(hours % 12) or 12}:{minutes:02d} {suffix}"


def zone_name(value: str) -> str:
    """'America/New_York' as a place people know: 'New York'."""
    return value.rsplit("/", 1)[-1].replace("_", " ")


def weekday_name(value: str) -> str:
    """'monday' as people write it: 'Monday'."""
    return value.capitalize()
