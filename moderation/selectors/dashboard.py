"""Reads for the dashboard: flags over time, score distributions, policy precision (per
policy here; per version, against targets and for shadow policies in ``policy_quality``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, F, Q
from django.db.models.functions import Floor, TruncDate
from django.utils import timezone

from ai_disclosure.i18n import shipped_text

from ..models import (
    ACTIVE_STATUSES,
    Escalation,
    Policy,
    PolicyMode,
    ReviewItem,
    ReviewStatus,
    Screening,
)
from .policy_quality import (
    UPHELD,
    PrecisionWarning,
    ShadowAgreement,
    VersionPrecision,
    precision_by_version,
    precision_warnings,
    shadow_agreement,
)
from .queue import status_counts

#: The status filter's choices: "active" (open or claimed) is the queue's default view.


# --- dashboard -----------------------------------------------------------------------------


@dataclass
class PolicyStats:
    """How one policy did over the period: flagged, decided and upheld items."""

    pk: int
    name: str
    enabled: bool
    flagged: int
    decided: int
    upheld: int
    shadow: bool = False
    target_precision: float | None = None

    @property
    def precision(self) -> float | None:
        """Share of the policy's decided items that were upheld, or ``None`` with no decisions."""
        return self.upheld / self.decided if self.decided else None


@dataclass
class PolicyFailure:
    """A policy that failed on recently screened posts with one message."""

    pk: int
    name: str
    versions: list[int]
    message: str
    posts: int


#: Screenings read at most for the list of failing policies (the newest first).
FAILURE_SCAN_LIMIT = 5000


def policy_failures(*, since: datetime) -> list[PolicyFailure]:
    """Policies that failed on posts screened since ``since``, by policy and message, the
    most frequent first. Counts the newest ``FAILURE_SCAN_LIMIT`` failing screenings.
    """
    found: dict[tuple[int, str], PolicyFailure] = {}
    recent = (
        Screening.objects.filter(screened_at__gte=since).exclude(policy_errors=[])
        .order_by("-screened_at").values_list("policy_errors", flat=True)[:FAILURE_SCAN_LIMIT]
    )
    for errors in recent:
        for error in errors:
            key = (error["policy"], error["message"])
            failure = found.setdefault(key, PolicyFailure(
                error["policy"], shipped_text(error["name"]), [], error["message"], 0))
            failure.posts += 1
            if error["version"] not in failure.versions:
                failure.versions.append(error["version"])
    return sorted(found.values(), key=lambda failure: (-failure.posts, failure.name))


@dataclass
class Dashboard:
    """Everything the dashboard shows for one period."""

    days: int
    since: datetime
    counts: dict[str, int]
    decided: int
    screened: int
    flags_per_day: dict[str, dict]  # policy name -> {date: n}
    dates: list
    histogram: dict[str, list[int]]  # "approved" / "upheld" -> 10 bins
    policies: list[PolicyStats]
    policy_failures: list[PolicyFailure]
    versions: list[VersionPrecision]
    precision_warnings: list[PrecisionWarning]
    shadow: list[ShadowAgreement]
    appeals_open: int
    escalated_authors: int


def dashboard(*, days: int = 30) -> Dashboard:
    """Aggregates for the dashboard over the last ``days`` days, in a handful of queries."""
    now = timezone.now()
    since = now - timedelta(days=days)
    through = ReviewItem.policies.through
    flags: dict[str, dict] = defaultdict(dict)
    for day, name, n in (
        through.objects.filter(reviewitem__created_at__gte=since)
        .annotate(day=TruncDate("reviewitem__created_at"))
        .values_list("day", "policy__name").annotate(n=Count("pk"))
        .values_list("day", "policy__name", "n")
    ):
        flags[shipped_text(name)][day] = n
    today = timezone.localdate(now)
    dates = [today - timedelta(days=offset) for offset in range(days - 1, -1, -1)]

    histogram = {"approved": [0] * 10, "upheld": [0] * 10}
    for status, bucket, n in (
        ReviewItem.objects.filter(
            resolved_at__gte=since, status__in=[ReviewStatus.APPROVED, *UPHELD]
        )
        .annotate(bucket=Floor(F("top_score") * 10))
        .values_list("status", "bucket").annotate(n=Count("pk"))
        .values_list("status", "bucket", "n")
    ):
        key = "approved" if status == ReviewStatus.APPROVED else "upheld"
        histogram[key][min(int(bucket or 0), 9)] += n

    decided_q = Q(review_items__status__in=[ReviewStatus.APPROVED, *UPHELD])
    in_window = Q(review_items__created_at__gte=since)
    policies = [
        PolicyStats(p.pk, p.shown_name, p.enabled, p.flagged, p.decided, p.upheld,
                    shadow=p.mode == PolicyMode.SHADOW, target_precision=p.target_precision)
        for p in Policy.objects.annotate(
            flagged=Count("review_items", filter=in_window),
            decided=Count("review_items", filter=in_window & decided_q),
            upheld=Count("review_items", filter=in_window & Q(review_items__status__in=UPHELD)),
        ).order_by("-flagged", "name")
    ]
    return Dashboard(
        days=days,
        since=since,
        counts=status_counts(),
        decided=ReviewItem.objects.filter(resolved_at__gte=since).count(),
        screened=Screening.objects.filter(screened_at__gte=since).count(),
        flags_per_day=dict(flags),
        dates=dates,
        histogram=histogram,
        policies=policies,
        policy_failures=policy_failures(since=since),
        versions=precision_by_version(since=since),
        precision_warnings=precision_warnings(),
        shadow=shadow_agreement(since=since),
        appeals_open=ReviewItem.objects.filter(
            appealed_at__isnull=False, status__in=ACTIVE_STATUSES).count(),
        escalated_authors=Escalation.objects.filter(active=True).count(),
    )
