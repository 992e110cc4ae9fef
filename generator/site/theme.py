"""The theme a build uses: Catch-Up's theme overrides, styles and participant scripts, with the
project's own files of the same name laid over them (as MkDocs' ``custom_dir`` does for
Material's theme). Only what a project overrides is its own, so an upgrade of Catch-Up brings
every other fix. The result is written to ``.catchup/theme/`` with the rest of the build's input.
"""

from __future__ import annotations

from pathlib import Path

from generator import defaults
from generator.project import Project


def theme_files(project: Project) -> list[tuple[str, str | bytes]]:
    """Every file of the theme, by its path in the theme folder: the default's, or the project's."""
    files: dict[str, str | bytes] = {}
    for folder in (defaults.templates() / "theme", project.templates / "theme"):
        for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
            relative = path.relative_to(folder)
            if path.is_file() and not any(part.startswith(".") for part in relative.parts):
                files[relative.as_posix()] = path.read_bytes()
    return sorted(files.items())


def overridden(project: Project) -> list[Path]:
    """The project's own template and theme files that stand in for a default one of the same name."""
    own, shipped = project.templates, defaults.templates()
    if not own.is_dir() or own.resolve() == shipped.resolve():
        return []
    return sorted(path for path in own.rglob("*") if path.is_file() and (shipped / path.relative_to(own)).is_file())
