"""Load stage: read every YAML file of a project into one in-memory curriculum.

Nothing is written here. A file that cannot be read, parsed or validated becomes a problem and
the run goes on with the other files, so one ``catchup check`` reports everything. With many
files to read and a core to spare, a forked process reads some of them (``read_ahead``).
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import os
import pickle
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.attachments import Attachment, attach
from generator.read_ahead import Prepare, ReadAhead
from generator.model import Curriculum, Document, Library, Program, Prompt, Reference, Session, Skill, Track, Worksheet
from generator.problems import Level, Location, Problem, relative
from generator.schema import SESSION, SITE_CONFIG, complete
from generator.validate import validate
from generator.yamlsource import MAX_BYTES, Pos, YamlError, YMap, parse

SESSION_FIELDS = SESSION["properties"]
CONFIG_FILES = ("site", "urgent-help", "contacts", "policies", "between-sessions", "checks")
CONTENT_SCHEMAS = {"session", "program", "worksheet", "skill"}  # text here may link to files beside it
OPTIONAL_CONFIG = {"checks"}  # without it, the checker's defaults apply


@dataclass(frozen=True)
class Project:
    """Where a Catch-Up project keeps its parts; all paths follow from the root folder."""

    root: Path

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def site_config(self) -> Path:
        return self.root / "site-config"

    @property
    def templates(self) -> Path:
        return self.root / "templates"

    @property
    def mkdocs_yml(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def work(self) -> Path:
        """Git-ignored folder for everything the generator writes before the site itself."""
        return self.root / ".catchup"

    @property
    def site(self) -> Path:
        return self.root / "site"


@dataclass
class Loaded:
    curriculum: Curriculum
    problems: list[Problem] = field(default_factory=list)


@dataclass
class _Read:
    """What reading one file gave, kept so that an unchanged file need not be read again."""

    signature: tuple[int, int, int]
    problems: list[Problem]
    data: YMap | None
    document: Document | None
    attachments: dict[str, Attachment]
    digest: bytes | None = None  # of the file's bytes (None: too large to have been read)


class ReadCache(dict):  # type: ignore[type-arg]
    """Files read by earlier loads, by path: a file with the same size, time, inode and bytes is not
    parsed again (the bytes are compared by a digest: a save of the same size within one tick of
    the file system's clock, or on a USB stick that keeps times to 2 s, keeps the time). ``catchup serve`` keeps one in memory between rebuilds; ``catchup check`` and ``build``
    keep one in ``.catchup/cache/`` between runs (:meth:`on_disk`), so checking a large curriculum
    after editing one file reads one file. The cache is Catch-Up's own file in its own git-ignored
    folder (a pickle: whoever can write there can already change the project's templates); a
    cache written by another version of the code, or one that cannot be read, is ignored."""

    def __init__(self, path: Path | None = None) -> None:
        super().__init__()
        self.path = path
        self.changed = False
        self.used: set[Any] = set()

    @classmethod
    def on_disk(cls, project: Project) -> ReadCache:
        cache = cls(project.work / "cache" / "read.pickle")
        try:
            with cache.path.open("rb") as file, no_garbage_collection():  # type: ignore[union-attr]
                stamp, entries = pickle.load(file)
            if stamp == _code_stamp():
                cache.update(entries)
        except Exception:  # noqa: BLE001 - any unreadable cache is simply not used
            cache.clear()
        return cache

    def save(self) -> None:
        """Write the cache if anything was read afresh, keeping only the files still read."""
        if self.path is None or not (self.changed or self.keys() - self.used):
            return
        entries = {key: value for key, value in self.items() if key in self.used}
        temporary = self.path.with_name(self.path.name + ".tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with temporary.open("wb") as file, no_garbage_collection():
                pickle.dump((_code_stamp(), entries), file, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, self.path)
        except OSError:  # a read-only project: the next run reads everything, that is all
            temporary.unlink(missing_ok=True)


@contextlib.contextmanager
def no_garbage_collection() -> Iterator[None]:
    """Loading (and unpickling the cache) makes many small objects that all stay alive; Python's
    cycle collector would walk them again and again for nothing (an eighth of a large check).
    Afterwards they are moved straight to the oldest generation (``freeze`` then ``unfreeze``):
    simply enabling the collector again would walk them all at once as new objects (0.1 s for
    1000 sessions), while the oldest generation is walked only by a rare full collection, which
    still frees any cycle among them in a long-running ``catchup serve``."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.freeze()
            gc.unfreeze()
            gc.enable()


def _digest(raw: bytes) -> bytes:
    return hashlib.blake2b(raw, digest_size=16).digest()


@functools.lru_cache(maxsize=1)
def _code_stamp() -> str:
    """Changes whenever the code that reads and checks files changes."""
    digest = hashlib.sha256(sys.version.encode())
    for path in sorted(Path(__file__).parent.rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


class _Reader:
    def __init__(self, project: Project, cache: ReadCache | None = None) -> None:
        self.project = project
        self.cache = cache
        self.problems: list[Problem] = []
        self.seen: set[Path] = set()
        self.documents: list[Document] = []
        self.attachments: dict[str, Attachment] = {}
        self._shown: dict[Path, str] = {}
        self._inside: dict[Path, bool] = {}
        self.root = project.root.resolve()
        self._prefix = os.path.join(os.path.abspath(project.root), "")  # with a separator at the end
        self.ahead: ReadAhead | None = None

    def inside(self, path: Path) -> bool:
        """Whether the real file lies in the project; each folder is resolved only once."""
        folder = path.parent
        if folder not in self._inside:
            self._inside[folder] = folder.resolve().is_relative_to(self.root)
        return self._inside[folder] and (not path.is_symlink() or path.resolve().is_relative_to(self.root))

    def shown(self, path: Path) -> str:
        """The path as problems show it (``problems.relative``), worked out once per file."""
        shown = self._shown.get(path)
        if shown is None:
            shown = self._shown[path] = self._below_root(path) or relative(path, self.project.root)
        return shown

    def _below_root(self, path: Path) -> str:
        """The path below the project folder, cut from its absolute path, ten times faster than
        ``relative``; "" for any other path."""
        absolute = os.path.abspath(path)
        rest = absolute[len(self._prefix):]
        if not absolute.startswith(self._prefix) or not rest or rest.startswith(os.sep):
            return ""
        return rest.replace(os.sep, "/")

    def here(self, path: Path, pos: Any = None) -> Location:
        line, col = (pos.line, pos.col) if pos is not None else (1, 1)
        return Location(self.shown(path), line, col)

    def error(self, path: Path, message: str, rule: str, hint: str, pos: Any = None) -> None:
        self.problems.append(Problem(self.here(path, pos), Level.ERROR, message, rule, hint))

    def read(self, path: Path, schema: str) -> YMap | None:
        """Parse and validate one file; None if it has any error (already recorded)."""
        self.seen.add(path)
        if not path.is_file():
            what = "a folder" if path.is_dir() else "a link that leads to no file" if path.is_symlink() else "not a file"
            self.error(path, f"this is {what}, not a file Catch-Up can read", "file-not-read",
                       "Remove it, or put a real .yml file in its place.")
            return None
        if not self.inside(path):
            self.error(path, "this file points outside the project folder; it was not read", "path-outside",
                       "Replace the link with a real file inside the project.")
            return None
        if self.cache is not None:
            self.cache.used.add((path, schema))
        known = self.cached(path, schema)
        if known is None:
            known = self.ahead.take((path, schema)) if self.ahead else None
            known = known or self.fresh(path, schema)
            if self.cache is not None:
                self.cache.changed = True
                self.cache[(path, schema)] = known
        self.problems.extend(known.problems)
        if known.document is not None:
            self.documents.append(known.document)
        self.attachments.update(known.attachments)
        return known.data

    def cached(self, path: Path, schema: str) -> _Read | None:
        """What an earlier load read of this file, if the file has not changed since."""
        known = self.cache.get((path, schema)) if self.cache is not None else None
        if known is None:
            return None
        try:
            stat = path.stat()
        except OSError:
            return None
        if known.signature != (stat.st_mtime_ns, stat.st_size, stat.st_ino) or \
                not all(item.source.is_file() for item in known.attachments.values()):
            return None
        if known.digest is not None:  # a save of the same size within one tick of the clock keeps the time
            try:
                if _digest(path.read_bytes()) != known.digest:
                    return None
            except OSError:
                return None
        return known

    def fresh(self, path: Path, schema: str) -> _Read:
        """Read, parse, validate and attach one file, as a value: what the cache keeps and what the
        child process that reads ahead (``read_ahead``) sends back."""
        stat = path.stat()
        found = _Read((stat.st_mtime_ns, stat.st_size, stat.st_ino), [], None, None, {})

        def error(message: str, rule: str, hint: str, pos: Pos | None = None) -> None:
            found.problems.append(Problem(self.here(path, pos), Level.ERROR, message, rule, hint))

        if stat.st_size > MAX_BYTES:
            error(f"the file is {stat.st_size:,} bytes; the limit is {MAX_BYTES:,}", "yaml-too-large",
                  "Split it into smaller files, one session per file.")
            return found
        raw = path.read_bytes()
        found.digest = _digest(raw)
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            before = raw[: exc.start]
            line = before.count(b"\n") + 1
            col = len(before) - (before.rfind(b"\n") + 1) + 1
            error(f"byte {raw[exc.start]:#x} is not UTF-8 text", "file-encoding",
                  "Save the file as UTF-8 in your editor (often under 'Save with encoding').", Pos(line, col))
            return found
        try:
            data = parse(text)
        except YamlError as exc:
            error(exc.message, exc.rule, exc.hint, exc.pos)
            return found
        if data is None:
            error("the file is empty", "file-empty", "Fill it in, or delete the file.")
            return found
        found.problems.extend(validate(data, schema, self.shown(path)))
        if any(p.is_error for p in found.problems):
            return found
        if schema in CONTENT_SCHEMAS:
            found.attachments = attach(data, path, self.project.content, error, text)
        found.data, found.document = data, Document(self.shown(path), schema, data)
        return found


def load(project: Project, cache: ReadCache | None = None, *, prepare: Prepare | None = None) -> Loaded:
    """Read site-config/ and content/ into a :class:`Curriculum`, collecting every problem.
    With a ``cache``, files unchanged since an earlier load with the same cache are not read again.
    ``prepare`` works out per-file results, which a second process sends back with the files it
    read (see ``read_ahead``)."""
    reader = _Reader(project, cache)
    config = _load_config(reader)
    folders = sorted(p for p in project.content.iterdir() if p.is_dir() and not _hidden(Path(p.name))
                     and p.name != "library") if project.content.is_dir() else []
    sessions = {folder: sorted((folder / "sessions").glob("*.yml")) for folder in folders}
    reader.ahead = ReadAhead.start(reader, [path for paths in sessions.values() for path in paths], config, prepare)
    try:
        curriculum = Curriculum(config=config, library=_load_library(reader))
        if not project.content.is_dir():
            reader.error(project.content, "there is no content/ folder", "content-missing",
                         "Create content/<program>/program.yml; see the authoring guide.")
        else:
            for folder in folders:
                program = _load_program(reader, folder, sessions[folder])
                if program:
                    curriculum.programs.append(program)
            _report_unread(reader)
            if not curriculum.programs and not reader.problems:
                reader.error(project.content, "content/ has no program", "content-missing",
                             "Create content/<program>/program.yml; see the authoring guide.")
    finally:
        if reader.ahead:
            reader.ahead.close()
            reader.ahead = None  # it points back at the reader: no cycle left for the collector
    curriculum.documents = reader.documents
    curriculum.attachments = reader.attachments
    return Loaded(curriculum, reader.problems)


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


def _report_unread(reader: _Reader) -> None:
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
        reader.error(path, "catchup does not read this file", "file-not-read", hint)


def _load_config(reader: _Reader) -> dict[str, Any]:
    folder = reader.project.site_config
    config: dict[str, Any] = {}
    for name in CONFIG_FILES:
        path = folder / f"{name}.yml"
        if not path.is_file() and name in OPTIONAL_CONFIG:
            continue
        if not path.is_file():
            reader.error(path, f"the settings file site-config/{name}.yml is missing", "config-missing",
                         "Copy it from the sample project and fill it in; see the authoring guide.")
            continue
        data = reader.read(path, f"site-config-{name}")
        if data is not None:
            # checks.yml is read as written: a setting left out keeps its default (see settings.py)
            config[name.replace("-", "_")] = _plain(data) if name in OPTIONAL_CONFIG else complete(data, SITE_CONFIG[name])
    if folder.is_dir():
        for path in sorted(folder.glob("*.y*ml")):
            if path.stem not in CONFIG_FILES or path.suffix != ".yml":
                reader.error(path, f"catchup does not read {path.name}", "config-unknown-file",
                             f"Settings files are: {', '.join(n + '.yml' for n in CONFIG_FILES)}. Rename or remove it.")
    return config


def _load_library(reader: _Reader) -> Library:
    library = Library()
    folder = reader.project.content / "library"
    for kind, table, build in (("worksheet", library.worksheets, _worksheet), ("skill", library.skills, _skill)):
        for path in sorted((folder / f"{kind}s").glob("*.yml")):
            data = reader.read(path, kind)
            if data is None:
                continue
            if data["id"] in table:
                first = table[data["id"]].where
                reader.error(path, f"shared {kind} id '{data['id']}' is already used by {first}", "duplicate-id",
                             f"Give each shared {kind} its own id.", data.where("id"))
                continue
            table[data["id"]] = build(reader.here(path, data.pos), data, shared=True)
    return library


def _load_program(reader: _Reader, folder: Path, sessions: list[Path]) -> Program | None:
    path = folder / "program.yml"
    # Session files are checked even when program.yml is broken, so one run reports everything.
    session_files = [(p, reader.read(p, "session")) for p in sessions]
    if not path.is_file():
        reader.error(path, f"content/{folder.name}/ has no program.yml", "program-missing",
                     "Every program folder needs a program.yml; see the authoring guide.")
        return None
    data = reader.read(path, "program")
    if data is None:
        return None
    tracks = [
        Track(id=t["id"], title=t["title"], schedule=dict(t["schedule"]), where=reader.here(path, t.pos),
              description=t.get("description", ""), order=t.get("order", "sequence"), start_date=t.get("start_date"))
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
        session = _session(reader, session_path, session_data, program.id)
        track = by_id.get(session.track)
        if track is None:
            known = ", ".join(by_id)
            reader.error(session_path, f"session '{session.id}' names track '{session.track}', which "
                         f"{program.id}/program.yml does not have", "ref-unknown-track",
                         f"Use one of the program's tracks: {known}.", session_data.where("track"))
            program.unplaced.append(session)
        else:
            track.sessions.append(session)
    for track in tracks:
        track.sessions.sort(key=lambda s: (s.number, s.id))
    return program


def _session(reader: _Reader, path: Path, data: YMap, program: str) -> Session:
    def items(key: str, build: Any) -> list[Any]:
        found = []
        for item, pos in zip(data.get(key, []), getattr(data.get(key), "item_pos", [])):
            where = reader.here(path, pos)
            found.append(Reference(item["use"], where) if "use" in item else build(where, item))
        return found

    approach, shown, key_pos = data["approach"], reader.shown(path), data.key_pos
    return Session(
        id=data["id"], title=data["title"], track=data["track"], number=data["number"], kind=data["kind"],
        approaches=[approach] if isinstance(approach, str) else list(approach),
        duration_minutes=data["duration_minutes"], objectives=list(data["objectives"]),
        where=reader.here(path, data.pos), program=program,
        summary=data.get("summary", ""), key_points=list(data.get("key_points", [])),
        worksheets=items("worksheets", _worksheet), skills=items("skills_practice", _skill),
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
                     source=data.get("source"), shared=shared)


def _skill(where: Location, data: YMap, shared: bool = False) -> Skill:
    return Skill(id=data["id"], name=data["name"], when_to_use=data["when_to_use"], steps=list(data["steps"]),
                 where=where, time_needed=data.get("time_needed"), how_often=data.get("how_often"),
                 source=data.get("source"), shared=shared)
