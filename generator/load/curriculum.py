"""Putting the files together: site-config, the shared library and each program with its
tracks and sessions, as one :class:`Curriculum`.

Nothing is written here. A file that cannot be read, parsed or validated becomes a problem and
the run goes on with the other files, so one ``catchup check`` reports everything. Each file is
read by ``read.Reader`` (with the read cache). A session's ``use: <id>`` is linked here to the
shared worksheet or skill it names, so the checks and the renderer see whole items.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator import __version__
from generator.load.pictures import measure
from generator.load.read import ReadCache, Reader
from generator.load.reader_rules import (
    CONFIG_MISSING,
    CONFIG_UNKNOWN_FILE,
    CONTENT_MISSING,
    FILE_NOT_READ,
    PATH_CASE,
    PROGRAM_MISSING,
    REF_UNKNOWN_SKILL,
    REF_UNKNOWN_TRACK,
    REF_UNKNOWN_WORKSHEET,
)
from generator.load.reader_rules import PROJECT_FORMAT as PROJECT_FORMAT_RULE
from generator.load.translation_files import is_translation, read_translations, sources
from generator.load.yamlsource import YMap
from generator.model import (
    Closure,
    Curriculum,
    Library,
    Move,
    Program,
    Prompt,
    ScheduleChange,
    Session,
    Skill,
    Track,
    Worksheet,
)
from generator.problems import Location, Problem
from generator.project import Project
from generator.schema import PROJECT_FORMAT, SESSION, SITE_CONFIG, complete

SESSION_FIELDS = SESSION["properties"]
CONFIG_FILES = ("site", "urgent-help", "contacts", "policies", "between-sessions", "closures", "checks")
OPTIONAL_CONFIG = {"checks", "closures"}  # without checks.yml the checker's defaults apply; closures: none


@dataclass
class Loaded:
    curriculum: Curriculum
    problems: list[Problem] = field(default_factory=list)


def load(project: Project, cache: ReadCache | None = None) -> Loaded:
    """Read site-config/ and content/ into a :class:`Curriculum`, collecting every problem.
    With a ``cache``, files unchanged since an earlier load with the same cache are not read again."""
    reader = Reader(project, cache)
    if _newer_format(reader):
        return Loaded(Curriculum(config={}), reader.problems)
    config, closures = _load_config(reader)
    folders = sorted(p for p in project.content.iterdir() if p.is_dir() and not _hidden(Path(p.name))
                     and p.name != "library") if project.content.is_dir() else []
    sessions = {folder: sources(sorted((folder / "sessions").glob("*.yml"))) for folder in folders}
    curriculum = Curriculum(config=config, library=_load_library(reader), closures=closures)
    if not project.content.is_dir():
        reader.error(project.content, CONTENT_MISSING, "there is no content/ folder",
                     "Create content/<program>/program.yml; see the authoring guide.")
    else:
        for folder in folders:
            program = _load_program(reader, folder, sessions[folder], curriculum.library)
            if program:
                curriculum.programs.append(program)
    site = config.get("site")
    curriculum.translations = read_translations(reader, curriculum, site["languages"] if site else None)
    if project.content.is_dir():
        _report_unread(reader)
        if not curriculum.programs and not reader.problems:
            reader.error(project.content, CONTENT_MISSING, "content/ has no program",
                         "Create content/<program>/program.yml; see the authoring guide.")
    _report_case_collisions(reader)
    curriculum.documents = reader.documents
    curriculum.attachments = reader.attachments
    curriculum.pictures = measure(reader.attachments)
    return Loaded(curriculum, reader.problems)


def _newer_format(reader: Reader) -> bool:
    """Whether site-config/site.yml says the project follows a newer layout than this version
    reads (then that is the one problem reported: the other files may hold anything)."""
    path = reader.project.site_config / "site.yml"
    try:
        found = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return False  # reading it properly says what is wrong
    value = found.get("project_format") if isinstance(found, dict) else None
    if not isinstance(value, int) or isinstance(value, bool) or value <= PROJECT_FORMAT:
        return False
    reader.error(path, PROJECT_FORMAT_RULE,
                 f"this project follows Catch-Up project format {value}; catchup {__version__} reads format "
                 f"{PROJECT_FORMAT} and older", "Upgrade Catch-Up: pip install --upgrade catchup "
                 "(see docs/upgrading.md). Nothing else was checked.")
    return True


def _plain(data: Any) -> Any:
    """Located values as plain dicts and lists."""
    if isinstance(data, dict):
        return {key: _plain(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_plain(value) for value in data]
    return data


def _hidden(relative_path: Path) -> bool:
    """Folders and files whose name starts with a dot (.git, .DS_Store) belong to other tools."""
    return any(part.startswith(".") for part in relative_path.parts)


def _report_case_collisions(reader: Reader) -> None:
    """Names that differ only by case are one file on FAT and exFAT (USB sticks), Windows and macOS."""
    for folder in (reader.project.site_config, reader.project.content):
        seen: dict[str, Path] = {}
        for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
            if _hidden(path.relative_to(folder)):
                continue
            key = path.relative_to(folder).as_posix().casefold()
            if key in seen:
                reader.error(path, PATH_CASE, f"'{path.name}' and '{seen[key].name}' differ only in capital letters "
                             f"(the other is {reader.shown(seen[key])})", "Rename one of them, and the links to it: "
                             "on a USB stick, Windows or macOS the two are one file.")
            else:
                seen[key] = path


def _report_unread(reader: Reader) -> None:
    """A YAML file in content/ that catchup does not read is a mistake the author should hear of."""
    content = reader.project.content
    for path in sorted(p for p in [*content.rglob("*.yml"), *content.rglob("*.yaml")] if p not in reader.seen):
        if not path.is_file() or _hidden(path.relative_to(content)):
            continue
        if path.suffix == ".yaml":
            hint = f"Rename it to {path.stem}.yml: catchup reads only files ending in .yml."
        else:
            hint = ("Sessions go in content/<program>/sessions/, shared items in content/library/worksheets/ "
                    "or content/library/skills/. Move the file there, or delete it.")
        reader.error(path, FILE_NOT_READ, "catchup does not read this file", hint)


def _load_config(reader: Reader) -> tuple[dict[str, Any], list[Closure]]:
    """The settings of site-config/, and the days every group is closed (closures.yml)."""
    folder = reader.project.site_config
    config: dict[str, Any] = {}
    closures: list[Closure] = []
    for name in CONFIG_FILES:
        path = folder / f"{name}.yml"
        if not path.is_file() and name in OPTIONAL_CONFIG:
            continue
        if not path.is_file():
            reader.error(path, CONFIG_MISSING, f"the settings file site-config/{name}.yml is missing",
                         "Copy it from the sample project and fill it in; see the authoring guide.")
            continue
        data = reader.read(path, f"site-config-{name}")
        if data is not None:
            # checks.yml is read as written: a setting left out keeps its default (see settings.py)
            key = name.replace("-", "_")
            config[key] = _plain(data) if name in OPTIONAL_CONFIG else complete(data, SITE_CONFIG[name])
            if name == "closures":
                closures = _closures(reader, path, data.get("closures"))
    if "site" in config:  # one of the two is there (the schema says so); the other follows from it
        site = config["site"]
        site["languages"] = list(site["languages"] or [site["language"]])
        site["language"] = site["language"] or site["languages"][0]
    if folder.is_dir():
        for path in sorted(folder.glob("*.y*ml")):
            if (path.stem not in CONFIG_FILES or path.suffix != ".yml") and not is_translation(path):
                reader.error(path, CONFIG_UNKNOWN_FILE, f"catchup does not read {path.name}",
                             f"Settings files are: {', '.join(n + '.yml' for n in CONFIG_FILES)}. Rename or remove it.")
    return config, closures


def _closures(reader: Reader, path: Path, items: Any) -> list[Closure]:
    return [Closure(str(item["date"]), str(item.get("until") or item["date"]), item["reason"], reader.here(path, pos))
            for item, pos in zip(items or [], getattr(items, "item_pos", []))]


def _moves(reader: Reader, path: Path, items: Any) -> list[Move]:
    return [Move(str(item["from"]), str(item["to"]), reader.here(path, pos), item.get("start"))
            for item, pos in zip(items or [], getattr(items, "item_pos", []))]


def _changes(reader: Reader, path: Path, items: Any) -> list[ScheduleChange]:
    return [ScheduleChange(str(item["from"]), reader.here(path, pos),
                           tuple(item["days"]) if item.get("days") else None, item.get("start"),
                           item.get("duration_minutes"))
            for item, pos in zip(items or [], getattr(items, "item_pos", []))]


def _load_library(reader: Reader) -> Library:
    library = Library()
    folder = reader.project.content / "library"
    shelves: list[tuple[str, dict[str, Any], Any]] = [("worksheet", library.worksheets, _worksheet),
                                                      ("skill", library.skills, _skill)]
    for kind, table, build in shelves:
        for path in sources(sorted((folder / f"{kind}s").glob("*.yml"))):
            data = reader.read(path, kind)
            if data is None:
                continue
            if data["id"] in table:  # the check duplicate-id reports it
                library.duplicates.append(build(reader.here(path, data.where("id")), data, shared=True))
                continue
            table[data["id"]] = build(reader.here(path, data.pos), data, shared=True)
    return library


def _load_program(reader: Reader, folder: Path, sessions: list[Path], library: Library) -> Program | None:
    path = folder / "program.yml"
    # Session files are checked even when program.yml is broken, so one run reports everything.
    session_files = [(p, reader.read(p, "session")) for p in sessions]
    if not path.is_file():
        reader.error(path, PROGRAM_MISSING, f"content/{folder.name}/ has no program.yml",
                     "Every program folder needs a program.yml; see the authoring guide.")
        return None
    data = reader.read(path, "program")
    if data is None:
        return None
    tracks = [
        Track(id=t["id"], title=t["title"], schedule=dict(t["schedule"]), where=reader.here(path, t.pos),
              description=t.get("description", ""), order=t.get("order", "sequence"), start_date=t.get("start_date"),
              closed=_closures(reader, path, t.get("closed")), moved=_moves(reader, path, t.get("moved")),
              changes=_changes(reader, path, t.get("schedule_changes")))
        for t in data["tracks"]
    ]
    program = Program(id=data["id"], title=data["title"], description=data["description"],
                      audience=data["audience"], tracks=tracks, where=reader.here(path, data.pos),
                      folder=folder.name, sample=data.get("sample"))
    program.unreadable = sum(data is None for _, data in session_files)
    by_id = {track.id: track for track in tracks}
    for session_path, session_data in session_files:
        if session_data is None:
            continue
        session = _session(reader, session_path, session_data, program.id, library)
        track = by_id.get(session.track)
        if track is None:
            known = ", ".join(by_id)
            reader.error(session_path, REF_UNKNOWN_TRACK,
                         f"session '{session.id}' names track '{session.track}', which {program.id}/program.yml "
                         "does not have",
                         f"Use one of the program's tracks: {known}.", session_data.where("track"))
            program.unplaced.append(session)
        else:
            track.sessions.append(session)
    for track in tracks:
        track.sessions.sort(key=lambda s: (s.number, s.id))
    return program


def _session(reader: Reader, path: Path, data: YMap, program: str, library: Library) -> Session:
    def items(key: str, build: Any, kind: str, shared: dict[str, Any]) -> list[Any]:
        """The worksheets or skills of the session, each ``use: <id>`` linked to the shared one;
        an id that names none is a problem, and the item is left out."""
        found = []
        for item, pos in zip(data.get(key, []), getattr(data.get(key), "item_pos", [])):
            if "use" not in item:
                found.append(build(reader.here(path, pos), item))
            elif item["use"] in shared:
                found.append(shared[item["use"]])
            else:
                known = ", ".join(sorted(shared)) or "none yet"
                reader.error(path, REF_UNKNOWN_WORKSHEET if kind == "worksheet" else REF_UNKNOWN_SKILL,
                             f"there is no shared {kind} with id '{item['use']}'",
                             f"Use an id from content/library/{kind}s/ (known: {known}), or write the {kind} here.",
                             pos)
        return found

    approach, shown, key_pos = data["approach"], reader.shown(path), data.key_pos
    return Session(
        id=data["id"], title=data["title"], track=data["track"], number=data["number"], kind=data["kind"],
        approaches=[approach] if isinstance(approach, str) else list(approach),
        duration_minutes=data["duration_minutes"], objectives=list(data["objectives"]),
        where=reader.here(path, data.pos), program=program,
        summary=data.get("summary", ""), key_points=list(data.get("key_points", [])),
        worksheets=items("worksheets", _worksheet, "worksheet", library.worksheets),
        skills=items("skills_practice", _skill, "skill", library.skills),
        reflection=list(data.get("reflection", [])),
        before_next_session=list(data.get("before_next_session", [])),
        makeup_options=complete(data.get("makeup_options", []), SESSION_FIELDS["makeup_options"]),
        resources=complete(data.get("resources", []), SESSION_FIELDS["resources"]),
        exemptions=dict(data.get("exemptions", {})),
        review=complete(data.get("review", {}), SESSION_FIELDS["review"]),
        fields={key: Location(shown, *key_pos[key]) for key in data},
    )


def _worksheet(where: Location, data: YMap, shared: bool = False) -> Worksheet:
    prompts = [Prompt(p) if isinstance(p, str) else Prompt(p["text"], p.get("answer", "text"), p.get("low"),
                                                             p.get("high")) for p in data["prompts"]]
    return Worksheet(id=data["id"], title=data["title"], purpose=data["purpose"],
                     instructions=data["instructions"], prompts=prompts, where=where,
                     source=data.get("source"), shared=shared, log=bool(data.get("log")))


def _skill(where: Location, data: YMap, shared: bool = False) -> Skill:
    return Skill(id=data["id"], name=data["name"], when_to_use=data["when_to_use"], steps=list(data["steps"]),
                 where=where, time_needed=data.get("time_needed"), how_often=data.get("how_often"),
                 source=data.get("source"), shared=shared)
