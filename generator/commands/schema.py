"""``catchup schema``: write the JSON Schema files that editors use to check and complete YAML."""

from __future__ import annotations

import argparse

from generator.commands import EXIT_OK
from generator.schema import write_schemas


def run(args: argparse.Namespace) -> int:
    folder = args.out or args.root.resolve() / "schema"
    written = write_schemas(folder)
    print(f"Wrote {len(written)} schema file(s) to {folder}" if written else f"Schemas in {folder} are up to date")
    return EXIT_OK
