"""Shared fixtures: example projects built from tests/examples/, and the golden-file switch."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from helpers import copy_sample, make_project

# Review dates are judged against today; tests pin it so they give the same answer every day.
os.environ["CATCHUP_TODAY"] = "2026-11-22"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite expected outputs (golden files) from what the code produces now")
    parser.addoption("--update-screenshots", action="store_true",
                     help="write the browser tests' screenshots to docs/images/ (for the README)")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def demo_project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "demo")


@pytest.fixture(scope="session")
def sample_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the repository's own sample project (content/, site-config/, templates/, mkdocs.yml)."""
    return copy_sample(tmp_path_factory.mktemp("sample") / "project")
