"""Reading on two cores: a forked child process reads part of the session files.

A cold check of a large curriculum is the same work again and again, one file at a time (read,
parse, validate, and the rules that look at each file alone), and on a fresh clone nothing is
cached. This process reads the session files from the first one on; a forked :class:`Child`
takes them in batches from the last one back, and sends each batch back as soon as it is read,
pickled in the form the read cache keeps. The two meet wherever their speeds take them, so
neither waits for the other when one core is slower or busier. The child is forked, so it starts
with the code, the settings and the compiled validators of this process; it writes nothing and
prints nothing.

A child is not started where it cannot help or is not safe: for fewer than ``MIN_FILES`` files to
read, without ``os.fork``, on one core, when other programs keep the cores busy, and in a process
running other threads (a lock held by another thread at the moment of the fork would stay locked
in the child forever).
"""

from __future__ import annotations

import contextlib
import mmap
import multiprocessing
import os
import pickle
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from generator.model import Document
from generator.validate import is_valid

if TYPE_CHECKING:
    from generator.read import Read, Reader

T = TypeVar("T")
Prepare = Callable[[list[Document], dict[str, Any]], None]  # documents (site-config's first), config
Key = tuple[Path, str]
FRONT, BACK = 0, 1  # this process reads the files before FRONT, the child those from BACK on


class ReadAhead:
    """Session files read by a forked child while this process reads the others.

    Each process reads a file as the other would (``Reader.fresh``) and runs ``prepare`` (the
    rules that look at each file alone) on what it read, a batch at a time. This process takes
    the child's results when it comes to the child's files; everything else (the order of the
    problems, the curriculum, the checks across files) is as if it had read them itself. Two
    numbers in shared memory, each written by one process only, say how far each has come: the
    child claims a batch only below where this process is. If both read a file in the same
    instant, this process keeps its own reading. A document's ``values`` (its text values,
    walked once for the rules) are dropped once its rules are done, and walked again if ever
    needed: they would cost as much to send as the rest of the file."""

    MIN_FILES = 200
    BATCH = 16  # files the child reads, checks and sends at a time (a batch fits in the pipe)

    def __init__(self, reader: Reader, config: dict[str, Any], prepare: Prepare | None,
                 pending: list[Path]) -> None:
        self.reader, self.config, self.prepare = reader, config, prepare
        self.pending, self.index = pending, {path: i for i, path in enumerate(pending)}
        self.settings_documents = list(reader.documents)  # site-config's: the text rules read them
        self.prepared = len(reader.documents)  # this process's documents up to here have their rules done
        self.results: dict[Key, Read] = {}
        self.shared = mmap.mmap(-1, 8)  # memory shared with the child once forked: two numbers
        self.marks = memoryview(self.shared).cast("i")
        self.marks[FRONT], self.marks[BACK] = 0, len(pending)
        is_valid("session")  # compiled once, before the fork, not in both processes
        self.child = Child(self._batches)

    @classmethod
    def start(cls, reader: Reader, sessions: list[Path], config: dict[str, Any],
              prepare: Prepare | None) -> ReadAhead | None:
        pending = [path for path in sessions if reader.cached(path, "session") is None]
        if len(pending) < cls.MIN_FILES or not can_fork() or not core_free():
            return None
        try:
            return cls(reader, config, prepare, pending)
        except OSError:  # no process to be had (a limit on processes or memory): read them all here
            return None

    def _batches(self) -> Iterator[dict[Key, Read]]:
        """In the child: claim the last files this process has not come to, read them, repeat."""
        while (end := self.marks[BACK]) > (start := max(self.marks[FRONT] + 1, end - self.BATCH)):
            self.marks[BACK] = start
            results = {}
            for path in self.pending[start:end]:
                with contextlib.suppress(Exception):  # this process reads it again, and fails the same way
                    if path.is_file() and self.reader.inside(path):  # if not, this process says why
                        results[(path, "session")] = self.reader.fresh(path, "session")
            self._prepare([result.document for result in results.values() if result.document])
            yield results

    def _prepare(self, documents: list[Document]) -> None:
        if self.prepare is not None:
            with contextlib.suppress(Exception):  # the checks run it again, and fail the same way
                self.prepare([*self.settings_documents, *documents], self.config)
        for document in documents:
            document.values = None  # the rules are done with them

    def take(self, key: Key) -> Read | None:
        """The child's result for one file; None if this process is to read the file itself."""
        index = self.index.get(key[0]) if key[1] == "session" else None
        if index is None:
            return None
        self._receive(wait=False)
        if key not in self.results:
            self.marks[FRONT] = index + 1
            if index < self.marks[BACK]:  # not the child's: read it here, with the rules for the last batch
                if len(self.reader.documents) - self.prepared >= self.BATCH:
                    self._prepare(self.reader.documents[self.prepared:])
                    self.prepared = len(self.reader.documents)
                return None
            while key not in self.results and self._receive(wait=True):
                pass
        return self.results.pop(key, None)

    def _receive(self, wait: bool) -> bool:
        """Keep every batch the child has sent (waiting for one, if ``wait``); False once it ended."""
        while (batch := self.child.receive(wait)) is not None:
            self.results.update(batch)
            wait = False
        return not self.child.ended

    def close(self) -> None:
        self.child.close()
        self.marks.release()
        self.shared.close()


def can_fork() -> bool:
    # a daemonic process (itself a child of multiprocessing) may not start processes of its own
    return hasattr(os, "fork") and (os.cpu_count() or 1) > 1 and threading.active_count() == 1 \
        and not multiprocessing.current_process().daemon


def core_free() -> bool:
    """Whether another core is free now: fewer processes running on the machine (this one too)
    than it has cores. When other programs keep the cores busy, two processes share one core,
    and sending the results back makes them slower than one. Linux says how many run now in
    /proc/loadavg ("running/all"); elsewhere the load of the last minute stands in."""
    cores = os.cpu_count() or 1
    try:
        return int(Path("/proc/loadavg").read_text().split()[3].split("/")[0]) < cores
    except (OSError, ValueError, IndexError):
        pass
    try:
        return os.getloadavg()[0] < cores - 0.5
    except OSError:  # no load average on this system
        return True


class Child(Generic[T]):
    """``work()`` running in a forked process; :meth:`receive` gives each thing it yields."""

    PIPE_BYTES = 1 << 20  # what a pipe may hold without a privilege on Linux; the default is 64 KB

    def __init__(self, work: Callable[[], Iterator[T]]) -> None:
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        with contextlib.suppress(AttributeError, OSError):  # so the child need not wait for this process to read
            import fcntl
            fcntl.fcntl(send.fileno(), fcntl.F_SETPIPE_SZ, self.PIPE_BYTES)
        self._process = context.Process(target=_run, args=(work, send), daemon=True)
        self._process.start()
        send.close()  # the child holds the only writing end: its exit is the end of the pipe
        self.ended = False

    def receive(self, wait: bool) -> T | None:
        """The next thing the child yielded; None if there is none yet (unless ``wait``), or no
        more: then :attr:`ended` is true (the child finished, or failed, and the caller does
        the rest itself)."""
        if self.ended or not (wait or self._receive.poll()):
            return None
        try:
            return pickle.loads(self._receive.recv_bytes())
        except (EOFError, OSError, pickle.UnpicklingError):
            self.close()
            return None

    def close(self) -> None:
        """Stop the child, if it still runs (its results are not wanted any more), and wait for it."""
        if not self.ended:
            self.ended = True
            self._process.kill()
            self._process.join()
            self._receive.close()


def _run(work: Callable[[], Iterator[Any]], send: Any) -> None:
    try:
        for item in work():
            send.send_bytes(pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL))
    except BaseException:  # noqa: BLE001 - whatever failed here, the parent does the rest itself
        return
