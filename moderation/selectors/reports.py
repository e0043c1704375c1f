"""Reads of reader reports: each reporter's weight, a post's reports for screening and for
moderators, a reader's own reports.

A reporter's weight is their smoothed accuracy, ``(upheld + 1) / (decided + 2)`` over all
their reports that a moderator's decision settled (Laplace's rule of succession). A reader
with no history weighs 0.5; each upheld report moves them towards 1, each rejected one
towards 0, and one lucky or unlucky report never makes a reader all or nothing. It is
computed by the database, in :func:`reporter_weight` only, so screening reads it in the query
that computes the screening key, and the moderators' page shows the same number.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import (
    Expression,
    ExpressionWrapper,
    F,
    FloatField,
    Model,
    OuterRef,
    QuerySet,
    Subquery,
    Sum,
    Value,
)

from ai_disclosure.models import Content
from ai_disclosure.selectors import content_of

from ..models import Report, ReportOutcome
from .authors import SubqueryCount


def _counts(reporter: Expression) -> dict[str, Expression]:
    """The reporter's upheld and decided reports, as columns of the enclosing query."""
    theirs = Report.objects.filter(reporter=reporter)
    return {
        "reporter_upheld": SubqueryCount(theirs.filter(outcome=ReportOutcome.UPHELD).values("pk")),
        "reporter_decided": SubqueryCount(theirs.decided().values("pk")),
    }


def reporter_weight(upheld: Expression, decided: Expression) -> Expression:
    """A reporter's weight from their upheld and decided report counts (see the module)."""
    return ExpressionWrapper((upheld + Value(1.0)) / (decided + Value(2.0)),
                             output_field=FloatField())


def with_accuracy(reports: QuerySet) -> QuerySet:
    """``reports`` with each reporter's ``reporter_upheld``, ``reporter_decided`` and
    ``weight`` (their history counts the report itself once it is settled).
    """
    return reports.annotate(**_counts(OuterRef("reporter"))).annotate(
        weight=reporter_weight(F("reporter_upheld"), F("reporter_decided")))


def report_columns(content: Expression) -> dict[str, Expression]:
    """The policy context's ``reports`` facts of ``content`` (a reference to its id), as columns
    of the enclosing query: ``open_reports`` (how many wait for a moderator) and
    ``open_reports_weight`` (the sum of their reporters' weights, null without reports).
    """
    waiting = Report.objects.open().filter(content=content)
    weights = with_accuracy(waiting.order_by()).values("content").annotate(
        total=Sum("weight")).values("total")
    return {
        "open_reports": SubqueryCount(waiting.values("pk")),
        "open_reports_weight": Subquery(weights, output_field=FloatField()),
    }


def reports_context(count: int, weighted: float | None) -> dict:
    """The ``reports`` map of the policy context, from :func:`report_columns`' values."""
    return {"count": count, "weighted": round(weighted or 0.0, 4)}


@dataclass
class ReportView:
    """One report as a moderator sees it, with the reporter's accuracy."""

    report: Report
    upheld: int
    decided: int
    weight: float


def post_reports(content: Content) -> list[ReportView]:
    """A content row's reports, oldest first, each with its reporter's accuracy (for
    moderators only: it names the reporters).
    """
    reports = with_accuracy(Report.objects.filter(content=content).select_related("reporter"))
    return [ReportView(report, report.reporter_upheld, report.reporter_decided,
                       round(report.weight, 2)) for report in reports]


def reports_by(reader) -> QuerySet[Report]:
    """The reader's own reports, newest first, with their posts."""
    return Report.objects.filter(reporter=reader).prefetch_related("content__obj").order_by(
        "-created_at", "-id")


def report_of(post: Model, reader) -> Report | None:
    """The reader's report of ``post``, or ``None`` (also for anonymous readers)."""
    if not (reader and reader.is_authenticated):
        return None
    return Report.objects.filter(content=content_of(post), reporter=reader).first()


def contents_reported_by(reporter_ids: list[int]) -> list[int]:
    """Content rows with open reports by these readers: their ``reports.weighted`` changes
    with the readers' accuracy.
    """
    return sorted(set(Report.objects.open().filter(reporter_id__in=reporter_ids)
                      .values_list("content_id", flat=True)))
