"""Advice on what participants read: plain language, no placeholders, clear links, no personal data.

These rules read the text of every session, program and shared worksheet or skill as written,
value by value, so each problem points at the field it is in. They give warnings: the site
still builds (unless ``--strict``), but each one is worth fixing before participants see it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from generator.checks.readability import Glossary, SpanishGlossary, ease, measure
from generator.checks.settings import Settings
from generator.load.yamlsource import Pos, YList, YMap
from generator.model import ATTACHMENT_LINK, Curriculum, Document
from generator.problems import Level, Location
from generator.rules import Finding, check_rule

T = TypeVar("T")

PROSE_KEYS = {"summary", "key_points", "objectives", "reflection", "before_next_session", "purpose",
              "instructions", "prompts", "text", "when_to_use", "steps", "details"}
LIST_KEYS = {"key_points", "objectives", "reflection", "before_next_session", "prompts", "steps"}
CONTENT_KINDS = {"session", "program", "worksheet", "skill"}
PLACEHOLDER = re.compile(r"\b(?:TODO|TBD|TBC|FIXME|XXX+|lorem ipsum)\b|\?\?\?|\[insert\b", re.I)
# In a language where "todo" is a word (Spanish, Portuguese: "all"), a placeholder is written in capitals.
PLACEHOLDER_CAPITALS = re.compile(r"\b(?:TODO|TBD|TBC|FIXME|XXX+)\b|\b[Ll]orem ipsum\b|\?\?\?|\[insert\b")
TODO_IS_A_WORD = ("es", "pt", "gl", "ca")
PLACEHOLDER_WORDS = ("todo", "tbd", "tbc", "fixme", "xxx", "lorem ipsum", "???", "[insert")  # quick test first
# Every pattern here is bounded or anchored, so a long run of letters or brackets costs linear time.
MARKDOWN_LINK = re.compile(r"(!?)\[([^\]\[]{0,1000})\]\(([^)]{0,2000})\)")
VAGUE_LINK_TEXT = {"click here", "here", "click", "this link", "link", "read more", "more", "this page", "this",
                   "aquí", "haga clic aquí", "clic aquí", "pulse aquí", "este enlace", "enlace", "leer más", "más",
                   "esta página"}  # and in Spanish, for translations
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")
PHONE = re.compile(r"(?<![\w/])\+?\(?\d[\d ().-]{5,20}\d(?![\w/])")
WORD_CHARACTER = re.compile(r"\w")
SEVEN_DIGITS = re.compile(r"\d(?:[ ().-]{0,2}\d){6}")  # quick test before the phone pattern
DATE_LIKE = re.compile(r"^\d{4}-\d{2}-\d{2}$|^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$")


def strings(data: Any, key: str = "", pos: Pos | None = None) -> list[tuple[str, str, Pos]]:
    """Every text value in a document with the name of the field it is in and its position."""
    found: list[tuple[str, str, Pos]] = []
    _strings(data, key, pos, found)
    return found


def _strings(data: Any, key: str, pos: Pos | None, found: list[tuple[str, str, Pos]]) -> None:
    # a text value is added by its parent, without a call of its own: this runs for every value
    if isinstance(data, YMap):
        value_pos = data.value_pos
        for name, value in data.items():
            if isinstance(value, str):
                found.append((name, value, value_pos[name]))
            else:
                _strings(value, name, value_pos[name], found)
    elif isinstance(data, YList):
        for value, item_pos in zip(data, data.item_pos):
            if isinstance(value, str):
                found.append((key, value, item_pos))
            else:
                _strings(value, key, item_pos, found)
    elif isinstance(data, str) and pos is not None:
        found.append((key, data, pos))


def _phone_digits(text: str) -> set[str]:
    if not SEVEN_DIGITS.search(text):
        return set()
    found = set()
    for match in PHONE.finditer(text):
        digits = re.sub(r"\D", "", match.group(0))
        if len(digits) >= 7 and not DATE_LIKE.match(match.group(0).strip()):
            found.add(digits[-10:])
    return found


def _declared(curriculum: Curriculum) -> tuple[set[str], set[str]]:
    """Emails and phone numbers written in site-config/: the program's own, fine to repeat.
    Each file's are found once and kept with it (the rules run once per batch of files read)."""
    emails: set[str] = set()
    phones: set[str] = set()
    for document in curriculum.documents:
        if document.kind.startswith("site-config"):
            if "contacts" not in document.memo:
                document.memo["contacts"] = _contacts(document)
            emails |= document.memo["contacts"][0]
            phones |= document.memo["contacts"][1]
    return emails, phones


def _contacts(document: Document) -> tuple[set[str], set[str]]:
    emails: set[str] = set()
    phones: set[str] = set()
    for _, text, _ in strings(document.data):
        emails.update(e.lower() for e in EMAIL.findall(text))
        phones |= _phone_digits(text)
    return emails, phones


class _TextRules:
    """The text rules of one curriculum: each file's text is scanned once for all five kinds of
    problem (placeholders, empty items, link words, image descriptions, personal data), and
    each rule takes its own kind from what the scan found."""

    def __init__(self, curriculum: Curriculum) -> None:
        self.emails, self.phones = _declared(curriculum)
        self.first = curriculum.languages[0].split("-")[0]  # the language the source files are in
        self.key = ("text", frozenset(self.emails), frozenset(self.phones), self.first)

    def found(self, doc: Document, kind: str) -> list[Finding]:
        return remembered(doc, self.key, self.document, doc).get(kind, [])

    def document(self, doc: Document) -> dict[str, list[Finding]]:
        """All text problems of one file, by kind. Each kind of problem is first looked for in
        the whole file at once; only a file that has one is searched value by value (most have none)."""
        found: dict[str, list[Finding]] = {}
        values = values_of(doc)
        joined = "\n".join([text for _, text, _ in values])
        lowered = joined.lower()
        language = doc.language.split("-")[0] or self.first
        pattern = PLACEHOLDER_CAPITALS if language in TODO_IS_A_WORD else PLACEHOLDER
        placeholders = any(word in lowered for word in PLACEHOLDER_WORDS) and pattern.search(joined) is not None
        links = "](" in joined
        contacts = ("@" in joined and EMAIL.search(joined) is not None) or bool(_phone_digits(joined) - self.phones)
        empty_items = not all(map(WORD_CHARACTER.search, [text for key, text, _ in values if key in LIST_KEYS]))
        if not (placeholders or links or contacts or empty_items):
            return found
        for key, text, pos in values:
            where = Location(doc.path, pos.line, pos.col)
            if placeholders:
                match = pattern.search(text)
                if match:
                    found.setdefault("placeholder", []).append(
                        Finding(where, f"'{match.group(0)}' looks like a placeholder: {_quote(text)}"))
            if key in LIST_KEYS and not WORD_CHARACTER.search(text):
                found.setdefault("empty", []).append(Finding(where, f"this item of '{key}' is empty: {_quote(text)}"))
            if links and "](" in text:
                self.links(where, text, found)
            if contacts:
                self.personal(where, text, found)
        return found

    def links(self, where: Location, text: str, found: dict[str, list[Finding]]) -> None:
        for image, label, target in MARKDOWN_LINK.findall(text):
            if image and not label.strip():
                shown = target.removeprefix(ATTACHMENT_LINK).removeprefix("files/")
                found.setdefault("image-alt", []).append(
                    Finding(where, f"the image {shown} has no description (alt text)"))
            elif not image and label.strip().lower().strip(".!") in VAGUE_LINK_TEXT:
                found.setdefault("link-words", []).append(
                    Finding(where, f"the link text '{label}' does not say where it goes"))

    def personal(self, where: Location, text: str, found: dict[str, list[Finding]]) -> None:
        plain = MARKDOWN_LINK.sub(lambda m: m.group(2), text)
        plain = re.sub(r"https?://\S+", " ", plain)
        for email in EMAIL.findall(plain) if "@" in plain else ():
            if email.lower() not in self.emails:
                found.setdefault("personal", []).append(
                    Finding(where, f"'{email}' looks like a personal email address",
                            "Never put personal details in content. Program contacts belong in "
                            "site-config/contacts.yml."))
        for digits in sorted(_phone_digits(plain) - self.phones):
            found.setdefault("personal", []).append(
                Finding(where, f"'{_shown_number(plain, digits)}' looks like a phone number that is not in "
                        "site-config/", "Never put personal details in content. Program and crisis numbers "
                        "belong in site-config/contacts.yml or urgent-help.yml."))


def values_of(doc: Document) -> list[tuple[str, str, Pos]]:
    """The document's text values, walked once and kept for every rule that reads them."""
    if doc.values is None:
        doc.values = strings(doc.data)
    return doc.values


def _shown_number(text: str, digits: str) -> str:
    for match in PHONE.finditer(text):
        if re.sub(r"\D", "", match.group(0)).endswith(digits):
            return match.group(0).strip()
    return digits


def _quote(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return f'"{flat[:limit]}..."' if len(flat) > limit else f'"{flat}"'


def _text_findings(curriculum: Curriculum, kind: str, *, settings_too: bool = False) -> Iterator[Finding]:
    """The problems of one kind in what participants read: the content, and with ``settings_too``
    the text of site-config/ as well."""
    rules = _TextRules(curriculum)
    for doc in curriculum.documents:
        if doc.kind in CONTENT_KINDS or (settings_too and doc.kind.startswith("site-config")):
            yield from rules.found(doc, kind)


@check_rule("text-placeholder", Level.WARNING, hint="Write the real text, or remove the field until it is ready.")
def text_placeholder(curriculum: Curriculum, settings: Settings) -> Iterator[Finding]:
    """Text still holding a placeholder such as TODO, TBD, FIXME, xxx, ??? or lorem ipsum.

    Participants would see it as it is. This includes site-config/: a project made by
    ``catchup new`` has TODO in place of its crisis lines, contacts and policies, and the checker
    reports each one until it is filled in (``catchup build --strict`` then builds nothing).
    Fix: write the real text, or leave the field out until it is ready.
    """
    return _text_findings(curriculum, "placeholder", settings_too=True)


@check_rule("text-empty", Level.WARNING, hint="Write the item out, or delete the line.")
def text_empty(curriculum: Curriculum, settings: Settings) -> Iterator[Finding]:
    """An item of a list (a step, a question, a key point) has no words in it.

    Fix: write the item out, or delete the line.
    """
    return _text_findings(curriculum, "empty")


@check_rule("text-link-words", Level.WARNING,
            hint="Use words that say what the link opens, e.g. [Guide to sleep (NIMH)](...).")
def text_link_words(curriculum: Curriculum, settings: Settings) -> Iterator[Finding]:
    """Link text such as "click here" or "read more".

    People using a screen reader often hear the links of a page read on their own, so the words
    must say where the link goes. Fix: ``[Sleep and mood (NIMH)](https://...)``.
    """
    return _text_findings(curriculum, "link-words")


@check_rule("text-image-alt", Level.WARNING,
            hint="Describe the picture in the brackets: ![A person breathing slowly](...).")
def text_image_alt(curriculum: Curriculum, settings: Settings) -> Iterator[Finding]:
    """An image has no description: ``![](picture.png)``.

    People who cannot see it need the description. Fix: ``![A person breathing slowly](picture.png)``.
    """
    return _text_findings(curriculum, "image-alt")


@check_rule("text-personal-data", Level.WARNING)
def text_personal_data(curriculum: Curriculum, settings: Settings) -> Iterator[Finding]:
    """Text holds an email address or phone number that is not one of the program's own (those in site-config/).

    The site is public: never name or contact a participant or staff member in session text.
    Fix: remove it; program contacts belong in site-config/.
    """
    return _text_findings(curriculum, "personal")


@check_rule("reading-level", Level.WARNING)
def reading_level(curriculum: Curriculum, settings: Settings) -> Iterator[Finding]:
    """A session (or shared worksheet or skill) whose text reads above the level set for the site.

    Participants read at every level, often on a phone and at a hard moment. The check measures
    the prose a participant reads (summary, key points, worksheet questions, steps, ...), not
    titles or sources, and counts words from the glossary in site-config/checks.yml as easy.
    English is measured with the Flesch-Kincaid grade (default limit: grade 8); Spanish, in a
    Spanish site or a translation, with the Fernandez-Huerta reading ease (default: at least 60,
    `reading_level: spanish: min_score`). A translation into another language is not measured.
    Fix: shorter sentences and everyday words; the hint shows the hardest sentence.
    """
    english = Glossary.of(settings.glossary)
    spanish = SpanishGlossary.of(settings.spanish_glossary)
    key = ("reading", settings.max_grade, settings.glossary, settings.spanish_min_score, settings.spanish_glossary)
    first = curriculum.languages[0].split("-")[0]
    for doc in curriculum.documents:
        if doc.kind in {"session", "worksheet", "skill"}:
            language = (doc.language or first).split("-")[0]
            if language == "en" or (language not in ("en", "es") and not doc.language):
                yield from remembered(doc, key, _reading_level, doc, english, settings)
            elif language == "es":
                yield from remembered(doc, key, _spanish_reading_level, doc, spanish, settings)


def _reading_level(doc: Document, glossary: Glossary, settings: Settings) -> list[Finding]:
    reading = measure(prose(doc), glossary, hardest=False)
    if reading.words < 40 or reading.grade <= settings.max_grade:
        return []
    reading = measure(prose(doc), glossary)
    return [Finding(Location(doc.path, doc.data.pos.line, doc.data.pos.col),
                    f"the text reads at grade {reading.grade:g}; the limit is {settings.max_grade:g}",
                    f"Use shorter sentences and everyday words. Hardest sentence: {_quote(reading.hardest, 120)}")]


def _spanish_reading_level(doc: Document, glossary: Glossary, settings: Settings) -> list[Finding]:
    reading = ease(prose(doc), glossary, hardest=False)
    if reading.words < 40 or reading.grade >= settings.spanish_min_score:
        return []
    reading = ease(prose(doc), glossary)
    return [Finding(Location(doc.path, doc.data.pos.line, doc.data.pos.col),
                    f"the Spanish text has a reading ease of {reading.grade:g} (Fernandez-Huerta); the site asks for "
                    f"{settings.spanish_min_score:g} or more",
                    "Use shorter sentences and everyday words (frases cortas, palabras de todos los días). "
                    f"Hardest sentence: {_quote(reading.hardest, 120)}")]


def remembered(doc: Document, key: Any, find: Callable[..., T], *args: Any) -> T:
    """What ``find(*args)`` gives for one file, worked out once per file and settings: a file
    the preview has not re-read keeps its Document, and so its results."""
    if key not in doc.memo:
        doc.memo[key] = find(*args)
    return doc.memo[key]


def prose(doc: Document) -> list[str]:
    return [text for key, text, _ in values_of(doc) if key in PROSE_KEYS]
