"""Pictures: light enough for a phone on a slow connection, and readable."""

from __future__ import annotations

import math
from collections.abc import Iterator

from generator.checks.settings import Settings
from generator.model import Curriculum
from generator.problems import Level
from generator.rules import Finding, check_rule

MAX_KB = 300  # a whole page, picture included, should cost a participant about that much (docs/performance.md)
MAX_WIDTH = 1200  # pixels: wider than any phone or laptop shows a picture in the text


def _shown(path: str) -> str:
    return path.removeprefix("files/")  # its path under content/, as the other picture rules show it


@check_rule("image-too-large", Level.WARNING)
def image_too_large(curriculum: Curriculum, settings: Settings) -> Iterator[Finding]:
    """A picture that text links to is larger than 300 KB.

    Participants often read on a phone, on a metered plan or a slow connection: one photo straight
    from a camera (2 to 5 MB) costs them more than the rest of the site, and takes minutes to
    arrive. A picture is never shown wider than about 1200 pixels, so the extra size buys nothing.
    The warning points at the first line that links to the picture.
    Fix: resize the picture to at most 1200 pixels wide and save it as JPEG or WebP at quality
    about 80 (a drawing with few colours can stay PNG); most picture editors have "Export" or
    "Save for web" for this.
    """
    for path, picture in curriculum.pictures.items():
        if picture.size <= MAX_KB * 1024:
            continue
        pixels = f" ({picture.width} x {picture.height} pixels)" if picture.width and picture.height else ""
        resize = f"Resize it to at most {MAX_WIDTH} pixels wide, then save" if (picture.width or 0) > MAX_WIDTH \
            else "Save"
        yield Finding(picture.where, f"the picture {_shown(path)} is {math.ceil(picture.size / 1024):,} KB{pixels}; "
                      f"keep pictures under {MAX_KB} KB",
                      f"{resize} it as JPEG or WebP at quality 80 (in a picture editor: Export, or Save for web).")


@check_rule("image-unreadable", Level.WARNING,
            hint="Open the picture in a picture editor and save it again as PNG, JPEG or WebP.")
def image_unreadable(curriculum: Curriculum, settings: Settings) -> Iterator[Finding]:
    """The width and height of a picture that text links to cannot be read.

    The file is damaged, empty, or not the kind of picture its name says (a HEIC photo from a
    phone renamed to .jpg, for example); many browsers would show a broken picture. The page is
    still built, with the picture left as it is.
    Fix: open the picture in a picture editor and save it again as PNG, JPEG or WebP.
    """
    for path, picture in curriculum.pictures.items():
        if picture.width is None:
            yield Finding(picture.where, f"the size of the picture {_shown(path)} cannot be read: "
                          "it is damaged, or not a PNG, JPEG, GIF or WebP picture")
