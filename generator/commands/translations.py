"""``catchup translations``: every page by language (current, stale, missing or broken), or with
``--mark-current FILE...`` the current digest of each file's source written into it."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from generator.checks import check_project
from generator.checks.translations import Row, status
from generator.commands import EXIT_ERRORS, EXIT_OK
from generator.load import ReadCache, load
from generator.load.translation_mark import NotMarked, marked
from generator.load.translation_shape import compare, digest
from generator.model import Curriculum
from generator.problems import relative
from generator.project import Project


def run(args: argparse.Namespace) -> int:
    project = Project(args.root.resolve())
    if args.mark_current:
        return mark_current(project, args.mark_current)
    cache = ReadCache.on_disk(project)
    checked = check_project(project, cache)
    cache.save()
    rows = status(checked.curriculum)
    print(table(rows, checked.curriculum.languages))
    states = [state for row in rows for state in row.states.values()]
    failing = {"broken", "stale"} if args.strict else {"broken"}
    return EXIT_ERRORS if any(state in failing for state in states) else EXIT_OK


def table(rows: list[Row], languages: list[str]) -> str:
    """The rows as a text table, with a count for each language."""
    others = languages[1:]
    if not others:
        return (f"The site has one language ({languages[0]}): nothing to translate. Add others to 'languages' "
                "in site-config/site.yml, e.g. languages: [en, es].")
    cells = [["Page", *others]] + [[row.source, *(row.states[code] for code in others)] for row in rows]
    widths = [max(len(line[column]) for line in cells) for column in range(len(cells[0]))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip() for line in cells]
    lines.append("")
    for code in others:
        counts = [row.states[code].split(",")[0] for row in rows]
        parts = [f"{counts.count(state)} {state}" for state in ("current", "stale", "broken", "missing")]
        done = len(rows) - counts.count("missing")
        lines.append(f"{code}: {done} of {len(rows)} pages translated ({', '.join(parts)}).")
    if any(state.split(",")[0] in ("stale", "broken") for row in rows for state in row.states.values()):
        lines.append("catchup check says what is wrong with each stale or broken translation.")
    return "\n".join(lines)


def mark_current(project: Project, files: list[Path]) -> int:
    """Write the current digest of each file's source into it; refuse a file that is not a
    translation in use, does not parse or does not have its source's shape."""
    curriculum = load(project).curriculum
    code = EXIT_OK
    for file in files:
        shown = relative(file.resolve() if file.is_absolute() else Path.cwd() / file, project.root)
        try:
            print(f"{shown}: marked current (source {mark_one(project, curriculum, shown)})")
        except NotMarked as exc:
            print(f"Error: {shown} was not changed: {exc}")
            code = EXIT_ERRORS
    return code


def mark_one(project: Project, curriculum: Curriculum, shown: str) -> str:
    translation = next((t for t in curriculum.translations if t.path == shown), None)
    if translation is None:
        raise NotMarked("it is not a translation Catch-Up reads (<stem>.<code>.yml beside <stem>.yml, in a "
                        "language of 'languages' in site-config/site.yml)")
    if translation.orphan:
        raise NotMarked(f"there is no {translation.source_path} beside it")
    path = project.root / shown
    text = _read(path)
    if translation.data is None:
        marked(text, "0" * 12)  # says why it does not parse
        raise NotMarked("it cannot be read; run catchup check")
    if translation.source is None:
        raise NotMarked(f"its source {translation.source_path} has errors; run catchup check")
    errors = compare(translation).errors
    if errors:
        raise NotMarked(f"its shape differs from its source's ({errors[0].where}: {errors[0].message}); "
                        "run catchup check")
    current = digest(translation.source, translation.kind)
    new_text = marked(text, current)
    if new_text != text:
        _write(path, new_text)
    return current


def _read(path: Path) -> str:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise NotMarked("it is not UTF-8 text") from None


def _write(path: Path, text: str) -> None:
    """Replace the file in one step (a reader never sees half of it), keeping its permissions."""
    temporary = path.with_name(f".{path.name}.catchup-tmp")
    temporary.write_bytes(text.encode("utf-8"))
    os.chmod(temporary, path.stat().st_mode & 0o7777)
    os.replace(temporary, path)
