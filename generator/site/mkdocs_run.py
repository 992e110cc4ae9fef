"""Run MkDocs on the generated Markdown: load its configuration, then build.

With the speed-ups on (the default; see ``generator.speedups``), the build runs on every core
with quicker versions of a few library internals, and makes the same site; with
``CATCHUP_PLAIN=1``, MkDocs builds exactly as plain ``mkdocs build`` does.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator import speedups
from generator.errors import MkDocsFailed

SEARCH_INDEX = Path("search") / "search_index.json"  # where Material's search plugin writes its index


def build(config_file: Path, site_dir: Path, *, workers: int | None = None, strict: bool = True,
          overrides: dict[str, Any] | None = None, adjust: Callable[[Any], None] | None = None,
          serve_url: str | None = None, dirty: bool = False) -> None:
    """Build the site described by ``config_file`` into ``site_dir``; raise MkDocsFailed.
    (For the preview: ``overrides`` for MkDocs' ``load_config``, ``adjust`` to change the loaded
    configuration, the ``serve_url`` it serves at, and ``dirty``, MkDocs' rebuild of only the
    pages whose Markdown changed, always plain and in this one process. ``workers``: how many
    processes build, instead of as many as are worth it.)"""
    config = load(config_file, site_dir, strict=strict, overrides=overrides)
    if adjust is not None:
        adjust(config)
    if dirty or not speedups.enabled():
        plain_build(config, serve_url, dirty=dirty)
        return
    docs_dir = Path(config.docs_dir)
    docs = sorted(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md"))
    speedups.build_site(config, site_dir, docs, plain_build, serve_url=serve_url, search_index=SEARCH_INDEX,
                        workers=workers)


def load(config_file: Path, site_dir: Path, *, strict: bool, overrides: dict[str, Any] | None) -> Any:
    """MkDocs' configuration, loaded; what MkDocs says is wrong with it is in the error."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    errors = _Errors()
    logging.getLogger("mkdocs").addHandler(errors)
    try:
        return load_config(config_file=str(config_file), site_dir=str(site_dir), strict=strict, **(overrides or {}))
    except MkDocsException as exc:  # MkDocs logs what is wrong, then raises "Aborted ..."
        raise MkDocsFailed("; ".join([*errors.messages, str(exc)])) from None
    finally:
        logging.getLogger("mkdocs").removeHandler(errors)


def plain_build(config: Any, serve_url: str | None, dirty: bool = False) -> None:
    """MkDocs' own build of the loaded ``config`` (used up by it), as ``mkdocs build`` runs it."""
    from mkdocs.commands import build as mkdocs_build
    from mkdocs.exceptions import MkDocsException

    try:
        mkdocs_build.build(config, serve_url=serve_url, dirty=dirty)
    except MkDocsException as exc:
        raise MkDocsFailed(str(exc)) from None


class _Errors(logging.Handler):
    """Keeps the errors MkDocs logs, so that the message it fails with can say what they were."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(f"mkdocs.yml: {record.getMessage()}")
