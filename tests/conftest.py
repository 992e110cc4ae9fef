"""Shared fixtures: example projects built from tests/examples/, and the golden-file switch."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
REPO = TESTS.parent
EXAMPLES = TESTS / "examples"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite expected outputs (golden files) from what the code produces now")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def compare_golden(path: Path, actual: str, update: bool) -> None:
    """Assert ``actual`` equals the golden file, or rewrite it under ``--update-golden``."""
    if update or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        if not update:
            pytest.fail(f"{path} did not exist; wrote it. Review it and run again.")
        return
    assert actual == path.read_text(encoding="utf-8"), f"output differs from {path} (pytest --update-golden)"


def make_project(target: Path, case: Path | None = None) -> Path:
    """The base example project with a case folder's files laid over it (and its _delete.txt removed)."""
    shutil.copytree(EXAMPLES / "base", target)
    if case is not None:
        for path in sorted(case.rglob("*")):
            relative = path.relative_to(case)
            if path.is_dir() or relative.name in ("expected.txt", "_delete.txt", "README.md"):
                continue
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target / relative)
        deletions = case / "_delete.txt"
        if deletions.exists():
            for line in deletions.read_text().split():
                (target / line).unlink()
    shutil.copytree(REPO / "templates", target / "templates")
    shutil.copyfile(REPO / "mkdocs.yml", target / "mkdocs.yml")
    return target


@pytest.fixture
def demo_project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "demo")


@pytest.fixture(scope="session")
def sample_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the repository's own sample project (content/, site-config/, templates/, mkdocs.yml)."""
    root = tmp_path_factory.mktemp("sample") / "project"
    root.mkdir()
    for name in ("content", "site-config", "templates"):
        shutil.copytree(REPO / name, root / name)
    shutil.copyfile(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root
