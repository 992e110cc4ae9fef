"""Putting a new site in place of the old one, so that there is never a moment without a whole
``site/`` (a web server copying from it, or a participant's browser opening it from disk, sees
the old site or the new one, never half of one or none).

On Linux (``renameat2`` with ``RENAME_EXCHANGE``) and macOS (``renamex_np`` with ``RENAME_SWAP``)
the two folders trade places in one step. Where the system cannot (Windows, or a file system
without it), the old site is renamed away and the new one renamed in: two steps, between which
``site/`` is missing for an instant. The README's Hosting section says so.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import sys
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2  # Linux, <linux/fs.h>
_RENAME_SWAP = 2  # macOS, <stdio.h>
_UNSUPPORTED = {errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EXDEV}


def exchange(first: Path, second: Path) -> bool:
    """Swap two existing paths in one step; False where this system or file system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        if sys.platform.startswith("linux"):
            result = libc.renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)
        elif sys.platform == "darwin":
            result = libc.renamex_np(os.fsencode(first), os.fsencode(second), _RENAME_SWAP)
        else:
            return False
    except (OSError, AttributeError, TypeError):  # no C library to be had, or no such function in it
        return False
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in _UNSUPPORTED:
        return False
    raise OSError(code, os.strerror(code), str(second))


def swap(new: Path, live: Path) -> None:
    """Put the folder ``new`` in the place of ``live`` (which may not exist yet); ``new`` is gone after."""
    if live.exists() and exchange(new, live):
        shutil.rmtree(new)  # it holds the old site now
        return
    old = new.with_name(new.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if live.exists():
        live.rename(old)
    try:
        new.rename(live)
    except OSError:
        if old.exists():
            old.rename(live)  # the old site back in its place
        raise
    shutil.rmtree(old, ignore_errors=True)
