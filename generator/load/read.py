"""Reading files: one YAML file at a time, parsed, validated and located, with a cache.

:class:`Reader` reads a file (or takes it from a :class:`ReadCache`) and keeps its problems, its
document for the rules and the files it links to. Nothing is written here, except the cache in
the project's ``.catchup/cache/``.
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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.load.attachments import Attachment, attach
from generator.load.reader_rules import FILE_EMPTY, FILE_ENCODING, FILE_NOT_READ, PATH_OUTSIDE, YAML_TOO_LARGE
from generator.load.validate import validate
from generator.load.yamlsource import MAX_BYTES, Pos, YamlError, YMap, parse
from generator.model import Document
from generator.problems import Location, Problem, relative
from generator.project import Project
from generator.rules import Rule

CONTENT_SCHEMAS = {"session", "program", "worksheet", "skill"}  # text here may link to files beside it


@dataclass
class Read:
    """What reading one file gave, kept so that an unchanged file need not be read again."""

    signature: tuple[int, int, int]
    problems: list[Problem]
    data: YMap | None
    document: Document | None
    attachments: dict[str, Attachment]
    digest: bytes | None = None  # of the file's bytes (None: too large to have been read)


class ReadCache(dict):
    """Files read by earlier loads, by path: a file with the same size, time, inode and bytes is not
    parsed again (the bytes are compared by a digest: a save of the same size within one tick of
    the file system's clock, or on a USB stick that keeps times to 2 s, keeps the time).
    ``catchup serve`` keeps one in memory between rebuilds; ``catchup check`` and ``build``
    keep one in ``.catchup/cache/`` between runs (:meth:`on_disk`), so checking a large curriculum
    after editing one file reads one file. The cache is Catch-Up's own file in its own git-ignored
    folder (a pickle: whoever can write there can already change the project's templates); a
    cache written by another version of the code, or one that cannot be read, is ignored."""

    def __init__(self, path: Path | None = None) -> None:
        super().__init__()
        self.path = path
        self.changed = False
        self.used: set[Any] = set()
        self.refreshed: set[Path] = set()  # files the last load read afresh (new, or changed)

    @classmethod
    def on_disk(cls, project: Project) -> ReadCache:
        cache = cls(project.work / "cache" / "read.pickle")
        try:
            with cache.path.open("rb") as file, no_garbage_collection():  # type: ignore[union-attr]
                stamp, entries = pickle.load(file)
            if stamp == _code_stamp():
                cache.update(entries)
        except Exception:  # any unreadable cache is simply not used
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
    cycle collector would walk them again and again for nothing.
    Afterwards they are moved straight to the oldest generation (``freeze`` then ``unfreeze``):
    simply enabling the collector again would walk them all at once as new objects, while the
    oldest generation is walked only by a rare full collection, which
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


def digest(raw: bytes) -> bytes:
    """A short digest of a file's bytes, to tell whether they changed."""
    return hashlib.blake2b(raw, digest_size=16).digest()


@functools.lru_cache(maxsize=1)
def _code_stamp() -> str:
    """Changes whenever the code that reads and checks files changes."""
    stamp = hashlib.sha256(sys.version.encode())
    for path in sorted(Path(__file__).parent.parent.rglob("*.py")):  # the whole package: the rules too
        stamp.update(path.read_bytes())
    return stamp.hexdigest()


class Reader:
    def __init__(self, project: Project, cache: ReadCache | None = None) -> None:
        self.project = project
        self.cache = cache
        if cache is not None:
            cache.refreshed = set()
        self.problems: list[Problem] = []
        self.seen: set[Path] = set()
        self.documents: list[Document] = []
        self.attachments: dict[str, Attachment] = {}
        self._shown: dict[Path, str] = {}
        self._inside: dict[Path, bool] = {}
        self.root = project.root.resolve()
        self._prefix = os.path.join(os.path.abspath(project.root), "")  # with a separator at the end

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
        """The path below the project folder, cut from its absolute path, without the
        system calls of ``relative``; "" for any other path."""
        absolute = os.path.abspath(path)
        rest = absolute[len(self._prefix):]
        if not absolute.startswith(self._prefix) or not rest or rest.startswith(os.sep):
            return ""
        return rest.replace(os.sep, "/")

    def here(self, path: Path, pos: Any = None) -> Location:
        line, col = (pos.line, pos.col) if pos is not None else (1, 1)
        return Location(self.shown(path), line, col)

    def error(self, path: Path, rule: Rule, message: str, hint: str, pos: Any = None) -> None:
        self.problems.append(rule.problem(self.here(path, pos), message, hint))

    def read(self, path: Path, schema: str, language: str = "") -> YMap | None:
        """Parse and validate one file; None if it has any error (already recorded). A translation
        (``language``) is parsed only: its shape is compared with its source's by the checks."""
        self.seen.add(path)
        if not path.is_file():
            what = ("a folder" if path.is_dir() else "a link that leads to no file" if path.is_symlink()
                    else "not a file")
            self.error(path, FILE_NOT_READ, f"this is {what}, not a file Catch-Up can read",
                       "Remove it, or put a real .yml file in its place.")
            return None
        if not self.inside(path):
            self.error(path, PATH_OUTSIDE, "this file points outside the project folder; it was not read",
                       "Replace the link with a real file inside the project.")
            return None
        if self.cache is not None:
            self.cache.used.add((path, schema, language))
        known = self.cached(path, schema, language)
        if known is None:
            known = self.fresh(path, schema, language)
            if self.cache is not None:
                self.cache.changed = True
                self.cache[(path, schema, language)] = known
                self.cache.refreshed.add(path)
        self.problems.extend(known.problems)
        if known.document is not None:
            self.documents.append(known.document)
        for site_path, attachment in known.attachments.items():
            self.attachments.setdefault(site_path, attachment)  # where it is first linked: where checks point
        return known.data

    def cached(self, path: Path, schema: str, language: str = "") -> Read | None:
        """What an earlier load read of this file, if the file has not changed since."""
        known = self.cache.get((path, schema, language)) if self.cache is not None else None
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
                if digest(path.read_bytes()) != known.digest:
                    return None
            except OSError:
                return None
        return known

    def fresh(self, path: Path, schema: str, language: str = "") -> Read:
        """Read, parse, validate and attach one file, as a value: what the cache keeps."""
        stat = path.stat()
        found = Read((stat.st_mtime_ns, stat.st_size, stat.st_ino), [], None, None, {})

        def error(message: str, rule: Rule, hint: str, pos: Pos | None = None) -> None:
            found.problems.append(rule.problem(self.here(path, pos), message, hint))

        if stat.st_size > MAX_BYTES:
            error(f"the file is {stat.st_size:,} bytes; the limit is {MAX_BYTES:,}", YAML_TOO_LARGE,
                  "Split it into smaller files, one session per file.")
            return found
        raw = path.read_bytes()
        found.digest = digest(raw)
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            before = raw[: exc.start]
            line = before.count(b"\n") + 1
            col = len(before) - (before.rfind(b"\n") + 1) + 1
            error(f"byte {raw[exc.start]:#x} is not UTF-8 text", FILE_ENCODING,
                  "Save the file as UTF-8 in your editor (often under 'Save with encoding').", Pos(line, col))
            return found
        try:
            data = parse(text)
        except YamlError as exc:
            error(exc.message, exc.rule, exc.hint, exc.pos)
            return found
        if data is None:
            error("the file is empty", FILE_EMPTY, "Fill it in, or delete the file.")
            return found
        if not language:
            found.problems.extend(validate(data, schema, self.shown(path)))
        if any(p.is_error for p in found.problems):
            return found
        if schema in CONTENT_SCHEMAS:
            found.attachments = attach(data, path, self.project.content, error, text, self.shown(path))
        found.data, found.document = data, Document(self.shown(path), schema, data, language=language)
        return found
