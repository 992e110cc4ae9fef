"""Render stage: curriculum in, Markdown pages out (as text in memory; nothing is written here).

Templates live in the project's ``templates/pages/``. Jinja2 runs with ``StrictUndefined`` so a
typo in a template fails loudly. The output is Markdown, so autoescaping is off; instead every
piece of text from YAML goes through ``inline`` or ``prose``, which escape raw HTML. From
``TWO_PROCESSES_FROM`` pages on, where a core is free, a forked child renders the second half
(``read_ahead.Child``); the pages are the same, in the same order.
"""

from __future__ import annotations

import functools
import html
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from markdown.extensions.toc import slugify  # how Python-Markdown makes a heading's id

from generator.model import Curriculum, Program, Session, Track
from generator.read_ahead import Child, can_fork, core_free

WEEKDAY_NAMES = {
    "monday": "Monday", "tuesday": "Tuesday", "wednesday": "Wednesday", "thursday": "Thursday",
    "friday": "Friday", "saturday": "Saturday", "sunday": "Sunday",
}
HELP_PAGES = {
    "urgent-help.md": ("urgent-help.md.j2", "Urgent help"),
    "missed-a-session.md": ("missed-a-session.md.j2", "Missed a session"),
    "tech-help.md": ("tech-help.md.j2", "Tech help"),
    "between-sessions.md": ("between-sessions.md.j2", "Between sessions"),
    "find-a-session.md": ("find-a-session.md.j2", "Find the session you missed"),
    "what-got-in-the-way.md": ("what-got-in-the-way.md.j2", "What got in the way?"),
    "privacy.md": ("privacy.md.j2", "Privacy"),
}


@dataclass(frozen=True)
class Page:
    """One Markdown page: where it goes (relative to the docs folder) and its text."""

    path: str
    title: str
    text: str


# From this many pages, a forked child renders half of them (where a core is free: see read_ahead).
TWO_PROCESSES_FROM = 200

SAFE_SCHEMES = ("http", "https", "mailto", "tel")
LINK_TARGET = re.compile(r"\]\(\s*([a-zA-Z][a-zA-Z0-9+.-]*):")
REFERENCE_LINK = re.compile(r"^(\s*\[[^\]]+\]):", re.M)
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def _safe_link(match: re.Match[str]) -> str:
    scheme = match.group(1).lower()
    # catchup-file: only ever comes from the loader (which blocks it when typed by an author);
    # Renderer.page turns it into a path relative to the page.
    return match.group(0) if scheme in SAFE_SCHEMES or scheme == "catchup-file" else "](#blocked-link-"


def inline(value: Any) -> str:
    """Text for one line of Markdown: whitespace folded, raw HTML shown as text, and links only
    to http(s), mailto and tel (any other scheme, such as javascript:, is made harmless)."""
    text = " ".join(str(value).split()).replace("<", "&lt;")
    if "]" not in text:  # most text has no link at all
        return text
    return REFERENCE_LINK.sub(r"\1\:", LINK_TARGET.sub(_safe_link, text))


# The ids Python-Markdown gives the session page's section headings. The checklist links to them,
# and the first heading with a given id keeps it, so a worksheet or skill heading must not take one.
SESSION_SECTIONS = frozenset({
    "what-we-covered", "key-points", "worksheets", "skills-practice", "reflect", "before-next-session",
    "learn-more", "make-up-options", "tell-your-team", "urgent-help",
})


def part_heading(value: Any, kind: str) -> str:
    """A worksheet's or skill's heading: its title, with '(worksheet)' or '(skill)' added when the
    title alone would take a section's id (a worksheet called 'Reflect' would make the checklist's
    'Reflect' link jump to the worksheet)."""
    text = inline(value)
    return f"{text} ({kind})" if slugify(text, "-") in SESSION_SECTIONS else text


def prose(value: Any) -> str:
    """Text that may run to several paragraphs: blank lines kept, raw HTML shown as text."""
    paragraphs = PARAGRAPH_BREAK.split(str(value).strip())
    return "\n\n".join(inline(p) for p in paragraphs if p.strip())


def tel(value: Any) -> str:
    """A phone number as a tel: address: the number at the start (digits, a leading +), so that
    '988, then press 1' dials 988 and never 9881."""
    text = str(value).strip()
    number = re.match(r"\+?[\d\s().-]*", text).group(0)  # type: ignore[union-attr]
    digits = re.sub(r"\D", "", number)
    return ("+" if text.startswith("+") else "") + digits


def clock(value: str) -> str:
    """'18:00' as participants in the US read it: '6:00 p.m.'."""
    hours, minutes = (int(part) for part in value.split(":"))
    suffix = "a.m." if hours < 12 else "p.m."
    return f"{(hours % 12) or 12}:{minutes:02d} {suffix}"


def zone_name(value: str) -> str:
    """'America/New_York' as a place people know: 'New York'."""
    return value.rsplit("/", 1)[-1].replace("_", " ")


# A page links to the same few pages as its neighbours; posixpath.relpath asks the system for
# the working folder twice a call. (The paths are inside the docs folder, so the folder is moot.)
relative_path = functools.lru_cache(maxsize=8192)(posixpath.relpath)


def session_path(program: Program, session: Session) -> str:
    return f"{program.id}/{session.track}/{session.id}.md"


def environment(templates: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates / "pages"),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # Markdown, not HTML: the filters below escape HTML in YAML text
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # one environment per render, so a template is read once per build
    )
    env.filters.update(inline=inline, prose=prose, part_heading=part_heading, tel=tel, clock=clock,
                       zone_name=zone_name, weekday=WEEKDAY_NAMES.__getitem__)
    from generator.widgets import register  # widgets builds on the filters above

    register(env)
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
            config=self.curriculum.config, page_path=path, link=link, title=title, **context
        )
        if "](catchup-file:" in text:  # a picture or PDF from content/, copied to files/ by the build
            up = link(".")
            text = text.replace("](catchup-file:", "](" + ("" if up == "." else up + "/"))
        return Page(path, title, text)

    def pages(self) -> list[Page]:
        tasks = self.tasks()
        if self.only is not None or len(tasks) < TWO_PROCESSES_FROM or not (can_fork() and core_free()):
            return [task() for task in tasks]
        # A forked child renders the second half while this process renders the first. It sends
        # its pages in one piece at the end: a pipe holds only a few, and it would wait for this
        # process to read them.
        half = len(tasks) // 2
        for name in self.env.list_templates():  # compiled once, here, not in both processes
            self.env.get_template(name)
        child: Child[list[Page]] = Child(lambda: iter([[task() for task in tasks[half:]]]))
        try:
            pages = [task() for task in tasks[:half]]
            pages += child.receive(wait=True) or []
        finally:
            child.close()
        return pages + [task() for task in tasks[len(pages):]]  # if the child failed: the rest here

    def tasks(self) -> list[Callable[[], Page]]:
        """What renders each page, in navigation order."""
        programs = self.curriculum.programs
        tasks = [functools.partial(self.page, "index.md", "home.md.j2", self.curriculum.config["site"]["name"],
                                   programs=programs)]
        tasks += [functools.partial(self.page, path, template, title, programs=programs)
                  for path, (template, title) in HELP_PAGES.items()]
        for program in programs:
            tasks.append(functools.partial(self.page, f"{program.id}/index.md", "program.md.j2", program.title,
                                           program=program, session_path=session_path))
            tasks += [functools.partial(self.session_page, program, track, session)
                      for track in program.tracks for session in track.sessions]
        return tasks

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
        children: list[Any] = [{"Overview": f"{program.id}/index.md"}]
        for track in program.tracks:
            if track.sessions:
                children.append({nav_title(track.title): [
                    {f"{s.number}. {titles[session_path(program, s)]}": session_path(program, s)}
                    for s in track.sessions
                ]})
        entries.append({nav_title(program.title): children})
    entries.append({"Get help": [{title: path} for path, (_, title) in HELP_PAGES.items()]})
    return entries
