"""What an offline copy of a program keeps (offline/<program-id>.json) and the worker's version
(sw.js), as a build of the sample writes them. The browser side is tests/browser/test_offline.py
(this file has another name: pytest imports test files by their names)."""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from generator.checks import check_project
from generator.cli import main
from generator.project import Project
from generator.site.offline import write_offline
from helpers import copy_sample

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the sample project, built once."""
    root = copy_sample(tmp_path_factory.mktemp("offline") / "project")
    assert main(["build", "--root", str(root), "--quiet"]) == 0
    return root


@pytest.fixture(scope="module")
def curriculum(project: Path) -> Any:
    checked = check_project(Project(project))
    assert checked.ok
    return checked.curriculum


@pytest.fixture
def site(project: Path, tmp_path: Path) -> Path:
    """A copy of the built site, to change."""
    return Path(shutil.copytree(project / "site", tmp_path / "site"))


def manifest(site: Path, program_id: str) -> dict[str, Any]:
    return json.loads((site / "offline" / f"{program_id}.json").read_text(encoding="utf-8"))


def version(site: Path) -> str:
    found = re.search(r'^var VERSION = "(\w+)";$', (site / "sw.js").read_text(encoding="utf-8"), re.M)
    assert found, "sw.js has no version"
    return found.group(1)


def local_assets(page: Path, site: Path) -> set[str]:
    """The files a page loads (scripts, styles, icons), relative to the site's root."""
    found = set()
    for link in re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"#?:]+)"', page.read_text(encoding="utf-8")):
        target = (page.parent / link).resolve()
        if target.is_file() and target.suffix != ".html":  # <link rel="next"> is a page, not an asset
            found.add(target.relative_to(site.resolve()).as_posix())
    return found


def test_a_programs_copy_keeps_its_pages_the_shared_pages_and_assets_not_another_programs(
        project: Path, curriculum: Any) -> None:
    site = project / "site"
    programs = curriculum.programs
    assert len(programs) >= 2
    for program in programs:
        kept = manifest(site, program.id)
        urls = set(kept["urls"])
        assert kept["program"] == program.id and kept["version"] == version(site)
        assert all((site / url).is_file() for url in urls)
        assert kept["files"] == len(kept["urls"]) == len(urls)
        assert kept["bytes"] == sum((site / url).stat().st_size for url in urls)

        pages = {f"{program.id}/index.html", f"{program.id}/my-catch-up.html"}
        pages |= {f"{program.id}/{s.track}/{s.id}.html" for s in program.sessions}
        assert pages <= urls
        shared = {"index.html", "urgent-help.html", "safety-plan.html", "privacy.html", "find-a-session.html",
                  "missed-a-session.html", "tech-help.html", f"finder/{program.id}.js"}
        assert shared <= urls
        calendars = {p.relative_to(site).as_posix() for p in (site / "calendar" / program.id).iterdir()}
        assert calendars and calendars <= urls
        for page in (f"{program.id}/index.html", sorted(pages)[-1], "urgent-help.html"):
            assert local_assets(site / page, site) <= urls, page

        others = [p.id for p in programs if p.id != program.id]
        assert not [url for url in urls for other in others
                    if url.startswith((f"{other}/", f"calendar/{other}/", f"finder/{other}.js"))]
        assert not [url for url in urls if url.endswith(".map")]
        assert not [url for url in urls if re.search(r"lunr\.(?!multi|stemmer)\w+\.min\.js$|wordcut|tinyseg", url)]
        assert not [url for url in urls if url.startswith(("offline/", "sw.js", "sitemap"))]


def test_the_program_page_offers_the_copy_and_the_worker_is_at_the_root(project: Path, curriculum: Any) -> None:
    site = project / "site"
    program = curriculum.programs[0]
    page = (site / program.id / "index.html").read_text(encoding="utf-8")
    assert "Keep this program on this device for offline use" in page
    assert f'data-catchup-offline="{program.id}"' in page
    assert '<meta name="catchup-offline-worker" content="../sw.js">' in page
    assert "self.addEventListener(\"fetch\"" in (site / "sw.js").read_text(encoding="utf-8")
    privacy = (site / "privacy.html").read_text(encoding="utf-8")
    assert "An offline copy of a program" in privacy and "Remove the offline copy" in privacy


def test_the_same_files_give_the_same_version_and_a_changed_one_another(
        site: Path, project: Path, curriculum: Any) -> None:
    built = version(site)
    write_offline(Project(project), curriculum, site)
    assert version(site) == built, "a build of the same files must not make every participant fetch again"

    (site / "sitemap.xml").write_text("not kept offline", encoding="utf-8")
    write_offline(Project(project), curriculum, site)
    assert version(site) == built

    program = curriculum.programs[0]
    session = program.sessions[-1]
    page = site / program.id / session.track / f"{session.id}.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</h1>", " (changed)</h1>", 1), encoding="utf-8")
    write_offline(Project(project), curriculum, site)
    assert version(site) != built
    assert manifest(site, program.id)["version"] == version(site)


def test_search_data_and_linked_files_are_kept_with_their_program(
        site: Path, project: Path, curriculum: Any) -> None:
    one, two = curriculum.programs[:2]
    (site / "search").mkdir(exist_ok=True)
    for name in ("site.js", f"{one.id}.js", f"{two.id}.js"):
        (site / "search" / name).write_text("var x;", encoding="utf-8")
    (site / "files").mkdir()
    for name in ("one.pdf", "two.png"):
        (site / "files" / name).write_bytes(b"%PDF")
    for program, name in ((one, "one.pdf"), (two, "two.png")):
        page = site / program.id / "index.html"
        page.write_text(page.read_text(encoding="utf-8").replace(
            "</article>", f'<a href="../files/{name}">a file</a></article>', 1), encoding="utf-8")

    write_offline(Project(project), curriculum, site)
    urls = set(manifest(site, one.id)["urls"])
    assert {"search/site.js", f"search/{one.id}.js", "files/one.pdf"} <= urls
    assert not {f"search/{two.id}.js", "files/two.png"} & urls


def test_offline_false_writes_a_worker_that_removes_every_copy_and_itself(
        site: Path, project: Path, curriculum: Any) -> None:
    assert curriculum.config["site"]["offline"] is True, "the default is true"
    off = dataclasses.replace(curriculum, config={**curriculum.config,
                                                  "site": {**curriculum.config["site"], "offline": False}})
    write_offline(Project(project), off, site)
    worker = (site / "sw.js").read_text(encoding="utf-8")
    assert "caches.delete" in worker and "registration.unregister()" in worker
    assert '"fetch"' not in worker and '"message"' not in worker
    assert not (site / "offline").exists()


def test_a_site_yml_that_says_offline_false_builds_a_site_without_the_button(tmp_path: Path) -> None:
    from helpers import make_project

    root = make_project(tmp_path / "demo")
    site_yml = root / "site-config" / "site.yml"
    site_yml.write_text(site_yml.read_text(encoding="utf-8") + "offline: false\n", encoding="utf-8")
    assert main(["build", "--root", str(root), "--quiet"]) == 0
    pages = [p.read_text(encoding="utf-8") for p in (root / "site").rglob("*.html")]
    assert pages and not [text for text in pages if "data-catchup-offline=" in text or "An offline copy" in text]
    assert "registration.unregister()" in (root / "site" / "sw.js").read_text(encoding="utf-8")

    site_yml.write_text(site_yml.read_text(encoding="utf-8").replace("offline: false", "offline: maybe"),
                        encoding="utf-8")
    assert main(["check", "--root", str(root), "--quiet"]) == 1


def test_a_program_called_offline_is_refused_before_anything_is_built(tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """Its pages would share the folder of the offline copy's lists: the checker says so."""
    from helpers import make_project

    root = make_project(tmp_path / "demo")
    program_yml = root / "content" / "demo" / "program.yml"
    program_yml.write_text(program_yml.read_text(encoding="utf-8").replace("id: demo", "id: offline", 1),
                           encoding="utf-8")
    assert main(["build", "--root", str(root), "--quiet"]) == 1
    assert "program id 'offline' is the name of a folder the site needs" in capsys.readouterr().out
    assert not (root / "site").exists()
