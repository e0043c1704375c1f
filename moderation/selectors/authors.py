"""Reads about authors: history, approved posts and account age, their review states."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ai_disclosure.adapter import get_adapter

from ..app_settings import app_settings
from ..models import (
    ACTIVE_STATUSES,
    APPEALABLE_STATUSES,
    AuthorMessage,
    Escalation,
    ReviewItem,
    ReviewStatus,
)

#: The status filter's choices: "active" (open or claimed) is the queue's default view.


@dataclass
class AuthorStats:
    account_age_days: int | None
    approved_posts: int
    is_new: bool


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


def author_history(author, *, exclude: ReviewItem | None = None, limit: int = 20) -> list:
    """The author's other review items, newest first, with their outcomes."""
    items = ReviewItem.objects.filter(author=author).order_by("-created_at", "-id")
    if exclude is not None:
        items = items.exclude(pk=exclude.pk)
    return list(items.only("id", "post_id", "post_title", "status", "created_at", "resolved_at",
                           "reasons", "appealed_at", "priority", "author_id")[:limit])


def is_delisted(post) -> bool:
    """Whether moderators' latest decision on ``post`` delisted it: for AI use its disclosure
    did not declare (what a delist means here), so readers must not see "Human-written"."""
    latest = (
        ReviewItem.objects.filter(post=post).order_by("-created_at", "-id")
        .values_list("status", flat=True).first()
    )
    return latest == ReviewStatus.DELISTED


def is_escalated(author) -> bool:
    """Whether the author's new posts are held for review."""
    if author is None or not app_settings.ESCALATION_DELISTS:
        return False
    return Escalation.objects.filter(author=author, active=True).exists()


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
