"""Reading on two cores gives exactly what reading on one gives.

A large project's session files are shared with a forked child process (``read_ahead``). Here the
child is forced on for every example project, however small, and the result is compared
with a check on one core: the same problems in the same order, with the same messages, and the
same curriculum, down to the position of every value.
"""

from __future__ import annotations

import dataclasses
import os
import threading
from pathlib import Path
from typing import Any

import pytest

import generator.read_ahead
from generator.build import Checked, check_project
from generator.load import Project, ReadCache
from generator.read_ahead import ReadAhead
from generator.yamlsource import YList, YMap
from helpers import EXAMPLES, make_project

CASES = sorted(p for kind in ("good", "bad") for p in (EXAMPLES / kind).iterdir() if p.is_dir())
pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")


def shown(checked: Checked) -> list[tuple[str, str, str, str, str]]:
    return [(str(p.where), str(p.level), p.message, p.rule, p.hint) for p in checked.problems]


def plain(value: Any) -> Any:
    """A value with every position spelled out (YMap equality ignores them), and without a
    document's ``values``: the text values walked once for the rules, which the child leaves
    out of what it sends, and which are walked again if needed."""
    if isinstance(value, YMap):
        return ("map", value.pos, [(k, value.key_pos[k], value.value_pos[k], plain(v)) for k, v in value.items()])
    if isinstance(value, YList):
        return ("list", value.pos, value.item_pos, [plain(v) for v in value])
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (type(value).__name__, [(f.name, plain(getattr(value, f.name))) for f in dataclasses.fields(value)
                                       if f.name != "values"])
    if isinstance(value, dict):
        return [(plain(k), plain(v)) for k, v in value.items()]
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


@dataclasses.dataclass
class Sharing:
    mode: str  # "child-first": the child reads all it can (all but the first file) before this
    # process starts; "side-by-side": both at once, as in real use
    taken: list[int]  # for each check with a child: how many files were taken from it


@pytest.fixture(params=["child-first", "side-by-side"])
def two_cores(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Sharing:
    """Share the session files with a child however few there are."""
    monkeypatch.setattr(ReadAhead, "MIN_FILES", 1)
    # even on one core, on a busy machine, or with an idle thread left by another test
    monkeypatch.setattr(generator.read_ahead, "core_free", lambda: True)
    monkeypatch.setattr(generator.read_ahead, "can_fork", lambda: True)
    sharing = Sharing(request.param, [])
    start, take = ReadAhead.__init__, ReadAhead.take

    def started(self: ReadAhead, *args: Any) -> None:
        start(self, *args)
        sharing.taken.append(0)
        while sharing.mode == "child-first" and self._receive(wait=True):
            pass

    def counted(self: ReadAhead, key: Any) -> Any:
        found = take(self, key)
        sharing.taken[-1] += found is not None
        return found
    monkeypatch.setattr(ReadAhead, "__init__", started)
    monkeypatch.setattr(ReadAhead, "take", counted)
    return sharing


def serial_check(project: Project) -> Checked:
    with pytest.MonkeyPatch.context() as serial:
        serial.setattr(ReadAhead, "MIN_FILES", 10**9)
        return check_project(project)


@pytest.mark.parametrize("case", CASES, ids=[f"{p.parent.name}-{p.name}" for p in CASES])
def test_two_cores_check_like_one(case: Path, tmp_path: Path, two_cores: Sharing) -> None:
    project = Project(make_project(tmp_path / "p", case))
    one = serial_check(project)
    assert not two_cores.taken
    two = check_project(project)
    assert shown(two) == shown(one)
    assert plain(two.curriculum) == plain(one.curriculum)
    sessions = [path for path in project.content.glob("*/sessions/*.yml") if path.is_file()]
    assert len(two_cores.taken) == (1 if sessions else 0)  # a child was started
    if two_cores.mode == "child-first" and len(sessions) > 1:
        assert two_cores.taken[0] > 0


def test_two_cores_fill_the_read_cache_like_one(tmp_path: Path, two_cores: Sharing) -> None:
    project = Project(make_project(tmp_path / "p", EXAMPLES / "bad" / "advice"))
    cache = ReadCache()
    first = check_project(project, cache)
    assert two_cores.taken[0] > 0 or two_cores.mode == "side-by-side"
    again = check_project(project, cache)  # everything from the cache now: nothing left to share
    assert len(two_cores.taken) == 1
    assert shown(again) == shown(first) == shown(serial_check(project))
    assert plain(again.curriculum) == plain(first.curriculum)


def test_a_child_that_fails_changes_nothing(tmp_path: Path, two_cores: Sharing,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    project = Project(make_project(tmp_path / "p", EXAMPLES / "bad" / "wrong-type"))
    one = serial_check(project)

    def broken(self: ReadAhead) -> Any:
        raise RuntimeError("the child fails")
        yield
    monkeypatch.setattr(ReadAhead, "_batches", broken)
    two = check_project(project)
    assert two_cores.taken == [0]  # nothing came back, so this process read every file itself
    assert shown(two) == shown(one)
    assert plain(two.curriculum) == plain(one.curriculum)


def test_no_child_without_a_free_core_or_with_other_threads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = Project(make_project(tmp_path / "p"))
    monkeypatch.setattr(ReadAhead, "MIN_FILES", 1)

    def refused(self: Any, work: Any) -> None:
        raise AssertionError("no child should be started")
    monkeypatch.setattr(generator.read_ahead.Child, "__init__", refused)
    with pytest.MonkeyPatch.context() as busy:
        busy.setattr(generator.read_ahead, "core_free", lambda: False)
        assert check_project(project).ok
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not generator.read_ahead.can_fork()
        assert check_project(project).ok
    finally:
        stop.set()
        other.join()
