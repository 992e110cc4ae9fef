"""The docs stay true to the code: every field and every rule id is explained in the authoring guide."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from generator.schema import all_schemas
from helpers import REPO

GUIDE = REPO / "docs" / "authoring-guide.md"


def field_names(schema: Any) -> set[str]:
    names: set[str] = set()
    if isinstance(schema, dict):
        names.update(schema.get("properties", {}))
        for value in schema.values():
            names |= field_names(value)
    elif isinstance(schema, list):
        for value in schema:
            names |= field_names(value)
    return names


def test_rules_page_is_generated_from_the_code_and_up_to_date() -> None:
    from generator.commands.rules import markdown

    page = REPO / "docs" / "rules.md"
    assert page.read_text(encoding="utf-8") == markdown(), "run: python3 -m generator rules --out docs/rules.md"


def test_every_rule_has_an_id_a_level_a_doc_and_a_fix() -> None:
    from generator.commands.rules import all_rules

    rules = all_rules()
    documented = {rule.id for rule in rules}
    assert len(documented) == len(rules) > 30, "a rule id is documented twice"
    emitted = set()
    for expected in (REPO / "tests" / "examples").rglob("expected.txt"):
        emitted |= set(re.findall(r"\(([a-z]+-[a-z-]+)\)$", expected.read_text(encoding="utf-8"), re.M))
    assert emitted <= documented, sorted(emitted - documented)
    for rule in rules:
        assert rule.doc.splitlines()[0].strip(), rule.id
        assert "fix" in rule.doc.lower(), f"{rule.id} does not say how to fix it"


def test_guide_explains_every_field() -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    missing = sorted(name for name in field_names(all_schemas()) if f"`{name}`" not in guide)
    assert not missing, f"authoring guide does not mention these fields: {missing}"


def test_guide_explains_every_rule_id() -> None:
    from generator.commands.rules import all_rules

    guide = GUIDE.read_text(encoding="utf-8")
    missing = sorted(rule.id for rule in all_rules() if f"`{rule.id}`" not in guide)
    assert not missing, f"authoring guide does not explain these rule ids: {missing}"


def test_readme_links_to_the_guide_and_the_guide_exists() -> None:
    assert "docs/authoring-guide.md" in (REPO / "README.md").read_text(encoding="utf-8")
    assert GUIDE.is_file()


def test_the_guides_example_sessions_pass_the_checker_in_the_sample_project(sample_project: Path,
                                                                             tmp_path: Path) -> None:
    """Section 5 says its example sessions fit the sample program and pass: keep that true."""
    import shutil

    from generator.checks import check_project
    from generator.project import Project

    project = tmp_path / "project"
    shutil.copytree(sample_project, project, ignore=shutil.ignore_patterns(".catchup", "site"))
    guide = GUIDE.read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(# yaml-language-server: \$schema=\.\./\.\./\.\./schema/session\.schema\.json\n.*?)```",
                        guide, re.S)
    examples = [block for block in blocks if re.search(r"^id: (cbt-09|process-06)", block, re.M)]
    assert len(examples) == 2
    for block in examples:
        session_id = re.search(r"^id: (\S+)", block, re.M).group(1)  # type: ignore[union-attr]
        (project / "content/adult-iop/sessions" / f"{session_id}.yml").write_text(block, encoding="utf-8")
    checked = check_project(Project(project))
    assert [str(p.where) + " " + p.message for p in checked.problems if p.is_error] == []
    assert {p.rule for p in checked.problems if p.level > 0} <= {"review-status"}  # a draft, as the guide says
    sample = len([p for p in (sample_project / "content").glob("*/sessions/*.yml") if p.stem.count(".") == 0])
    assert checked.session_count == sample + 2
