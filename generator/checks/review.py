"""Clinical review: every session says who checked it, and when."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from generator.checks.settings import Settings
from generator.model import Curriculum
from generator.problems import Level
from generator.rules import Finding, check_rule


@check_rule("review-status", Level.WARNING)
def review_status(curriculum: Curriculum, settings: Settings) -> Iterator[Finding]:
    """A session's clinical review is missing, still a draft, or older than the site allows.

    Clinical content must be checked by a clinician before participants rely on it, and checked
    again from time to time. Write ``review: {status: approved, reviewed_by: ..., reviewed_on:
    YYYY-MM-DD}``. A review older than ``review: max_age_days`` in site-config/checks.yml (default
    365) is reported as out of date. Sample content (``status: sample``) is the rule
    ``review-sample``.
    Fix: have a clinician review the session, then set the status, reviewer and date.
    """
    max_age = datetime.timedelta(days=settings.review_max_age_days)
    for program in curriculum.programs:
        for session in program.sessions:
            review, where = session.review, session.at("review")
            status = review.get("status")
            if status is None:
                yield Finding(where, f"session '{session.id}' has no clinical review",
                              "Add 'review:' with 'status: approved', 'reviewed_by:' and 'reviewed_on:'.")
            elif status == "draft":
                yield Finding(where, f"session '{session.id}' is still a draft",
                              "Finish it and have it reviewed; then set 'status: approved'.")
            elif status == "approved" and not review.get("reviewed_on"):
                yield Finding(where, f"session '{session.id}' is approved but has no review date",
                              "Add 'reviewed_on: YYYY-MM-DD' with the date of the review.")
            elif status == "approved":
                try:
                    reviewed = datetime.date.fromisoformat(review["reviewed_on"])
                except ValueError:
                    continue  # not a real date: the rule date-real reports it
                if settings.today - reviewed > max_age:
                    yield Finding(where, f"session '{session.id}' was last reviewed on {reviewed}, more than "
                                  f"{settings.review_max_age_days} days ago",
                                  "Have a clinician review it again and update 'reviewed_on'.")


@check_rule("review-sample", Level.INFO,
            hint="Have a clinician review it, then set 'status: approved'.")
def review_sample(curriculum: Curriculum, settings: Settings) -> Iterator[Finding]:
    """A session is sample content (``review: {status: sample}``), not yet reviewed by a clinician.

    This is information only: the site still builds, even with ``--strict``, and its pages show
    a notice that the content is a sample awaiting clinical review.
    Fix: have a clinician review the session, then set ``status: approved`` with the reviewer and date.
    """
    for program in curriculum.programs:
        for session in program.sessions:
            if session.review.get("status") == "sample":
                yield Finding(session.at("review"),
                              f"session '{session.id}' is sample content awaiting clinical review")
