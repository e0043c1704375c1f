"""Reads for moderators and authors: the queue, one item, an author's history, the dashboard.

The queue uses keyset pagination (``after`` a cursor, never ``OFFSET``) over the order
``-priority, created_at, id``, so page 2,000 costs what page 1 costs, and a page is a fixed
number of queries whatever its length (pinned by tests).
"""

from __future__ import annotations

import base64
import binascii
import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Count, F, Max, Q, QuerySet, Value
from django.db.models.functions import Floor, Lower, TruncDate
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

from ai_disclosure import selectors as disclosure_selectors
from ai_disclosure import services as disclosure_services
from ai_disclosure.adapter import get_adapter
from ai_disclosure.models import Disclosure, PostRender

from .app_settings import app_settings
from .highlight import highlight
from .models import (
    ACTIVE_STATUSES,
    APPEALABLE_STATUSES,
    QUEUE_STATUSES,
    AuditEntry,
    AuthorMessage,
    Escalation,
    Policy,
    ReasonTemplate,
    ReviewItem,
    ReviewStatus,
    Screening,
    assistance_facet,
    policy_facet,
)

#: The status filter's choices: "active" (open or claimed) is the queue's default view.
STATUS_FILTERS = {
    "active": (_("Needs review"), QUEUE_STATUSES),
    "open": (_("Unclaimed"), None),
    "claimed": (_("Claimed"), (ReviewStatus.CLAIMED,)),
    "info_requested": (_("Waiting for author"), (ReviewStatus.INFO_REQUESTED,)),
    "appealed": (_("Appeals"), None),
    "approved": (_("Approved"), (ReviewStatus.APPROVED,)),
    "delisted": (_("Delisted"), (ReviewStatus.DELISTED,)),
    "rejected": (_("Rejected"), (ReviewStatus.REJECTED,)),
    "all": (_("All"), None),
}


@dataclass(frozen=True)
class QueueFilters:
    """What the queue shows. Every field is optional; build from a request with ``from_data``."""

    status: str = "active"
    policy: int | None = None
    assistance: str = ""
    score_min: float | None = None
    score_max: float | None = None
    new_authors: bool = False
    q: str = ""

    @classmethod
    def from_data(cls, data) -> QueueFilters:
        """Parse a QueryDict (or dict) leniently: a bad value is ignored, never an error."""

        def number(name, kind):
            try:
                value = kind(data.get(name) or "")
            except (TypeError, ValueError):
                return None
            return value

        def score(name):
            value = number(name, float)
            return None if value is None else min(max(value, 0.0), 1.0)

        status = data.get("status") or "active"
        return cls(
            status=status if status in STATUS_FILTERS else "active",
            policy=number("policy", int),
            assistance=(data.get("assistance") or "").strip()[:40],
            score_min=score("score_min"),
            score_max=score("score_max"),
            new_authors=str(data.get("new_authors") or "") in {"1", "on", "true"},
            q=(data.get("q") or "").strip()[:100],
        )

    def as_params(self) -> dict[str, str]:
        """The non-default filters as query parameters (for links and "next item")."""
        params = {
            "status": self.status if self.status != "active" else "",
            "policy": str(self.policy) if self.policy else "",
            "assistance": self.assistance,
            "score_min": "" if self.score_min is None else f"{self.score_min:g}",
            "score_max": "" if self.score_max is None else f"{self.score_max:g}",
            "new_authors": "1" if self.new_authors else "",
            "q": self.q,
        }
        return {key: value for key, value in params.items() if value}


def filtered_items(filters: QueueFilters | None, *, moderator=None) -> QuerySet[ReviewItem]:
    """Review items matching ``filters`` (unordered; ``queue_order()`` orders them).

    Every filter is backed by an index. A policy or assistance-kind filter reads the item's
    ``QueueFacet`` rows, whose copy of the queue order then drives the order and the keyset
    (``ReviewItemQuerySet.queue_keys``): a page costs the same however rare the facet is.
    """
    filters = filters or QueueFilters()
    items = ReviewItem.objects.all()
    _label, statuses = STATUS_FILTERS[filters.status]
    if filters.status == "open":
        expired = timezone.now() - app_settings.CLAIM_EXPIRY
        items = items.filter(
            Q(status=ReviewStatus.OPEN) | Q(status=ReviewStatus.CLAIMED, claimed_at__lt=expired)
        )
        statuses = QUEUE_STATUSES  # so a facet filter reads its partial (in-queue) index
    elif filters.status == "appealed":
        items = items.filter(appealed_at__isnull=False, status__in=ACTIVE_STATUSES)
        statuses = ACTIVE_STATUSES
    elif statuses:
        items = items.filter(status__in=statuses)
    facets = []
    if filters.assistance:
        facets.append(assistance_facet(filters.assistance))
    if filters.policy:
        facets.append(policy_facet(filters.policy))
    if facets:
        items = items.with_facet(facets[0], statuses)
        for name in facets[1:]:
            items = items.has_facet(name)
    if filters.score_min is not None:
        items = items.filter(top_score__gte=filters.score_min)
    if filters.score_max is not None:
        items = items.filter(top_score__lte=filters.score_max)
    if filters.new_authors:
        items = items.filter(author_approved_posts__lt=app_settings.NEW_AUTHOR_APPROVED_POSTS)
    if filters.q:
        # ``search_text`` is lower-cased by the database; lowering the query there too keeps
        # both sides the same function (PostgreSQL: served by a trigram index, migration 0009).
        items = items.filter(search_text__contains=Lower(Value(filters.q)))
    return items


# --- keyset pagination ---------------------------------------------------------------------


def encode_cursor(item: ReviewItem) -> str:
    raw = json.dumps([item.priority, item.created_at.isoformat(), item.pk])
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> tuple[int, datetime, int] | None:
    """The position a cursor points after, or ``None`` for a missing or tampered cursor."""
    if not cursor:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        priority, created, pk = json.loads(raw)
        created_at = parse_datetime(created)
        if created_at is None:
            return None
        return int(priority), created_at, int(pk)
    except (ValueError, TypeError, binascii.Error, json.JSONDecodeError):
        return None


def _after(items: QuerySet[ReviewItem], position: tuple[int, datetime, int]) -> QuerySet:
    """Items after ``position`` in queue order. The leading ``priority <= p`` lets the
    database start its index range scan at the cursor instead of at the top."""
    priority, created_at, pk = position
    by_priority, by_created, by_pk = items.queue_keys()
    return items.filter(
        Q(**{f"{by_priority}__lte": priority})
        & (
            Q(**{f"{by_priority}__lt": priority})
            | Q(**{f"{by_created}__gt": created_at})
            | Q(**{by_created: created_at, f"{by_pk}__gt": pk})
        )
    )


def _before(items: QuerySet[ReviewItem], position: tuple[int, datetime, int]) -> QuerySet:
    """Items before ``position`` in queue order, the nearest first."""
    priority, created_at, pk = position
    by_priority, by_created, by_pk = items.queue_keys()
    return items.filter(
        Q(**{f"{by_priority}__gte": priority})
        & (
            Q(**{f"{by_priority}__gt": priority})
            | Q(**{f"{by_created}__lt": created_at})
            | Q(**{by_created: created_at, f"{by_pk}__lt": pk})
        )
    ).order_by(by_priority, f"-{by_created}", f"-{by_pk}")


@dataclass
class AuthorStats:
    account_age_days: int | None
    approved_posts: int
    is_new: bool


@dataclass
class QueueRow:
    item: ReviewItem
    author: AuthorStats
    disclosure_summary: str
    reasons: list[str]


@dataclass
class QueuePage:
    rows: list[QueueRow]
    next_cursor: str | None
    filters: QueueFilters

    @property
    def items(self) -> list[ReviewItem]:
        return [row.item for row in self.rows]


def queue(*, filters: QueueFilters, after: str | None = None, limit: int = 50) -> QueuePage:
    """One page of the queue, most urgent first: three queries however long the page is
    (items with posts, authors and disclosures; assistance kinds; authors' approved posts)."""
    items = filtered_items(filters).for_rows().queue_order()
    position = decode_cursor(after)
    if position:
        items = _after(items, position)
    fetched = list(items[: limit + 1])
    page, more = fetched[:limit], len(fetched) > limit
    stats = author_stats([item.author for item in page if item.author is not None])
    rows = []
    for item in page:
        disclosure = _disclosure_of(item.post)
        rows.append(QueueRow(
            item=item,
            author=stats.get(item.author_id, AuthorStats(None, 0, True)),
            disclosure_summary=disclosure_selectors.summarize(disclosure),
            reasons=[reason.get("name", "") for reason in item.reasons],
        ))
    return QueuePage(
        rows=rows, next_cursor=encode_cursor(page[-1]) if more and page else None,
        filters=filters,
    )


def _disclosure_of(post) -> Disclosure | None:
    try:
        return post.ai_disclosure
    except Disclosure.DoesNotExist:
        return None


def author_stats(authors: list) -> dict[int, AuthorStats]:
    """Account age and approved posts for each author, in one query for all of them.

    A post counts as approved when it has no review item that is open or went against it.
    """
    if not authors:
        return {}
    ids = {author.pk for author in authors}
    not_approved = ReviewItem.objects.filter(
        author_id__in=ids,
        status__in=[*ACTIVE_STATUSES, ReviewStatus.DELISTED, ReviewStatus.REJECTED],
    ).values("post_id")
    counts = dict(
        get_adapter().published_posts().filter(author_id__in=ids)
        .exclude(pk__in=not_approved)
        .values_list("author_id").annotate(n=Count("pk")).values_list("author_id", "n")
    )
    now = timezone.now()
    stats = {}
    for author in authors:
        joined = getattr(author, "date_joined", None)
        age = (now - joined).days if joined else None
        approved = counts.get(author.pk, 0)
        stats[author.pk] = AuthorStats(
            account_age_days=age,
            approved_posts=approved,
            is_new=approved < app_settings.NEW_AUTHOR_APPROVED_POSTS
            or (age is not None and age < app_settings.NEW_AUTHOR_DAYS),
        )
    return stats


def queue_filter_choices() -> dict:
    """The options of the queue's filter bar."""
    return {
        "statuses": [(key, label) for key, (label, _statuses) in STATUS_FILTERS.items()],
        "policies": list(Policy.objects.order_by("-priority", "name").values_list("pk", "name")),
        "assistance": list(disclosure_selectors.assistance_kinds().values_list("slug", "label")),
    }


def status_counts(*, cap: int | None = None) -> dict[str, int]:
    """How many items wait in each active status. With ``cap``, counting stops there (the
    queue shows "1000+"), so the header costs the same at 100,000 items as at 100."""
    counts = {}
    for status in ACTIVE_STATUSES:
        items = ReviewItem.objects.filter(status=status).values("pk")
        counts[status] = (items[: cap + 1] if cap else items).count()
    return counts


# --- one item ------------------------------------------------------------------------------


@dataclass
class RevisionView:
    number: int
    created_at: datetime
    changed_by: object
    changes: dict
    after_flag: bool


@dataclass
class ItemDetail:
    item: ReviewItem
    post: object
    title: str
    render: PostRender
    highlighted_html: str
    marks: int
    evidence: list[dict]
    scores: dict[str, float]
    disclosure: Disclosure | None
    disclosure_summary: str
    revisions: list[RevisionView]
    author: object
    author_stats: AuthorStats | None
    history: list[ReviewItem]
    escalated: bool
    audit: list[AuditEntry]
    messages: list[AuthorMessage]
    policies: list[dict]
    classifier_versions: dict[str, str]
    templates: list[ReasonTemplate] = field(default_factory=list)


def item_detail(item_id: int) -> ItemDetail:
    """Everything the item page shows. Raises ``ReviewItem.DoesNotExist``."""
    item = ReviewItem.objects.select_related(
        "post", "author", "claimed_by", "resolved_by", "excluded_moderator"
    ).get(pk=item_id)
    post = item.post
    render = disclosure_services.rendered_post(post)
    html, marks = highlight(render.html, item.evidence)
    screening = Screening.objects.filter(post=post).first()
    disclosure = disclosure_selectors.disclosure_for(post)
    revisions = []
    if disclosure is not None:
        revisions = [
            RevisionView(r.number, r.created_at, r.changed_by, r.changes,
                         after_flag=r.created_at > item.created_at)
            for r in disclosure.revisions.select_related("changed_by").order_by("number")
        ]
    evidence = [
        {**entry, "classifier": classifier}
        for classifier, entries in (item.evidence or {}).items()
        for entry in entries
    ]
    evidence.sort(key=lambda entry: -float(entry.get("weight") or 0))
    return ItemDetail(
        item=item,
        post=post,
        title=item.post_title or get_adapter().get_title(post),
        render=render,
        highlighted_html=html,
        marks=marks,
        evidence=evidence,
        scores=(screening.scores if screening else {}),
        disclosure=disclosure,
        disclosure_summary=disclosure_selectors.summarize(disclosure),
        revisions=revisions,
        author=item.author,
        author_stats=author_stats([item.author]).get(item.author_id) if item.author else None,
        history=author_history(item.author, exclude=item) if item.author else [],
        escalated=is_escalated(item.author),
        audit=list(item.audit_entries.select_related("actor").order_by("created_at", "id")),
        messages=list(item.messages.order_by("created_at", "id")),
        policies=item.reasons,
        classifier_versions=item.classifier_versions,
        templates=list(reason_templates()),
    )


def author_history(author, *, exclude: ReviewItem | None = None, limit: int = 20) -> list:
    """The author's other review items, newest first, with their outcomes."""
    items = ReviewItem.objects.filter(author=author).order_by("-created_at", "-id")
    if exclude is not None:
        items = items.exclude(pk=exclude.pk)
    return list(items.only("id", "post_id", "post_title", "status", "created_at", "resolved_at",
                           "reasons", "appealed_at", "priority", "author_id")[:limit])


def is_escalated(author) -> bool:
    """Whether the author's new posts are held for review."""
    if author is None or not app_settings.ESCALATION_DELISTS:
        return False
    return Escalation.objects.filter(author=author, active=True).exists()


def reason_templates(decision: str | None = None) -> QuerySet[ReasonTemplate]:
    """Active reason templates, for one decision (and those for any decision) or all."""
    templates = ReasonTemplate.objects.filter(active=True)
    if decision:
        templates = templates.filter(Q(decision=decision) | Q(decision=""))
    return templates


def neighbours(item: ReviewItem, filters: QueueFilters) -> tuple[int | None, int | None]:
    """The ids of the items before and after ``item`` in the (filtered) queue order."""
    items = filtered_items(filters)
    position = (item.priority, item.created_at, item.pk)
    after = _after(items, position).queue_order().values_list("pk", flat=True).first()
    before = _before(items, position).values_list("pk", flat=True).first()
    return before, after


# --- what authors see ----------------------------------------------------------------------

#: What an author is told about each status. Never scores, reasons or internal notes.
AUTHOR_STATES = {
    ReviewStatus.OPEN: _("Awaiting review"),
    ReviewStatus.CLAIMED: _("Being reviewed"),
    ReviewStatus.INFO_REQUESTED: _("More information requested"),
    ReviewStatus.APPROVED: _("Approved"),
    ReviewStatus.DELISTED: _("Delisted"),
    ReviewStatus.REJECTED: _("Removed"),
}


@dataclass(frozen=True)
class AuthorMessageView:
    from_author: bool
    kind: str
    body: str
    created_at: datetime


@dataclass(frozen=True)
class AuthorReviewState:
    """One of an author's posts as its author sees its review: only what they may know."""

    item_id: int
    post_id: int
    status: str
    label: str
    held: bool
    message: str
    messages: tuple[AuthorMessageView, ...]
    can_reply: bool
    can_appeal: bool
    appealed: bool


def author_review_states(*, author) -> dict[int, AuthorReviewState]:
    """The latest review of each of the author's posts that was reviewed, by post id."""
    latest = (
        ReviewItem.objects.filter(author=author).values("post_id")
        .annotate(last=Max("id")).values("last")
    )
    items = list(
        ReviewItem.objects.filter(pk__in=latest)
        .only("id", "post_id", "status", "held", "author_message", "appealed_at", "author_id")
    )
    messages = defaultdict(list)
    for message in AuthorMessage.objects.filter(item__in=items, author=author).order_by(
        "created_at", "id"
    ):
        messages[message.item_id].append(AuthorMessageView(
            message.from_author, message.kind, message.body, message.created_at))
    states = {}
    for item in items:
        states[item.post_id] = AuthorReviewState(
            item_id=item.pk,
            post_id=item.post_id,
            status=item.status,
            label=str(AUTHOR_STATES[item.status]),
            held=item.held and item.status in ACTIVE_STATUSES,
            message=item.author_message,
            messages=tuple(messages[item.pk]),
            can_reply=item.status == ReviewStatus.INFO_REQUESTED,
            can_appeal=item.status in APPEALABLE_STATUSES and item.appealed_at is None,
            appealed=item.appealed_at is not None,
        )
    return states


# --- dashboard -----------------------------------------------------------------------------

UPHELD = (ReviewStatus.DELISTED, ReviewStatus.REJECTED)


@dataclass
class PolicyStats:
    pk: int
    name: str
    enabled: bool
    flagged: int
    decided: int
    upheld: int

    @property
    def precision(self) -> float | None:
        return self.upheld / self.decided if self.decided else None


@dataclass
class Dashboard:
    days: int
    since: datetime
    counts: dict[str, int]
    decided: int
    screened: int
    flags_per_day: dict[str, dict]  # policy name -> {date: n}
    dates: list
    histogram: dict[str, list[int]]  # "approved" / "upheld" -> 10 bins
    policies: list[PolicyStats]
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
        flags[name][day] = n
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
        PolicyStats(p.pk, p.name, p.enabled, p.flagged, p.decided, p.upheld)
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
        appeals_open=ReviewItem.objects.filter(
            appealed_at__isnull=False, status__in=ACTIVE_STATUSES).count(),
        escalated_authors=Escalation.objects.filter(active=True).count(),
    )


