"""The curriculum in memory: what was loaded and checked, ready to render.

Each object keeps ``where``, the file, line and column it came from, so a check can point at it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from generator.problems import Location

# How text in the model links to a picture or PDF from content/: the loader writes
# ``catchup-file:files/<path under content/>`` in place of the author's relative path, and the
# renderer turns it into a path relative to each page (the build copies the file there).
ATTACHMENT_LINK = "catchup-file:"


@dataclass
class Prompt:
    text: str
    answer: str = "text"  # "text" or "rating"
    low: str | None = None
    high: str | None = None


@dataclass
class Worksheet:
    id: str
    title: str
    purpose: str
    instructions: str
    prompts: list[Prompt]
    where: Location
    source: str | None = None
    shared: bool = False
    log: bool = False  # filled in again and again: entries with a date (a mood log, a sleep diary)


@dataclass
class Skill:
    id: str
    name: str
    when_to_use: str
    steps: list[str]
    where: Location
    time_needed: str | None = None
    how_often: str | None = None
    source: str | None = None
    shared: bool = False


@dataclass
class Session:
    id: str
    title: str
    track: str
    number: int
    kind: str
    approaches: list[str]
    duration_minutes: int
    objectives: list[str]
    where: Location
    program: str = ""
    summary: str = ""
    key_points: list[str] = field(default_factory=list)
    worksheets: list[Worksheet] = field(default_factory=list)  # shared ones (``use: <id>``) linked in
    skills: list[Skill] = field(default_factory=list)
    reflection: list[str] = field(default_factory=list)
    before_next_session: list[str] = field(default_factory=list)
    makeup_options: list[dict[str, Any]] = field(default_factory=list)
    resources: list[dict[str, Any]] = field(default_factory=list)
    exemptions: dict[str, str] = field(default_factory=dict)
    review: dict[str, Any] = field(default_factory=dict)
    fields: dict[str, Location] = field(default_factory=dict)  # where each field's key is

    def at(self, key: str) -> Location:
        """Where a field is written, or where the session starts if it is not."""
        return self.fields.get(key, self.where)


@dataclass(frozen=True)
class Closure:
    """Days with no meeting, from ``first`` to ``last`` (the same day for one day), and why."""

    first: str  # YYYY-MM-DD
    last: str
    reason: str
    where: Location


@dataclass(frozen=True)
class Move:
    """One meeting moved from one day to another (at another time, if ``start``)."""

    old: str  # YYYY-MM-DD
    new: str
    where: Location
    start: str | None = None


@dataclass(frozen=True)
class ScheduleChange:
    """From ``first`` on, other weekdays, time or length (None: as before)."""

    first: str  # YYYY-MM-DD
    where: Location
    days: tuple[str, ...] | None = None
    start: str | None = None
    duration_minutes: int | None = None


@dataclass
class Track:
    id: str
    title: str
    schedule: dict[str, Any]
    where: Location
    description: str = ""
    order: str = "sequence"
    start_date: str | None = None
    sessions: list[Session] = field(default_factory=list)
    closed: list[Closure] = field(default_factory=list)  # days this track does not meet
    moved: list[Move] = field(default_factory=list)
    changes: list[ScheduleChange] = field(default_factory=list)

    def schedule_on(self, day: datetime.date) -> tuple[tuple[str, ...], str, int]:
        """The weekdays, start time and length in force on ``day``: the schedule's, as the
        schedule changes from before it leave them (a change whose date is not a real date, which
        the checker reports, is left out)."""
        days, start = tuple(self.schedule["days"]), self.schedule["start"]
        minutes = self.schedule["duration_minutes"]
        for change in sorted(self.changes, key=lambda change: change.first):
            try:
                if datetime.date.fromisoformat(change.first) > day:
                    break
            except ValueError:
                continue
            days, start, minutes = change.days or days, change.start or start, change.duration_minutes or minutes
        return days, start, minutes


@dataclass
class Program:
    id: str
    title: str
    description: str
    audience: str
    tracks: list[Track]
    where: Location
    folder: str = ""
    sample: str | None = None
    unplaced: list[Session] = field(default_factory=list)  # sessions naming a track that does not exist
    unreadable: int = 0  # session files with errors of their own: numbering cannot be judged

    @property
    def sessions(self) -> list[Session]:
        return [session for track in self.tracks for session in track.sessions]


@dataclass
class Library:
    worksheets: dict[str, Worksheet] = field(default_factory=dict)
    skills: dict[str, Skill] = field(default_factory=dict)
    duplicates: list[Worksheet | Skill] = field(default_factory=list)  # a second file with a taken id


@dataclass
class Document:
    """One valid YAML file as read, with every value's position: what the text rules walk."""

    path: str  # as problems show it
    kind: str  # the schema it passed: session, program, worksheet, skill, site-config-...
    data: Any  # a YMap
    values: list[Any] | None = None  # its text values with their positions, once walked
    memo: dict[Any, Any] = field(default_factory=dict)  # per-file rule results, reused while unchanged
    language: str = ""  # a translation's language ("": the file is a source, in the site's first language)


# Which page a source file makes, as the renderer names it: ("session", program id, session id),
# ("program", id), ("worksheet", id), ("skill", id) or ("site-config", file stem).
PageKey = tuple[str, ...]


@dataclass
class Translation:
    """A translation file, ``<stem>.<code>.yml`` beside its source: the source's text in language
    ``language``, in the source's shape (see ``load.translation_shape``)."""

    path: str  # as problems show it
    language: str
    page: PageKey  # () when the source is missing or could not be read
    kind: str  # the schema of the source: session, program, ..., site-config-urgent-help
    source_path: str  # the source file, as problems show it
    where: Location
    data: Any = None  # a YMap; None when it was not read (unknown language) or has errors of its own
    source: Any = None  # the source's YMap; None when the source is missing or has errors
    orphan: bool = False  # no source file beside it
    memo: dict[Any, Any] = field(default_factory=dict)  # its structure problems, worked out once


@dataclass(frozen=True)
class Picture:
    """A picture from content/ that text links to, as measured when the curriculum was loaded."""

    where: Location  # the first place text links to it
    size: int  # bytes on disk
    width: int | None = None  # in pixels, as shown (a photo's rotation applied); None: unreadable
    height: int | None = None


@dataclass
class Curriculum:
    """Everything the site is built from: program-wide settings, programs and the shared library."""

    config: dict[str, Any]
    programs: list[Program] = field(default_factory=list)
    library: Library = field(default_factory=Library)
    documents: list[Document] = field(default_factory=list)
    attachments: dict[str, Any] = field(default_factory=dict)  # site path -> Attachment to copy
    pictures: dict[str, Picture] = field(default_factory=dict)  # site path -> its size (the PDFs left out)
    closures: list[Closure] = field(default_factory=list)  # days no group meets (site-config/closures.yml)
    translations: list[Translation] = field(default_factory=list)  # every <stem>.<code>.yml found

    @property
    def languages(self) -> list[str]:
        """The site's languages, the first the one the files are written in (site.yml's ``languages``)."""
        site = self.config.get("site") or {}
        return list(site.get("languages") or [site.get("language") or "en"])
