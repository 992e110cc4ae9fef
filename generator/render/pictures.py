"""Pictures from content/ as a page shows them: ``<img>`` with the picture's width and height,
loaded only when the participant scrolls near it.

The width and height (read from the file when it was loaded, ``load.pictures``) keep the text
around a picture in its place while the picture arrives; ``loading="lazy"`` spares a participant
on a metered plan the pictures further down a page they never reach. Markdown cannot say either
(its ``attr_list`` extension would let authors write any attribute too). So ``text.inline``
writes a picture as ``<img src="catchup-file:files/..." alt="...">``, and here it gets its path
relative to the page and the attributes: from parts no text can change (a path the loader
attached, the measured size).
"""

from __future__ import annotations

import html
import re

from generator.model import ATTACHMENT_LINK, Picture

# The <img> that text.inline writes (an author's "<" is always escaped: only that code writes one).
PICTURE = re.compile(r'<img src="' + re.escape(ATTACHMENT_LINK) + r'(files/[\w./-]{1,2000})" alt="([^"<>]{0,6000})" />')


def pictures_as_html(text: str, pictures: dict[str, Picture], up: str) -> str:
    """Each picture from content/ in ``text`` with its path relative to the page (``up`` leads
    from the page to the site's root), its size, and lazy loading. A path that is not a measured
    picture is left as it is (the renderer then makes it lead nowhere)."""
    def one(found: re.Match[str]) -> str:
        path, description = found.groups()
        picture = pictures.get(path)
        return found.group(0) if picture is None else tag(up + path, description, picture)
    return PICTURE.sub(one, text)


def tag(src: str, description: str, picture: Picture) -> str:
    """The ``<img>`` of one picture (``description``: already escaped for the attribute)."""
    size = f' width="{picture.width}" height="{picture.height}"' if picture.width and picture.height else ""
    return f'<img src="{html.escape(src, quote=True)}" alt="{description}"{size} loading="lazy" decoding="async" />'
