"""The ``catchup`` command: a thin layer over the library.

Exit codes: 0 no errors, 1 errors found (with ``--strict``, warnings too) or the build failed,
2 bad invocation. Problems print in the format chosen with ``--format`` (see ``report``); no
tracebacks unless ``--verbose``.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from generator import __version__
from generator.build import BuildError, Checked, build, check_project
from generator.load import Project, ReadCache
from generator.mkdocs_config import ConfigError
from generator.problems import Level
from generator import coverage
from generator.report import FORMATS, as_json, default_format, github, human, parsable, summary, use_colour
from generator.settings import Settings
from generator.schema import write_schemas
from generator.write import DuplicateOutput

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


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
    rules = command("rules", "Print the documentation of every rule (Markdown), or write it to a file.")
    rules.add_argument("--out", type=Path, default=None, help="file to write, e.g. docs/rules.md")
    schema = command("schema", "Write the JSON Schema files that editors use to check and complete YAML.")
    schema.add_argument("--out", type=Path, default=None, help="folder to write to (default: schema/)")
    return main


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
    return EXIT_OK if blocks(checked, args.strict) is False else EXIT_ERRORS


def blocks(checked: Checked, strict: bool) -> bool:
    return not checked.ok or (strict and any(p.level is Level.WARNING for p in checked.problems))


def run(args: argparse.Namespace) -> int:
    project = Project(args.root.resolve())
    if not project.root.is_dir():
        print(f"Error: the project folder {args.root} does not exist", file=sys.stderr)
        return EXIT_USAGE
    if args.command == "check":
        cache = ReadCache.on_disk(project)  # files unchanged since the last run are not read again
        code = report(check_project(project, cache), args)
        sys.stdout.flush()
        cache.save()  # after the report: the answer does not wait for the cache
        return code
    if args.command == "build":
        cache = ReadCache.on_disk(project)
        checked = build(project, strict=args.strict, cache=cache)
        cache.save()
        code = report(checked, args)
        if code == EXIT_OK:
            print(f"Built the site in {project.site}")
        else:
            print("Nothing was built; the previous site/ is unchanged.")
        return code
    if args.command == "serve":
        from generator.serve import serve

        host, _, port = args.dev_addr.rpartition(":")
        if not port.isdigit():
            print(f"Error: --dev-addr must look like 127.0.0.1:8000, not {args.dev_addr}", file=sys.stderr)
            return EXIT_USAGE
        return serve(project, host or "127.0.0.1", int(port))
    if args.command == "rules":
        from generator.rules import markdown

        if args.out is None:
            print(markdown(), end="")
        else:
            args.out.write_text(markdown(), encoding="utf-8")
            print(f"Wrote {args.out}")
        return EXIT_OK
    if args.command == "schema":
        folder = args.out or project.root / "schema"
        written = write_schemas(folder)
        print(f"Wrote {len(written)} schema file(s) to {folder}" if written else f"Schemas in {folder} are up to date")
        return EXIT_OK
    return EXIT_USAGE  # pragma: no cover - argparse rejects unknown commands


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    level = logging.DEBUG if args.verbose else logging.WARNING if args.quiet else logging.INFO
    logging.basicConfig(level=level, format="%(levelname)-8s-  %(message)s")
    if not args.verbose:  # MkDocs' progress lines name internal folders; keep its warnings and errors
        logging.getLogger("mkdocs").setLevel(logging.WARNING)
    try:
        return run(args)
    except (BuildError, ConfigError, DuplicateOutput) as exc:
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
