"""The checker on example curricula: every folder under tests/examples/good must pass, and every
folder under tests/examples/bad must print exactly its expected.txt. Adding a case is adding a folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from helpers import EXAMPLES, compare_golden, make_project

GOOD = sorted(p for p in (EXAMPLES / "good").iterdir() if p.is_dir())
BAD = sorted(p for p in (EXAMPLES / "bad").iterdir() if p.is_dir())


def run_check(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["check", "--root", str(root)])
    return code, capsys.readouterr().out


@pytest.mark.parametrize("case", GOOD, ids=[p.name for p in GOOD])
def test_good_example_passes(case: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run_check(make_project(tmp_path / "p", case), capsys)
    assert out.startswith("No problems found"), out
    assert code == 0


@pytest.mark.parametrize("case", BAD, ids=[p.name for p in BAD])
def test_bad_example_reports_expected_problems(
    case: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], update_golden: bool
) -> None:
    code, out = run_check(make_project(tmp_path / "p", case), capsys)
    has_errors = not out.rstrip().splitlines()[-1].startswith(("0 errors", "No problems"))
    assert code == (1 if has_errors else 0), out  # warnings alone do not fail without --strict
    assert "Traceback" not in out
    compare_golden(case / "expected.txt", out, update_golden)


def test_every_bad_example_has_expected_output() -> None:
    assert BAD, "no bad examples found"
    missing = [case.name for case in BAD if not (case / "expected.txt").exists()]
    assert not missing


def test_fast_validator_agrees_with_jsonschema_on_every_example(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files that pass the compiled validator (and hold no decimal where a whole number goes, which
    it lets by) skip jsonschema, so the two must never disagree."""
    import generator.load.read
    from generator.load import load
    from generator.load.validate import _decimal_where_whole, is_valid, validate, validator
    from generator.project import Project

    checked = []

    def both(data: object, schema_name: str, path: str) -> object:
        full = list(validator(schema_name).iter_errors(data))
        quick = is_valid(schema_name)(data) and not _decimal_where_whole(data, schema_name)
        assert quick == (not full), (path, [e.message for e in full])
        checked.append(path)
        return validate(data, schema_name, path)

    monkeypatch.setattr(generator.load.read, "validate", both)
    for case in [*GOOD, *BAD]:
        load(Project(make_project(tmp_path / case.name, case)))
    load(Project(Path(__file__).resolve().parent.parent))
    assert len(checked) > 100
