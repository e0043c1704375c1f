"""How well policies work, judged by moderators: precision per policy version, recent
precision against each policy's target, and shadow policies compared with decisions.

Each reads a fixed number of queries however many policies, versions or items there are;
the JSON of items and screenings is read for at most :data:`SCAN_LIMIT` rows, the newest first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import F, Window
from django.db.models.functions import RowNumber

from ai_disclosure.i18n import shipped_text

from ..app_settings import app_settings
from ..models import DECIDED_STATUSES, Policy, PolicyMode, ReviewItem, ReviewStatus, Screening

#: Moderators agreed with the policy: the post was delisted or rejected.
UPHELD = (ReviewStatus.DELISTED, ReviewStatus.REJECTED)

#: Items or screenings read at most by one of these selectors (the newest first).
SCAN_LIMIT = 10_000


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass
class VersionPrecision:
    """What one version of a policy flagged over the period, and how moderators decided."""

    policy: int
    name: str
    version: int
    flagged: int = 0
    decided: int = 0
    upheld: int = 0

    @property
    def precision(self) -> float | None:
        """Share of the version's decided items that were upheld; ``None`` with no decisions."""
        return _share(self.upheld, self.decided)


def precision_by_version(*, since: datetime) -> list[VersionPrecision]:
    """Each policy version that flagged items created since ``since``: items flagged, decided
    and upheld (two queries). Ordered by policy name, the newest version first.
    """
    names = {pk: shipped_text(name) for pk, name in Policy.objects.values_list("pk", "name")}
    found: dict[tuple[int, int], VersionPrecision] = {}
    items = (ReviewItem.objects.filter(created_at__gte=since).exclude(reasons=[])
             .order_by("-created_at").values_list("reasons", "status")[:SCAN_LIMIT])
    for reasons, status in items:
        for reason in reasons:
            if reason.get("policy") not in names:
                continue  # the escalation reason, or a policy deleted since
            key = (reason["policy"], reason["version"])
            stats = found.setdefault(key, VersionPrecision(key[0], names[key[0]], key[1]))
            stats.flagged += 1
            stats.decided += status in DECIDED_STATUSES
            stats.upheld += status in UPHELD
    return sorted(found.values(), key=lambda stats: (stats.name, -stats.version))


@dataclass
class PrecisionWarning:
    """A policy whose most recent decided items were upheld less often than its target."""

    policy: int
    name: str
    target: float
    precision: float
    decisions: int


def precision_warnings() -> list[PrecisionWarning]:
    """Policies with a target precision whose last ``PRECISION_RECENT_DECISIONS`` decided
    items (fewer if it has fewer) fall below it, in two queries (one with no target set).
    """
    targets = {pk: (shipped_text(name), target) for pk, name, target in Policy.objects.filter(
        target_precision__isnull=False).values_list("pk", "name", "target_precision")}
    if not targets:
        return []
    recent = (
        ReviewItem.policies.through.objects
        .filter(policy_id__in=list(targets), reviewitem__status__in=DECIDED_STATUSES)
        .annotate(rank=Window(RowNumber(), partition_by=F("policy_id"),
                              order_by=[F("reviewitem__resolved_at").desc(),
                                        F("reviewitem_id").desc()]))
        .filter(rank__lte=app_settings.PRECISION_RECENT_DECISIONS)
        .values_list("policy_id", "reviewitem__status")
    )
    decided: dict[int, list[str]] = {}
    for policy, status in recent:
        decided.setdefault(policy, []).append(status)
    warnings = []
    for policy, statuses in decided.items():
        name, target = targets[policy]
        precision = sum(status in UPHELD for status in statuses) / len(statuses)
        if precision < target:
            warnings.append(PrecisionWarning(policy, name, target, precision, len(statuses)))
    return sorted(warnings, key=lambda warning: warning.name)


@dataclass
class ShadowAgreement:
    """A shadow policy's matches on posts screened over the period, against decisions.

    ``matched``: posts it matched; ``upheld`` / ``approved``: those of them moderators
    delisted or rejected / approved; ``missed``: posts it ran on and did not match that
    moderators delisted or rejected.
    """

    policy: int
    name: str
    version: int
    enabled: bool
    matched: int = 0
    upheld: int = 0
    approved: int = 0
    missed: int = 0

    @property
    def precision(self) -> float | None:
        """Share of its decided matches that moderators upheld."""
        return _share(self.upheld, self.upheld + self.approved)

    @property
    def recall(self) -> float | None:
        """Share of the upheld posts it ran on that it matched."""
        return _share(self.upheld, self.upheld + self.missed)


def shadow_agreement(*, since: datetime) -> list[ShadowAgreement]:
    """Each shadow policy's matches on the posts screened since ``since``, compared with
    moderators' latest decision on the same posts (three queries). A post counts for a policy
    when its latest screening ran that policy (any version).
    """
    shadows = {
        policy.pk: ShadowAgreement(policy.pk, policy.shown_name, policy.version, policy.enabled)
        for policy in Policy.objects.filter(mode=PolicyMode.SHADOW)
    }
    if not shadows:
        return []
    screened = Screening.objects.filter(screened_at__gte=since)
    for matches in (screened.exclude(shadow_matched=[]).order_by("-screened_at")
                    .values_list("shadow_matched", flat=True)[:SCAN_LIMIT]):
        for match in matches:
            if match["policy"] in shadows:
                shadows[match["policy"]].matched += 1
    latest: dict[int, tuple] = {}  # content -> (status, shadow matches, policy versions)
    for content, status, matches, versions in (
        ReviewItem.objects.filter(status__in=DECIDED_STATUSES,
                                  content__screening__in=screened)
        .order_by("-resolved_at", "-pk")
        .values_list("content_id", "status", "content__screening__shadow_matched",
                     "content__screening__policy_versions")[:SCAN_LIMIT]
    ):
        latest.setdefault(content, (status, matches, versions))
    for status, matches, versions in latest.values():
        matched = {match["policy"] for match in matches}
        for policy, stats in shadows.items():
            if policy in matched:
                stats.upheld += status in UPHELD
                stats.approved += status == ReviewStatus.APPROVED
            elif str(policy) in versions and status in UPHELD:
                stats.missed += 1
    return sorted(shadows.values(), key=lambda stats: stats.name)
