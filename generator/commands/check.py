"""``catchup check``: load and check every YAML file, print every problem; write nothing."""

from __future__ import annotations

import argparse
import sys

from generator.checks import Checked, check_project, coverage
from generator.checks.settings import Settings
from generator.commands import EXIT_ERRORS, EXIT_OK
from generator.load import ReadCache
from generator.problems import Level
from generator.project import Project
from generator.report import as_json, default_format, github, human, parsable, summary, use_colour


def run(args: argparse.Namespace) -> int:
    project = Project(args.root.resolve())
    cache = ReadCache.on_disk(project)  # files unchanged since the last run are not read again
    code = report(check_project(project, cache), args)
    sys.stdout.flush()
    cache.save()  # after the report: the answer does not wait for the cache
    return code


def report(checked: Checked, args: argparse.Namespace) -> int:
    """Print the problems (and the coverage table if asked); the exit code says if they block."""
    fmt = args.format or default_format()
    problems = [p for p in checked.problems if not args.quiet or p.level >= Level.WARNING]
    table = coverage.rows(checked.curriculum, Settings.from_config(checked.curriculum.config)) \
        if getattr(args, "coverage", False) else None
    if fmt == "json":
        print(as_json(problems, checked.session_count, table))
    else:
        text = {"parsable": lambda: parsable(problems), "github": lambda: github(problems),
                "human": lambda: human(problems, colour=use_colour(sys.stdout), notes=args.verbose)}[fmt]()
        if text:
            print(text + ("\n" if fmt == "human" else ""))
        if table is not None:
            print(coverage.table(table) + "\n")
        print(summary(checked.problems, checked.session_count, notes_shown=args.verbose or fmt != "human"))
    return EXIT_ERRORS if checked.blocks(args.strict) else EXIT_OK
