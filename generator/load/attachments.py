"""Files that text links to: a picture or a PDF kept next to the YAML that shows it.

An author writes ``![Box breathing, drawn as a square](box.png)`` or
``[Printable worksheet](thought-record.pdf)`` with a path relative to the YAML file. While a file
is read, each such link is checked and rewritten to the place the file will have in the site,
``files/<path under content/>``; the build copies the file there. A path that leaves content/
(``../../site-config/...``, ``/etc/passwd``, or a link to a file elsewhere) is refused and the
file is never read. Only pictures and PDFs are accepted: an SVG or HTML file can carry script.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.load.reader_rules import FILE_MISSING, FILE_TYPE, PATH_OUTSIDE
from generator.load.yamlsource import Pos, YList, YMap
from generator.model import ATTACHMENT_LINK as MARKER
from generator.problems import Location
from generator.rules import Rule

ALLOWED_TYPES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".pdf"}
LINK = re.compile(r"(!?\[[^\]\[]{0,1000}\]\()\s*([^)\s]{1,2000})([^)]{0,1000}\))")  # bounded: linear time
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")

Report = Callable[[str, Rule, str, Pos], None]  # message, rule, hint, position


@dataclass(frozen=True)
class Attachment:
    site_path: str  # files/<program>/sessions/box.png
    source: Path
    where: Location  # the first link to it in the YAML file (what a check of the file points at)


def attach(data: Any, yaml_file: Path, content: Path, report: Report, text: str | None = None,
           shown: str | None = None) -> dict[str, Attachment]:
    """Rewrite local links in every text value of ``data`` in place; return the files to copy.
    Given the ``text`` the file was read from, a file that cannot hold a link is not walked.
    (``shown``: the YAML file's path as problems show it.)"""
    found: dict[str, Attachment] = {}
    shown = yaml_file.as_posix() if shown is None else shown
    if text is not None and not may_link(text):
        return found
    lines = text.splitlines() if text is not None else None

    def fix(text: str, pos: Pos) -> str:
        def one(match: re.Match[str]) -> str:
            opening, target, closing = match.groups()
            if target.startswith(MARKER):
                return f"{opening}#blocked-link{closing}"
            if SCHEME.match(target) or target.startswith("#"):
                return match.group(0)
            source = _resolve(target, yaml_file, content, report, pos)
            if source is None:
                return f"{opening}#missing-file{closing}"
            site_path = "files/" + source.relative_to(content).as_posix()
            if site_path not in found:
                line, col = written_at(lines, pos, target)
                found[site_path] = Attachment(site_path, source, Location(shown, line, col))
            anchor = target[len(target.split("#", 1)[0].split("?", 1)[0]):]  # e.g. #page=2
            return f"{opening}{MARKER}{site_path}{anchor}{closing}"
        return LINK.sub(one, text)

    _walk(data, fix)
    return found


def written_at(lines: list[str] | None, pos: Pos, target: str) -> tuple[int, int]:
    """Where ``target`` is written in the value that starts at ``pos``: in a block of text, the
    line of the link itself rather than the line of its key. The value runs on while the lines are
    blank or indented deeper than its first line; ``pos`` itself if the target is not found there
    as written (a double-quoted string can spell it with escapes)."""
    if lines is None or not 0 < pos.line <= len(lines):
        return pos.line, pos.col
    first = lines[pos.line - 1]
    indent = len(first) - len(first.lstrip(" "))
    for index in range(pos.line - 1, len(lines)):
        line = lines[index]
        if index >= pos.line and line.strip() and len(line) - len(line.lstrip(" ")) <= indent:
            break
        col = line.find(target, pos.col - 1 if index == pos.line - 1 else 0)
        if col >= 0:
            return index + 1, col + 1
    return pos.line, pos.col


def may_link(text: str) -> bool:
    """Whether any value read from this YAML text can hold a Markdown link (most files hold none).
    A link needs ``](``; YAML makes that from other characters only with a backslash escape in a
    double-quoted string (``\\x5D``, or a line joined by ``\\``): a text with neither holds no link."""
    return "](" in text or "\\" in text


def _resolve(target: str, yaml_file: Path, content: Path, report: Report, pos: Pos) -> Path | None:
    """The file inside content/ that ``target`` names, or None (reported) if there is none to copy."""
    try:
        return _resolve_path(target, yaml_file, content, report, pos)
    except (OSError, RuntimeError, ValueError) as exc:  # a name too long, a link loop, a NUL character
        report(f"the file '{target}' cannot be read ({type(exc).__name__})", FILE_MISSING,
               "Check the name: use a short file name of letters, digits and dashes.", pos)
        return None


def _resolve_path(target: str, yaml_file: Path, content: Path, report: Report, pos: Pos) -> Path | None:
    path_part = target.split("#", 1)[0].split("?", 1)[0]
    candidate = Path(os.path.normpath(yaml_file.parent / path_part))
    inside = not target.startswith("/") and candidate.is_relative_to(content)
    if inside and candidate.exists():
        inside = candidate.resolve().is_relative_to(content.resolve())
    if not inside:
        report(f"the link '{target}' points outside content/; the file was not read", PATH_OUTSIDE,
               "Keep pictures and PDFs inside content/, next to the YAML that shows them.", pos)
        return None
    if not candidate.is_file():
        report(f"the file '{target}' does not exist", FILE_MISSING,
               f"Check the spelling; the path is read from the folder of this file ({yaml_file.parent.name}/).", pos)
        return None
    if candidate.suffix.lower() not in ALLOWED_TYPES:
        allowed = ", ".join(sorted(ALLOWED_TYPES))
        report(f"the file '{target}' is not a picture or a PDF", FILE_TYPE,
               f"Link only to {allowed} files: other kinds (SVG, HTML) can carry script.", pos)
        return None
    return candidate


def _walk(data: Any, fix: Callable[[str, Pos], str], seen: set[int] | None = None) -> None:
    seen = set() if seen is None else seen
    if isinstance(data, (YMap, YList)):
        if id(data) in seen:  # a block used again through a YAML alias: already rewritten
            return
        seen.add(id(data))
    if isinstance(data, YMap):
        for key, value in data.items():
            if isinstance(value, str):
                if "](" in value:
                    data[key] = fix(value, data.value_pos[key])
            else:
                _walk(value, fix, seen)
    elif isinstance(data, YList):
        for index, value in enumerate(data):
            if isinstance(value, str):
                if "](" in value:
                    data[index] = fix(value, data.item_pos[index])
            else:
                _walk(value, fix, seen)
