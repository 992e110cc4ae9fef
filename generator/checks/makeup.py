"""The make-up rule: every session page must let someone who missed the session catch up."""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks.settings import Settings
from generator.model import Curriculum, Session
from generator.problems import Level
from generator.rules import Finding, check_rule
from generator.schema import MAKEUP_PARTS

FIXES = {  # how to add each make-up part (schema.MAKEUP_PARTS)
    "summary": "Write 'summary:' with what the session covered, in plain words.",
    "worksheets": "Add a worksheet under 'worksheets:', or '- use: <id>' for a shared one.",
    "skills_practice": "Add a skill under 'skills_practice:', or '- use: <id>' for a shared one.",
}


def present_parts(session: Session) -> dict[str, bool]:
    """Which make-up parts the session has, by their key in a session file."""
    found = {"summary": session.summary.strip(), "worksheets": session.worksheets, "skills_practice": session.skills}
    return {part: bool(found[part]) for part in MAKEUP_PARTS}


def coverage(session: Session, settings: Settings) -> dict[str, str]:
    """For each make-up part: 'yes', 'exempt', 'missing', or 'not required' for this kind of session."""
    present = present_parts(session)
    required = settings.required_parts(session.kind)
    table = {}
    for part in MAKEUP_PARTS:
        reason = (session.exemptions.get(part) or "").strip()
        table[part] = ("yes" if present[part] else "exempt" if reason else
                       "missing" if part in required else "not required")
    return table


@check_rule("makeup-material")
def makeup_material(curriculum: Curriculum, settings: Settings) -> Iterator[Finding]:
    """Every session needs make-up material: by default a summary, a worksheet and a skills practice.

    A participant who missed the session has only its page. Which parts each kind of session
    needs can be set in site-config/checks.yml (``makeup: by_kind:``). A required part may be
    left out only with a written reason under ``exemptions:`` (for example
    ``worksheets: Orientation has no homework.``); participants see the reason on the page.
    Fix: add the missing part (a shared one with ``- use: <id>`` is fine), or write the reason.
    """
    for program in curriculum.programs:
        for session in program.sessions:
            for part, state in coverage(session, settings).items():
                if state == "missing":
                    where = session.at(part) if part in session.fields else session.where
                    yield Finding(where, f"session '{session.id}' has no {MAKEUP_PARTS[part]} for people who "
                                  "missed it", FIXES[part] + " Or explain why under 'exemptions:'.")


@check_rule("makeup-transcript", Level.WARNING)
def recording_transcripts(curriculum: Curriculum, settings: Settings) -> Iterator[Finding]:
    """A recording offered as make-up needs a transcript.

    Some participants cannot listen (a shared room, a hearing loss, a slow connection), and a
    transcript is what WCAG asks for recorded speech.
    Fix: add ``transcript:`` to the make-up option, saying where the transcript is.
    """
    for program in curriculum.programs:
        for session in program.sessions:
            for option in session.makeup_options:
                if option["type"] == "recording" and not option.get("transcript"):
                    yield Finding(session.at("makeup_options"),
                                  f"session '{session.id}' offers a recording with no transcript",
                                  "Add 'transcript:' saying where the written transcript is, or how to ask for it.")
