"""Every rule the checker can report, with its documentation: the source of docs/rules.md.

Rules that look across the curriculum are functions in ``generator.checks``; their docstrings
are their documentation. Problems found while reading a file (YAML syntax, the schema, missing
files) come from the reader, so their documentation is written here.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.checks import RULES
from generator.problems import Level


@dataclass(frozen=True)
class RuleDoc:
    id: str
    level: Level
    doc: str  # first line: what it finds; then why it matters and how to fix it


E, W = Level.ERROR, Level.WARNING
READER_RULES = [
    RuleDoc("yaml-syntax", E, "The file is not valid YAML.\n\nUsually a missing colon, a quote opened and "
            "not closed, or a line indented differently from its neighbours. The message names the "
            "line and column where the reader got lost; the mistake is there or just above.\n"
            "Fix: indent with spaces only, put text containing ': ' or starting with a special character "
            "in quotes, and keep one document per file."),
    RuleDoc("yaml-tag", E, "A value uses a YAML tag (``!something``) or a merge key (``<<``).\n\nTags can make "
            "YAML readers run code, so Catch-Up reads plain text, numbers and lists only.\n"
            "Fix: remove the tag and write the value out."),
    RuleDoc("yaml-key", E, "A key is not a plain word (for example a number or a list).\n\n"
            "Fix: write keys as words such as ``title:``; put quotes around a key that looks like a number."),
    RuleDoc("yaml-duplicate-key", E, "The same key appears twice in one block.\n\nMost YAML readers silently "
            "keep the last one, so half of what you wrote would vanish.\n"
            "Fix: keep one and delete or rename the other."),
    RuleDoc("yaml-too-large", E, "A file is larger than 1 MB, or its anchors and aliases (``&`` and ``*``) "
            "expand to more than 200,000 values.\n\nA session is a few kilobytes; anything this big is a "
            "mistake or an attack (a \"billion laughs\" file), and is refused at once.\n"
            "Fix: split the file, or write repeated text out instead of using aliases."),
    RuleDoc("file-encoding", E, "A file is not UTF-8 text.\n\nThe message gives the line and column of the "
            "first bad byte. Fix: save the file as UTF-8 in your editor (often under 'Save with encoding')."),
    RuleDoc("file-empty", E, "A file is empty or holds only comments.\n\nFix: fill it in, or delete it."),
    RuleDoc("file-not-read", E, "A YAML file in content/ is in a place Catch-Up does not read, or ends in "
            ".yaml.\n\nIt would silently be left out of the site.\n"
            "Fix: sessions go in content/<program>/sessions/, shared items in content/library/worksheets/ or "
            "content/library/skills/, and every file ends in .yml."),
    RuleDoc("path-outside", E, "A file is a link to a file outside the project folder, or text links to a "
            "file outside content/.\n\nIt is refused and never read, so nothing outside the project can end "
            "up on the site.\nFix: replace the link with a real file inside the project; keep pictures and "
            "PDFs in content/, next to the YAML that shows them."),
    RuleDoc("file-missing", E, "Text links to a picture or PDF that does not exist.\n\nThe path is read from "
            "the folder of the YAML file, so ``![Box breathing](box.png)`` in a session means box.png in the "
            "sessions/ folder.\nFix: check the spelling and the folder, or add the file."),
    RuleDoc("file-type", E, "Text links to a file that is not a picture (PNG, JPEG, GIF, WebP) or a PDF.\n\n"
            "Other kinds of file, such as SVG or HTML, can carry script into the site.\n"
            "Fix: save the picture as PNG or JPEG, or the document as PDF."),
    RuleDoc("config-missing", E, "A required settings file in site-config/ is missing.\n\n"
            "Fix: copy it from the sample project and fill it in."),
    RuleDoc("config-unknown-file", E, "site-config/ holds a file Catch-Up does not read.\n\n"
            "Fix: rename it to one of the settings files named in the message, or remove it."),
    RuleDoc("content-missing", E, "There is no content/ folder, or it has no program.\n\n"
            "Fix: create content/<program>/program.yml and content/<program>/sessions/."),
    RuleDoc("program-missing", E, "A folder in content/ has no program.yml.\n\n"
            "Fix: add program.yml, or move the folder out of content/."),
    RuleDoc("schema-required", E, "A required field is missing.\n\nFix: add the field named in the message."),
    RuleDoc("schema-unknown-key", E, "A field is not one Catch-Up knows, often a typo.\n\nUnknown fields are "
            "never silently ignored: the text would be missing from the site.\n"
            "Fix: use the suggested name, or remove the field."),
    RuleDoc("schema-type", E, "A field holds the wrong kind of value (text where a list is needed, a number "
            "written as words, a whole number written with a decimal point, ...).\n\nFix: the hint says what the field needs; put text that looks like a "
            "number, a time or yes/no in quotes."),
    RuleDoc("schema-value", E, "A value is not one of the allowed choices or not in the right form (an id with "
            "capital letters, a date not written YYYY-MM-DD, ...).\n\nFix: use one of the choices in the hint."),
    RuleDoc("schema-empty", E, "A field or list is empty.\n\nFix: fill it in, or remove the field."),
    RuleDoc("ref-unknown-track", E, "A session names a track that its program.yml does not have.\n\n"
            "Fix: use one of the track ids listed in the hint, or add the track to program.yml."),
    RuleDoc("ref-unknown-worksheet", E, "A session uses a shared worksheet (``- use: <id>``) that does not "
            "exist in content/library/worksheets/.\n\nFix: use an id from the list in the hint, or write the "
            "worksheet in the session."),
    RuleDoc("ref-unknown-skill", E, "A session uses a shared skill (``- use: <id>``) that does not exist in "
            "content/library/skills/.\n\nFix: use an id from the list in the hint, or write the skill in "
            "the session."),
    RuleDoc("text-empty", W, "An item of a list (a step, a question, a key point) has no words in it.\n\n"
            "Fix: write the item out, or delete the line."),
    RuleDoc("text-link-words", W, "Link text such as \"click here\" or \"read more\".\n\nPeople using a screen "
            "reader often hear the links of a page read on their own, so the words must say where the link "
            "goes. Fix: ``[Sleep and mood (NIMH)](https://...)``."),
    RuleDoc("text-image-alt", W, "An image has no description: ``![](picture.png)``.\n\nPeople who cannot see "
            "it need the description. Fix: ``![A person breathing slowly](picture.png)``."),
    RuleDoc("text-personal-data", W, "Text holds an email address or phone number that is not one of the "
            "program's own (those in site-config/).\n\nThe site is public: never name or contact a participant "
            "or staff member in session text.\nFix: remove it; program contacts belong in site-config/."),
]


def all_rules() -> list[RuleDoc]:
    """Every rule, reader rules first, then the curriculum rules in the order they run."""
    return READER_RULES + [RuleDoc(r.id, r.level, r.doc) for r in RULES]


def markdown() -> str:
    """docs/rules.md: one section per rule, made from the docstrings."""
    lines = ["# Every problem Catch-Up can report", "",
             "<!-- Generated by `catchup rules --out docs/rules.md` from the rules' own documentation; "
             "edit generator/rules.py or generator/checks/, not this file. -->", "",
             "Errors stop the site from being built. Warnings are advice: the site still builds, unless "
             "you run `catchup check --strict` or `catchup build --strict`. Notes (info) are for your "
             "information only.", "", "| Rule | Level | What it finds |", "|---|---|---|"]
    rules = all_rules()
    for rule in rules:
        first = rule.doc.splitlines()[0].replace("``", "`")
        lines.append(f"| [`{rule.id}`](#{rule.id}) | {rule.level} | {first} |")
    for rule in rules:
        first, _, rest = rule.doc.partition("\n")
        body = "\n".join(line.strip() for line in rest.strip().splitlines())
        lines += ["", f"## {rule.id}", "", f"*{str(rule.level).capitalize()}.* {first.replace('``', '`')}", ""]
        if body:
            lines.append(body.replace("``", "`"))
    return "\n".join(lines).rstrip() + "\n"
