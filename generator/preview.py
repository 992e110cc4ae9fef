"""Preview builds: what ``catchup serve`` does on every save, kept apart from the server.

The first build is complete. After that, only Markdown whose text changed is rewritten, and
MkDocs rebuilds only those pages (its ``dirty`` mode), so one edited session shows in about a
second even in a large curriculum. A change to the navigation, the theme or mkdocs.yml builds
everything again. A check with errors builds nothing: the last good preview stays, and the
errors show in the terminal and, through a small script every preview page loads, on the page.
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path
from typing import Any

from generator.build import BuildError, Checked, check_project, config_path, generate
from generator.load import Project, ReadCache
from generator.model import Curriculum
from generator.problems import Problem, relative
from generator.render import Page, session_path

log = logging.getLogger("catchup")
ERRORS_SCRIPT = "catchup-preview-errors.js"
SEARCH_INDEX = Path("search") / "search_index.json"

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


def _digest(path: Path) -> bytes:
    return hashlib.blake2b(path.read_bytes(), digest_size=16).digest()


class Preview:
    """Builds the preview of ``project`` into ``site_dir``, as little as each change needs."""

    def __init__(self, project: Project, site_dir: Path, serve_url: str | None = None) -> None:
        self.project = project
        self.site_dir = site_dir
        self.serve_url = serve_url
        self.theme_stamp: tuple[tuple[str, bytes], ...] | None = None
        self.cache = ReadCache()  # files unchanged since the last save are not read again
        self.pages: dict[str, Page] = {}  # the Markdown of the last good build
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
        result = generate(self.project, checked.curriculum, self.site_dir, only=only, previous=self.pages)
        self.pages = {page.path: page for page in result.pages}
        self.inputs = inputs
        stamp = self._theme_stamp()
        dirty = self.theme_stamp == stamp and not result.config_changed
        self._mkdocs(dirty)
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
                    digest = _digest(path) if folder == self.project.templates else b""
                    found[path] = (stat.st_mtime_ns, stat.st_size, digest)
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
        shown = {relative(path, self.project.root) for path in changed}
        session_pages, only = set(), set()
        for program in curriculum.programs:
            for track in program.tracks:
                for index, session in enumerate(track.sessions):
                    session_pages.add(session_path(program, session))
                    if session.where.path in shown:
                        only.update(session_path(program, near) for near in track.sessions[max(index - 1, 0):index + 2])
        return only | {path for path in self.pages if path not in session_pages}

    def _theme_stamp(self) -> tuple[tuple[str, bytes], ...]:
        """What the theme and mkdocs.yml hold: every page depends on them."""
        files = [self.project.mkdocs_yml, *(self.project.templates / "theme").rglob("*")]
        return tuple(sorted((str(f), _digest(f)) for f in files if f.is_file()))

    def _show_errors(self, errors: list[Problem]) -> None:
        if self.site_dir.is_dir():
            lines = [f"{p.where}: {p.message}\n    hint: {p.hint}" for p in errors]
            (self.site_dir / ERRORS_SCRIPT).write_text(_SCRIPT % json.dumps(lines), encoding="utf-8")

    def _mkdocs(self, dirty: bool) -> None:
        from mkdocs.commands.build import build as run_build
        from mkdocs.config import load_config
        from mkdocs.exceptions import MkDocsException

        from generator import mkdocs_run
        from generator.read_ahead import can_fork

        # Served over http: no need for the offline plugin. Not strict: a preview shows what it can.
        overrides: dict[str, Any] = {"plugins": ["search"]}

        def adjust(config: Any) -> None:
            config.extra_javascript.append(ERRORS_SCRIPT)
            if self.serve_url:
                config.site_url = self.serve_url

        if not dirty and can_fork():  # a full build (the first one): on every core, as catchup build
            try:
                mkdocs_run.build(config_path(self.project), self.site_dir, overrides=overrides, adjust=adjust,
                                 serve_url=self.serve_url, strict=False)
            except mkdocs_run.MkDocsFailed as exc:
                raise BuildError(f"MkDocs could not build the preview: {exc}") from None
            return
        index = self.site_dir / SEARCH_INDEX
        kept = index.read_bytes() if dirty and index.is_file() else None
        try:
            config = load_config(config_file=str(config_path(self.project)), site_dir=str(self.site_dir),
                                 strict=False, **overrides)
            adjust(config)
            with mkdocs_run.quicker():  # the same pages, sooner
                run_build(config, dirty=dirty, serve_url=self.serve_url)
        except MkDocsException as exc:
            raise BuildError(f"MkDocs could not build the preview: {exc}") from None
        if kept is not None:  # a dirty build indexes only the pages it rebuilt; keep the full index
            index.write_bytes(kept)

