"""Render stage: the checked curriculum in, the site's files out, as values in memory.

``pages`` renders the Markdown pages from the project's templates, with ``text`` (YAML text made
safe for Markdown) and ``widgets`` (the HTML of the participant's tools); ``calendar`` makes the
calendar (.ics) files; ``paths`` says where each goes. Nothing is written here: the site stage
writes what this stage returns.
"""

from __future__ import annotations

from generator.render.pages import Page, nav, render
from generator.render.paths import session_path

__all__ = ["Page", "nav", "render", "session_path"]
