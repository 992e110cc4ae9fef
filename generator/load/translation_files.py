"""Finding and reading translations: ``<stem>.<code>.yml`` beside its source, such as
``sessions/cbt-01.es.yml`` beside ``sessions/cbt-01.yml`` or ``site-config/urgent-help.es.yml``.

A translation is only parsed here (``read.Reader.read`` with its language); its shape is
compared with its source's by ``translation_shape``, and the checks report what differs. A file
in a language the site does not have (``languages`` in site.yml) is not read at all, and neither
is one with no source beside it; the checks report both.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.load.read import Reader
from generator.model import Curriculum, PageKey, Translation

NAME = re.compile(r"^(?P<stem>[^.].*)\.(?P<code>[a-z]{2}(?:-[A-Z]{2})?)\.yml$")  # the code as site.yml writes it


def is_translation(path: Path) -> bool:
    """Whether the file's name is that of a translation: never read as a source."""
    return NAME.match(path.name) is not None


def sources(paths: list[Path]) -> list[Path]:
    """The files of a folder that are sources, not translations."""
    return [path for path in paths if not is_translation(path)]


def candidates(reader: Reader) -> list[tuple[Path, str]]:
    """Every translation file where a source may be, with the schema of its source."""
    project = reader.project
    found: list[tuple[Path, str]] = []
    config = project.site_config
    if config.is_dir():
        found += [(path, f"site-config-{NAME.match(path.name)['stem']}")  # type: ignore[index]
                  for path in sorted(config.glob("*.yml")) if is_translation(path)]
    content = project.content
    if content.is_dir():
        for folder in sorted(p for p in content.iterdir() if p.is_dir() and not p.name.startswith(".")):
            if folder.name == "library":
                for kind in ("worksheet", "skill"):
                    shelf = sorted((folder / f"{kind}s").glob("*.yml"))
                    found += [(path, kind) for path in shelf if is_translation(path)]
            else:
                found += [(path, "program") for path in sorted(folder.glob("program.*.yml")) if is_translation(path)]
                found += [(path, "session") for path in sorted((folder / "sessions").glob("*.yml"))
                          if is_translation(path)]
    return found


def pages(curriculum: Curriculum, reader: Reader) -> dict[str, PageKey]:
    """The page each source file makes, by the file's path as problems show it."""
    found: dict[str, PageKey] = {}
    for program in curriculum.programs:
        found[program.where.path] = ("program", program.id)
        for session in [*program.sessions, *program.unplaced]:
            found[session.where.path] = ("session", program.id, session.id)
    for worksheet in curriculum.library.worksheets.values():
        found[worksheet.where.path] = ("worksheet", worksheet.id)
    for skill in curriculum.library.skills.values():
        found[skill.where.path] = ("skill", skill.id)
    for key in curriculum.config:
        name = key.replace("_", "-")
        found[reader.shown(reader.project.site_config / f"{name}.yml")] = ("site-config", name)
    return found


def read_translations(reader: Reader, curriculum: Curriculum, languages: list[str] | None) -> list[Translation]:
    """Every translation file, read if its language is one of ``languages`` but the first (None: not
    known, as site.yml could not be read; then all are read) and its source is beside it."""
    page_of = pages(curriculum, reader)
    sources_read = {doc.path: doc.data for doc in reader.documents if not doc.language}
    found = []
    for path, kind in candidates(reader):
        match = NAME.match(path.name)
        assert match is not None
        source = path.with_name(f"{match['stem']}.yml")
        shown, source_shown = reader.shown(path), reader.shown(source)
        translation = Translation(shown, match["code"], page_of.get(source_shown, ()), kind, source_shown,
                                  reader.here(path), source=sources_read.get(source_shown),
                                  orphan=not source.is_file())
        reader.seen.add(path)
        if not translation.orphan and (languages is None or translation.language in languages[1:]):
            translation.data = reader.read(path, kind, language=translation.language)
        found.append(translation)
    return found
