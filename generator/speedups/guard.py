"""Digests of the library code a speed-up stands in for: a speed-up is used only while the code
it copies or patches is exactly the code it was written against; otherwise the library's own
code runs (slower, and just as right)."""

from __future__ import annotations

import hashlib
import inspect
from typing import Any


def digest(*objects: Any) -> str:
    """A short digest of the source code of ``objects`` (functions, classes or modules)."""
    source = "".join(inspect.getsource(item) for item in objects)
    return hashlib.sha256(source.encode()).hexdigest()[:16]


def unchanged(known: frozenset[str], *objects: Any) -> bool:
    """Whether the source of ``objects`` is one of the ``known`` versions; False if it cannot be read."""
    try:
        return digest(*objects) in known
    except (OSError, TypeError):  # no source (a frozen or compiled build): do not guess
        return False
