"""What the page templates need to write the participant's tools as HTML.

The tools (session finder, catch-up checklist, worksheets, progress on the program page) run in
the browser, from ``templates/theme/assets/javascripts/catchup/``. Their markup is written by the
page templates as raw HTML inside the Markdown, where Markdown does not escape anything, so this
module gives the templates safe pieces: YAML text as HTML, attribute values, and data for the
scripts as JSON that no text can break out of. Nothing here fetches or writes anything.
"""

from __future__ import annotations

import datetime
import functools
import html
import json
import re
from collections.abc import Callable
from typing import Any

import jinja2
import markdown
from babel.dates import format_date
from babel.lists import format_list

from generator.checks.settings import today as settings_today
from generator.model import Closure, Program, Prompt, Session, Track, Worksheet
from generator.problems import Location
from generator.render.calendar import REMINDER_MINUTES, calendar_path
from generator.render.i18n import N_, SOURCE_LANGUAGE, babel_locale, translations
from generator.render.meetings import track_days
from generator.render.meetings import upcoming_closures as upcoming_closures_of
from generator.render.paths import finder_script_path, session_path
from generator.render.text import Foreign, clock, in_its_language, inline, weekday_name, zone_name
from generator.render.words import Translate, anchor, section_headings
from generator.schema import WEEKDAYS


def js_weekday(day: str) -> int:
    """A weekday as JavaScript's ``Date.getUTCDay()`` counts it: Sunday is 0."""
    return (WEEKDAYS.index(day) + 1) % 7
PARAGRAPH = re.compile(r"<p>(.*)</p>", re.S)


MARKDOWN_CHARACTERS = re.compile(r"[*_\[\]!`\\<>&]")
_MARKDOWN = markdown.Markdown()  # one converter, reset for each text, not one built per label


def html_text(value: Any) -> str:
    """One line of YAML text as HTML, for labels and legends that the templates write as HTML:
    the same Markdown as everywhere else (``inline``: bold, italic, safe links, no raw HTML)."""
    if isinstance(value, Foreign):
        return in_its_language(value, html_text(str(value)))
    text = inline(value)
    if not MARKDOWN_CHARACTERS.search(text):
        return html.escape(text, quote=False)  # what Markdown makes of plain text, without asking it
    rendered = _MARKDOWN.reset().convert(text)
    match = PARAGRAPH.fullmatch(rendered)
    if match and "<p>" not in match.group(1):
        return match.group(1)
    return html.escape(" ".join(str(value).split()))  # text Markdown would turn into a block


def attr(value: Any) -> str:
    """A value for an HTML attribute, quotes included in the escaping."""
    return html.escape(str(value), quote=True)


def json_script(data: Any) -> str:
    """JSON for a ``<script type="application/json">`` element: ``<``, ``>`` and ``&`` are written
    as escapes, so no text can end the element early."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def page_href(link: Callable[[str], str], target: str) -> str:
    """A link to a generated page as the built site has it (``use_directory_urls: false``), for
    raw HTML and data, which MkDocs does not rewrite."""
    href = link(target)
    return href[:-3] + ".html" if href.endswith(".md") else href


def plain(value: Any) -> str:
    """Text for the scripts, which show it with ``textContent``: one line, as written."""
    return " ".join(str(value).split())


def track_data(program: Program, track: Track, link: Callable[[str], str], _: Translate = str,
               language: str = SOURCE_LANGUAGE) -> dict[str, Any]:
    schedule = track.schedule
    if language.startswith("en"):
        days = [f"{day.capitalize()}s" for day in schedule["days"]]
        days_text = " and ".join([", ".join(days[:-1]), days[-1]] if len(days) > 1 else days)
    else:
        days_text = format_list([weekday_name(day, language) for day in schedule["days"]],
                                locale=babel_locale(language))
    return {
        "id": track.id,
        "title": plain(track.title),
        "days": [js_weekday(day) for day in schedule["days"]],
        "when": _("on {days} at {start} ({zone} time)").format(
            days=days_text, start=clock(schedule["start"], language), zone=zone_name(schedule["timezone"])),
        "order": track.order,
        "start_date": str(track.start_date) if track.start_date else None,
    }


def finder_data(programs: list[Program], link: Callable[[str], str], _: Translate = str,
                language: str = SOURCE_LANGUAGE) -> dict[str, Any]:
    """What the session finder's page embeds (file:// forbids fetching it): the programs and their
    schedules. The sessions of a program come from its own small script, ``finder/<id>.js``,
    loaded when it is chosen, so the page stays small however many sessions there are."""
    return {"programs": [
        {"id": p.id, "title": plain(p.title), "href": page_href(link, f"{p.id}/index.md"),
         "sessions": link(finder_script_path(p)),
         "tracks": [track_data(p, t, link, _, language) for t in p.tracks if t.sessions]}
        for p in programs
    ]}


EPOCH = datetime.date(1970, 1, 1)


def day_number(day: datetime.date) -> int:
    """A day as the finder's script counts it: days since 1970-01-01."""
    return (day - EPOCH).days


def track_meetings(program: Program, track: Track, closures: list[Closure], today: datetime.date) -> dict[str, Any]:
    """What the finder needs to answer for one track: its sessions, each meeting as
    [day number, the session's place in the list], the days it did not meet with why, and the
    last day known (see ``render.meetings``: the script counts nothing itself)."""
    days = track_days(track, closures, today)

    def link(target: str) -> str:
        return target

    return {
        "sessions": [{"number": s.number, "title": plain(s.title), "href": page_href(link, session_path(program, s))}
                     for s in track.sessions],
        "meetings": [[day_number(m.day), m.index] for m in days.meetings],
        "closed": {str(day_number(when)): why for when, why in sorted(days.closed.items())},
        "until": day_number(days.until) if days.until else None,
    }


def finder_scripts(programs: list[Program], closures: list[Closure] | None = None,
                   today: datetime.date | None = None) -> list[tuple[str, str]]:
    """One script per program with the sessions and meetings of its tracks, for the finder page
    (at the site's root, which the links are relative to). It only adds data to
    ``window.CatchUp.finderSessions``."""
    scripts = []
    for program in programs:
        tracks = {t.id: track_meetings(program, t, closures or [], today or settings_today())
                  for t in program.tracks if t.sessions}
        scripts.append((finder_script_path(program),
                        "window.CatchUp = window.CatchUp || {};\n"
                        "(window.CatchUp.finderSessions = window.CatchUp.finderSessions || {})"
                        f"[{json_script(program.id)}] = {json_script(tracks)};\n"))
    return scripts


def upcoming_closures(program: Program, closures: list[Closure], today: datetime.date | None = None,
                      weeks: int = 8, _: Translate = str, language: str = SOURCE_LANGUAGE) -> list[tuple[str, str]]:
    """The days in the next ``weeks`` weeks on which a group of the program would have met but
    does not: (the day in words, which groups and why), for the program page."""
    today = today or settings_today()
    found: dict[datetime.date, list[tuple[str, str]]] = {}
    tracks = [track for track in program.tracks if track.sessions]
    for track in tracks:
        for when, why in upcoming_closures_of(track_days(track, closures, today), today, weeks):
            found.setdefault(when, []).append((plain(track.title), why))
    days = []
    for when, groups in sorted(found.items()):
        by_reason: dict[str, list[str]] = {}
        for title, why in groups:
            by_reason.setdefault(why, []).append(title)
        what = "; ".join(_("no {groups} ({why})").format(groups=_(" or ").join(titles), why=why)
                         for why, titles in by_reason.items())
        days.append((format_date(when, format="full", locale=babel_locale(language)), what))
    return days


# The safety plan page's questions: the well-known public structure of safety planning (Stanley and
# Brown's Safety Planning Intervention; the VA's safety plan), in Catch-Up's own plain words.
SAFETY_PLAN = (
    N_("My warning signs: what thoughts, feelings, moods or events tell me a crisis may be starting?"),
    N_("Things I can do on my own to calm down or take my mind off things (a skill, a place, an activity):"),
    N_("People and places that help me feel better or take my mind off things:"),
    N_("People I can ask for help, with their phone numbers:"),
    N_("Professionals I can call (my therapist, doctor, prescriber), with their phone numbers. The program's "
       "team and crisis lines are below."),
    N_("Making my surroundings safer: what I will do about medicines, firearms, alcohol or drugs, or anything "
       "else I could use to hurt myself (for example, lock it away or ask someone to keep it for now):"),
    N_("What matters most to me, and is worth living for:"),
)


def safety_plan(_: Translate = str) -> dict[str, Any]:
    """The safety plan page's form, as a worksheet of the page's own (kept like any worksheet's
    answers: on this device only, after the same opt-in)."""
    where = Location("safety-plan.md")
    title = _("My safety plan")
    sheet = Worksheet(id="safety-plan", title=title, purpose="", instructions="",
                      prompts=[Prompt(_(text)) for text in SAFETY_PLAN], where=where)
    session = Session(id="safety-plan", title=title, track="", number=0, kind="individual",
                      approaches=[], duration_minutes=0, objectives=[], where=where)
    return {"sheet": sheet, "session": session}


def my_catch_up(program: Program, link: Callable[[str], str]) -> dict[str, Any]:
    """What the program's "My catch-up" page needs to show what this device keeps: each session
    with its address, its questions to reflect on, and its worksheets and logs."""
    return {"program": program.id, "title": plain(program.title), "sessions": [
        {"id": s.id, "number": s.number, "title": plain(s.title), "track": plain(track.title),
         "href": page_href(link, session_path(program, s)), "reflection": [plain(q) for q in s.reflection],
         "worksheets": [{"id": w.id, "title": plain(w.title), "log": w.log} for w in s.worksheets]}
        for track in program.tracks for s in track.sessions]}


def checklist_steps(session: Session, _: Translate = str) -> list[dict[str, str]]:
    """The catch-up checklist of one session: id, what to do, and the section (its heading's
    anchor and text) where it is done. Parts a session is exempt from are left out."""
    steps = [("tell", N_("Tell your team you missed this session"), "tell"),
             ("read", N_("Read what we covered"), "covered")]
    if session.worksheets:
        steps.append(("worksheet", N_("Do the worksheet"), "worksheets"))
    if session.skills:
        steps.append(("skill", N_("Practice the skill"), "skills"))
    steps += [("reflect", N_("Think about the questions"), "reflect"),
              ("ready", N_("Get ready for next time"), "before-next")]
    headings = section_headings(_)
    return [{"id": i, "text": _(text), "anchor": anchor(headings[section]), "section": headings[section]}
            for i, text, section in steps]


def register(env: jinja2.Environment, language: str = SOURCE_LANGUAGE) -> None:
    """Make these helpers available to the page templates, in the pages' language."""
    _ = translations(language).gettext
    env.filters.update(html_text=html_text, attr=attr, json_script=json_script)
    env.globals.update(finder_data=functools.partial(finder_data, _=_, language=language),
                       checklist_steps=functools.partial(checklist_steps, _=_),
                       page_href=page_href, calendar_path=calendar_path, reminder_minutes=REMINDER_MINUTES,
                       upcoming_closures=functools.partial(upcoming_closures, _=_, language=language),
                       safety_plan=safety_plan(_), my_catch_up=my_catch_up)
