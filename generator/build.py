"""The pipeline, as a script: load, check, render, write Markdown, build with MkDocs, swap in.

Everything is loaded and checked before anything is written. The site is built into
``.catchup/site.new`` and only swapped into ``site/`` when the build succeeded, so a failed
check or build leaves the previous site exactly as it was.
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from generator.checks import check
from generator.ics import calendar_files
from generator.widgets import finder_scripts
from generator.load import Project, ReadCache, load, no_garbage_collection
from generator.mkdocs_config import build_config, config_text
from generator.model import Curriculum
from generator.problems import Level, Problem
from generator.render import Page, nav, render
from generator.write import WriteResult, write_file, write_tree

log = logging.getLogger("catchup")


class BuildError(Exception):
    """The site could not be built; the message says why and what to do."""


@dataclass
class Checked:
    curriculum: Curriculum
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(p.is_error for p in self.problems)

    @property
    def session_count(self) -> int:
        return sum(len(p.sessions) for p in self.curriculum.programs)


def check_project(project: Project, cache: ReadCache | None = None) -> Checked:
    """Load and check everything; write nothing. (``cache``: see ``load.ReadCache``.)"""
    from generator.checks import check_files  # the per-file rules, worked out where each file is read

    with no_garbage_collection():
        loaded = load(project, cache, prepare=check_files)
        problems = loaded.problems + check(loaded.curriculum)
    return Checked(loaded.curriculum, sorted(problems))


@dataclass
class Generated:
    docs: WriteResult
    config: WriteResult
    pages: list[Page] = field(default_factory=list)

    @property
    def config_changed(self) -> bool:
        return bool(self.config.written or self.config.removed)


def generate(project: Project, curriculum: Curriculum, site_dir: Path, *, only: set[str] | None = None,
             previous: dict[str, Page] | None = None) -> Generated:
    """Render every page and write the Markdown and the MkDocs config into ``.catchup/``.
    (``only`` and ``previous``: re-render only some pages; see ``render.render``.)"""
    pages = render(curriculum, project.templates, only=only, previous=previous)
    files = [*((page.path, page.text) for page in pages), *calendar_files(curriculum),
             *finder_scripts(curriculum.programs), *attachment_files(curriculum)]
    docs = write_tree(project.work / "docs", files)
    config = build_config(project, curriculum, nav(curriculum, pages), site_dir)
    return Generated(docs, write_file(config_path(project), config_text(config)), pages)


def attachment_files(curriculum: Curriculum) -> list[tuple[str, bytes]]:
    """Pictures and PDFs that the text links to, copied from content/ (see ``attachments``)."""
    return [(path, item.source.read_bytes()) for path, item in sorted(curriculum.attachments.items())]


def config_path(project: Project) -> Path:
    return project.work / "mkdocs.yml"


def mkdocs_build(config_file: Path, site_dir: Path, *, workers: int | None = None) -> None:
    """Build the generated site with MkDocs, on every core (see ``mkdocs_run``)."""
    from generator.mkdocs_run import MkDocsFailed, build as run_build

    try:
        run_build(config_file, site_dir, workers=workers)
    except MkDocsFailed as exc:
        raise BuildError(f"MkDocs could not build the site: {exc}") from None


def build(project: Project, *, strict: bool = False, cache: ReadCache | None = None) -> Checked:
    """Check, generate and build into ``site/``. Returns the check result; raises BuildError.
    Nothing is built if the check finds errors (with ``strict``, warnings too)."""
    checked = check_project(project, cache)
    if not checked.ok or (strict and any(p.level is Level.WARNING for p in checked.problems)):
        return checked
    staging = project.work / "site.new"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        generate(project, checked.curriculum, staging)
        mkdocs_build(config_path(project), staging)
    except BuildError:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    swap(staging, project.site, project.work / "site.old")
    return checked


def swap(new: Path, live: Path, old: Path) -> None:
    """Replace ``live`` with ``new`` using renames, so the site is never half written."""
    shutil.rmtree(old, ignore_errors=True)
    if live.exists():
        live.rename(old)
    new.rename(live)
    shutil.rmtree(old, ignore_errors=True)
