"""Text from YAML, made safe for the Markdown page it goes into (the page templates' filters).

Each field is written in one of three ways, and no text can add markup, script or structure:

- :func:`literal` (titles, names, sources): shown exactly as written. Markdown characters are
  escaped, so ``*`` is a star, not emphasis.
- :func:`inline` and :func:`prose` (everything a participant reads as sentences): bold, italic,
  code, links to http(s), mailto and tel, and pictures from content/ (written as ``<img>``, which
  the renderer completes with the picture's size: ``render.pictures``). Raw HTML and character
  references are shown as text, a line cannot start a heading, list, quote or note, and a
  picture from another website becomes a plain link (the site loads nothing from other hosts).
- :func:`url_target` (URL and email fields): parsed, and written percent-encoded, so a value can
  never end the Markdown link or autolink it is in.

The other filters say a value as participants read it: a phone number to dial, a time, a time
zone, a weekday.
"""

from __future__ import annotations

import datetime
import html
import re
from typing import Any
from urllib.parse import quote, urlsplit, urlunsplit

from markdown.extensions.toc import slugify  # how Python-Markdown makes a heading's id

from generator.model import ATTACHMENT_LINK
from generator.render.i18n import babel_locale
from generator.render.words import SESSION_SECTIONS as SESSION_HEADINGS
from generator.schema import WEEKDAYS

SAFE_SCHEMES = ("http", "https", "mailto", "tel")
LINK_TARGET = re.compile(r"\]\(\s*([a-zA-Z][a-zA-Z0-9+.-]*):")
REFERENCE_LINK = re.compile(r"^(\s*\[[^\]]*)\]:", re.M)  # "[id]: target" (Python-Markdown takes "[]:" too)
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# What would make a line of Markdown a block (a heading, quote, list item, rule or note) if the
# text started with it; the first character is escaped with a backslash.
BLOCK_START = re.compile(r"^(?:#|>|[-+*](?=\s|$)|\d{1,9}[.)](?=\s|$)"
                         r"|[-*_](?:\s*[-*_]){2,}\s*$|!!!|\?\?\?)")
# The one form of picture text may hold: one from content/, as the loader rewrote it. Any other
# "![" (a picture from another host, which would be fetched from there, written in any of
# Markdown's forms) loses its "!" and is at most a link. (Groups: the description, the path.)
ATTACHMENT_IMAGE = re.compile(r"!\[([^\]\[\\]{0,1000})\]\(" + re.escape(ATTACHMENT_LINK) + r"(files/[\w./-]{1,2000})\)")
IMAGE_START = re.compile(r"!(?=\[)")
# Characters that start inline Markdown, escaped in literal text ("|" too: the tables extension).
MARKDOWN_INLINE = re.compile(r"([\\`*_\[\]!|])")
URL_SAFE = "/:@!$&*+,;=-._~%"  # kept as they are; everything else (spaces, quotes, brackets, <>) encoded


def _safe_link(match: re.Match[str]) -> str:
    scheme = match.group(1).lower()
    # An attachment link only ever comes from the loader (which blocks it when typed by an author);
    # Renderer.page turns it into a path relative to the page.
    return match.group(0) if scheme in SAFE_SCHEMES or f"{scheme}:" == ATTACHMENT_LINK else "](#blocked-link-"


def _picture(found: re.Match[str]) -> str:
    """A picture from content/ as the ``<img>`` that ``render.pictures`` completes with its path
    and size. Written as HTML here, where it is known to be text for Markdown: the same
    characters in an attribute or in a tool's data stay text."""
    description, path = found.groups()
    return f'<img src="{ATTACHMENT_LINK}{path}" alt="{picture_description(description)}" />'


def picture_description(text: str) -> str:
    """A picture's description for its ``alt`` attribute. It comes escaped as Markdown text
    (``&amp;``, ``&lt;``): read once, then escaped for an attribute, with the backtick as a
    reference (Markdown finds code spans before raw HTML, even inside a tag)."""
    return html.escape(html.unescape(text), quote=True).replace("`", "&#96;")


def _one_line(value: Any) -> str:
    """Whitespace folded, and ``&`` and ``<`` as text: no raw HTML, no character reference that
    could spell a scheme such as ``&#106;avascript:``."""
    return " ".join(str(value).split()).replace("&", "&amp;").replace("<", "&lt;")


def _not_a_block(text: str) -> str:
    """``text`` with a block marker at its start escaped, so it stays a line of text."""
    found = BLOCK_START.match(text)
    if found is None:
        return text
    if found.group(0)[0].isdigit():  # "1. " is a list item; "1\. " is not
        return text[:found.end() - 1] + "\\" + text[found.end() - 1:]
    return "\\" + text


class Foreign(str):
    """Text in another language than its page's: a part not translated yet, shown as it was
    written (see ``render.foreign``). The text filters write it inside ``<span lang="en">``, so
    that a screen reader reads it in that language's voice (WCAG 3.1.2, Language of Parts)."""

    lang: str

    def __new__(cls, text: str, lang: str) -> Foreign:
        made = super().__new__(cls, text)
        made.lang = lang
        return made


def in_its_language(value: Any, output: str) -> str:
    """``output`` (made from ``value``) marked with the language of ``value`` when it is Foreign."""
    if isinstance(value, Foreign):
        return f'<span lang="{html.escape(value.lang)}">{output}</span>'
    return output


def inline(value: Any) -> str:
    """Text for one line of Markdown, with inline Markdown: bold, italic, code, links only to
    http(s), mailto and tel (any other scheme, such as javascript:, is made harmless), pictures
    only from content/."""
    if isinstance(value, Foreign):
        return in_its_language(value, inline(str(value)))
    text = _not_a_block(_one_line(value))
    if "]" not in text:  # most text has no link at all
        return text
    if "![" in text:
        text = IMAGE_START.sub(lambda found: "!" if ATTACHMENT_IMAGE.match(text, found.start()) else "&#33;", text)
        text = ATTACHMENT_IMAGE.sub(_picture, text)
    return REFERENCE_LINK.sub(r"\1]&#58;", LINK_TARGET.sub(_safe_link, text))  # ":" as a character reference


def literal(value: Any) -> str:
    """Text shown exactly as written, on one line: no Markdown at all."""
    return in_its_language(value, _not_a_block(MARKDOWN_INLINE.sub(r"\\\1", _one_line(value))))


def url_target(value: Any) -> str:
    """A URL or email field as the target of a Markdown link or autolink: parsed, and every
    character that could end the link (spaces, quotes, brackets, parentheses, <, >) percent-encoded.
    Only http(s) and mailto pass (the schema allows no other); anything else links nowhere."""
    text = str(value).strip()
    parts = urlsplit(text if ":" in text.split("/", 1)[0] else "mailto:" + text)
    if parts.scheme.lower() not in ("http", "https", "mailto"):
        return "#blocked-link"
    return urlunsplit((parts.scheme.lower(), quote(parts.netloc, safe=URL_SAFE), quote(parts.path, safe=URL_SAFE),
                       quote(parts.query, safe=URL_SAFE + "?"), quote(parts.fragment, safe=URL_SAFE + "?#")))


def html_title(value: Any) -> str:
    """A page title as HTML text (the page's ``<h1>``, written as HTML so it takes no anchor id
    that a section of the page needs)."""
    return in_its_language(value, html.escape(" ".join(str(value).split()), quote=False))


# The ids Python-Markdown gives the session page's section headings. The checklist links to them,
# and the first heading with a given id keeps it, so a worksheet or skill heading must not take one
# (the page title is an HTML heading, which takes no id).
# The ids of a session page's section headings in English (see render.words: each language's are
# made from its own words).
SESSION_SECTIONS = frozenset(slugify(heading, "-") for heading in SESSION_HEADINGS.values())


def part_heading(value: Any, kind: str, taken: frozenset[str] = SESSION_SECTIONS) -> str:
    """A worksheet's or skill's heading: its title, with '(worksheet)' or '(skill)' (``kind``, in
    the page's language) added when the title alone would take a section's id (``taken``: a
    worksheet called 'Reflect' would make the checklist's 'Reflect' link jump to the worksheet)."""
    text = literal(value)
    return f"{text} ({kind})" if slugify(" ".join(str(value).split()), "-") in taken else text


def prose(value: Any) -> str:
    """Text that may run to several paragraphs: blank lines kept, each paragraph as :func:`inline`."""
    paragraphs = PARAGRAPH_BREAK.split(str(value).strip())
    return "\n\n".join(in_its_language(value, inline(p)) for p in paragraphs if p.strip())


def tel(value: Any) -> str:
    """A phone number as a tel: address: the number at the start (digits, a leading +), so that
    '988, then press 1' dials 988 and never 9881."""
    text = str(value).strip()
    number = re.match(r"\+?[\d\s().-]*", text).group(0)  # type: ignore[union-attr]
    digits = re.sub(r"\D", "", number)
    return ("+" if text.startswith("+") else "") + digits


def clock(value: str, language: str = "en") -> str:
    """'18:00' as participants in the US read it: '6:00 p.m.' (in another language, as its
    speakers write a time of day: Babel's CLDR data)."""
    hours, minutes = (int(part) for part in value.split(":"))
    if not language.startswith("en"):
        from babel.dates import format_time

        return format_time(datetime.time(hours, minutes), format="short", locale=babel_locale(language))
    suffix = "a.m." if hours < 12 else "p.m."
    return f"{(hours % 12) or 12}:{minutes:02d} {suffix}"


def zone_name(value: str) -> str:
    """'America/New_York' as a place people know: 'New York'."""
    return value.rsplit("/", 1)[-1].replace("_", " ")


def weekday_name(value: str, language: str = "en") -> str:
    """'monday' as people write it: 'Monday' (in another language, its name there: 'lunes')."""
    if language.startswith("en"):
        return value.capitalize()
    from babel.dates import get_day_names

    return str(get_day_names("wide", locale=babel_locale(language))[WEEKDAYS.index(value)])
