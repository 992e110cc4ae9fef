"""Print problems: one data model, four formats.

- ``human`` (the default): grouped by file, each problem as ``line:col  level  message  (rule)``
  with its fix hint below; colour on a terminal (never when ``NO_COLOR`` is set). Notes (level
  info) are counted in the summary and listed only with ``--verbose``.
- ``parsable``: one line each, ``path:line:col: [level] message (rule)``, as yamllint prints, for
  editors and scripts.
- ``github``: GitHub Actions annotations; chosen by itself when ``GITHUB_ACTIONS=true``.
- ``json``: every problem with its hint, and the counts.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from itertools import groupby

from generator.problems import Level, Problem

FORMATS = ("human", "parsable", "github", "json")
COLOURS = {Level.ERROR: "\033[31m", Level.WARNING: "\033[33m", Level.INFO: "\033[36m"}
BOLD, DIM, RESET = "\033[1m", "\033[2m", "\033[0m"
GITHUB_LEVELS = {Level.ERROR: "error", Level.WARNING: "warning", Level.INFO: "notice"}


def default_format() -> str:
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "human"


def use_colour(stream: object) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary(problems: list[Problem], sessions: int, *, notes_shown: bool = False) -> str:
    """One line with the counts, e.g. '2 errors, 1 warning in 2 files (14 sessions checked).'"""
    errors = sum(p.level is Level.ERROR for p in problems)
    warnings = sum(p.level is Level.WARNING for p in problems)
    notes = sum(p.level is Level.INFO for p in problems)
    checked = _plural(sessions, "session") + " checked"
    if notes:
        checked += f"; {_plural(notes, 'note')}" + ("" if notes_shown else ", listed with --verbose")
    if not errors and not warnings:
        return f"No problems found ({checked})."
    files = len({p.where.path for p in problems if p.level >= Level.WARNING})
    return f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')} in {_plural(files, 'file')} ({checked})."


def human(problems: Iterable[Problem], *, colour: bool = False, notes: bool = False) -> str:
    def paint(text: str, code: str) -> str:
        return f"{code}{text}{RESET}" if colour else text

    shown = sorted(p for p in problems if notes or p.level is not Level.INFO)
    blocks = []
    for path, group in groupby(shown, key=lambda p: p.where.path):
        lines = [paint(path, BOLD)]
        for p in group:
            level = paint(f"{str(p.level):<7}", COLOURS[p.level])
            lines.append(f"  {p.where.line}:{p.where.col}  {level}  {p.message}  {paint(f'({p.rule})', DIM)}")
            if p.hint:
                lines.append(f"      hint: {p.hint}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def parsable(problems: Iterable[Problem]) -> str:
    return "\n".join(f"{p.where}: [{p.level}] {p.message} ({p.rule})" for p in sorted(problems))


def _github_escape(text: str, *, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


def github(problems: Iterable[Problem]) -> str:
    lines = []
    for p in sorted(problems):
        props = ",".join([f"file={_github_escape(p.where.path, property_value=True)}", f"line={p.where.line}",
                          f"col={p.where.col}", f"title={_github_escape(p.rule, property_value=True)}"])
        message = p.message + (f" Hint: {p.hint}" if p.hint else "")
        lines.append(f"::{GITHUB_LEVELS[p.level]} {props}::{_github_escape(message)}")
    return "\n".join(lines)


def as_json(problems: list[Problem], sessions: int, coverage: list[dict[str, object]] | None = None) -> str:
    data: dict[str, object] = {
        "problems": [{"path": p.where.path, "line": p.where.line, "col": p.where.col, "level": str(p.level),
                      "rule": p.rule, "message": p.message, "hint": p.hint} for p in sorted(problems)],
        "counts": {str(level): sum(p.level is level for p in problems) for level in Level},
        "sessions": sessions,
    }
    if coverage is not None:
        data["coverage"] = coverage
    return json.dumps(data, indent=2, ensure_ascii=False)


def render(problems: Iterable[Problem]) -> str:
    """Problems in the default human format, without colour (for logs and the preview)."""
    return human(problems)
