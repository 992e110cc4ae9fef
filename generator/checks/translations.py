"""Translations kept honest: each has its source's shape, was made from its source's current text,
and is in one of the site's languages; the pages with no translation yet are listed.

``status`` gives the same verdicts as one table, for ``catchup translations``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from generator.checks.settings import Settings
from generator.defaults import interface_languages
from generator.load.translation_shape import compare, digest, recorded
from generator.load.translations import pages
from generator.model import Curriculum, PageKey, Translation
from generator.problems import Level, Location
from generator.rules import Finding, check_rule
from generator.schema import DIGEST_PATTERN

DIGEST = re.compile(DIGEST_PATTERN)
KINDS = {"session": "session", "program": "program", "worksheet": "shared worksheet", "skill": "shared skill",
         "site-config": "settings file"}
MARK = "Compare it with the source, update it, then run: catchup translations --mark-current {path}"


@check_rule("site-languages", Level.ERROR)
def site_languages(curriculum: Curriculum, settings: Settings) -> Iterator[Finding]:
    """site.yml has both `language` and `languages`, and `language` is not the first of `languages`.

    The first of `languages` is the language the files are written in; `language` says the same
    thing, so the two must agree.
    Fix: leave `language` out (the first of `languages` is the site's language), or make them agree.
    """
    for doc in curriculum.documents:
        data = doc.data
        if doc.kind == "site-config-site" and not doc.language and "language" in data and "languages" in data \
                and data["languages"] and data["language"] != data["languages"][0]:
            line, col = data.value_pos["language"]
            yield Finding(Location(doc.path, line, col), f"'language: {data['language']}' is not the first of "
                          f"'languages: [{', '.join(data['languages'])}]'", "Delete the line 'language:' (the first "
                          "of 'languages' is the site's language), or make the two agree.")


@check_rule("language-no-interface", Level.ERROR)
def language_no_interface(curriculum: Curriculum, settings: Settings) -> Iterator[Finding]:
    """A language of the site that Catch-Up cannot write its own words in (headings, buttons, the
    finder's answers, the privacy page): it has no message catalog for it.

    Its pages would mix the translated text with Catch-Up's words in English.
    Fix: use a language Catch-Up has (the message names them), or add a catalog for it
    (docs/translating.md: "Adding a language").
    """
    known = interface_languages()
    for doc in curriculum.documents:
        if doc.kind != "site-config-site" or doc.language:
            continue
        data = doc.data
        key = "languages" if data.get("languages") else "language"
        codes = list(data.get("languages") or [data.get("language")])
        for code in codes:
            if isinstance(code, str) and code.split("-")[0].lower() not in known:
                line, col = data.value_pos[key]
                yield Finding(Location(doc.path, line, col), f"Catch-Up has no words of its own in '{code}'",
                              f"Use one of: {', '.join(known)}; or add a catalog for '{code}' (docs/translating.md).")


@check_rule("translation-structure", Level.ERROR)
def translation_structure(curriculum: Curriculum, settings: Settings) -> Iterator[Finding]:
    """A translation does not have its source's shape: a prompt, step, list item or worksheet more
    or less, a key that is not translated text, a key its source does not have, or no source beside it.

    A translation (`<stem>.<code>.yml` beside `<stem>.yml`) holds only the source's text, in the
    same shape, so each translated line lands in its place; ids, numbers and schedules come from
    the source. Such a translation is not used: its page shows the source's language.
    Fix: keep one item for each item of the source, in the same order; delete keys that are not
    text (the message says which); copy `- use: <id>` items as they are.
    """
    for translation in curriculum.translations:
        if translation.orphan:
            yield Finding(translation.where, f"there is no {translation.source_path} beside this translation",
                          "Name it after its source (<stem>.<code>.yml beside <stem>.yml), or delete it.")
        elif translation.data is not None:
            yield from compare(translation).errors


@check_rule("translation-stale", Level.WARNING)
def translation_stale(curriculum: Curriculum, settings: Settings) -> Iterator[Finding]:
    """A translation was made from an older text of its source, or was never marked current.

    `translation: source:` holds a digest of the source's text when the translation was last
    marked current; editing the source's text (not its ids, dates or comments) changes the
    digest, so the translation may no longer say what the source says. The page still uses it.
    Fix: compare the translation with the source, update it, then run
    `catchup translations --mark-current FILE`.
    """
    for translation in curriculum.translations:
        if _usable(translation):
            written, current = recorded(translation), digest(translation.source, translation.kind)
            if written != current:
                data = translation.data
                where = Location(translation.path, *data["translation"].value_pos["source"]) if written is not None \
                    else Location(translation.path, *data.key_pos["translation"])
                said = "was never marked current" if written is None else \
                    f"has 'source: {written[:20]}', not a digest Catch-Up wrote" if not DIGEST.match(written) else \
                    f"was made from an older text of {translation.source_path} (source {written}, now {current})"
                yield Finding(where, f"this translation {said}", MARK.format(path=translation.path))


@check_rule("translation-unknown-language", Level.WARNING)
def translation_unknown_language(curriculum: Curriculum, settings: Settings) -> Iterator[Finding]:
    """A translation is in a language the site does not have (`languages` in site.yml), or in the
    site's first language.

    A file named `<stem>.<code>.yml` is read as a translation of `<stem>.yml`; one in another
    language is not read or used.
    Fix: add the language to `languages` in site-config/site.yml, or rename or delete the file.
    """
    if "site" not in curriculum.config:
        return
    languages = curriculum.languages
    for translation in curriculum.translations:
        if translation.language == languages[0]:
            yield Finding(translation.where, f"this translation is in '{translation.language}', the language "
                          "its source is written in, so it is never used", "Delete it, or rename it.")
        elif translation.language not in languages:
            yield Finding(translation.where, f"this translation is in '{translation.language}', which is not one of "
                          f"the site's languages ({', '.join(languages)})", f"Add {translation.language} to "
                          "'languages' in site-config/site.yml, or rename or delete the file.")


@check_rule("translation-missing", Level.INFO)
def translation_missing(curriculum: Curriculum, settings: Settings) -> Iterator[Finding]:
    """A page has no translation (or one that cannot be used) into a language of the site, or a
    translation leaves some of its source's text out.

    This is information only: such a page, or such a part of it, is shown in the site's first
    language, with a notice in the reader's language that it is not translated yet.
    Fix: write the translation, `<stem>.<code>.yml` beside the source (see the authoring guide).
    """
    written = {(t.page, t.language) for t in curriculum.translations}  # one that cannot be used is an error
    for page, where in sorted(pages(curriculum).items()):
        for language in curriculum.languages[1:]:
            if (page, language) not in written:
                yield Finding(where, f"no translation into '{language}' of this {KINDS[page[0]]} yet",
                              f"Write {_name(where.path, language)} beside it.")
    for translation in curriculum.translations:
        # a link left out is the source's, which may be the only version of the page: not text left out
        left = [key for key in (compare(translation).untranslated if _usable(translation) else [])
                if not key.endswith(".url")]
        if left:
            shown = ", ".join(left[:4]) + (f" and {len(left) - 4} more" if len(left) > 4 else "")
            yield Finding(translation.where, f"this translation leaves out {shown}: shown in the source's language",
                          "Translate them here, in the source's shape.")


def _usable(translation: Translation) -> bool:
    return bool(translation.page) and translation.data is not None and translation.source is not None and \
        not compare(translation).errors


def _name(path: str, language: str) -> str:
    return f"{path.removesuffix('.yml')}.{language}.yml"


@dataclass(frozen=True)
class Row:
    """One page in ``catchup translations``: its source, and its state in each other language."""

    page: PageKey
    source: str
    states: dict[str, str]  # language -> current, stale, needs-review, missing, broken


def status(curriculum: Curriculum) -> list[Row]:
    """Every page and the state of its translation into each language but the first."""
    by_page = {(t.page, t.language): t for t in curriculum.translations if t.page}
    rows = []
    for page, where in sorted(pages(curriculum).items(), key=lambda item: item[1].path):
        states = {language: _state(by_page.get((page, language))) for language in curriculum.languages[1:]}
        rows.append(Row(page, where.path, states))
    return rows


def _state(translation: Translation | None) -> str:
    if translation is None:
        return "missing"
    if not _usable(translation):
        return "broken"
    if recorded(translation) != digest(translation.source, translation.kind):
        return "stale"
    review = translation.data["translation"].get("review")
    return "current" if review == "reviewed" else "current, needs review"
