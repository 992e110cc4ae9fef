"""Problems are values: where, how bad, what is wrong, and how to fix it.

Checks yield problems; they never raise. The reporter decides how to print them.
"""

from __future__ import annotations

import enum
import os
from dataclasses import dataclass, field
from pathlib import Path


class Level(enum.IntEnum):
    """How serious a problem is. Only errors block a build."""

    INFO = 0
    WARNING = 1
    ERROR = 2

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, order=True)
class Location:
    """A place in a source file; line and column count from 1."""

    path: str
    line: int = 1
    col: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"

    def __deepcopy__(self, memo: dict[int, object]) -> Location:
        return self  # it cannot change: a copy of a curriculum shares its places


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input, with a one-line fix hint."""

    where: Location
    level: Level = field(compare=False)
    message: str = field(compare=False)
    rule: str
    hint: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        # One problem is one line: a line break in a key or value is shown, not obeyed.
        for name in ("message", "hint"):
            text = getattr(self, name)
            if any(c in text for c in "\n\r\t\x0b\x0c\x85\u2028\u2029"):
                shown = text.encode("unicode_escape").decode("ascii") if text.isascii() else \
                    "".join(repr(c)[1:-1] if c in "\n\r\t\x0b\x0c\x85\u2028\u2029" else c for c in text)
                object.__setattr__(self, name, shown)

    @property
    def is_error(self) -> bool:
        return self.level is Level.ERROR


def relative(path: Path, root: Path) -> str:
    """Show a path relative to the project root, with forward slashes, as editors expect."""
    try:  # abspath, not resolve: a linked file is shown where the author sees it
        return Path(os.path.abspath(path)).relative_to(os.path.abspath(root)).as_posix()
    except ValueError:
        return path.as_posix()
