"""The words of the interface in the participant's language: gettext message catalogs.

Every English word Catch-Up itself writes (section headings, the tools' labels, the scripts'
messages, the calendar files) is a message in ``generator/locale/catchup.pot``; each language has
its catalog, ``generator/locale/<code>/LC_MESSAGES/catchup.po``, read here with Babel (the library
Jinja2's i18n extension and MkDocs' own themes use). The catalogs are kept as text (no compiled
``.mo`` in the repository): they are compiled in memory when a build first needs them.

To add a language: ``pybabel init -D catchup -i generator/locale/catchup.pot -d generator/locale -l <code>``,
translate the ``.po``, and see docs/translating.md. ``tests/test_interface_catalog.py`` fails when a
catalog misses a message or the template is out of date.
"""

from __future__ import annotations

import functools
import gettext
import io
from pathlib import Path

from babel import Locale
from babel.core import UnknownLocaleError
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from generator.defaults import LOCALE_DIR, SOURCE_LANGUAGE, interface_languages

DOMAIN = "catchup"
__all__ = ["LOCALE_DIR", "SOURCE_LANGUAGE", "interface_languages"]


def catalog_path(language: str) -> Path:
    return LOCALE_DIR / base_language(language) / "LC_MESSAGES" / f"{DOMAIN}.po"


def base_language(language: str) -> str:
    """'es-MX' -> 'es': catalogs are per language."""
    return language.split("-")[0].lower()


@functools.lru_cache(maxsize=8)
def translations(language: str) -> gettext.NullTranslations:
    """The interface's translations for a language; English (and a language with no catalog,
    which the checker reports) gets the messages as they are written."""
    path = catalog_path(language)
    if base_language(language) == SOURCE_LANGUAGE or not path.is_file():
        return gettext.NullTranslations()
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=base_language(language), domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)  # a fuzzy (unchecked) translation is not used
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def gettext_for(language: str) -> functools.partial[str]:
    return functools.partial(_gettext, language)


def _gettext(language: str, message: str) -> str:
    return translations(language).gettext(message)


def babel_locale(language: str) -> str:
    """A site's language code as Babel's CLDR data names the locale: 'es-MX' -> 'es_MX'."""
    return language.replace("-", "_")


def language_name(language: str) -> str:
    """A language's name in that language, as a switch offers it: 'Español', 'English'."""
    try:
        name = Locale.parse(babel_locale(language)).get_display_name(babel_locale(language)) or language
    except (ValueError, UnknownLocaleError):
        return language
    return name[:1].upper() + name[1:]


def N_(message: str) -> str:
    """Marks a message for the catalog where it is defined; it is translated where it is used."""
    return message
