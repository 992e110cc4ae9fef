"""The pictures text links to, measured: their size on disk, and their width and height in pixels.

The renderer writes the width and height into the page, so that the text around a picture keeps
its place while the picture loads; the checker warns about a picture too heavy for a phone, or
one whose size cannot be read. The size is read from the file's header with ``imagesize`` (the
reader Sphinx uses; it reads a few bytes, not the whole picture, and turns a phone photo stored
on its side the way it is shown).

Pictures are measured at every load, not kept in the read cache: a picture can be replaced while
the YAML that shows it stays the same.
"""

from __future__ import annotations

import imagesize

from generator.load.attachments import ALLOWED_TYPES, Attachment
from generator.model import Picture

PICTURE_TYPES = ALLOWED_TYPES - {".pdf"}


def measure(attachments: dict[str, Attachment]) -> dict[str, Picture]:
    """Each attached picture (not the PDFs) by its path in the site, measured."""
    return {path: _measure(item) for path, item in sorted(attachments.items())
            if item.source.suffix.lower() in PICTURE_TYPES}


def _measure(item: Attachment) -> Picture:
    try:
        size = item.source.stat().st_size
        width, height = imagesize.get(item.source)
    except OSError:  # removed or locked since it was found: the build says so when it copies it
        return Picture(item.where, 0)
    except Exception:  # whatever a damaged header makes imagesize's parsers raise: unreadable
        return Picture(item.where, size)
    if width <= 0 or height <= 0:  # imagesize's (-1, -1): not a header it knows
        return Picture(item.where, size)
    return Picture(item.where, size, width, height)
