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
from generator.rules import Rule

ALLOWED_TYPES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".pdf"}
LINK = re.compile(r"(!?\[[^\]\[]{0,1000}\]\()\s*([^)\s]{1,2000})([^)]{0,1000}\))")  # bounded: linear time
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")

Report = Callable[[str, Rule, str, Pos], None]  # message, rule, hint, position


@dataclass(frozen=True)
class Attachment:
    site_path: str  # files/<program>/sessions/box.png
    source: Path


def attach(data: Any, yaml_file: Path, content: Path, report: Report, text: str | None = None) -> dict[str, Attachment]:
    """Rewrite local links in every text value of ``data`` in place; return the files to copy.
    Given the ``text`` the file was read from, a file that cannot hold a link is not walked."""
    found: dict[str, Attachment] = {}
    if text is not None and not may_link(text):
        return found

    def fix(text: str, pos: Pos) -> str:
        def one(match: re.Match[str]) -> str:
            opening, target, closing = match.groups()
            if target.startswith(MARKER):
                return f"{opening}#blocked-link{closing}"
            if SCHEME.match(target) or target.startswith("#"):
                return match.group(0)
            attachment = _resolve(target, yaml_file, content, report, pos)
            if attachment is None:
                return f"{opening}#missing-file{closing}"
            found[attachment.site_path] = attachment
            anchor = target[len(target.split("#", 1)[0].split("?", 1)[0]):]  # e.g. #page=2
            return f"{opening}{MARKER}{attachment.site_path}{anchor}{closing}"
        return LINK.sub(one, text)

    _walk(data, fix)
    return found


def may_link(text: str) -> bool:
    """Whether any value read from this YAML text can hold a Markdown link (most files hold none).
    A link needs ``](``; YAML makes that from other characters only with a backslash escape in a
    double-quoted string (``\\x5D``, or a line joined by ``\\``): a text with neither holds no link."""
    return "](" in text or "\\" in text


def _resolve(target: str, yaml_file: Path, content: Path, report: Report, pos: Pos) -> Attachment | None:
    try:
        return _resolve_path(target, yaml_file, content, report, pos)
    except (OSError, RuntimeError, ValueError) as exc:  # a name too long, a link loop, a NUL character
        report(f"the file '{target}' cannot be read ({type(exc).__name__})", FILE_MISSING,
               "Check the name: use a short file name of letters, digits and dashes.", pos)
        return None


def _resolve_path(target: str, yaml_file: Path, content: Path, report: Report, pos: Pos) -> Attachment | None:
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
    return Attachment("files/" + candidate.relative_to(content).as_posix(), candidate)


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
