"""Theme assets under names that change when their content changes: a browser may keep them for
a year (docs/hosting.md) and still gets a new version the moment one changes.

The participant's scripts (every ``extra_javascript`` entry that is a theme file) are joined, in
their order, into one ``assets/javascripts/catchup.<hash>.js``, and the styles in
``assets/stylesheets/`` into one ``assets/stylesheets/catchup.<hash>.css``: one request each,
which counts on a slow phone connection (comments on lines of their own are left out). Any other
style of the theme keeps its folder (its ``url()``s stay right) under a hashed name. The
generated mkdocs.yml names the new files, and stays plain YAML. lunr, which only the search page
loads, gets a hashed name too; it and the stemmer of the site's language are
``extra.catchup.search_scripts`` (see main.html). A project's own theme file of the same name has
already stood in for ours (``site.theme``).
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from importlib import resources
from typing import Any

HASH_LENGTH = 8
# A comment that has lines to itself (our files explain themselves at length; a phone need not
# download that): exactly one /* ... */, which cannot nest, from the start of a line to its end.
COMMENT_LINES = re.compile(rb"^[ \t]*/\*[^*]*\*+(?:[^/*][^*]*\*+)*/[ \t]*\n", re.M)
SCRIPTS, STYLES = "extra_javascript", "extra_css"
SCRIPT_BUNDLE = "assets/javascripts/catchup.js"
STYLE_BUNDLE = "assets/stylesheets/catchup.css"
LUNR = "assets/javascripts/vendor/lunr.min.js"
# lunr-languages as Material ships it (every site built with Material has these files)
LUNR_LANGUAGES = "assets/javascripts/lunr/min"


def hashed(path: str, data: bytes) -> str:
    """``path`` with a digest of ``data`` before its extension: ``a/b.css`` as ``a/b.1f2e3d4c.css``."""
    stem, extension = posixpath.splitext(path)
    return f"{stem}.{hashlib.sha256(data).hexdigest()[:HASH_LENGTH]}{extension}"


def fingerprinted(config: dict[str, Any], theme: list[tuple[str, str | bytes]]) -> list[tuple[str, str | bytes]]:
    """The theme's files with the bundles and hashed names in place of the files they stand for;
    ``config``'s script and style lists and ``extra.catchup.search_scripts`` are set to match."""
    files = {path: data.encode("utf-8") if isinstance(data, str) else data for path, data in theme}
    _bundle(config, SCRIPTS, files, SCRIPT_BUNDLE, lambda path: True)
    bundle = _bundle(config, STYLES, files, STYLE_BUNDLE,
                     lambda path: posixpath.dirname(path) == posixpath.dirname(STYLE_BUNDLE))
    config[STYLES] = [entry if entry == bundle else _rename(entry, files) for entry in config.get(STYLES) or []]
    search = [_rename(LUNR, files)] if LUNR in files else []
    language = str(config.get("theme", {}).get("language", "en"))
    if search and language != "en" and _material_ships(f"lunr.{language}.min.js"):
        search += [f"{LUNR_LANGUAGES}/lunr.stemmer.support.min.js", f"{LUNR_LANGUAGES}/lunr.{language}.min.js"]
    config.setdefault("extra", {}).setdefault("catchup", {})["search_scripts"] = search
    return sorted(files.items())


def _bundle(config: dict[str, Any], key: str, files: dict[str, bytes], target: str, fits: Any) -> str | None:
    """Join the theme files that ``config[key]`` lists (and ``fits``) into one hashed file, listed
    where the first of them was; returns its name."""
    entries = list(config.get(key) or [])
    joined = [entry for entry in entries if isinstance(entry, str) and entry in files and fits(entry)]
    if not joined:
        return None
    if key == SCRIPTS:  # each script apart: a missing ";" at the end of one cannot join it to the next
        data = b"".join(b"/* " + path.encode() + b" */\n" + _short(files.pop(path)) + b"\n;\n" for path in joined)
    else:
        data = b"\n".join(_short(files.pop(path)) + b"\n" for path in joined)
    name = hashed(target, data)
    files[name] = data
    first = entries.index(joined[0])
    rest = [entry for entry in entries if entry not in joined]
    config[key] = [*rest[:first], name, *rest[first:]]
    return name


def _short(data: bytes) -> bytes:
    return COMMENT_LINES.sub(b"", data).rstrip()


def _rename(entry: Any, files: dict[str, bytes]) -> Any:
    """A theme file under its hashed name (anything else as it is)."""
    if not isinstance(entry, str) or entry not in files:
        return entry
    name = hashed(entry, files[entry])
    files[name] = files.pop(entry)
    return name


def _material_ships(name: str) -> bool:
    try:
        return resources.files("material").joinpath(f"templates/{LUNR_LANGUAGES}/{name}").is_file()
    except ModuleNotFoundError:  # another theme: search works without a stemmer
        return False
