"""Print problems for people: one line each, ``path:line:col: level: message [rule]``, then the fix hint."""

from __future__ import annotations

from collections.abc import Iterable

from generator.problems import Level, Problem


def format_problem(problem: Problem) -> str:
    line = f"{problem.where}: {problem.level}: {problem.message} [{problem.rule}]"
    return f"{line}\n    hint: {problem.hint}" if problem.hint else line


def summary(problems: list[Problem], sessions: int) -> str:
    """One line with the counts, e.g. '2 errors, 1 warning in 2 files (14 sessions checked)'."""
    errors = sum(p.level is Level.ERROR for p in problems)
    warnings = sum(p.level is Level.WARNING for p in problems)
    checked = f"{sessions} session{'s' if sessions != 1 else ''} checked"
    if not errors and not warnings:
        return f"No problems found ({checked})."
    files = len({p.where.path for p in problems if p.level >= Level.WARNING})
    parts = [f"{errors} error{'s' if errors != 1 else ''}", f"{warnings} warning{'s' if warnings != 1 else ''}"]
    return f"{', '.join(parts)} in {files} file{'s' if files != 1 else ''} ({checked})."


def render(problems: Iterable[Problem]) -> str:
    return "\n".join(format_problem(p) for p in sorted(problems))
