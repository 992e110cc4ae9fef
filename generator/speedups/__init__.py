"""Optional speed-ups of the MkDocs build; the site is the same with or without them.

The core enters this package at one point, :func:`build_site` (from ``site.mkdocs_run``), and
only while :func:`enabled`: ``CATCHUP_PLAIN=1`` in the environment turns every speed-up off, so
MkDocs runs as plain ``mkdocs build`` does, in one process, with no library code patched.

- ``parallel``: the pages shared out over one process per core;
- ``quick_inline``: Python-Markdown skips inline patterns that cannot match the text;
- ``search_index``: Material's search index made with a quicker HTML tokenizer.

Each one that patches library code checks first that the code is the version it was written
against (``guard``), and leaves the library as it is otherwise. This package imports only the
shared modules below every stage (``errors``), never a stage. What each saves is measured in
docs/performance.md; a speed-up that saves under 5 % of ``catchup build`` does not belong here.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import Any


def enabled() -> bool:
    """False when ``CATCHUP_PLAIN`` is set to anything but "" or "0"."""
    return os.environ.get("CATCHUP_PLAIN", "") in ("", "0")


def build_site(config: Any, site_dir: Path, docs: list[str], build_share: Callable[[Any, str | None], None], *,
               serve_url: str | None, search_index: Path, workers: int | None = None) -> None:
    """Build the site of the loaded MkDocs ``config`` with every speed-up that applies.
    ``build_share(config, serve_url)`` is the plain MkDocs build; ``docs`` the Markdown pages."""
    from generator.speedups import parallel, quick_inline
    from generator.speedups import search_index as quick_search

    count = workers or parallel.workers_for(config, len(docs))

    def quick_share(share_config: Any, url: str | None) -> None:
        with ExitStack() as stack:
            stack.enter_context(quick_search.installed())
            stack.enter_context(quick_inline.installed())
            build_share(share_config, url)

    if count <= 1:
        quick_share(config, serve_url)
    else:
        parallel.build(config, site_dir, docs, count, quick_share, serve_url, search_index)
