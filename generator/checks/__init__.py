"""Check stage: rules that look across the whole loaded curriculum, and what they found.

Each rule is a function with an id, a level and a docstring (its documentation page), declared
with ``generator.rules.check_rule``; it yields :class:`~generator.rules.Finding` values and the
registry stamps its id and level on each. The modules of this package group them: ``structure``
(ids, numbering, schedules), ``calendar`` (closures and moved meetings), ``makeup`` (the make-up
rule), ``language`` (plain language, placeholders, links, personal data), ``pictures`` (their
weight) and ``review`` (clinical review). The rules only read the model; what they are told to
expect comes from site-config/checks.yml (``settings``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.checks import calendar, language, makeup, pictures, review, structure, translations
from generator.checks.settings import Settings
from generator.load import ReadCache, load, no_garbage_collection
from generator.model import Curriculum
from generator.problems import Level, Problem
from generator.project import Project
from generator.rules import REGISTRY, Rule

MODULES = (structure, calendar, makeup, language, pictures, review, translations)  # their rules run in this order


@dataclass
class Checked:
    """What a check found: the curriculum as loaded, and every problem, sorted by place."""

    curriculum: Curriculum
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(p.is_error for p in self.problems)

    def blocks(self, strict: bool) -> bool:
        """Whether these problems stop a build: errors do; with ``strict``, warnings too."""
        return not self.ok or (strict and any(p.level is Level.WARNING for p in self.problems))

    @property
    def session_count(self) -> int:
        return sum(len(p.sessions) for p in self.curriculum.programs)


def check_rules() -> list[Rule]:
    """The rules that look at the loaded curriculum, in the order they run."""
    order = {module.__name__: index for index, module in enumerate(MODULES)}
    return sorted((rule for rule in REGISTRY.values() if rule.check is not None),
                  key=lambda rule: order[rule.check.__module__])


def check(curriculum: Curriculum, settings: Settings | None = None) -> list[Problem]:
    """Run every check rule; returns all problems found."""
    settings = settings or Settings.from_config(curriculum.config)
    return [problem for rule in check_rules() for problem in rule.run(curriculum, settings)]


def check_project(project: Project, cache: ReadCache | None = None) -> Checked:
    """Load and check everything; write nothing. (``cache``: see ``load.ReadCache``.)"""
    with no_garbage_collection():
        loaded = load(project, cache)
        problems = loaded.problems + check(loaded.curriculum)
    return Checked(loaded.curriculum, sorted(problems))
