"""Faults while building, and names that real disks cannot keep apart: a build never leaves half a
site, never a staging folder behind, never a traceback; names that differ only in case are errors.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from generator.checks import check_project
from generator.cli import main
from generator.errors import DuplicateOutput
from generator.project import Project
from generator.site import swap as swapping
from generator.site.build import build
from generator.site.write import write_tree
from helpers import REPO


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def leftovers(project: Path) -> list[str]:
    return sorted(p.name for p in (project / ".catchup").glob("site.*"))


def test_session_files_whose_names_differ_only_in_case_are_an_error(demo_project: Path) -> None:
    sessions = demo_project / "content/demo/sessions"
    text = (sessions / "skills-1.yml").read_text(encoding="utf-8")
    (sessions / "Skills-1.yml").write_text(text.replace("id: skills-1", "id: skills-9").replace("number: 1", "number: 3"),
                                           encoding="utf-8")
    (sessions / "box.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (sessions / "Box.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    problems = [p for p in check_project(Project(demo_project)).problems if p.rule == "path-case"]
    assert sorted(p.where.path for p in problems) == ["content/demo/sessions/box.png",
                                                       "content/demo/sessions/skills-1.yml"]
    assert all(p.is_error and "capital letters" in p.message for p in problems)


def test_the_writer_refuses_two_paths_that_differ_only_in_case(tmp_path: Path) -> None:
    with pytest.raises(DuplicateOutput, match="one file on a USB stick"):
        write_tree(tmp_path / "out", [("files/Box.png", b"1"), ("files/box.png", b"2")])
    with pytest.raises(DuplicateOutput):
        write_tree(tmp_path / "out", [("a.md", "1"), ("a.md", "2")])


HOLD_LOCK = """
import sys, time
from pathlib import Path
from generator.project import Project
from generator.site.lock import build_lock
with build_lock(Project(Path(sys.argv[1])), wait=False):
    print("holding", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def holder(project: Path, seconds: float) -> subprocess.Popen[str]:
    process = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(project), str(seconds)], cwd=REPO,
                               stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None and process.stdout.readline().strip() == "holding"
    return process


def test_a_second_build_stops_with_a_clear_message_and_leaves_the_site(demo_project: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--root", str(demo_project), "-q"]) == 0
    before = tree(demo_project / "site")
    other = holder(demo_project, 30)
    try:
        assert main(["build", "--root", str(demo_project), "-q"]) == 1
        err = capsys.readouterr().err
        assert "another catchup build or preview is writing this project now" in err and "Traceback" not in err
        assert tree(demo_project / "site") == before and leftovers(demo_project) == []
    finally:
        other.kill()
        other.wait()
    assert main(["build", "--root", str(demo_project), "-q"]) == 0, "the lock ends with the process that held it"


def test_a_preview_waits_for_a_build_to_finish(demo_project: Path, tmp_path: Path) -> None:
    from generator.site.preview import Preview

    assert Preview(Project(demo_project), tmp_path / "first").rebuild().ok  # MkDocs loaded: the timing is the lock's
    other = holder(demo_project, 4)
    started = time.perf_counter()
    try:
        assert Preview(Project(demo_project), tmp_path / "preview").rebuild().ok
        waited = time.perf_counter() - started
    finally:
        other.wait()
    assert waited > 3.5, "the preview wrote .catchup/ while a build held the lock"


@pytest.mark.parametrize("code, said", [(errno.ENOSPC, "the disk is full"), (errno.EROFS, "the disk is read-only"),
                                        (errno.EACCES, "Catch-Up may not write there")])
def test_an_error_while_writing_is_a_clear_message_and_the_old_site_stays(
    demo_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, code: int, said: str
) -> None:
    assert main(["build", "--root", str(demo_project), "-q"]) == 0
    before = tree(demo_project / "site")
    from generator.site import mkdocs_run

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(code, os.strerror(code), str(demo_project / ".catchup" / "site.new-x" / "index.html"))

    monkeypatch.setattr(mkdocs_run, "build", full)
    assert main(["build", "--root", str(demo_project), "-q"]) == 1
    err = capsys.readouterr().err
    assert said in err and "index.html" in err and "unexpectedly" not in err and "Traceback" not in err
    assert "previous site/ is unchanged" in err
    assert tree(demo_project / "site") == before and leftovers(demo_project) == []


def test_a_disk_full_in_a_build_share_is_the_same_clear_message(demo_project: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A share of the parallel build fails to write: catchup build says what happened, removes every
    share's folder and its staging folder, and keeps the old site."""
    from generator.errors import BuildError
    from generator.site import mkdocs_run
    from generator.speedups import parallel

    build(Project(demo_project))
    before = tree(demo_project / "site")
    plain = mkdocs_run.plain_build

    def full_in_share_one(config: Any, serve_url: str | None) -> None:
        if str(config["site_dir"]).endswith(".share1"):
            Path(config["site_dir"]).mkdir(parents=True, exist_ok=True)
            raise OSError(errno.ENOSPC, "No space left on device", config["site_dir"] + "/page.html")
        plain(config, serve_url)

    monkeypatch.setattr(parallel, "can_fork", lambda: True)
    monkeypatch.setattr(parallel, "MIN_PAGES_TO_SPLIT", 1)
    monkeypatch.setattr(mkdocs_run, "plain_build", full_in_share_one)
    with pytest.raises(BuildError, match="the disk is full"):
        build(Project(demo_project))
    assert tree(demo_project / "site") == before
    assert leftovers(demo_project) == [], "the staging folder and the shares' folders are removed"


def test_the_built_site_can_be_read_by_a_web_server(demo_project: Path) -> None:
    old = os.umask(0o022)
    try:
        build(Project(demo_project))
    finally:
        os.umask(old)
    assert (demo_project / "site").stat().st_mode & 0o777 == 0o755, "a private site/ gives every visitor a 403"


def test_a_lock_that_cannot_be_taken_is_a_clear_message(demo_project: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    (demo_project / ".catchup" / "build.lock").mkdir(parents=True)
    assert main(["build", "--root", str(demo_project), "-q"]) == 1
    err = capsys.readouterr().err
    assert "could not write the site" in err and "unexpectedly" not in err


def test_calendar_files_of_two_tracks_never_share_a_name(demo_project: Path) -> None:
    program = demo_project / "content/demo/program.yml"
    text = program.read_text(encoding="utf-8")
    support = text[text.index("  - id: support"):]
    program.write_text(text + support.replace("id: support", "id: support-reminder").replace(
        "title: Support group", "title: Support reminder group"), encoding="utf-8")
    session = demo_project / "content/demo/sessions/support-1.yml"
    (session.parent / "support-9.yml").write_text(session.read_text(encoding="utf-8").replace(
        "id: support-1", "id: support-9").replace("track: support", "track: support-reminder"), encoding="utf-8")
    checked = build(Project(demo_project))
    assert checked.ok, [str(p) for p in checked.problems if p.is_error]
    names = sorted(p.relative_to(demo_project / "site/calendar").as_posix()
                   for p in (demo_project / "site/calendar").rglob("*.ics"))
    assert names == ["demo/support-reminder.ics", "demo/support-reminder.reminder.ics", "demo/support.ics",
                     "demo/support.reminder.ics"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the one-step exchange is Linux's renameat2")
def test_the_new_site_takes_the_old_ones_place_in_one_step(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    live, new = tmp_path / "site", tmp_path / "site.new"
    live.mkdir()
    (live / "index.html").write_text("old", encoding="utf-8")
    new.mkdir()
    (new / "index.html").write_text("new", encoding="utf-8")

    def no_rename(*args: object) -> None:
        raise AssertionError("two renames leave a moment without site/")

    monkeypatch.setattr(Path, "rename", no_rename)
    seen: list[str] = []
    stop = threading.Event()

    def watch() -> None:  # what a web server reading site/ would find, meanwhile
        while not stop.is_set():
            try:
                seen.append((live / "index.html").read_text(encoding="utf-8"))
            except OSError:
                seen.append("missing")

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        swapping.swap(new, live)
    finally:
        stop.set()
        watcher.join()
    assert (live / "index.html").read_text(encoding="utf-8") == "new" and not new.exists()
    assert "missing" not in seen and set(seen) <= {"old", "new"}


def test_where_the_system_cannot_exchange_the_old_site_comes_back_if_the_new_cannot_go_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    live, new = tmp_path / "site", tmp_path / "site.new"
    live.mkdir()
    (live / "index.html").write_text("old", encoding="utf-8")
    new.mkdir()
    monkeypatch.setattr(swapping, "exchange", lambda first, second: False)
    rename = Path.rename
    calls: list[Path] = []

    def second_fails(self: Path, target: Path) -> Path:
        calls.append(self)
        if self == new:
            raise OSError(errno.ENOSPC, "No space left on device")
        return rename(self, target)

    monkeypatch.setattr(Path, "rename", second_fails)
    with pytest.raises(OSError):
        swapping.swap(new, live)
    assert (live / "index.html").read_text(encoding="utf-8") == "old"
    monkeypatch.setattr(Path, "rename", rename)
    (new / "index.html").write_text("new", encoding="utf-8")
    swapping.swap(new, live)
    assert (live / "index.html").read_text(encoding="utf-8") == "new" and not new.exists()
