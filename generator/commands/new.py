"""``catchup new FOLDER``: start a project of one's own, from the starter that ships with Catch-Up.

The new project passes ``catchup check`` and builds: site-config/ with every file, commented,
its crisis lines left as TODO placeholders that the checker reports until they are filled in;
one program with one track and two complete example sessions; a mkdocs.yml with only what a
program may want to change; .gitignore, a README for the program's staff, the JSON Schema files
that the files' yaml-language-server lines point at, and with ``--github`` a GitHub Actions
workflow that checks, builds and publishes to GitHub Pages. Nothing is written into a folder
that is not empty.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

from generator import __version__, defaults
from generator.commands import EXIT_OK, EXIT_USAGE
from generator.schema import PROJECT_FORMAT, write_schemas

RENAMED = {"gitignore": ".gitignore", "github": ".github"}  # dot files, kept without the dot in the package
FILLED_IN = ("README.md", "site-config/site.yml", "github/workflows/catchup.yml")  # hold {name}, {version}, ...


def run(args: argparse.Namespace) -> int:
    folder: Path = args.folder
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        print(f"Error: {folder} is not an empty folder; catchup new writes only into a new or empty one.",
              file=sys.stderr)
        return EXIT_USAGE
    name = args.name or " ".join(folder.resolve().name.replace("-", " ").replace("_", " ").split()).title()
    if any(character in name for character in '<>"') or not name:
        print('Error: the name may not be empty or hold <, > or " characters.', file=sys.stderr)
        return EXIT_USAGE
    written = create(folder, name, github=args.github)
    print(f"Made a new Catch-Up project in {folder} ({len(written)} files).")
    print("Next: fill in the TODO placeholders in site-config/ (the crisis lines first), then run")
    print(f"  cd {folder}\n  catchup check\n  catchup serve")
    return EXIT_OK


def create(folder: Path, name: str, *, github: bool = False) -> list[Path]:
    """Copy the starter into ``folder`` (new or empty) and write the schemas; the files written."""
    starter = defaults.starter()
    values = {"{name}": name, "{version}": __version__, "{project_format}": str(PROJECT_FORMAT)}
    written = []
    for source in sorted(starter.rglob("*")):
        relative = source.relative_to(starter)
        if not source.is_file() or "__pycache__" in relative.parts or (relative.parts[0] == "github" and not github):
            continue
        target = folder.joinpath(*(RENAMED.get(part, part) for part in relative.parts))
        target.parent.mkdir(parents=True, exist_ok=True)
        if relative.as_posix() in FILLED_IN:
            text = source.read_text(encoding="utf-8")
            for key, value in values.items():
                text = text.replace(key, json.dumps(value) if key == "{name}" and relative.suffix == ".yml" else value)
            target.write_text(text, encoding="utf-8")
        else:
            shutil.copyfile(source, target)
        written.append(target)
    written += write_schemas(folder / "schema")
    return written
