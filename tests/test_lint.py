"""The linters run with the tests, so the README's test command (and .ci/run) keeps them at zero:
ruff (style, likely bugs, import order) on the code and tests, mypy on the package."""

from __future__ import annotations

import subprocess
import sys

from helpers import REPO


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *command], cwd=REPO, capture_output=True, text=True, timeout=600)


def test_ruff_finds_nothing() -> None:
    result = run("ruff", "check", "generator", "tests", "bench")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_finds_nothing() -> None:
    result = run("mypy")  # what it checks and how strictly: [tool.mypy] in pyproject.toml
    assert result.returncode == 0, result.stdout + result.stderr
