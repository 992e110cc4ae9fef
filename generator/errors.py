"""Every error Catch-Up raises on purpose, under one base class (as MkDocs' ``exceptions.py``).

A problem in the input is not an error: it is a ``problems.Problem`` value, reported with the
others. These are for what stops a command: the CLI catches :class:`CatchupError`, prints its
message without a traceback, and exits with 1. Anything else that escapes is a bug in Catch-Up.
"""

from __future__ import annotations


class CatchupError(Exception):
    """The command could not do its work; the message says why and what to do."""


class ConfigError(CatchupError):
    """The project's mkdocs.yml cannot be read."""


class BuildError(CatchupError):
    """The site could not be built."""


class MkDocsFailed(BuildError):
    """MkDocs stopped with an error (in strict mode, also on a warning)."""


class DuplicateOutput(BuildError):
    """Two generated files would land on the same path."""
