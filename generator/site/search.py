"""The site's search data, split so that a page loads none of it and a search loads only what it needs.

Material's search plugin writes one index of every page (``search/search_index.json``), which its
own search box fetched on every first page load. Catch-Up has its own search page instead
(``search.html``, with ``search.js`` and lunr), and after MkDocs has built, this module splits
that index into scripts the page adds when a search needs them (scripts, not fetched JSON, so
they load from ``file://`` too):

- ``search/site.js``: every page's title and location, the index's language settings, and the
  full text of the site-wide pages (home, urgent help, privacy, ...);
- ``search/<program id>.js``: the full text of that program's pages.

Each assigns to the global ``catchupSearch``. The text is plain (no tags): the page shows it with
``textContent``. The index itself is then removed from the site, so nothing can load it.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

from generator.site.mkdocs_run import SEARCH_INDEX

SEARCH_PAGE = "search.html"  # not searched itself
GLOBAL = "catchupSearch"
SITE = "site"
TAG = re.compile(r"<[^>]*>")


def plain_text(marked_up: str) -> str:
    """The index's text (escaped, with a few tags kept) as plain words on one line."""
    return " ".join(html.unescape(TAG.sub(" ", marked_up)).split())


def search_files(index: dict[str, Any], programs: list[str]) -> dict[str, str]:
    """The search scripts, by path in the site, made from Material's index (its JSON, loaded)."""
    config = index.get("config", {})
    languages = config.get("lang") or ["en"]
    pages: list[list[str]] = []
    shared: list[list[str]] = []
    by_program: dict[str, list[list[str]]] = {program: [] for program in programs}
    for doc in index.get("docs", []):
        location = doc["location"]
        page = location.split("#", 1)[0]
        if page == SEARCH_PAGE:
            continue
        entry = [location, plain_text(doc.get("title", "")), plain_text(doc.get("text", ""))]
        if page == location:
            pages.append(entry[:2])
        folder = page.split("/", 1)[0] if "/" in page else ""
        by_program.get(folder, shared).append(entry)
    site = {"lang": languages[0], "separator": config.get("separator", r"[\s\-]+"), "pages": pages, "docs": shared}
    files = {f"search/{SITE}.js": _script(SITE, site)}
    files.update({f"search/{program}.js": _script(program, {"docs": docs}) for program, docs in by_program.items()})
    return files


def _script(name: str, data: dict[str, Any]) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f"(window.{GLOBAL}=window.{GLOBAL}||{{}})[{json.dumps(name)}]={text};\n"


def split_index(site_dir: Path, programs: list[str], *, keep_index: bool = False) -> None:
    """Write the search scripts into ``site_dir`` from the index MkDocs made there, and remove the
    index (``keep_index``: leave it, for the preview, which keeps it between its partial builds)."""
    index = site_dir / SEARCH_INDEX
    if not index.is_file():  # a project without the search plugin: nothing to search
        return
    files = search_files(json.loads(index.read_text(encoding="utf-8")), programs)
    for path, text in files.items():
        (site_dir / path).write_text(text, encoding="utf-8")
    if not keep_index:
        index.unlink()
        index.with_suffix(".js").unlink(missing_ok=True)
