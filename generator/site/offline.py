"""The offline copy a participant may choose to keep of a program (issue 16), written after MkDocs
has built the site: ``sw.js``, the service worker, at the root of the site, and for each program
``offline/<program-id>.json``, every address its copy holds.

A copy holds the program's pages, the site-wide pages (home, urgent help, safety plan, privacy,
search ...), the program's and the site's search data, its calendar files and finder script, the
files its pages link to in ``files/``, and what the pages load under ``assets/`` (but no source
maps, and no search language files the site does not use). The worker carries a version made from
those files, so a build that changes one gives it another version: the browser installs it, and it
refreshes each copy a participant kept. Nothing is stored until the participant asks, on the
program's page. With ``offline: false`` in site-config/site.yml, ``sw.js`` is a worker that removes
every copy and unregisters itself (and the pages have no button), for a worker that went wrong.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from pathlib import Path

from generator.model import Curriculum, Program
from generator.project import Project
from generator.render.calendar import calendar_folder
from generator.render.pages import environment
from generator.render.paths import finder_script_path

WORKER = "sw.js"
WORKER_TEMPLATE = "sw.js.j2"
MANIFESTS = "offline"
# Search language files (Material's and the vendored lunr's): lunr.<code>.min.js is needed only for a
# language of the site, and the Japanese and Thai word splitters only for those languages.
LUNR_LANGUAGE = re.compile(r"(?:^|/)lunr\.([a-z]{2})\.min\.js$")
SPLITTERS = {"tinyseg.js": "ja", "wordcut.js": "th"}
LINKED_FILE = re.compile(r"""(?:src|href)="((?:\.\./)*files/[^"#?]+)""")  # pictures and PDFs from content/


def write_offline(project: Project, curriculum: Curriculum, site_dir: Path) -> None:
    """Write ``sw.js`` and the programs' manifests into the built site ``site_dir``."""
    remove_manifests(site_dir)  # a preview's site keeps the last build's
    template = environment(project.templates).get_template(WORKER_TEMPLATE)
    if not curriculum.config["site"]["offline"]:
        (site_dir / WORKER).write_text(template.render(version="off", offline=False), encoding="utf-8")
        return
    languages = {str(curriculum.config["site"]["language"]).split("-")[0]}  # this site's: one per language
    kept = {program.id: manifest_paths(site_dir, program, languages) for program in curriculum.programs}
    sizes = {path: (site_dir / path).stat().st_size for paths in kept.values() for path in paths}
    source = template.render(version="", offline=True)  # a change to the worker's code is a new version too
    version = stamp(site_dir, sorted(sizes), source)
    (site_dir / MANIFESTS).mkdir(exist_ok=True)
    for program_id, paths in kept.items():
        manifest = {"program": program_id, "version": version, "files": len(paths),
                    "bytes": sum(sizes[path] for path in paths), "urls": paths}
        (site_dir / MANIFESTS / f"{program_id}.json").write_text(json.dumps(manifest, indent=0) + "\n",
                                                                  encoding="utf-8")
    (site_dir / WORKER).write_text(template.render(version=version, offline=True), encoding="utf-8")


def remove_manifests(site_dir: Path) -> None:
    """Remove the manifests of an earlier build, and nothing else: a program may be called
    "offline" too, and its pages are in the same folder."""
    folder = site_dir / MANIFESTS
    for path in folder.glob("*.json") if folder.is_dir() else []:
        path.unlink()
    if folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()


def manifest_paths(site_dir: Path, program: Program, languages: set[str]) -> list[str]:
    """Every file of ``site_dir`` that the offline copy of one program keeps, relative to the
    site's root, sorted."""
    program_id = program.id
    paths = set(files(site_dir, "*.html"))  # the site-wide pages (each language's site has its own root)
    paths.update(files(site_dir / program_id, "**/*.html", program_id))
    paths.update(path for path in files(site_dir / "assets", "**/*", "assets") if needed_asset(path, languages))
    paths.update(files(site_dir / calendar_folder(program_id), "*", calendar_folder(program_id)))
    for extra in (finder_script_path(program), "search/site.js", f"search/{program_id}.js"):
        if (site_dir / extra).is_file():
            paths.add(extra)
    paths.update(linked_files(site_dir, paths))
    return sorted(paths)


def files(folder: Path, pattern: str, prefix: str = "") -> list[str]:
    if not folder.is_dir():
        return []
    return [f"{prefix}/{p.relative_to(folder).as_posix()}" if prefix else p.relative_to(folder).as_posix()
            for p in folder.glob(pattern) if p.is_file()]


def needed_asset(path: str, languages: set[str]) -> bool:
    if path.endswith(".map"):
        return False
    language = LUNR_LANGUAGE.search(path)
    if language:
        return language.group(1) in languages
    name = path.rsplit("/", 1)[-1]
    return SPLITTERS[name] in languages if name in SPLITTERS else True


def linked_files(site_dir: Path, pages: Iterable[str]) -> set[str]:
    """The pictures and PDFs from content/ (in ``files/``) that the pages show or link to."""
    found: set[str] = set()
    if not (site_dir / "files").is_dir():  # no picture or PDF in the site: no page to read
        return found
    root = site_dir.resolve()
    for page in pages:
        if not page.endswith(".html"):
            continue
        text = (site_dir / page).read_text(encoding="utf-8", errors="replace")
        for link in LINKED_FILE.findall(text):
            target = ((site_dir / page).parent / link).resolve()
            if target.is_file() and target.is_relative_to(root):
                found.add(target.relative_to(root).as_posix())
    return found


def stamp(site_dir: Path, paths: list[str], worker: str) -> str:
    """The version of the offline copies: a digest of every kept file's path and bytes, and of
    the worker's code. The same files give the same version, build after build."""
    digest = hashlib.sha256(worker.encode("utf-8"))
    for path in paths:
        digest.update(path.encode("utf-8") + b"\0" + _file_digest(site_dir / path))
    return digest.hexdigest()[:16]


_DIGESTS: dict[tuple[str, int, int], bytes] = {}  # a preview's unchanged files are not read again


def _file_digest(path: Path) -> bytes:
    status = path.stat()
    key = (str(path), status.st_size, status.st_mtime_ns)
    if key not in _DIGESTS:
        if len(_DIGESTS) > 50_000:
            _DIGESTS.clear()
        _DIGESTS[key] = hashlib.sha256(path.read_bytes()).digest()
    return _DIGESTS[key]
