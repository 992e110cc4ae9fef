"""Where the defaults that ship with Catch-Up are: page templates, theme, participant scripts,
base MkDocs settings, and the starter project of ``catchup new``.

In a source checkout they are this repository's ``templates/`` folder; in an installed wheel the
same folder is ``generator/templates/`` (pyproject.toml maps one onto the other, so there is one
copy). A project overrides any of them file by file with a file of the same name in its own
``templates/`` folder (see ``site.theme`` and ``render.pages``).
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent


def templates() -> Path:
    """The folder of default templates: inside the installed package, or the checkout's ``templates/``."""
    for folder in (HERE / "templates", HERE.parent / "templates"):
        if (folder / "base-mkdocs.yml").is_file():
            return folder
    raise FileNotFoundError(f"Catch-Up's templates are missing from {HERE}: reinstall Catch-Up")


def base_mkdocs_yml() -> Path:
    """The MkDocs settings every site starts from; a project's own mkdocs.yml is laid over them."""
    return templates() / "base-mkdocs.yml"


def starter() -> Path:
    """The project that ``catchup new`` copies."""
    return HERE / "starter"


LOCALE_DIR = HERE / "locale"  # the interface's message catalogs (see render.i18n)
SOURCE_LANGUAGE = "en"  # the language Catch-Up's own words are written in: it needs no catalog


def interface_languages() -> list[str]:
    """The languages Catch-Up can write its own words in: English, and each with a catalog."""
    found = sorted(path.parent.parent.name for path in LOCALE_DIR.glob("*/LC_MESSAGES/catchup.po"))
    return [SOURCE_LANGUAGE, *found]
