"""Swap one attribute of a library (MkDocs, Material, Python-Markdown) for ours, and put it back.

Our build uses quicker versions of a few library internals (see ``generator.speedups``), only
while it runs, so that a plain ``mkdocs build`` in the same process, and Zensical, see the
libraries as they are.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def patched(owner: Any, name: str, value: Any) -> Iterator[None]:
    """``owner.name`` is ``value`` while inside; afterwards it is what it was (for a class, the
    function itself as the class holds it, not a bound method)."""
    original = owner.__dict__[name] if isinstance(owner, type) else getattr(owner, name)
    setattr(owner, name, value)
    try:
        yield
    finally:
        setattr(owner, name, original)
