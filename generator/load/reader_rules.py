"""The rules the reader applies while it reads a file: YAML syntax, encoding, the schema, missing
or misplaced files, and references that name nothing. Each is declared once here, with its
documentation; the reader makes its problems with ``RULE.problem(...)`` (see ``generator.rules``).
"""

from __future__ import annotations

from generator.problems import Level
from generator.rules import reader_rule

E = Level.ERROR

PROJECT_FORMAT = reader_rule(
    "project-format", E,
    "The project was made for a newer Catch-Up than the one installed (`project_format` in "
    "site-config/site.yml is higher than this version reads).\n\nIts files may hold fields this "
    "version does not know, so nothing else is checked.\nFix: upgrade Catch-Up (`pip install "
    "--upgrade catchup`), as docs/upgrading.md says.",
)

YAML_SYNTAX = reader_rule(
    "yaml-syntax", E,
    "The file is not valid YAML.\n\nUsually a missing colon, a quote opened and not closed, or a line "
    "indented differently from its neighbours. The message names the line and column where the reader "
    "got lost; the mistake is there or just above.\nFix: indent with spaces only, put text containing ': "
    "' or starting with a special character in quotes, and keep one document per file.",
)

YAML_CONTROL_CHARACTER = reader_rule(
    "yaml-control-character", E,
    "Text holds an invisible control character, written as it is or as an escape in double quotes "
    "(such as ``\\0``, ``\\x07`` or ``\\e``).\n\nOnly tabs and line breaks belong in text: any other "
    "control character would be written into the web pages, where it can hide or change what "
    "participants read.\nFix: delete it (it is often pasted from another program), or remove the "
    "escape.",
)

YAML_TAG = reader_rule(
    "yaml-tag", E,
    "A value uses a YAML tag (``!something``) or a merge key (``<<``).\n\nTags can make YAML readers run "
    "code, so Catch-Up reads plain text, numbers and lists only.\nFix: remove the tag and write the "
    "value out.",
)

YAML_KEY = reader_rule(
    "yaml-key", E,
    "A key is not a plain word (for example a number or a list).\n\nFix: write keys as words such as "
    "``title:``; put quotes around a key that looks like a number.",
)

YAML_DUPLICATE_KEY = reader_rule(
    "yaml-duplicate-key", E,
    "The same key appears twice in one block.\n\nMost YAML readers silently keep the last one, so half "
    "of what you wrote would vanish.\nFix: keep one and delete or rename the other.",
)

YAML_TOO_LARGE = reader_rule(
    "yaml-too-large", E,
    "A file is larger than 1 MB, or its anchors and aliases (``&`` and ``*``) expand to more than "
    "200,000 values.\n\nA session is a few kilobytes; anything this big is a mistake or an attack (a "
    '"billion laughs" file), and is refused at once.\nFix: split the file, or write repeated text out '
    "instead of using aliases.",
)

FILE_ENCODING = reader_rule(
    "file-encoding", E,
    "A file is not UTF-8 text.\n\nThe message gives the line and column of the first bad byte. Fix: save "
    "the file as UTF-8 in your editor (often under 'Save with encoding').",
)

FILE_EMPTY = reader_rule(
    "file-empty", E,
    "A file is empty or holds only comments.\n\nFix: fill it in, or delete it.",
)

FILE_NOT_READ = reader_rule(
    "file-not-read", E,
    "A YAML file in content/ is in a place Catch-Up does not read, or ends in .yaml.\n\nIt would "
    "silently be left out of the site.\nFix: sessions go in content/<program>/sessions/, shared items in "
    "content/library/worksheets/ or content/library/skills/, and every file ends in .yml.",
)

PATH_CASE = reader_rule(
    "path-case", E,
    "Two files or folders in content/ or site-config/ have names that differ only in capital "
    "letters, such as Box.png and box.png.\n\nOn a USB stick, on Windows and on macOS they are one "
    "file, so one of them would be lost when the project or the site is copied there.\nFix: rename "
    "one of them (names in lowercase are safest), and change the links to it.",
)

PATH_OUTSIDE = reader_rule(
    "path-outside", E,
    "A file is a link to a file outside the project folder, or text links to a file outside "
    "content/.\n\nIt is refused and never read, so nothing outside the project can end up on the "
    "site.\nFix: replace the link with a real file inside the project; keep pictures and PDFs in "
    "content/, next to the YAML that shows them.",
)

FILE_MISSING = reader_rule(
    "file-missing", E,
    "Text links to a picture or PDF that does not exist.\n\nThe path is read from the folder of the YAML "
    "file, so ``![Box breathing](box.png)`` in a session means box.png in the sessions/ folder.\nFix: "
    "check the spelling and the folder, or add the file.",
)

FILE_TYPE = reader_rule(
    "file-type", E,
    "Text links to a file that is not a picture (PNG, JPEG, GIF, WebP) or a PDF.\n\nOther kinds of file, "
    "such as SVG or HTML, can carry script into the site.\nFix: save the picture as PNG or JPEG, or the "
    "document as PDF.",
)

CONFIG_MISSING = reader_rule(
    "config-missing", E,
    "A required settings file in site-config/ is missing.\n\nFix: copy it from the sample project and "
    "fill it in.",
)

CONFIG_UNKNOWN_FILE = reader_rule(
    "config-unknown-file", E,
    "site-config/ holds a file Catch-Up does not read.\n\nFix: rename it to one of the settings files "
    "named in the message, or remove it.",
)

CONTENT_MISSING = reader_rule(
    "content-missing", E,
    "There is no content/ folder, or it has no program.\n\nFix: create content/<program>/program.yml and "
    "content/<program>/sessions/.",
)

PROGRAM_MISSING = reader_rule(
    "program-missing", E,
    "A folder in content/ has no program.yml.\n\nFix: add program.yml, or move the folder out of "
    "content/.",
)

SCHEMA_REQUIRED = reader_rule(
    "schema-required", E,
    "A required field is missing.\n\nFix: add the field named in the message.",
)

SCHEMA_UNKNOWN_KEY = reader_rule(
    "schema-unknown-key", E,
    "A field is not one Catch-Up knows, often a typo.\n\nUnknown fields are never silently ignored: the "
    "text would be missing from the site.\nFix: use the suggested name, or remove the field.",
)

SCHEMA_TYPE = reader_rule(
    "schema-type", E,
    "A field holds the wrong kind of value (text where a list is needed, a number written as words, a "
    "whole number written with a decimal point, ...).\n\nFix: the hint says what the field needs; put "
    "text that looks like a number, a time or yes/no in quotes.",
)

SCHEMA_VALUE = reader_rule(
    "schema-value", E,
    "A value is not one of the allowed choices or not in the right form (an id with capital letters, a "
    "date not written YYYY-MM-DD, ...).\n\nFix: use one of the choices in the hint.",
)

SCHEMA_EMPTY = reader_rule(
    "schema-empty", E,
    "A field or list is empty.\n\nFix: fill it in, or remove the field.",
)

REF_UNKNOWN_TRACK = reader_rule(
    "ref-unknown-track", E,
    "A session names a track that its program.yml does not have.\n\nFix: use one of the track ids listed "
    "in the hint, or add the track to program.yml.",
)

REF_UNKNOWN_WORKSHEET = reader_rule(
    "ref-unknown-worksheet", E,
    "A session uses a shared worksheet (``- use: <id>``) that does not exist in "
    "content/library/worksheets/.\n\nFix: use an id from the list in the hint, or write the worksheet in "
    "the session.",
)

REF_UNKNOWN_SKILL = reader_rule(
    "ref-unknown-skill", E,
    "A session uses a shared skill (``- use: <id>``) that does not exist in "
    "content/library/skills/.\n\nFix: use an id from the list in the hint, or write the skill in the "
    "session.",
)
