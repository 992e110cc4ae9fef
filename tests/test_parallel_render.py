"""Rendering on two cores gives the pages one process gives, in the same order, even when the
child process fails."""

from __future__ import annotations

from pathlib import Path

import pytest

import generator.read_ahead
import generator.render
from generator.build import check_project
from generator.load import Project
from generator.render import render


@pytest.fixture()
def checked(sample_project: Path):
    result = check_project(Project(sample_project))
    assert result.ok
    return result.curriculum


def two_processes(monkeypatch: pytest.MonkeyPatch, started: list[object]) -> None:
    """Take the two-process path for the small sample too, and note each child started."""
    monkeypatch.setattr(generator.render, "TWO_PROCESSES_FROM", 1)
    monkeypatch.setattr(generator.render, "core_free", lambda: True)
    monkeypatch.setattr(generator.render, "can_fork", lambda: True)
    original = generator.read_ahead.Child.__init__

    def counted(self: object, work: object) -> None:
        started.append(work)
        original(self, work)  # type: ignore[arg-type]

    monkeypatch.setattr(generator.read_ahead.Child, "__init__", counted)


def test_two_processes_render_the_pages_one_renders(checked, sample_project: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    one = render(checked, sample_project / "templates")
    started: list[object] = []
    two_processes(monkeypatch, started)
    two = render(checked, sample_project / "templates")
    assert started, "the two-process path was not taken"
    assert [page.path for page in two] == [page.path for page in one]
    assert two == one


def test_when_the_child_fails_this_process_renders_its_pages(checked, sample_project: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    one = render(checked, sample_project / "templates")
    started: list[object] = []
    two_processes(monkeypatch, started)
    original = generator.read_ahead.Child.__init__

    def failing(self: object, work: object) -> None:
        def broken() -> object:
            raise RuntimeError("the child fails at once")
            yield  # a generator, as the real work is

        original(self, broken)  # type: ignore[arg-type]

    monkeypatch.setattr(generator.read_ahead.Child, "__init__", failing)
    assert render(checked, sample_project / "templates") == one


def test_a_preview_re_render_stays_in_one_process(checked, sample_project: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    previous = {page.path: page for page in render(checked, sample_project / "templates")}
    started: list[object] = []
    two_processes(monkeypatch, started)
    again = render(checked, sample_project / "templates", only={"index.md"}, previous=previous)
    assert not started
    assert {page.path: page for page in again} == previous
