"""The pipeline, as a script: load and check, render, write the Markdown, build with MkDocs, swap in.

Everything is loaded and checked before anything is written. The site is built into a folder
of its own in ``.catchup/`` (``site.new-*``) and only swapped into ``site/`` when the build
succeeded, so a failed check or build leaves the previous site exactly as it was.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from generator.checks import Checked, check_project
from generator.errors import BuildError, MkDocsFailed
from generator.load import ReadCache
from generator.load.translations import localize
from generator.model import Curriculum
from generator.project import Project
from generator.render import Page, nav, render
from generator.render.calendar import calendar_files
from generator.render.foreign import mark
from generator.render.pages import Untranslated
from generator.render.widgets import finder_scripts
from generator.site import mkdocs_run, search
from generator.site.assets import fingerprinted
from generator.site.lock import build_lock
from generator.site.mkdocs_config import THEME_DIR, build_config, config_text
from generator.site.offline import write_offline
from generator.site.swap import swap
from generator.site.theme import theme_files
from generator.site.write import WriteResult, write_file, write_tree


@dataclass
class Generated:
    docs: WriteResult
    config: WriteResult
    pages: list[Page] = field(default_factory=list)
    theme: WriteResult = field(default_factory=WriteResult)

    @property
    def config_changed(self) -> bool:
        return bool(self.config.written or self.config.removed)

    @property
    def theme_changed(self) -> bool:
        return bool(self.theme.written or self.theme.removed)


def generate(project: Project, curriculum: Curriculum, site_dir: Path, *, only: set[str] | None = None,
             previous: dict[str, Page] | None = None, language: str | None = None,
             untranslated: Untranslated = frozenset()) -> Generated:
    """Render every page of one language's site (the first language unless said; ``curriculum``
    is then its translation) and write its Markdown and MkDocs config into ``.catchup/``.
    (``only`` and ``previous``: re-render only some pages; see ``render.render``.)"""
    languages = curriculum.languages
    language = language or languages[0]
    pages = render(curriculum, project.templates, only=only, previous=previous, language=language,
                   untranslated=untranslated)
    files = [*((page.path, page.text) for page in pages), *calendar_files(curriculum, language=language),
             *finder_scripts(curriculum.programs, curriculum.closures), *attachment_files(curriculum)]
    docs = write_tree(project.docs_for(language, languages), files)
    config = build_config(project, curriculum, nav(curriculum, pages, language), site_dir, language)
    theme = write_tree(project.work / THEME_DIR, fingerprinted(config, theme_files(project)))
    return Generated(docs, write_file(project.config_for(language, languages), config_text(config)), pages, theme)


def localized(curriculum: Curriculum, language: str) -> tuple[Curriculum, Untranslated]:
    """The curriculum in ``language``, and what has no translation in it (shown in the first language)."""
    first = curriculum.languages[0]
    if language == first:
        return curriculum, frozenset()
    result = localize(curriculum, language)
    mark(curriculum, result.curriculum, first)  # lang="en" on what is not translated
    return result.curriculum, frozenset(result.untranslated)


def language_site(site_dir: Path, language: str, languages: list[str]) -> Path:
    """Where one language's site goes: the first language's is ``site_dir`` itself, each other
    one the folder named by its code inside it."""
    return site_dir if language == languages[0] else site_dir / language


def after_mkdocs(project: Project, curriculum: Curriculum, site_dir: Path, *, keep_index: bool = False) -> None:
    """What is made from one language's built site (``curriculum``: in that language): the search
    data split per program, then the offline copy's lists (last: they list the files built before)."""
    search.split_index(site_dir, [program.id for program in curriculum.programs], keep_index=keep_index)
    write_offline(project, curriculum, site_dir)


def generate_all(project: Project, curriculum: Curriculum, staging: Path) -> None:
    """Every language's site: the first at the root of ``staging``, each other one in its folder.
    The first is built first: MkDocs empties the folder it builds into."""
    languages = curriculum.languages
    for language in languages:
        site_dir = language_site(staging, language, languages)
        text, untranslated = localized(curriculum, language)
        generate(project, text, site_dir, language=language, untranslated=untranslated)
        mkdocs_run.build(project.config_for(language, languages), site_dir)
        after_mkdocs(project, text, site_dir)


def attachment_files(curriculum: Curriculum) -> list[tuple[str, str | bytes]]:
    """Pictures and PDFs that the text links to, copied from content/ (see ``load.attachments``)."""
    return [(path, item.source.read_bytes()) for path, item in sorted(curriculum.attachments.items())]


def build(project: Project, *, strict: bool = False, cache: ReadCache | None = None) -> Checked:
    """Check, generate and build into ``site/``. Returns the check result; raises BuildError.
    Nothing is built if the check finds errors (with ``strict``, warnings too). One build of a
    project at a time (``lock``); each stages in a folder of its own, removed if anything fails."""
    checked = check_project(project, cache)
    if checked.blocks(strict):
        return checked
    try:
        with build_lock(project, wait=False):
            staging = Path(tempfile.mkdtemp(prefix="site.new-", dir=project.work))
            try:
                os.chmod(staging, 0o777 & ~_umask())  # mkdtemp makes it private; the site is for a web server
                generate_all(project, checked.curriculum, staging)
                swap(staging, project.site)
            finally:
                shutil.rmtree(staging, ignore_errors=True)
    except MkDocsFailed as exc:
        raise BuildError(f"MkDocs could not build the site: {exc}") from None
    except OSError as exc:
        raise could_not_write(exc) from None
    return checked


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


WRITE_ERRORS = {  # what an error while writing means, and what to do
    errno.ENOSPC: ("the disk is full", "Free some space on it, then build again."),
    errno.EDQUOT: ("the disk quota is used up", "Free some space, or ask for a larger quota, then build again."),
    errno.EROFS: ("the disk is read-only", "Build on a disk you can write to (copy the project there)."),
    errno.EACCES: ("Catch-Up may not write there", "Check who owns the project folder and its .catchup/ and site/ "
                   "folders, and that you may write to them."),
    errno.EPERM: ("Catch-Up may not write there", "Check who owns the project folder and its .catchup/ and site/ "
                  "folders, and that you may write to them."),
}


def could_not_write(exc: OSError) -> BuildError:
    """An error of the file system while building, as a message that says what to do."""
    what, todo = WRITE_ERRORS.get(exc.errno or 0, (exc.strerror or str(exc), "Check the disk, then build again."))
    where = f" ({exc.filename})" if exc.filename else ""
    return BuildError(f"could not write the site{where}: {what}. {todo}")
