"""The command line as a clinician and a CI job meet it: exit codes, messages, no tracebacks."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import time
from pathlib import Path

import pytest

from generator.cli import main, parser
from generator.schema import all_schemas, write_schemas
from helpers import REPO


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True,
                          cwd=cwd or REPO, timeout=120)


def test_python_m_generator_checks_a_clean_project(demo_project: Path) -> None:
    result = run("check", "--root", str(demo_project))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "No problems found (3 sessions checked; 2 notes, listed with --verbose)."


def test_errors_exit_1_with_located_messages_and_no_traceback(demo_project: Path) -> None:
    (demo_project / "content/demo/sessions/skills-1.yml").write_text("id: skills-1\ntitle: [oops\n")
    result = run("check", "--root", str(demo_project))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "content/demo/sessions/skills-1.yml"  # grouped by file
    assert lines[1].startswith("  2:8  error    ") and lines[1].endswith("(yaml-syntax)")  # where [ opened
    assert "noticed on line 3, column 1" in lines[1]
    assert lines[2].startswith("      hint: ")
    assert "\033[" not in result.stdout  # no colour codes when not on a terminal


def with_warning(project: Path) -> Path:
    session = project / "content/demo/sessions/skills-2.yml"
    text = session.read_text(encoding="utf-8")
    session.write_text(text.replace("objectives:\n", "objectives:\n  - TODO finish this\n", 1), encoding="utf-8")
    return project


def test_warnings_pass_unless_strict(demo_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with_warning(demo_project)
    assert main(["check", "--root", str(demo_project)]) == 0
    assert "0 errors, 1 warning in 1 file" in capsys.readouterr().out
    assert main(["check", "--strict", "--root", str(demo_project)]) == 1
    assert main(["build", "--strict", "--root", str(demo_project)]) == 1
    assert not (demo_project / "site").exists()
    assert "Nothing was built" in capsys.readouterr().out


def test_parsable_format_is_one_line_per_problem_including_notes(demo_project: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    with_warning(demo_project)
    main(["check", "--format", "parsable", "--root", str(demo_project)])
    out = capsys.readouterr().out.splitlines()
    assert out[0] == ("content/demo/sessions/skills-1.yml:25:1: [info] session 'skills-1' is sample content "
                      "awaiting clinical review (review-sample)")
    assert out[1].startswith("content/demo/sessions/skills-2.yml:9:5: [warning] 'TODO' looks like a placeholder")
    assert out[1].endswith("(text-placeholder)")
    assert out[2].startswith("content/demo/sessions/support-1.yml:") and "[info]" in out[2]


def test_github_annotations_are_chosen_on_github_actions(demo_project: Path, capsys: pytest.CaptureFixture[str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    with_warning(demo_project)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    main(["check", "--root", str(demo_project)])
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("::notice file=content/demo/sessions/skills-1.yml,line=25,col=1,title=review-sample::")
    assert out[1].startswith("::warning file=content/demo/sessions/skills-2.yml,line=9,col=5,title=text-placeholder::")
    assert "Hint: Write the real text" in out[1]


def test_json_format_has_every_problem_with_its_hint_and_the_counts(demo_project: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    import json

    with_warning(demo_project)
    main(["check", "--format", "json", "--coverage", "--root", str(demo_project)])
    data = json.loads(capsys.readouterr().out)
    assert data["counts"] == {"info": 2, "warning": 1, "error": 0}
    warning = next(p for p in data["problems"] if p["level"] == "warning")
    assert warning["path"] == "content/demo/sessions/skills-2.yml" and warning["line"] == 9
    assert warning["rule"] == "text-placeholder" and warning["hint"]
    assert [row["session"] for row in data["coverage"]] == ["skills-1", "skills-2", "support-1"]
    assert data["coverage"][2]["worksheets"] == "exempt"


def test_coverage_table_lists_every_session_against_each_part(demo_project: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--coverage", "--root", str(demo_project)]) == 0
    out = capsys.readouterr().out
    assert "Session" in out and "Summary" in out and "Worksheets" in out and "Skills practice" in out
    support = next(line for line in out.splitlines() if "support-1" in line)
    assert support.split()[2:6] == ["support", "yes", "exempt", "yes"]
    assert "3 sessions; 0 missing a required part." in out


def test_colour_only_on_a_terminal_and_never_with_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.problems import Level, Location, Problem
    from generator.report import human, use_colour

    class Terminal:
        def isatty(self) -> bool:
            return True

    problem = Problem(Location("a.yml", 2, 3), Level.ERROR, "bad", "some-rule", "fix it")
    assert "\033[31m" in human([problem], colour=True)
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_colour(Terminal())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_colour(Terminal())


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


def test_every_command_has_help_and_its_options_are_in_the_readme_reference() -> None:
    """The README's table of commands is the CLI reference: a row per command, naming each of its
    options (those every command takes are named once, under the table)."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    common = {"-h", "--help", "--root", "-v", "--verbose", "-q", "--quiet"}
    under_table = readme[readme.index("`catchup --version` says"):].split("\n\n")[0]
    assert all(option in under_table for option in ("--root", "-q", "-v"))
    commands = parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert {"check", "build", "serve", "rules", "schema", "new"} <= set(commands)
    for name, sub in commands.items():
        assert sub.description, f"catchup {name} has no help text"
        row = next((line for line in readme.splitlines() if line.startswith(f"| `catchup {name}")), None)
        assert row, f"the README's table of commands has no row for catchup {name}"
        options = {o for action in sub._actions for o in action.option_strings if o.startswith("--")} - common
        assert [o for o in sorted(options) if f"`{o}" not in row] == [], f"catchup {name}: options missing in README"


def test_catchup_new_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["new", "--help"])
    out = capsys.readouterr().out
    assert exited.value.code == 0 and "usage: catchup new" in out and "--github" in out and "FOLDER" in out


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
    assert main(["check", "--format", "parsable", "--root", str(demo_project)]) == 1
    out = capsys.readouterr().out
    assert "content/demo/sessions/leak.yml:1:1: [error] this file points outside the project folder" in out
    assert "not to be read" not in out and "secret" not in out.replace("leak.yml", "")


def test_an_oversized_file_is_refused_with_a_clear_message(demo_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from generator.load.yamlsource import MAX_BYTES

    big = demo_project / "content/demo/sessions/skills-1.yml"
    big.write_text("summary: " + "x" * (MAX_BYTES + 10) + "\n")
    started = time.perf_counter()
    assert main(["check", "--format", "parsable", "--root", str(demo_project)]) == 1
    out = capsys.readouterr().out
    assert "content/demo/sessions/skills-1.yml:1:1: [error] the file is" in out and "(yaml-too-large)" in out
    assert time.perf_counter() - started < 10
