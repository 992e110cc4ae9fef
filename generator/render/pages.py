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
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import jinja2.ext
import jinja2.lexer

from generator import defaults
from generator.model import ATTACHMENT_LINK, Curriculum, PageKey, Program, Session, Track
from generator.render import widgets
from generator.render.i18n import N_, SOURCE_LANGUAGE, translations
from generator.render.paths import session_path
from generator.render.pictures import pictures_as_html
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
from generator.render.words import NAV_WORDS, anchor, section_headings

HELP_PAGES = {  # title (a message of the catalogs), and the site-config files whose text the page shows
    "urgent-help.md": ("urgent-help.md.j2", N_("Urgent help"), ("urgent-help",)),
    "missed-a-session.md": ("missed-a-session.md.j2", N_("Missed a session"), ("policies", "contacts")),
    "tech-help.md": ("tech-help.md.j2", N_("Tech help"), ("contacts",)),
    "safety-plan.md": ("safety-plan.md.j2", N_("My safety plan"), ("urgent-help", "contacts")),
    "between-sessions.md": ("between-sessions.md.j2", N_("Between sessions"), ("between-sessions",)),
    "find-a-session.md": ("find-a-session.md.j2", N_("Find the session you missed"), ()),
    "what-got-in-the-way.md": ("what-got-in-the-way.md.j2", N_("What got in the way?"), ("contacts",)),
    "privacy.md": ("privacy.md.j2", N_("Privacy"), ()),
}
ALL_SITE_CONFIG = ("site", "urgent-help", "contacts")  # shown on every page (names, the urgent-help bar)
# Reached from the search button in every page's header, not from the navigation.
SEARCH_PAGE = ("search.md", "search.md.j2", N_("Search"))


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


class ConstantMessages(jinja2.ext.Extension):
    """``_("words")`` with no values is translated once, when a template is compiled, into the
    words themselves: rendering a page then calls nothing for them (Jinja2 calls ``_()`` through
    its context machinery, which cost a third of rendering a session page). A message with
    values, ``_("Session %(number)s", number=...)``, is left to ``_()``."""

    PATTERN = ("name", "lparen", "string", "rparen")

    def filter_stream(self, stream: jinja2.lexer.TokenStream) -> Iterator[jinja2.lexer.Token]:
        gettext = self.environment.catchup_gettext  # type: ignore[attr-defined]
        waiting: list[jinja2.lexer.Token] = []
        last = ""  # the type of the token before: `x._("words")` is an attribute, not the message
        for token in stream:
            waiting.append(token)
            while waiting:
                kinds = tuple(t.type for t in waiting)
                if kinds == self.PATTERN[:len(kinds)] and waiting[0].value == "_" and last != "dot":
                    if len(kinds) == len(self.PATTERN):  # as newstyle gettext does: always a format
                        yield jinja2.lexer.Token(waiting[0].lineno, "string", gettext(waiting[2].value) % {})
                        waiting, last = [], "string"
                    break
                last = waiting[0].type
                yield waiting.pop(0)
        yield from waiting


def environment(templates: Path, language: str = SOURCE_LANGUAGE) -> jinja2.Environment:
    """Jinja2 for the page templates: a template in the project's ``templates/pages/`` stands in
    for Catch-Up's own of the same name (``defaults``). Their words are messages of the gettext
    catalogs (``_()``, ``{% trans %}``: Jinja2's i18n extension), in ``language``."""
    env = jinja2.Environment(
        extensions=["jinja2.ext.i18n", ConstantMessages],
        loader=jinja2.FileSystemLoader([templates / "pages", defaults.templates() / "pages"]),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # Markdown, not HTML: the filters below escape HTML in YAML text
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # one environment per render, so a template is read once per build
    )
    catalog = translations(language)
    env.install_gettext_translations(catalog, newstyle=True)  # type: ignore[attr-defined]
    env.catchup_gettext = catalog.gettext  # type: ignore[attr-defined]
    headings = section_headings(catalog.gettext)
    env.globals.update(language=language, sections=headings, anchor=anchor)
    env.filters.update(inline=inline, prose=prose, literal=literal, url_target=url_target, html_title=html_title,
                       part_heading=functools.partial(part_heading, taken=frozenset(map(anchor, headings.values()))),
                       tel=tel, clock=functools.partial(clock, language=language), zone_name=zone_name,
                       weekday=functools.partial(weekday_name, language=language))
    widgets.register(env, language)
    return env


Untranslated = frozenset[PageKey]  # what has no translation (see load.translations.localize)


class Renderer:
    """Render every page of a checked curriculum, in one language (``language``; ``untranslated``
    names what is shown in the default language, so that a page can say so)."""

    def __init__(self, curriculum: Curriculum, templates: Path, *, only: set[str] | None = None,
                 previous: dict[str, Page] | None = None, language: str = SOURCE_LANGUAGE,
                 untranslated: Untranslated = frozenset()) -> None:
        self.curriculum = curriculum
        self.env = environment(templates, language)
        self._ = translations(language).gettext
        self.only, self.previous = only, previous or {}
        self.untranslated = untranslated

    def page(self, path: str, template: str, title: str, *, shows: tuple[PageKey, ...] = (),
             **context: Any) -> Page:
        """One page; ``shows``: what translatable things it shows, its own first (for the notice
        on a page that is not, or not all, translated)."""
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
        # Front matter the theme reads (page.meta): the program a page is in (the search button
        # searches it), and the notice on a page not, or not all, translated (main.html).
        meta = {"program": context["program"].id} if isinstance(context.get("program"), Program) else {}
        missing = self.missing(shows)
        if missing:
            meta["untranslated"] = missing
        if meta:
            text = "---\n" + "".join(f"{key}: {value}\n" for key, value in meta.items()) + "---\n\n" + text
        return Page(path, title, text)

    def missing(self, shows: tuple[PageKey, ...]) -> str | None:
        """'all' when the page's own text is not translated, 'part' when some of what it shows is not."""
        if not self.untranslated or not shows:
            return None
        if shows[0] in self.untranslated:
            return "all"
        return "part" if any(key in self.untranslated for key in shows[1:]) else None

    def attached(self, text: str, up: str) -> str:
        """Links to pictures and PDFs from content/ (``catchup-file:files/...``, in Markdown or in the
        tools' HTML) as paths relative to the page; only to a file the loader attached: anything
        else written that way (an author can type the marker too) links nowhere. A picture shown
        in the text becomes ``<img>`` with its size (``render.pictures``)."""
        if "<img" in text:
            text = pictures_as_html(text, self.curriculum.pictures, up)
        def one(found: re.Match[str]) -> str:
            opening, target = found.groups()
            path = target.split("#", 1)[0]
            if path in self.curriculum.attachments and SAFE_PATH.fullmatch(target):
                return opening + up + target
            return opening + "#blocked-link"
        return ATTACHED.sub(one, text)

    def pages(self) -> list[Page]:
        """Every page, in navigation order."""
        _ = self._
        programs = self.curriculum.programs
        every = tuple(("site-config", name) for name in ALL_SITE_CONFIG)
        listed = tuple(("program", program.id) for program in programs)
        pages = [self.page("index.md", "home.md.j2", self.curriculum.config["site"]["name"], programs=programs,
                           shows=(("site-config", "site"), *every, *listed))]
        pages += [self.page(path, template, _(title), programs=programs,
                            shows=(*(("site-config", name) for name in files), *every,
                                   *(listed if path == "find-a-session.md" else ())))
                  for path, (template, title, files) in HELP_PAGES.items()]
        pages.append(self.page(SEARCH_PAGE[0], SEARCH_PAGE[1], _(SEARCH_PAGE[2]), programs=programs, shows=every))
        for program in programs:
            sessions = tuple(("session", program.id, session.id) for session in program.sessions)
            pages.append(self.page(f"{program.id}/index.md", "program.md.j2", program.title,
                                   program=program, session_path=session_path,
                                   shows=(("program", program.id), *every, *sessions)))
            pages.append(self.page(f"{program.id}/my-catch-up.md", "my-catch-up.md.j2", _(NAV_WORDS["my_catch_up"]),
                                   program=program, shows=(("program", program.id), *every, *sessions)))
            pages += [self.session_page(program, track, session)
                      for track in program.tracks for session in track.sessions]
        return pages

    def session_page(self, program: Program, track: Track, session: Session) -> Page:
        sessions = track.sessions
        index = sessions.index(session)
        shared = tuple((kind, item.id) for kind, items in (("worksheet", session.worksheets), ("skill", session.skills))
                       for item in items if item.shared)
        return self.page(
            session_path(program, session), "session.md.j2", session.title,
            program=program, track=track, session=session,
            next=sessions[index + 1] if index + 1 < len(sessions) else None,
            session_path=session_path,
            shows=(("session", program.id, session.id), ("program", program.id), *shared,
                   *(("site-config", name) for name in ALL_SITE_CONFIG)),
        )


def render(curriculum: Curriculum, templates: Path, *, only: set[str] | None = None,
           previous: dict[str, Page] | None = None, language: str = SOURCE_LANGUAGE,
           untranslated: Untranslated = frozenset()) -> list[Page]:
    """All pages of the site, in navigation order, in ``language``. With ``only``, pages whose
    paths are not in it are taken from ``previous`` as they are (the preview re-renders only what
    an edit touched)."""
    return Renderer(curriculum, templates, only=only, previous=previous, language=language,
                    untranslated=untranslated).pages()


def nav_title(text: str) -> str:
    """A title for the navigation: one line, with HTML characters escaped."""
    return html.escape(" ".join(str(text).split()))


def nav(curriculum: Curriculum, pages: list[Page], language: str = SOURCE_LANGUAGE) -> list[Any]:
    """The MkDocs nav: home, then each program by track, then the help pages; hierarchical so
    that ``navigation.prune`` keeps every page small."""
    # The theme writes nav titles into HTML as they are, so text from YAML is escaped here.
    _ = translations(language).gettext
    words = {name: nav_title(_(message)) for name, message in NAV_WORDS.items()}
    titles = {page.path: nav_title(page.title) for page in pages}
    entries: list[Any] = [{words["home"]: "index.md"}]
    for program in curriculum.programs:
        children: list[Any] = [{words["overview"]: f"{program.id}/index.md"},
                               {words["my_catch_up"]: f"{program.id}/my-catch-up.md"}]
        for track in program.tracks:
            if track.sessions:
                children.append({nav_title(track.title): [
                    {f"{s.number}. {titles[session_path(program, s)]}": session_path(program, s)}
                    for s in track.sessions
                ]})
        entries.append({nav_title(program.title): children})
    entries.append({words["get_help"]: [{titles[path]: path} for path in HELP_PAGES]})
    return entries
