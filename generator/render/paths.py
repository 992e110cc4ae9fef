"""Where each generated page and file goes in the site, relative to the docs folder."""

from __future__ import annotations

from generator.model import Program, Session


def session_path(program: Program, session: Session) -> str:
    return f"{program.id}/{session.track}/{session.id}.md"


def finder_script_path(program: Program) -> str:
    return f"finder/{program.id}.js"
