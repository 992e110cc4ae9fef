"""The linters run with the tests, so the README's test command (and .ci/run) keeps them at zero:
ruff (style, likely bugs, import order) on the code and tests, mypy on the package."""

from __future__ import annotations

import re
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


def test_the_theme_styles_are_well_formed() -> None:
    """Every rule of Catch-Up's styles is closed: one missing brace silently swallows the rules after it."""
    from generator import defaults

    for path in (defaults.templates() / "theme").rglob("*.css"):
        depth = 0
        text = re.sub(r"/\*.*?\*/", "", path.read_text(encoding="utf-8"), flags=re.S)
        for line_number, line in enumerate(text.splitlines(), 1):
            for character in line:
                depth += {"{": 1, "}": -1}.get(character, 0)
                assert 0 <= depth <= 2, f"{path}:{line_number}: unbalanced braces"
        assert depth == 0, f"{path}: a rule is not closed"


def test_the_theme_templates_use_no_python_methods() -> None:
    """Zensical renders the theme with MiniJinja, which has Jinja2's filters and tests but not
    Python's methods on strings and dicts (`base_url.rstrip('/')` broke its build once)."""
    from generator import defaults

    method = re.compile(r"\.(rstrip|lstrip|strip|split|get|startswith|endswith|replace|lower|upper|join|format|"
                        r"items|keys|values)\(")
    found = [f"{path.name}:{number}: {line.strip()}"
             for path in (defaults.templates() / "theme").rglob("*.html")
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if "{" in line and method.search(line)]
    assert not found, found
