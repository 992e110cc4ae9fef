"""The command line as a clinician and a CI job meet it: exit codes, messages, no tracebacks."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import time
from pathlib import Path

import pytest

from helpers import REPO
from generator.cli import main, parser
from generator.schema import all_schemas, write_schemas


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True,
                          cwd=cwd or REPO, timeout=120)


def test_python_m_generator_checks_a_clean_project(demo_project: Path) -> None:
    result = run("check", "--root", str(demo_project))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "No problems found (3 sessions checked)."


def test_errors_exit_1_with_located_messages_and_no_traceback(demo_project: Path) -> None:
    (demo_project / "content/demo/sessions/skills-1.yml").write_text("id: skills-1\ntitle: [oops\n")
    result = run("check", "--root", str(demo_project))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    first = result.stdout.splitlines()[0]
    assert first.startswith("content/demo/sessions/skills-1.yml:3:1: error: ")
    assert first.endswith("[yaml-syntax]")
    assert result.stdout.splitlines()[1].startswith("    hint: ")


@pytest.mark.parametrize("args", [[], ["frobnicate"], ["check", "--no-such-flag"], ["serve", "-a", "nonsense"]])
def test_bad_invocation_exits_2(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    try:
        code = main(args)
    except SystemExit as exc:
        code = exc.code
    assert code == 2


def test_missing_project_folder_exits_2(tmp_path: Path) -> None:
    assert main(["check", "--root", str(tmp_path / "nowhere")]) == 2


def test_project_without_content_is_reported_not_crashed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--root", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "site-config/site.yml is missing" in out
    assert "there is no content/ folder" in out


def test_catchup_console_script_is_installed() -> None:
    script = Path(sysconfig.get_path("scripts")) / "catchup"
    result = subprocess.run([str(script), "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("catchup ")


def test_every_command_has_help_and_is_in_the_readme() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    commands = parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    for name, sub in commands.items():
        assert sub.description, f"catchup {name} has no help text"
        assert f"catchup {name}" in readme, f"README does not mention catchup {name}"


def test_published_schema_is_up_to_date(tmp_path: Path) -> None:
    write_schemas(tmp_path)
    for name in all_schemas():
        published = REPO / "schema" / f"{name}.schema.json"
        assert published.read_text() == (tmp_path / f"{name}.schema.json").read_text(), (
            f"{published} is stale: run `catchup schema`")


def test_sample_yaml_files_name_their_schema() -> None:
    for path in sorted((REPO / "content").rglob("*.yml")) + sorted((REPO / "site-config").glob("*.yml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        schema = (path.parent / first.split("=", 1)[1]).resolve()
        assert schema.is_file(), f"{path}: modeline points at missing {schema}"


def test_a_link_to_a_file_outside_the_project_is_refused(demo_project: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    secret = tmp_path / "secret.yml"
    secret.write_text("id: secret\ntitle: not to be read\n")
    (demo_project / "content/demo/sessions/leak.yml").symlink_to(secret)
    assert main(["check", "--root", str(demo_project)]) == 1
    out = capsys.readouterr().out
    assert out.startswith("content/demo/sessions/leak.yml:1:1: error: this file points outside the project folder")
    assert "not to be read" not in out and "secret" not in out.replace("leak.yml", "")


def test_an_oversized_file_is_refused_with_a_clear_message(demo_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from generator.yamlsource import MAX_BYTES

    big = demo_project / "content/demo/sessions/skills-1.yml"
    big.write_text("summary: " + "x" * (MAX_BYTES + 10) + "\n")
    started = time.perf_counter()
    assert main(["check", "--root", str(demo_project)]) == 1
    out = capsys.readouterr().out
    assert "content/demo/sessions/skills-1.yml:1:1: error: the file is" in out and "[yaml-too-large]" in out
    assert time.perf_counter() - started < 10
