"""Write stage: put generated files in the generator's own git-ignored folder.

Only files whose content changed are rewritten (so MkDocs and editors see real changes only),
files that are no longer generated are removed, and the same path is never written twice.
Nothing outside the given folder is touched.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import DuplicateOutput


@dataclass
class WriteResult:
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0


def write_tree(folder: Path, files: Iterable[tuple[str, str | bytes]]) -> WriteResult:
    """Make ``folder`` hold exactly ``files`` (relative path, text or bytes), touching only what differs."""
    wanted: dict[str, str | bytes] = {}
    folded: dict[str, str] = {}  # paths in lowercase: on FAT, exFAT, Windows and macOS two such are one file
    for path, text in files:
        if path in wanted:
            raise DuplicateOutput(f"two files would be written to {path}")
        other = folded.setdefault(path.casefold(), path)
        if other != path:
            raise DuplicateOutput(f"two files would be written to {other} and {path}, which are one file on a "
                                  "USB stick, Windows or macOS")
        wanted[path] = text
    result = WriteResult()
    folder.mkdir(parents=True, exist_ok=True)
    for path, text in wanted.items():
        if _write(folder / path, text):
            result.written.append(path)
        else:
            result.unchanged += 1
    for existing in sorted(folder.rglob("*"), reverse=True):
        relative = existing.relative_to(folder).as_posix()
        if existing.is_file() and relative not in wanted:
            existing.unlink()
            result.removed.append(relative)
        elif existing.is_dir() and not any(existing.iterdir()):
            existing.rmdir()
    return result


def write_file(target: Path, text: str | bytes) -> WriteResult:
    """Write one file if its content changed (and nothing else in its folder)."""
    result = WriteResult()
    if _write(target, text):
        result.written.append(target.name)
    else:
        result.unchanged += 1
    return result


def _write(target: Path, text: str | bytes) -> bool:
    """Put ``text`` in ``target`` through a temporary file; False if it was already there."""
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    if target.is_file() and target.read_bytes() == data:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, target)
    return True
