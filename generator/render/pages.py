"""The Markdown pages of the site, from the page templates (in memory; nothing is written here).

Templates live in the project's ``templates/pages/``. Jinja2 runs with ``StrictUndefined`` so a
typo in a template fails loudly. The output is Markdown, so autoescaping is off; instead every
piece of text from YAML goes through ``inline`` or ``prose`` (``render.text``), which escape raw
HTML, and the tools' HTML is written with the helpers of ``render.widgets``.
"""

from __future__ import annotations

import functools
import html
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from generator import defaults
from generator.model import ATTACHMENT_LINK, Curriculum, Program, Session, Track
from generator.render import widgets
from generator.render.paths import session_path
from generator.render.text import (
    clock,
    html_title,
    inline,
    literal,
    part_heading,
    prose,
    tel,
    url_target,
    weekday_name,
    zone_name,
)

HELP_PAGES = {
    "urgent-help.md": ("urgent-help.md.j2", "Urgent help"),
    "missed-a-session.md": ("missed-a-session.md.j2", "Missed a session"),
    "tech-help.md": ("tech-help.md.j2", "Tech help"),
    "safety-plan.md": ("safety-plan.md.j2", "My safety plan"),
    "between-sessions.md": ("between-sessions.md.j2", "Between sessions"),
    "find-a-session.md": ("find-a-session.md.j2", "Find the session you missed"),
    "what-got-in-the-way.md": ("what-got-in-the-way.md.j2", "What got in the way?"),
    "privacy.md": ("privacy.md.j2", "Privacy"),
}
# Reached from the search button in every page's header, not from the navigation.
SEARCH_PAGE = ("search.md", "search.md.j2", "Search")


@dataclass(frozen=True)
class Page:
    """One Markdown page: where it goes (relative to the docs folder) and its text."""

    path: str
    title: str
    text: str


# A link to an attachment, as Markdown (the target of "](") or as HTML (the tools' labels).
ATTACHED = re.compile(r'(\]\(\s*|src="|href=")' + re.escape(ATTACHMENT_LINK) + r'([^)"\s]*)')
SAFE_PATH = re.compile(r"files/[\w./-]+(?:#[\w=.-]*)?")

# A page links to the same few pages as its neighbours: each link is worked out once. (The paths
# are inside the docs folder, so relpath's working folder is moot.)
relative_path = functools.lru_cache(maxsize=8192)(posixpath.relpath)


def environment(templates: Path) -> jinja2.Environment:
    """Jinja2 for the page templates: a template in the project's ``templates/pages/`` stands in
    for Catch-Up's own of the same name (``defaults``)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([templates / "pages", defaults.templates() / "pages"]),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # Markdown, not HTML: the filters below escape HTML in YAML text
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # one environment per render, so a template is read once per build
    )
    env.filters.update(inline=inline, prose=prose, literal=literal, url_target=url_target, html_title=html_title,
                       part_heading=part_heading, tel=tel, clock=clock, zone_name=zone_name, weekday=weekday_name)
    widgets.register(env)
    return env


class Renderer:
    """Render every page of a checked curriculum."""

    def __init__(self, curriculum: Curriculum, templates: Path, *, only: set[str] | None = None,
                 previous: dict[str, Page] | None = None) -> None:
        self.curriculum = curriculum
        self.env = environment(templates)
        self.only, self.previous = only, previous or {}

    def page(self, path: str, template: str, title: str, **context: Any) -> Page:
        if self.only is not None and path not in self.only and path in self.previous:
            return self.previous[path]  # a preview rebuild: this page's inputs did not change
        folder = posixpath.dirname(path) or "."

        def link(target: str) -> str:
            return relative_path(target, folder)

        text = self.env.get_template(template).render(
            config=self.curriculum.config, site_closures=self.curriculum.closures, page_path=path, link=link,
            title=title, **context
        )
        if ATTACHMENT_LINK in text:  # a picture or PDF from content/, copied to files/ by the build
            up = link(".")
            text = self.attached(text, "" if up == "." else up + "/")
        return Page(path, title, text)

    def attached(self, text: str, up: str) -> str:
        """Links to pictures and PDFs from content/ (``catchup-file:files/...``, in Markdown or in the
        tools' HTML) as paths relative to the page; only to a file the loader attached: anything
        else written that way (an author can type the marker too) links nowhere."""
        def one(found: re.Match[str]) -> str:
            opening, target = found.groups()
            path = target.split("#", 1)[0]
            if path in self.curriculum.attachments and SAFE_PATH.fullmatch(target):
                return opening + up + target
            return opening + "#blocked-link"
        return ATTACHED.sub(one, text)

    def pages(self) -> list[Page]:
        """Every page, in navigation order."""
        programs = self.curriculum.programs
        pages = [self.page("index.md", "home.md.j2", self.curriculum.config["site"]["name"], programs=programs)]
        pages += [self.page(path, template, title, programs=programs)
                  for path, (template, title) in HELP_PAGES.items()]
        pages.append(self.page(*SEARCH_PAGE, programs=programs))
        for program in programs:
            pages.append(self.page(f"{program.id}/index.md", "program.md.j2", program.title,
                                   program=program, session_path=session_path))
            pages.append(self.page(f"{program.id}/my-catch-up.md", "my-catch-up.md.j2", "My catch-up",
                                   program=program))
            pages += [self.session_page(program, track, session)
                      for track in program.tracks for session in track.sessions]
        return pages

    def session_page(self, program: Program, track: Track, session: Session) -> Page:
        sessions = track.sessions
        index = sessions.index(session)
        return self.page(
            session_path(program, session), "session.md.j2", session.title,
            program=program, track=track, session=session,
            next=sessions[index + 1] if index + 1 < len(sessions) else None,
            session_path=session_path,
        )


def render(curriculum: Curriculum, templates: Path, *, only: set[str] | None = None,
           previous: dict[str, Page] | None = None) -> list[Page]:
    """All pages of the site, in navigation order. With ``only``, pages whose paths are not in it
    are taken from ``previous`` as they are (the preview re-renders only what an edit touched)."""
    return Renderer(curriculum, templates, only=only, previous=previous).pages()


def nav_title(text: str) -> str:
    """A title for the navigation: one line, with HTML characters escaped."""
    return html.escape(" ".join(str(text).split()))


def nav(curriculum: Curriculum, pages: list[Page]) -> list[Any]:
    """The MkDocs nav: home, then each program by track, then the help pages; hierarchical so
    that ``navigation.prune`` keeps every page small."""
    # The theme writes nav titles into HTML as they are, so text from YAML is escaped here.
    titles = {page.path: nav_title(page.title) for page in pages}
    entries: list[Any] = [{"Home": "index.md"}]
    for program in curriculum.programs:
        children: list[Any] = [{"Overview": f"{program.id}/index.md"}, {"My catch-up": f"{program.id}/my-catch-up.md"}]
        for track in program.tracks:
            if track.sessions:
                children.append({nav_title(track.title): [
                    {f"{s.number}. {titles[session_path(program, s)]}": session_path(program, s)}
                    for s in track.sessions
                ]})
        entries.append({nav_title(program.title): children})
    entries.append({"Get help": [{title: path} for path, (_, title) in HELP_PAGES.items()]})
    return entries
