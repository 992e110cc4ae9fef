"""MkDocs' build on every core: one process per core, each building a share of the pages.

MkDocs builds one page after another, on one core. Here the build is forked into one process
per core; each runs the ordinary MkDocs build with the same loaded configuration and navigation
(each gets its own copy by forking), but renders and writes only its share of the pages (every
n-th page). Afterwards the pages of the other shares are moved into the first share's folder
and the search indexes are joined, in the order a single build writes them. The result is the
same site a single MkDocs build makes; a test compares them file by file.

This patches four private functions of ``mkdocs.commands.build`` and ``Files``, so it runs only
while that module's code is the code it was written against (``guard``), only where forking is
safe and useful (``can_fork``, enough pages), and only with plugins that see each page alone
(search and offline): a plugin such as tags, blog or rss that gathers all pages would be
wrong on a share of them. Otherwise MkDocs builds in this one process, as usual.
"""

from __future__ import annotations

import gc
import json
import multiprocessing
import os
import shutil
import threading
from pathlib import Path
from typing import Any

from generator.errors import MkDocsFailed
from generator.speedups.guard import unchanged

MIN_PAGES_TO_SPLIT = 150  # below this, starting a second process costs more than it saves
PLUGINS_SEEING_EACH_PAGE = {"search", "material/search", "offline", "material/offline"}
# mkdocs.commands.build and Files.copy_static_files as this was written against (MkDocs 1.6.1).
KNOWN_MKDOCS = frozenset({"4cf760084e66958b"})


def can_fork() -> bool:
    """Whether forking is possible and safe here: ``fork`` exists, there is more than one core,
    no other thread runs (a lock held by another thread at the moment of the fork would stay
    locked in the child forever), and this is not a daemonic process (which may not start any)."""
    return hasattr(os, "fork") and (os.cpu_count() or 1) > 1 and threading.active_count() == 1 \
        and not multiprocessing.current_process().daemon


def mkdocs_unchanged() -> bool:
    from mkdocs.commands import build as mkdocs_build
    from mkdocs.structure.files import Files

    return unchanged(KNOWN_MKDOCS, mkdocs_build, Files.copy_static_files)


def workers_for(config: Any, pages: int) -> int:
    """How many processes should build this site: 1 unless splitting is safe and worth it."""
    plugins = set(config.plugins) if config.plugins is not None else set()
    if pages < MIN_PAGES_TO_SPLIT or not can_fork() or plugins - PLUGINS_SEEING_EACH_PAGE \
            or not mkdocs_unchanged():
        return 1
    return max(1, min(os.cpu_count() or 1, 4))


def build(config: Any, site_dir: Path, docs: list[str], workers: int, build_share: Any,
          serve_url: str | None, search_index: Path) -> None:
    """Build the site of the loaded ``config`` into ``site_dir`` in ``workers`` processes;
    ``docs`` are the Markdown pages in a fixed order (how they are shared out),
    ``build_share(config, serve_url)`` builds one share, and ``search_index`` is where the search
    plugin writes its index in a site. Raises MkDocsFailed."""
    from mkdocs.structure.files import get_files

    # Each page's address, in the order a single MkDocs build visits the pages (for the index).
    order = {file.url: i for i, file in enumerate(get_files(config).documentation_pages())}
    shares = [site_dir] + [site_dir.with_name(f"{site_dir.name}.share{k}") for k in range(1, workers)]
    context = multiprocessing.get_context("fork")
    pipes, processes = [], []
    gc.freeze()  # the shares inherit this process's objects: never walk (or copy) them there
    try:
        for k, folder in enumerate(shares):
            receive, send = context.Pipe(duplex=False)
            process = context.Process(target=_share_process,
                                      args=(config, folder, k, workers, docs, build_share, serve_url, send))
            process.start()
            pipes.append(receive)
            processes.append(process)
    finally:
        gc.unfreeze()
    errors: list[str] = []
    failed_writing: OSError | None = None  # a disk full, read-only or not ours: said as such
    for process, pipe in zip(processes, pipes):
        message = pipe.recv() if pipe.poll(None) else "the build process ended without a word"
        process.join()
        if isinstance(message, OSError):
            failed_writing = failed_writing or message
        elif message or process.exitcode:
            errors.append(message or f"exit code {process.exitcode}")
    try:
        if failed_writing is not None:
            raise failed_writing
        if errors:
            raise MkDocsFailed("; ".join(sorted(set(errors))))
        for folder in shares[1:]:
            _move_pages(folder, site_dir)
        _join_search_indexes(site_dir / search_index, [share / search_index for share in shares[1:]], order)
    finally:
        for folder in shares[1:]:
            shutil.rmtree(folder, ignore_errors=True)


def _share_process(config: Any, site_dir: Path, share: int, count: int, docs: list[str], build_share: Any,
                   serve_url: str | None, send: Any) -> None:
    try:
        config["site_dir"] = str(site_dir)  # this process's copy of the configuration
        _only_my_share(share, count, docs)
        build_share(config, serve_url)
        send.send(None)
    except OSError as exc:  # the parent raises it as it is
        send.send(exc)
    except BaseException as exc:  # reported to the parent, which raises
        send.send(str(exc) or type(exc).__name__)


def _only_my_share(share: int, count: int, docs: list[str]) -> None:
    """In a share's process: make MkDocs populate and render only this share's pages (the pages
    of the other shares are still read, for the navigation and links)."""
    from mkdocs.commands import build as mkdocs_build
    from mkdocs.structure.files import Files

    order = {uri: i for i, uri in enumerate(docs)}

    def mine(page: Any) -> bool:
        return order.get(page.file.src_uri, 0) % count == share

    populate, render = mkdocs_build._populate_page, mkdocs_build._build_page
    mkdocs_build._populate_page = (
        lambda page, *args, **kwargs: populate(page, *args, **kwargs) if mine(page) else None)
    mkdocs_build._build_page = (
        lambda page, *args, **kwargs: render(page, *args, **kwargs) if mine(page) else None)
    if share:  # assets, 404 page and sitemap come from the first share only
        Files.copy_static_files = lambda self, *args, **kwargs: None  # type: ignore[method-assign]
        mkdocs_build._build_theme_template = lambda *args, **kwargs: None


def _move_pages(share: Path, site_dir: Path) -> None:
    """Move one share's pages into the site."""
    for page in share.rglob("*.html"):
        target = site_dir / page.relative_to(share)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(page, target)


def _join_search_indexes(index: Path, others: list[Path], order: dict[str, int]) -> None:
    """Join the shares' search indexes into the site's, in the order a single build writes it,
    so the site is the same."""
    if not index.is_file():
        return
    data = json.loads(index.read_text(encoding="utf-8"))
    for other in others:
        if other.is_file():
            data["docs"] += json.loads(other.read_text(encoding="utf-8"))["docs"]
    data["docs"].sort(key=lambda doc: order.get(doc["location"].split("#", 1)[0], len(order)))
    _write_index(index, data)


def _write_index(index: Path, data: dict[str, Any]) -> None:
    text = json.dumps(data, separators=(",", ":"), default=str)  # as Material's search plugin writes it
    index.write_text(text, encoding="utf-8")
    inline = index.with_suffix(".js")
    if inline.is_file():  # Material's offline plugin: the same index as a script, for file://
        inline.write_text(f"var __index = {text}", encoding="utf-8")
