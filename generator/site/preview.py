"""Preview builds: what ``catchup serve`` does on every save, kept apart from the server.

The first build is complete. After that, only Markdown whose text changed is rewritten, and
MkDocs rebuilds only those pages (its ``dirty`` mode), so one edited session shows in about a
second even in a large curriculum. A change to the navigation, the theme or mkdocs.yml builds
everything again. A check with errors builds nothing: the last good preview stays, and the
errors show in the terminal and, through a small script every preview page loads, on the page.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from generator.checks import Checked, check_project
from generator.errors import BuildError, MkDocsFailed
from generator.load import ReadCache
from generator.load.read import digest
from generator.model import Curriculum
from generator.problems import Problem, relative
from generator.project import Project
from generator.render import Page, session_path
from generator.site import mkdocs_run
from generator.site.build import after_mkdocs, generate, language_site, localized
from generator.site.lock import build_lock

log = logging.getLogger("catchup")
ERRORS_SCRIPT = "catchup-preview-errors.js"

# Shows the check's errors over the page; the text is set with textContent, never as HTML.
_SCRIPT = """(function () {
  var problems = %s;
  if (!problems.length) return;
  var box = document.createElement("section");
  box.setAttribute("role", "alert");
  box.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;z-index:10;" +
    "background:#fff;color:#000;border-top:4px solid #b00020;padding:1em;font:14px/1.4 monospace";
  var title = document.createElement("h2");
  title.textContent = "Catch-Up found " + problems.length + " error(s); this preview shows the last good version.";
  box.appendChild(title);
  problems.forEach(function (text) {
    var line = document.createElement("pre");
    line.style.whiteSpace = "pre-wrap";
    line.textContent = text;
    box.appendChild(line);
  });
  document.addEventListener("DOMContentLoaded", function () { document.body.appendChild(box); });
})();
"""


class Preview:
    """Builds the preview of ``project`` into ``site_dir``, as little as each change needs."""

    def __init__(self, project: Project, site_dir: Path, serve_url: str | None = None) -> None:
        self.project = project
        self.site_dir = site_dir
        self.serve_url = serve_url
        self.theme_stamp: tuple[tuple[str, bytes], ...] | None = None
        self.cache = ReadCache()  # files unchanged since the last save are not read again
        self.pages: dict[str, dict[str, Page]] = {}  # the Markdown of the last good build, by language
        self.inputs: dict[Path, tuple[int, int, bytes]] = {}  # every input file when that build was made

    def rebuild(self) -> Checked:
        """Check, then regenerate and rebuild what changed."""
        inputs = self._inputs()
        checked = check_project(self.project, self.cache)
        errors = [p for p in checked.problems if p.is_error]
        if errors:
            self._show_errors(errors)
            return checked
        only = self._affected(inputs, checked.curriculum)
        languages = checked.curriculum.languages
        with build_lock(self.project, wait=True):  # a catchup build writes .catchup/ too: wait for it
            stamp = self._theme_stamp(inputs)
            dirty = self.theme_stamp == stamp and set(languages) == set(self.pages)
            texts = {}
            for language in languages:  # every language's Markdown first: then MkDocs, for each
                texts[language], untranslated = localized(checked.curriculum, language)
                result = generate(self.project, texts[language], language_site(self.site_dir, language, languages),
                                  only=only, previous=self.pages.get(language), language=language,
                                  untranslated=untranslated)
                self.pages[language] = {page.path: page for page in result.pages}
                dirty = dirty and not result.config_changed and not result.theme_changed
            self.pages = {language: self.pages[language] for language in languages}
            self.inputs = inputs
            # MkDocs empties the folder of a full build: the first language's holds the others'
            for language in languages:
                self._mkdocs(language, languages, dirty)
                after_mkdocs(self.project, texts[language], language_site(self.site_dir, language, languages),
                             keep_index=True)
        self.theme_stamp = stamp
        self._show_errors([])
        return checked

    def _inputs(self) -> dict[Path, tuple[int, int, bytes]]:
        """Each input file's time and size; for the templates (small: a few dozen files), also a
        digest of the bytes, since a same-size save within one tick of the clock keeps the time.
        (The YAML files are compared by the read cache: see ``ReadCache.refreshed``.)"""
        found = {}
        for folder in (self.project.content, self.project.site_config, self.project.templates):
            for path in folder.rglob("*"):
                if path.is_file():
                    stat = path.stat()
                    found[path] = (stat.st_mtime_ns, stat.st_size,
                                   digest(path.read_bytes()) if folder == self.project.templates else b"")
        return found

    def _affected(self, inputs: dict[Path, tuple[int, int, bytes]], curriculum: Curriculum) -> set[str] | None:
        """The pages to render again when only session files were edited: those sessions, their
        neighbours (whose "next session" links show their titles), the program pages and every
        page that is not a session. None (render everything) for any other change."""
        if not self.pages or inputs.keys() != self.inputs.keys():
            return None
        # Time and size, and the files the check read afresh: a same-size save within one tick
        # of the clock keeps the time, and only the read cache sees that the bytes changed.
        changed = {path for path, stamp in inputs.items() if self.inputs[path] != stamp} | self.cache.refreshed
        if any(path.suffix != ".yml" or path.parent.name != "sessions" for path in changed):
            return None
        # a session's translation (cbt-01.es.yml) shows on its source's page (cbt-01.yml)
        shown = {relative(path.with_name(path.name.split(".", 1)[0] + ".yml"), self.project.root) for path in changed}
        session_pages: set[str] = set()
        only: set[str] = set()
        for program in curriculum.programs:
            for track in program.tracks:
                for index, session in enumerate(track.sessions):
                    session_pages.add(session_path(program, session))
                    if session.where.path in shown:
                        only.update(session_path(program, near) for near in track.sessions[max(index - 1, 0):index + 2])
        first = next(iter(self.pages.values()))
        return only | {path for path in first if path not in session_pages}

    def _theme_stamp(self, inputs: dict[Path, tuple[int, int, bytes]]) -> tuple[tuple[str, bytes], ...]:
        """What the theme and mkdocs.yml hold (the theme's digests from ``inputs``): every page
        depends on them."""
        theme = self.project.templates / "theme"
        stamp = [(str(path), stamp[2]) for path, stamp in inputs.items() if path.is_relative_to(theme)]
        if self.project.mkdocs_yml.is_file():
            stamp.append((str(self.project.mkdocs_yml), digest(self.project.mkdocs_yml.read_bytes())))
        return tuple(sorted(stamp))

    def _show_errors(self, errors: list[Problem]) -> None:
        lines = [f"{p.where}: {p.message}\n    hint: {p.hint}" for p in errors]
        languages = list(self.pages) or [""]  # before the first build: the site's root only
        for language in languages:
            folder = language_site(self.site_dir, language, languages)
            if folder.is_dir():
                (folder / ERRORS_SCRIPT).write_text(_SCRIPT % json.dumps(lines), encoding="utf-8")

    def _mkdocs(self, language: str, languages: list[str], dirty: bool) -> None:
        site_dir = language_site(self.site_dir, language, languages)
        serve_url = self.serve_url
        if serve_url and language != languages[0]:
            serve_url = serve_url.rstrip("/") + f"/{language}/"

        def adjust(config: Any) -> None:
            config.extra_javascript.append(ERRORS_SCRIPT)
            if serve_url:
                config.site_url = serve_url

        index = site_dir / mkdocs_run.SEARCH_INDEX
        kept = index.read_bytes() if dirty and index.is_file() else None
        try:
            # Served over http: no need for the offline plugin. Not strict: a preview shows what it can.
            # A full build (the first one) runs on every core, as catchup build does, where forking is
            # safe: not in the watcher's thread (see speedups.parallel.can_fork).
            mkdocs_run.build(self.project.config_for(language, languages), site_dir, strict=False,
                             overrides={"plugins": ["search"]}, adjust=adjust, serve_url=serve_url, dirty=dirty)
        except MkDocsFailed as exc:
            raise BuildError(f"MkDocs could not build the preview: {exc}") from None
        if kept is not None:  # a dirty build indexes only the pages it rebuilt; keep the full index
            index.write_bytes(kept)

