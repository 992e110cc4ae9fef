"""Run MkDocs on the generated Markdown, on every core.

MkDocs builds one page after another. Turning Markdown into HTML, rendering the theme and
indexing for search take about 15 ms a page, so a site of 1000 sessions spends most of its build
time there, on one core. Here the build is forked into one process per core (two on our
machines); each runs the ordinary MkDocs build, with the same configuration and navigation, but
renders and writes only its share of the pages (every n-th page). The configuration is loaded once,
before forking, so each process starts with its own copy of it. Afterwards the pages of the
other shares are moved into the first share's folder and the search indexes are joined. The
result is the same site a single MkDocs build makes; a test compares them file by file. Each
process also indexes its pages for search with a quicker tokenizer (see ``search_index``), finds
the anchor ids of raw HTML with regular expressions (see ``anchor_ids``) and skips inline Markdown
patterns that cannot match (see ``quick_inline``).

Small sites, machines with one core and systems without ``fork`` use a single ordinary build.
"""

from __future__ import annotations

import gc
import json
import logging
import multiprocessing
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

SEARCH_INDEX = Path("search") / "search_index.json"
MIN_PAGES_TO_SPLIT = 150  # below this, starting a second process costs more than it saves


class MkDocsFailed(Exception):
    """MkDocs stopped with an error (in strict mode, also on a warning)."""


def workers_for(pages: int) -> int:
    from generator.read_ahead import can_fork  # no fork, one core, threads running, a daemon process

    if pages < MIN_PAGES_TO_SPLIT or not can_fork():
        return 1
    return max(1, min(os.cpu_count() or 1, 4))


def build(config_file: Path, site_dir: Path, *, workers: int | None = None, strict: bool = True,
          overrides: dict[str, Any] | None = None, adjust: Callable[[Any], None] | None = None,
          serve_url: str | None = None, dirty: bool = False) -> None:
    """Build the site described by ``config_file`` into ``site_dir``; raise MkDocsFailed.
    (For the preview: ``overrides`` for MkDocs' ``load_config``, ``adjust`` to change the loaded
    configuration, the ``serve_url`` it serves at, and ``dirty``, MkDocs' rebuild of only the
    pages whose Markdown changed, always in this one process.)"""
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException
    from mkdocs.structure.files import get_files

    errors = _Errors()
    logging.getLogger("mkdocs").addHandler(errors)
    try:  # once, here: each share gets its own copy when forked
        config = load_config(config_file=str(config_file), site_dir=str(site_dir), strict=strict, **(overrides or {}))
    except MkDocsException as exc:  # MkDocs logs what is wrong, then raises "Aborted ..."
        raise MkDocsFailed("; ".join([*errors.messages, str(exc)])) from None
    finally:
        logging.getLogger("mkdocs").removeHandler(errors)
    if adjust is not None:
        adjust(config)
    docs_dir = Path(config.docs_dir)
    # The Markdown pages MkDocs will build, in a fixed order (how they are shared out).
    docs = sorted(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md"))
    count = 1 if dirty else workers or workers_for(len(docs))
    if count <= 1:
        _build_share(config, 0, 1, docs, serve_url, dirty)
        return
    # Each page's address, in the order a single MkDocs build visits the pages (for the index).
    order = {file.url: i for i, file in enumerate(get_files(config).documentation_pages())}
    shares = [site_dir] + [site_dir.with_name(f"{site_dir.name}.share{k}") for k in range(1, count)]
    context = multiprocessing.get_context("fork")
    pipes, processes = [], []
    gc.freeze()  # the shares inherit this process's objects: never walk (or copy) them there
    try:
        for k, folder in enumerate(shares):
            receive, send = context.Pipe(duplex=False)
            process = context.Process(target=_share_process, args=(config, folder, k, count, docs, serve_url, send))
            process.start()
            pipes.append(receive)
            processes.append(process)
    finally:
        gc.unfreeze()
    errors = []
    for process, pipe in zip(processes, pipes):
        message = pipe.recv() if pipe.poll(None) else "the build process ended without a word"
        process.join()
        if message or process.exitcode:
            errors.append(message or f"exit code {process.exitcode}")
    try:
        if errors:
            raise MkDocsFailed("; ".join(sorted(set(errors))))
        for folder in shares[1:]:
            _move_pages(folder, site_dir)
        _join_search_indexes(site_dir, shares[1:], order)
    finally:
        for folder in shares[1:]:
            shutil.rmtree(folder, ignore_errors=True)


class _Errors(logging.Handler):
    """Keeps the errors MkDocs logs, so that the message it fails with can say what they were."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(f"mkdocs.yml: {record.getMessage()}")


def _share_process(config: Any, site_dir: Path, share: int, count: int, docs: list[str], serve_url: str | None,
                   send: Any) -> None:
    try:
        config["site_dir"] = str(site_dir)  # this process's copy of the configuration
        _build_share(config, share, count, docs, serve_url)
        send.send(None)
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which raises
        send.send(str(exc) or type(exc).__name__)


def _build_share(config: Any, share: int, count: int, docs: list[str], serve_url: str | None = None,
                 dirty: bool = False) -> None:
    """Run MkDocs' build with ``config`` (used up by it), rendering only the pages of ``share``."""
    from mkdocs.commands import build as mkdocs_build
    from mkdocs.exceptions import MkDocsException
    from mkdocs.structure.files import Files

    if count > 1:
        order = {uri: i for i, uri in enumerate(docs)}

        def mine(page: Any) -> bool:
            return order.get(page.file.src_uri, 0) % count == share

        populate, render = mkdocs_build._populate_page, mkdocs_build._build_page
        mkdocs_build._populate_page = (  # type: ignore[assignment]
            lambda page, *args, **kwargs: populate(page, *args, **kwargs) if mine(page) else None)
        mkdocs_build._build_page = (  # type: ignore[assignment]
            lambda page, *args, **kwargs: render(page, *args, **kwargs) if mine(page) else None)
        if share:  # assets, 404 page and sitemap come from the first share only
            Files.copy_static_files = lambda self, *args, **kwargs: None  # type: ignore[method-assign]
            mkdocs_build._build_theme_template = lambda *args, **kwargs: None  # type: ignore[assignment]
    try:
        with quicker():
            mkdocs_build.build(config, serve_url=serve_url, dirty=dirty)
    except MkDocsException as exc:
        raise MkDocsFailed(str(exc)) from None


@contextmanager
def quicker() -> Iterator[None]:
    """Our quicker search indexing, anchor scan and inline Markdown, only while inside: the site
    is the same byte for byte (see ``search_index``, ``anchor_ids`` and ``quick_inline``)."""
    from generator.anchor_ids import installed as quick_anchor_ids
    from generator.quick_inline import installed as quick_inline
    from generator.search_index import installed as quick_search_index

    with quick_search_index(), quick_anchor_ids(), quick_inline():
        yield


def _move_pages(share: Path, site_dir: Path) -> None:
    """Move one share's pages into the site."""
    for page in share.rglob("*.html"):
        target = site_dir / page.relative_to(share)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(page, target)


def _join_search_indexes(site_dir: Path, shares: list[Path], order: dict[str, int]) -> None:
    """Join the shares' search indexes into the site's, in the order a single build writes it,
    so the site is the same."""
    index = site_dir / SEARCH_INDEX
    if not index.is_file():
        return
    data = json.loads(index.read_text(encoding="utf-8"))
    for share in shares:
        if (share / SEARCH_INDEX).is_file():
            data["docs"] += json.loads((share / SEARCH_INDEX).read_text(encoding="utf-8"))["docs"]
    data["docs"].sort(key=lambda doc: order.get(doc["location"].split("#", 1)[0], len(order)))
    _write_index(index, data)


def _write_index(index: Path, data: dict[str, Any]) -> None:
    text = json.dumps(data, separators=(",", ":"), default=str)  # as Material's search plugin writes it
    index.write_text(text, encoding="utf-8")
    inline = index.with_suffix(".js")
    if inline.is_file():  # Material's offline plugin: the same index as a script, for file://
        inline.write_text(f"var __index = {text}", encoding="utf-8")
