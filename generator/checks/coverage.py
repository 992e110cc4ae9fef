"""``catchup check --coverage``: every session against each make-up part, in one table."""

from __future__ import annotations

from generator.checks.language import prose
from generator.checks.makeup import coverage
from generator.checks.readability import Glossary, measure
from generator.checks.settings import Settings
from generator.model import Curriculum
from generator.schema import MAKEUP_PARTS

COLUMNS = ("session", "kind", *MAKEUP_PARTS, "grade")
HEADINGS = {"session": "Session", "kind": "Kind", "summary": "Summary", "worksheets": "Worksheets",
            "skills_practice": "Skills practice", "grade": "Grade"}


def rows(curriculum: Curriculum, settings: Settings) -> list[dict[str, object]]:
    """One row per session, in site order: its make-up parts and the reading grade of its text."""
    glossary = Glossary.of(settings.glossary)
    documents = {doc.path: doc for doc in curriculum.documents if doc.kind == "session"}
    table: list[dict[str, object]] = []
    for program in curriculum.programs:
        for track in program.tracks:
            for session in track.sessions:
                doc = documents.get(session.where.path)
                grade = measure(prose(doc), glossary, hardest=False).grade if doc else None
                table.append({"program": program.id, "track": track.id, "number": session.number,
                              "session": session.id, "kind": session.kind, **coverage(session, settings),
                              "grade": grade})
    return table


def table(data: list[dict[str, object]]) -> str:
    """The rows as a text table, grouped by program and track, with a total line."""
    if not data:
        return "No sessions."
    cells = [[HEADINGS[c] for c in COLUMNS]]
    groups: list[tuple[int, str]] = []
    last = None
    for row in data:
        group = f"{row['program']} / {row['track']}"
        if group != last:
            groups.append((len(cells), group))
            last = group
        cells.append([f"{row['number']:>2}. {row['session']}", str(row["kind"]),
                      *(str(row[part]) for part in MAKEUP_PARTS),
                      "" if row["grade"] is None else f"{row['grade']:.1f}"])
    widths = [max(len(r[i]) for r in cells) for i in range(len(COLUMNS))]
    heads = dict(groups)
    lines = []
    for index, row_cells in enumerate(cells):
        if index in heads:
            lines.append(f"\n{heads[index]}")
        lines.append("  ".join(cell.ljust(width) for cell, width in zip(row_cells, widths)).rstrip())
    missing = sum(1 for row in data if "missing" in (row[p] for p in MAKEUP_PARTS))
    lines.append(f"\n{len(data)} sessions; {missing} missing a required part.")
    return "\n".join(lines)
