"""The ``catchup`` command: a thin layer over the library.

Exit codes: 0 no errors, 1 errors found (with ``--strict``, warnings too) or the build failed,
2 bad invocation. Problems print in the format chosen with ``--format`` (see ``report``); no
tracebacks unless ``--verbose``. Each command is a module of ``generator.commands``, imported
only when it runs.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from pathlib import Path

from generator import __version__
from generator.commands import EXIT_ERRORS, EXIT_USAGE
from generator.errors import CatchupError
from generator.report import FORMATS


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="catchup",
        description="Turn a treatment program's curriculum in YAML into a catch-up website.",
    )
    main.add_argument("--version", action="version", version=f"catchup {__version__}")
    commands = main.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("--root", type=Path, default=Path("."),
                         help="project folder holding content/ and site-config/ (default: here)")
        sub.add_argument("-v", "--verbose", action="store_true", help="show details, and tracebacks on crashes")
        sub.add_argument("-q", "--quiet", action="store_true", help="show only problems and the summary")
        return sub

    def reporting(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--format", choices=FORMATS, default=None,
                         help="how to print problems: human (default), parsable (path:line:col), github "
                         "(annotations; the default on GitHub Actions) or json")
        sub.add_argument("--strict", action="store_true", help="treat warnings as errors (exit code 1)")

    check = command("check", "Check every YAML file and report all problems; changes none of your files.")
    reporting(check)
    check.add_argument("--coverage", action="store_true",
                       help="also print a table of every session against each required make-up part")
    reporting(command("build", "Check, then build the static site into site/ (the old site stays if anything fails)."))
    serve = command("serve", "Preview the site; rebuilds and reloads when YAML, templates or settings change.")
    serve.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", metavar="HOST:PORT",
                       help="address to serve on (default: 127.0.0.1:8000)")
    translations = command("translations", "Show every page by language: current, stale, missing or broken "
                           "translation; or mark translations as current after a review.")
    translations.add_argument("--mark-current", nargs="+", type=Path, default=None, metavar="FILE",
                              help="write the current digest of each translation's source into its "
                              "'translation: source:' (changes that line only)")
    translations.add_argument("--strict", action="store_true", help="also exit with 1 if a translation is stale")
    rules = command("rules", "Print the documentation of every rule (Markdown), or write it to a file.")
    rules.add_argument("--out", type=Path, default=None, help="file to write, e.g. docs/rules.md")
    schema = command("schema", "Write the JSON Schema files that editors use to check and complete YAML.")
    schema.add_argument("--out", type=Path, default=None, help="folder to write to (default: schema/)")
    new = commands.add_parser(
        "new", help="Start a new project in an empty folder: settings, one program, two example sessions.",
        description="Start a new Catch-Up project in FOLDER (new or empty): site-config/ with every file "
        "commented and the crisis lines left as TODO placeholders the checker reports until filled in, "
        "one program with one track and two example sessions, mkdocs.yml, .gitignore, a README for "
        "the program's staff and the JSON Schema files for editors.")
    new.add_argument("folder", type=Path, metavar="FOLDER", help="the folder to make the project in")
    new.add_argument("--name", default=None, help="the site's name (default: from the folder's name)")
    new.add_argument("--github", action="store_true",
                     help="also add a GitHub Actions workflow that checks, builds and publishes to GitHub Pages")
    new.add_argument("-v", "--verbose", action="store_true", help="show tracebacks on crashes")
    new.add_argument("-q", "--quiet", action="store_true", help="print less")
    return main


def run(args: argparse.Namespace) -> int:
    if hasattr(args, "root") and not args.root.resolve().is_dir():
        print(f"Error: the project folder {args.root} does not exist", file=sys.stderr)
        return EXIT_USAGE
    command = importlib.import_module(f"generator.commands.{args.command}")
    return command.run(args)


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    level = logging.DEBUG if args.verbose else logging.WARNING if args.quiet else logging.INFO
    logging.basicConfig(level=level, format="%(levelname)-8s-  %(message)s")
    if not args.verbose:  # MkDocs' progress lines name internal folders; keep its warnings and errors
        logging.getLogger("mkdocs").setLevel(logging.WARNING)
    try:
        return run(args)
    except CatchupError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        print("Nothing was published; the previous site/ is unchanged.", file=sys.stderr)
        return EXIT_ERRORS
    except KeyboardInterrupt:
        return EXIT_ERRORS
    except Exception as exc:  # a bug in catchup, not in the input: say so plainly
        if args.verbose:
            raise
        print(f"Error: catchup failed unexpectedly ({type(exc).__name__}: {exc}).", file=sys.stderr)
        print("Run the same command with --verbose and report the output as a bug.", file=sys.stderr)
        return EXIT_ERRORS
