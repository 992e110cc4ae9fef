"""One build of a project at a time: ``catchup build`` and the preview of ``catchup serve`` write
the same ``.catchup/`` folder, so each holds the project's lock while it writes.

A second ``catchup build`` stops at once with a message; the preview waits for a build to end.
The lock is the operating system's (``flock``, or ``msvcrt.locking`` on Windows): it ends with
the process that holds it, so a build that was killed leaves no stale lock behind.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

from generator.errors import BuildError
from generator.project import Project


@contextmanager
def build_lock(project: Project, *, wait: bool) -> Iterator[None]:
    """Hold the project's build lock while inside; if another process holds it, wait for it
    (``wait``) or raise BuildError."""
    project.work.mkdir(parents=True, exist_ok=True)
    path = project.work / "build.lock"
    with path.open("a+", encoding="utf-8") as handle:
        if not _lock(handle, wait):
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise BuildError(f"another catchup build or preview is writing this project now ({holder}). "
                             "Wait for it to finish, then run the command again.")
        handle.seek(0)
        handle.truncate()
        handle.write(f"process {os.getpid()}")
        handle.flush()
        try:
            yield
        finally:
            _unlock(handle)


def _lock(handle: IO[str], wait: bool) -> bool:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK if wait else msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined,unused-ignore]
        except OSError:
            return False
        return True
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(handle: IO[str]) -> None:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined,unused-ignore]
        return
    fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
