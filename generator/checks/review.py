"""Clinical review: every session says who checked it, and when."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from generator.checks import info, rule, warning
from generator.model import Curriculum
from generator.problems import Level, Problem
from generator.settings import Settings


@rule("review-status", Level.WARNING)
def review_status(curriculum: Curriculum, settings: Settings) -> Iterator[Problem]:
    """A session's clinical review is missing, still a draft, or older than the site allows.

    Clinical content must be checked by a clinician before participants rely on it, and checked
    again from time to time. Write ``review: {status: approved, reviewed_by: ..., reviewed_on:
    YYYY-MM-DD}``. A review older than ``review: max_age_days`` in site-config/checks.yml (default
    365) is reported as out of date. Sample content (``status: sample``) is reported as
    information only: the site shows a notice on its pages.
    Fix: have a clinician review the session, then set the status, reviewer and date.
    """
    max_age = datetime.timedelta(days=settings.review_max_age_days)
    for program in curriculum.programs:
        for session in program.sessions:
            review, where = session.review, session.at("review")
            status = review.get("status")
            if status is None:
                yield warning(where, f"session '{session.id}' has no clinical review", "review-status",
                              "Add 'review:' with 'status: approved', 'reviewed_by:' and 'reviewed_on:'.")
            elif status == "sample":
                yield info(where, f"session '{session.id}' is sample content awaiting clinical review",
                           "review-status", "Have a clinician review it, then set 'status: approved'.")
            elif status == "draft":
                yield warning(where, f"session '{session.id}' is still a draft", "review-status",
                              "Finish it and have it reviewed; then set 'status: approved'.")
            elif not review.get("reviewed_on"):
                yield warning(where, f"session '{session.id}' is approved but has no review date", "review-status",
                              "Add 'reviewed_on: YYYY-MM-DD' with the date of the review.")
            else:
                try:
                    reviewed = datetime.date.fromisoformat(review["reviewed_on"])
                except ValueError:
                    continue  # not a real date: the rule date-real reports it
                if settings.today - reviewed > max_age:
                    yield warning(where, f"session '{session.id}' was last reviewed on {reviewed}, more than "
                                  f"{settings.review_max_age_days} days ago", "review-status",
                                  "Have a clinician review it again and update 'reviewed_on'.")
