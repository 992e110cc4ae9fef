"""Keeping the interface's message catalogs in step with the code (for people who change Catch-Up).

    python3 -m generator.render.catalogs update   # extract every message, update each .po
    python3 -m generator.render.catalogs check    # exit 1 if a catalog is out of date or incomplete

Messages are found with Babel's extractors: ``_()``/``{% trans %}`` in the page templates
(Jinja2's extractor) and ``N_()``/``_()`` in the Python code. The template of all messages is
``generator/locale/catchup.pot``; each language's ``.po`` beside it is merged with it, keeping
what was translated (a changed message becomes "fuzzy": it is not used until a translator checks
it). ``tests/test_interface_catalog.py`` runs the check.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from generator import defaults
from generator.render.i18n import DOMAIN, LOCALE_DIR, interface_languages

PACKAGE = Path(__file__).resolve().parent.parent
HEADER = """\
# The messages of Catch-Up's interface (templates, scripts, calendar files), for translators.
# Made by `python3 -m generator.render.catalogs update`: do not edit; edit each language's .po."""
KEYWORDS = {"_": None, "gettext": None, "N_": None, "ngettext": (1, 2)}


def extract() -> Catalog:
    """Every message of the templates and the code."""
    catalog = Catalog(project="Catch-Up", domain=DOMAIN, msgid_bugs_address="", fuzzy=False,
                      header_comment=HEADER, copyright_holder="the Catch-Up authors")
    sources = [
        (defaults.templates() / "pages", [("**.j2", "jinja2.ext:babel_extract")],
         {"**.j2": {"extensions": "jinja2.ext.i18n", "trimmed": "true"}}),
        (PACKAGE, [("render/**.py", "python")], {}),
    ]
    for folder, method_map, options in sources:
        for filename, _lineno, message, comments, context in extract_from_dir(
                str(folder), method_map, options, keywords=KEYWORDS, strip_comment_tags=True):
            # files without line numbers: editing a template moves no other message
            catalog.add(message, None, [(f"{folder.name}/{filename}", 0)], auto_comments=comments,
                        context=context)
    return catalog


def template_text(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, omit_header=False, sort_output=True, no_location=False, width=100)
    return _without_date(out.getvalue())


def _without_date(text: bytes) -> bytes:
    """The creation date and Babel's version would change the file from run to run."""
    return b"\n".join(line for line in text.split(b"\n")
                      if not line.startswith((b'"POT-Creation-Date:', b'"Generated-By:')))


def updated(language: str, template: Catalog) -> bytes:
    path = LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=language, domain=DOMAIN)
    catalog.update(template, update_header_comment=False)
    catalog.obsolete.clear()
    out = io.BytesIO()
    write_po(out, catalog, sort_output=True, width=100, include_previous=False)
    return _without_date(out.getvalue())


def problems() -> list[str]:
    """What is out of date or missing in the catalogs."""
    template = extract()
    found = []
    pot = LOCALE_DIR / f"{DOMAIN}.pot"
    if not pot.is_file() or pot.read_bytes() != template_text(template):
        found.append(f"{pot} is out of date: run python3 -m generator.render.catalogs update")
    for language in interface_languages()[1:]:
        path = LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"
        if path.read_bytes() != updated(language, template):
            found.append(f"{path} is out of date: run python3 -m generator.render.catalogs update")
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=language, domain=DOMAIN)
        for message in catalog:
            if message.id and (not message.string or message.fuzzy):
                why = "is fuzzy (changed since it was translated)" if message.fuzzy else "has no translation"
                found.append(f"{path}: {message.id!r} {why}")
    return found


def update() -> None:
    template = extract()
    (LOCALE_DIR / f"{DOMAIN}.pot").write_bytes(template_text(template))
    for language in interface_languages()[1:]:
        path = LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"
        path.write_bytes(updated(language, template))


def main(argv: list[str]) -> int:
    if argv[:1] == ["update"]:
        update()
        return 0
    if argv[:1] == ["check"]:
        found = problems()
        print("\n".join(found) or "The catalogs are complete and up to date.")
        return 1 if found else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
