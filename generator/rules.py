"""One registry of every rule the checker can report: its id, level, documentation and fix.

A rule is declared once, with its id and level, and the registry stamps both on every problem
it finds (as yamllint stamps ``problem.rule = rule.ID``):

- a check rule is a function that looks at the loaded curriculum and yields :class:`Finding`
  values (where, and what is wrong); :func:`check_rule` registers it, with its docstring as its
  documentation (``generator.checks``);
- a reader rule is found while a file is read (YAML syntax, the schema, a missing file); it is
  declared with :func:`reader_rule` and the reader makes its problems with :meth:`Rule.problem`
  (``generator.load.reader_rules``).

``catchup rules`` writes docs/rules.md from this registry, in the order the rules were declared.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from generator.problems import Level, Location, Problem


@dataclass(frozen=True)
class Finding:
    """What a check rule yields: where the problem is and what is wrong, with the bad value.
    ``hint`` says how to fix this one; left empty, the rule's own hint is used."""

    where: Location
    message: str
    hint: str = ""


Check = Callable[[Any, Any], Iterator[Finding]]  # (Curriculum, Settings): see generator.checks


@dataclass(frozen=True)
class Rule:
    id: str
    level: Level
    doc: str  # first line: what it finds; then why it matters and how to fix it
    hint: str = ""  # how to fix it, where a finding does not say it more exactly
    check: Check | None = None  # None: a reader rule

    def problem(self, where: Location, message: str, hint: str = "") -> Problem:
        return Problem(where, self.level, message, self.id, hint or self.hint)

    def run(self, curriculum: Any, settings: Any) -> Iterator[Problem]:
        """The problems this check rule finds in ``curriculum``."""
        assert self.check is not None, f"{self.id} is a reader rule"
        for found in self.check(curriculum, settings):
            yield self.problem(found.where, found.message, found.hint)


REGISTRY: dict[str, Rule] = {}


def _register(rule: Rule) -> Rule:
    if rule.id in REGISTRY:
        raise ValueError(f"the rule id {rule.id!r} is declared twice")
    if not rule.doc.strip() or "fix" not in rule.doc.lower():
        raise ValueError(f"the rule {rule.id!r} needs a documentation that says how to fix it")
    REGISTRY[rule.id] = rule
    return rule


def reader_rule(rule_id: str, level: Level, doc: str, hint: str = "") -> Rule:
    """Declare a rule that the reader applies while it reads a file."""
    return _register(Rule(rule_id, level, doc, hint))


def check_rule(rule_id: str, level: Level = Level.ERROR, *, hint: str = "") -> Callable[[Check], Rule]:
    """Declare the decorated function as a check rule; its docstring is its documentation."""
    def register(check: Check) -> Rule:
        doc = "\n".join(line.strip() for line in (check.__doc__ or "").strip().splitlines())
        return _register(Rule(rule_id, level, doc, hint, check))
    return register

