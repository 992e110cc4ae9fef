"""Installed like a tool: the wheel, in a fresh virtual environment outside the repository, makes a
new project with ``catchup new``, checks it and builds it; a project's own template stands in for
the default of the same name, and only for that one."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import REPO

SECTIONS = ["what-we-covered", "key-points", "worksheets", "skills-practice", "reflect", "before-next-session",
            "make-up-options", "tell-your-team", "urgent-help"]


def run(command: list[str], cwd: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "CATCHUP_PLAIN")}
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=600, env=env)
    if check:
        assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def catchup(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The ``catchup`` of a wheel built from this repository, installed in a new virtual environment.
    (It sees this Python's packages for the dependencies, so nothing is downloaded; the tests check
    that the code it runs is the wheel's.)"""
    root = tmp_path_factory.mktemp("install")
    source = root / "source"  # a clean copy: setuptools would reuse what an earlier build left in build/
    top_level_skipped = {".git", "build", "dist", ".catchup", "site", ".hypothesis", ".mypy_cache", ".ruff_cache"}

    def skipped(folder: str, names: list[str]) -> set[str]:
        here = {n for n in names if n == "__pycache__" or n.endswith(".egg-info")}
        return here | (top_level_skipped & set(names) if Path(folder) == REPO else set())

    shutil.copytree(REPO, source, ignore=skipped)
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(root / "dist"), str(source)], cwd=root)
    [wheel] = (root / "dist").glob("catchup-*.whl")
    run([sys.executable, "-m", "venv", "--system-site-packages", str(root / "venv")], cwd=root)
    python = root / "venv" / "bin" / "python"
    run([str(python), "-m", "pip", "install", "-q", "--no-deps", "--force-reinstall", str(wheel)], cwd=root)
    where = run([str(python), "-c", "import generator, generator.defaults as d; print(generator.__file__); "
                 "print(d.templates()); print(d.starter())"], cwd=root).stdout.split()
    assert all(Path(path).is_relative_to(root / "venv" / "lib") for path in where), where
    assert all(Path(path).exists() for path in where), where
    return root / "venv" / "bin" / "catchup"


@pytest.mark.slow
def test_catchup_new_makes_a_project_that_checks_and_builds(catchup: Path, tmp_path: Path) -> None:
    assert re.fullmatch(r"catchup \d+\.\d+\.\d+\S*\n", run([str(catchup), "--version"], cwd=tmp_path).stdout)
    made = run([str(catchup), "new", "riverbend-iop", "--github"], cwd=tmp_path)
    project = tmp_path / "riverbend-iop"
    assert "Made a new Catch-Up project" in made.stdout
    for name in ("site", "urgent-help", "contacts", "policies", "between-sessions", "checks"):
        assert (project / "site-config" / f"{name}.yml").is_file(), name
    for name in (".gitignore", "README.md", "mkdocs.yml", ".github/workflows/catchup.yml",
                 "schema/session.schema.json", "content/our-program/program.yml"):
        assert (project / name).is_file(), name
    assert len(list((project / "content/our-program/sessions").glob("*.yml"))) == 2
    session = next((project / "content/our-program/sessions").glob("*.yml")).read_text(encoding="utf-8")
    assert session.startswith("# yaml-language-server: $schema=../../../schema/session.schema.json")

    checked = run([str(catchup), "check"], cwd=project)  # passes, with the placeholders reported
    assert "0 errors" in checked.stdout and "site-config/urgent-help.yml" in checked.stdout
    assert "TODO" in checked.stdout and "(text-placeholder)" in checked.stdout
    strict = run([str(catchup), "check", "--strict"], cwd=project, check=False)
    assert strict.returncode == 1, "--strict must stop a project whose crisis lines are still placeholders"

    built = run([str(catchup), "build"], cwd=project)
    assert "Built the site" in built.stdout
    page = (project / "site/our-program/skills/skills-01-noticing-feelings.html").read_text(encoding="utf-8")
    for section in SECTIONS:
        assert f'id="{section}"' in page, section
    assert 'class="catchup-urgent"' in page
    home = (project / "site/index.html").read_text(encoding="utf-8")

    # A template of the project's own stands in for the default of that name, and only for it.
    defaults = Path(run([str(catchup.parent / "python"), "-c", "import generator.defaults as d; print(d.templates())"],
                        cwd=tmp_path).stdout.strip())
    own = project / "templates/pages/session.md.j2"
    own.parent.mkdir(parents=True, exist_ok=True)
    own.write_text((defaults / "pages/session.md.j2").read_text(encoding="utf-8")
                   .replace("## {{ sections['covered'] }}", "## What the group covered"), encoding="utf-8")
    css = project / "templates/theme/assets/stylesheets/catchup.css"
    css.parent.mkdir(parents=True, exist_ok=True)
    css.write_text(".our-own-rule { color: #123456; }\n" + (defaults / "theme/assets/stylesheets/catchup.css").read_text(),
                   "utf-8")
    run([str(catchup), "build"], cwd=project)
    page = (project / "site/our-program/skills/skills-01-noticing-feelings.html").read_text(encoding="utf-8")
    assert ">What the group covered</h2>" in page and ">What we covered</h2>" not in page
    def unhashed(text: str) -> str:  # the styles' file name changes with their content (cache busting)
        return re.sub(r"catchup\.[0-9a-f]+\.css", "catchup.css", text)

    assert unhashed((project / "site/index.html").read_text(encoding="utf-8")) == unhashed(home), \
        "other pages keep the defaults"
    css_file = re.search(r'href="\.\./\.\./(assets/stylesheets/catchup\.[0-9a-f]+\.css)"', page).group(1)  # type: ignore[union-attr]
    assert ".our-own-rule { color: #123456; }" in (project / "site" / css_file).read_text(encoding="utf-8")

    # The Spanish catalog ships in the wheel: a second language speaks Spanish, not English.
    site_yml = project / "site-config" / "site.yml"
    site_yml.write_text(re.sub(r"(?m)^language: en\b.*$", "languages: [en, es]", site_yml.read_text(encoding="utf-8")),
                        encoding="utf-8")
    run([str(catchup), "build"], cwd=project)
    spanish = (project / "site/es/our-program/skills/skills-01-noticing-feelings.html").read_text(encoding="utf-8")
    assert '<html lang="es"' in spanish and ">Puntos clave</h2>" in spanish


@pytest.mark.slow
def test_catchup_new_refuses_a_folder_that_is_not_empty(catchup: Path, tmp_path: Path) -> None:
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "notes.txt").write_text("mine", encoding="utf-8")
    result = run([str(catchup), "new", "taken"], cwd=tmp_path, check=False)
    assert result.returncode == 2 and "not an empty folder" in result.stderr
    assert sorted(p.name for p in (tmp_path / "taken").iterdir()) == ["notes.txt"]
