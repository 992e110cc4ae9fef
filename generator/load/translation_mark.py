"""The text of a translation file with a new ``translation: source:`` digest, changed in that one
place only: a person wrote the file, so its comments, quotes, order and line endings stay as they
are. Nothing is written here (``catchup translations --mark-current`` writes the file).
"""

from __future__ import annotations

import re

from generator.errors import CatchupError
from generator.load.yamlsource import YamlError, YMap, parse

FLOW_END = re.compile(r"\s*(?:[,}]|#|$)")  # where a plain value in braces ends
QUOTED = re.compile(r"""'(?:[^']|'')*'|"(?:[^"\\]|\\.)*\"""")


class NotMarked(CatchupError):
    """The file cannot be marked current; the message says why."""


def marked(text: str, digest: str) -> str:
    """``text`` with ``digest`` as its ``translation: source:`` (written in, or replacing the old one)."""
    data = _parse(text)
    block = data.get("translation") if isinstance(data, YMap) else None
    if not isinstance(block, YMap):
        raise NotMarked("it has no 'translation:' block; add one with 'review: needs-review' first")
    lines = text.splitlines(keepends=True)
    value = f'"{digest}"'  # in quotes: a digest of digits alone would be read as a number
    if "source" in block:
        line, col = block.value_pos["source"]
        lines[line - 1] = _replace_value(lines[line - 1], col - 1, value)
    else:
        line, col = block.pos
        current = lines[line - 1]
        if current[col - 1:col] == "{":  # translation: {review: reviewed}
            lines[line - 1] = f"{current[:col]}source: {value}, {current[col:].lstrip()}"
        else:  # a new line above the block's first key, indented like it
            ending = current[len(current.rstrip("\r\n")):] or "\n"
            lines.insert(line - 1, f"{current[:col - 1]}source: {value}{ending}")
    result = "".join(lines)
    _verify(data, _parse(result), digest)
    return result


def _parse(text: str) -> object:
    try:
        return parse(text)
    except YamlError as exc:
        raise NotMarked(f"it is not valid YAML (line {exc.pos.line}, column {exc.pos.col}: {exc.message})") from None


def _replace_value(line: str, start: int, value: str) -> str:
    """The line with the scalar that starts at ``start`` replaced by ``value``."""
    rest = line[start:]
    quoted = QUOTED.match(rest)
    if quoted:
        end = start + quoted.end()
    elif "{" in line[:start]:  # in braces: up to a comma or the closing brace
        end = start + FLOW_END.search(rest).start()  # type: ignore[union-attr]
    else:  # up to a comment or the end of the line
        body = rest.rstrip("\r\n")
        comment = re.search(r"\s#", body)
        end = start + len((body[:comment.start()] if comment else body).rstrip())
    return line[:start] + value + line[end:]


def _verify(before: object, after: object, digest: str) -> None:
    """The edit changed the digest and nothing else (or it is refused, and the file left alone)."""
    if not (isinstance(before, YMap) and isinstance(after, YMap) and isinstance(after.get("translation"), YMap)):
        raise NotMarked("the edit did not give the same file with a new digest")
    old, new = dict(before), dict(after)
    old["translation"] = {k: v for k, v in before["translation"].items() if k != "source"}
    new_block = dict(after["translation"])
    found = new_block.pop("source", None)
    new["translation"] = new_block
    if found != digest or old != new:
        raise NotMarked("the edit did not give the same file with a new digest; write the line "
                        f"'source: {digest}' under 'translation:' by hand")
