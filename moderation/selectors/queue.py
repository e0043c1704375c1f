"""Reads for the queue page: filters, keyset pages, status counts, neighbours."""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q, QuerySet, Value
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

from ai_disclosure import content_types
from ai_disclosure import selectors as disclosure_selectors
from ai_disclosure.i18n import shipped_text

from ..app_settings import app_settings
from ..models import (
    ACTIVE_STATUSES,
    QUEUE_STATUSES,
    Policy,
    ReviewItem,
    ReviewStatus,
    assistance_facet,
    claimable_by,
    kind_facet,
    policy_facet,
)
from .authors import UNKNOWN_AUTHOR, AuthorStats, author_stats

#: The status filter's choices: "active" (open or claimed) is the queue's default view.


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
    #: A registered content type's slug (``post``, ``comment``…); "" for every type.
    type: str = ""
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
            type=(data.get("type") or "").strip()[:40],
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
            "type": self.type,
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
    facets = _facets(filters)
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


def _facets(filters: QueueFilters) -> list[str]:
    """The queue facets the filters select (type, assistance kind, policy)."""
    return [name for wanted, name in (
        (filters.type, kind_facet(filters.type)),
        (filters.assistance, assistance_facet(filters.assistance)),
        (filters.policy, policy_facet(filters.policy) if filters.policy else ""),
    ) if wanted]


# --- keyset pagination ---------------------------------------------------------------------


def encode_cursor(item: ReviewItem) -> str:
    """An opaque cursor for the position after ``item`` in the queue order."""
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
    database start its index range scan at the cursor instead of at the top.
    """
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
class QueueRow:
    """One queue row: the item with its content type, author, disclosure summary and
    reasons.
    """

    item: ReviewItem
    author: AuthorStats
    disclosure_summary: str
    reasons: list[str]
    kind_label: str = ""


@dataclass
class QueuePage:
    """One page of the queue, the cursor for the next, and the filters that made it."""

    rows: list[QueueRow]
    next_cursor: str | None
    filters: QueueFilters

    @property
    def items(self) -> list[ReviewItem]:
        """The page's review items, without their row context."""
        return [row.item for row in self.rows]


def queue(*, filters: QueueFilters, after: str | None = None, limit: int = 50) -> QueuePage:
    """One page of the queue, most urgent first: three queries however long the page is
    (items with their content rows, authors and disclosures; assistance kinds; authors'
    history), whatever the content types on it.
    """
    items = filtered_items(filters).for_rows().queue_order()
    position = decode_cursor(after)
    if position:
        items = _after(items, position)
    fetched = list(items[: limit + 1])
    page, more = fetched[:limit], len(fetched) > limit
    stats = author_stats([item.author for item in page if item.author is not None])
    labels = dict(content_types.choices())
    rows = []
    for item in page:
        disclosure = disclosure_selectors.disclosure_of(item.content)
        rows.append(QueueRow(
            item=item,
            author=stats.get(item.author_id, UNKNOWN_AUTHOR),
            disclosure_summary=disclosure_selectors.summarize(disclosure),
            reasons=[shipped_text(reason.get("name", "")) for reason in item.reasons],
            kind_label=labels.get(item.content.kind, item.content.kind),
        ))
    return QueuePage(
        rows=rows, next_cursor=encode_cursor(page[-1]) if more and page else None,
        filters=filters,
    )


def queue_filter_choices() -> dict:
    """The options of the queue's filter bar."""
    return {
        "statuses": [(key, label) for key, (label, _statuses) in STATUS_FILTERS.items()],
        "types": content_types.choices(),
        "policies": [(pk, shipped_text(name)) for pk, name in
                     Policy.objects.order_by("-priority", "name").values_list("pk", "name")],
        "assistance": list(disclosure_selectors.assistance_kinds().values_list("slug", "label")),
    }


def status_counts(*, cap: int | None = None) -> dict[str, int]:
    """How many items wait in each active status. With ``cap``, counting stops there (the
    queue shows "1000+"), so the header costs the same at 100,000 items as at 100.
    """
    counts = {}
    for status in ACTIVE_STATUSES:
        items = ReviewItem.objects.filter(status=status).values("pk")
        counts[status] = (items[: cap + 1] if cap else items).count()
    return counts


def reviewable_by(moderator, filters: QueueFilters | None = None) -> QuerySet[ReviewItem]:
    """Items in this view of the queue that ``moderator`` could take now (unordered): not
    held by anyone (them included), not an appeal of their own decision, not their own post
    unless ``AI_MODERATION_ALLOW_SELF_REVIEW``.
    """
    items = (
        filtered_items(filters, moderator=moderator)
        .filter(claimable_by(moderator))
        .exclude(status=ReviewStatus.CLAIMED, claimed_by=moderator)
    )
    return items if app_settings.ALLOW_SELF_REVIEW else items.exclude(author=moderator)


def neighbours(item: ReviewItem, filters: QueueFilters) -> tuple[int | None, int | None]:
    """The ids of the items before and after ``item`` in the (filtered) queue order."""
    items = filtered_items(filters)
    position = (item.priority, item.created_at, item.pk)
    after = _after(items, position).queue_order().values_list("pk", flat=True).first()
    before = _before(items, position).values_list("pk", flat=True).first()
    return before, after
