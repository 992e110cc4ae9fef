"""``catchup build``: check, then build the static site into site/ (the old site stays if anything fails)."""

from __future__ import annotations

import argparse

from generator.commands import EXIT_OK
from generator.commands.check import report
from generator.load import ReadCache
from generator.project import Project
from generator.site.build import build


def run(args: argparse.Namespace) -> int:
    project = Project(args.root.resolve())
    cache = ReadCache.on_disk(project)
    checked = build(project, strict=args.strict, cache=cache)
    cache.save()
    code = report(checked, args)
    if code == EXIT_OK:
        print(f"Built the site in {project.site}")
    else:
        print("Nothing was built; the previous site/ is unchanged.")
    return code
