"""What the checker is told to expect, from the optional site-config/checks.yml.

Every setting has a default, so a project without checks.yml is checked as the authoring guide
describes: all three make-up parts for every session, reading level up to grade 8, clinical
review at most 365 days old.
"""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass, field
from typing import Any

from generator.schema import SITE_CONFIG

_CHECKS = SITE_CONFIG["checks"]["properties"]


def default(section: str, name: str) -> Any:
    """A setting's default, as the schema of site-config/checks.yml declares it."""
    return _CHECKS[section]["properties"][name]["default"]


def spanish_default(name: str) -> Any:
    return _CHECKS["reading_level"]["properties"]["spanish"]["properties"][name]["default"]


DEFAULT_GLOSSARY = (
    "CBT", "DBT", "mindfulness", "DEAR MAN", "GIVE", "FAST", "TIPP", "PLEASE", "HALT", "IOP", "anxiety",
    "depression", "recovery", "relapse", "trauma", "worksheet", "therapy", "therapist", "emotion", "emotions",
    "coordinator", "program", "behavioral", "cognitive", "dialectical",
)
# Names said as letters or kept in English in Spanish text, counted as easy words.
DEFAULT_SPANISH_GLOSSARY = ("CBT", "DBT", "TCC", "TDC", "mindfulness", "DEAR MAN", "GIVE", "FAST", "TIPP", "PLEASE",
                            "HALT", "IOP")


@dataclass(frozen=True)
class Settings:
    makeup_required: dict[str, tuple[str, ...]] = field(default_factory=dict)  # by session kind
    makeup_default: tuple[str, ...] = tuple(default("makeup", "required"))
    max_grade: float = float(default("reading_level", "max_grade"))
    glossary: tuple[str, ...] = DEFAULT_GLOSSARY
    review_max_age_days: int = default("review", "max_age_days")
    spanish_min_score: float = float(spanish_default("min_score"))  # Fernandez-Huerta reading ease
    spanish_glossary: tuple[str, ...] = DEFAULT_SPANISH_GLOSSARY
    today: datetime.date = field(default_factory=lambda: today())

    def required_parts(self, kind: str) -> tuple[str, ...]:
        return self.makeup_required.get(kind, self.makeup_default)

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> Settings:
        checks = config.get("checks") or {}
        makeup = checks.get("makeup") or {}
        reading = checks.get("reading_level") or {}
        review = checks.get("review") or {}
        spanish = reading.get("spanish") or {}
        return cls(
            makeup_required={kind: tuple(parts) for kind, parts in (makeup.get("by_kind") or {}).items()},
            makeup_default=tuple(makeup.get("required", default("makeup", "required"))),
            max_grade=float(reading.get("max_grade", default("reading_level", "max_grade"))),
            glossary=DEFAULT_GLOSSARY + tuple(reading.get("glossary") or ()),
            review_max_age_days=int(review.get("max_age_days", default("review", "max_age_days"))),
            spanish_min_score=float(spanish.get("min_score", spanish_default("min_score"))),
            spanish_glossary=DEFAULT_SPANISH_GLOSSARY + tuple(spanish.get("glossary") or ()),
        )


def today() -> datetime.date:
    """Today, or CATCHUP_TODAY (YYYY-MM-DD) so that checks of review dates can be reproduced."""
    fixed = os.environ.get("CATCHUP_TODAY")
    return datetime.date.fromisoformat(fixed) if fixed else datetime.date.today()
