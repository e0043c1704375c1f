"""Reads about authors: history, approved posts and account age, their review states."""

from __future__ import annotations

import operator
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from functools import reduce

from django.contrib.auth import get_user_model
from django.db.models import Exists, Expression, IntegerField, Max, OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ai_disclosure import content_types
from ai_disclosure import selectors as disclosure_selectors
from ai_disclosure.models import DisclosureRevision

from ..app_settings import app_settings
from ..models import (
    ACTIVE_STATUSES,
    APPEALABLE_STATUSES,
    AuthorEmailPreferences,
    AuthorMessage,
    Escalation,
    ReviewItem,
    ReviewStatus,
)

#: Review outcomes that keep a post from counting as approved: still waiting for a moderator,
#: or decided against it.
NOT_APPROVED_STATUSES = (*ACTIVE_STATUSES, ReviewStatus.DELISTED, ReviewStatus.REJECTED)


@dataclass(frozen=True)
class AuthorStats:
    """An author's history as moderators and policies see it (``author.*`` in policies)."""

    account_age_days: int
    approved_posts: int
    prior_flags: int = 0
    delisted_posts: int = 0
    published_posts: int = 0
    disclosure_changes_after_flag: int = 0

    @property
    def is_new(self) -> bool:
        """Few approved posts, or a young account: the queue marks such authors as new."""
        return (self.approved_posts < app_settings.NEW_AUTHOR_APPROVED_POSTS
                or self.account_age_days < app_settings.NEW_AUTHOR_DAYS)

    def as_context(self) -> dict[str, int]:
        """The ``author`` map of the policy context (``policies/context.py``)."""
        return {"account_age_days": self.account_age_days, "approved_posts": self.approved_posts,
                "prior_flags": self.prior_flags, "delisted_posts": self.delisted_posts,
                "disclosure_changes_after_flag": self.disclosure_changes_after_flag}


#: What an item whose author account is gone shows: no history at all.
UNKNOWN_AUTHOR = AuthorStats(account_age_days=0, approved_posts=0)


def account_age_days(author) -> int:
    """Whole days since the author joined. A user model without ``date_joined`` gives 0: an
    account of unknown age counts as new, in the queue and in policies alike.
    """
    joined = getattr(author, "date_joined", None)
    return (timezone.now() - joined).days if joined else 0


class SubqueryCount(Subquery):
    """The number of rows of a (correlated) queryset, as a column of the enclosing query."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) _counted)"
    output_field = IntegerField()

    def __init__(self, queryset, **extra) -> None:
        super().__init__(queryset.order_by(), **extra)  # counting needs no order


def history_columns(author: Expression, *, other_than: tuple | None = None) -> dict:
    """The columns from which ``stats_from_row`` builds an author's history, as subqueries
    for the enclosing query; ``author`` refers to the author's id there (``OuterRef``).

    The single definition of the history, counted across every registered content type: the
    queue annotates authors with it, screening annotates the objects it screens
    (``other_than``: ``(model, reference to the object's id)``, the object itself left out).
    Approved content is the author's published content with no review item waiting or
    decided against it.

    Disclosure changes after a flag are the author's own revisions of a disclosure saved after
    a review item was opened on that content (an item on the author's own content). A
    correction before any moderator looked costs nothing; one after a flag is shown on the
    item page and counted here.
    """
    published, approved = [], []
    items = ReviewItem.objects.filter(author=author)
    revisions = DisclosureRevision.objects.filter(changed_by=author)
    for registered in content_types.registry().values():
        kind = registered.kind
        objs = registered.adapter.published_by(author)
        if other_than is not None and other_than[0] is registered.model:
            objs = objs.exclude(pk=other_than[1])
            items = items.exclude(content__kind=kind, content__object_id=other_than[1])
            revisions = revisions.exclude(disclosure__content__kind=kind,
                                          disclosure__content__object_id=other_than[1])
        against = ReviewItem.objects.filter(
            content__kind=kind, content__object_id=OuterRef("pk"),
            status__in=NOT_APPROVED_STATUSES,
        )
        published.append(SubqueryCount(objs.values("pk")))
        approved.append(SubqueryCount(objs.exclude(Exists(against)).values("pk")))
    # An item on the same content, about the revision's author (so on their own content).
    flagged_before = ReviewItem.objects.filter(
        content=OuterRef("disclosure__content"), author=OuterRef("changed_by"),
        created_at__lt=OuterRef("created_at"),
    )
    return {
        "history_published": reduce(operator.add, published),
        "history_approved": reduce(operator.add, approved),
        "history_flags": SubqueryCount(items.values("pk")),
        "history_delisted": SubqueryCount(items.filter(status=ReviewStatus.DELISTED).values("pk")),
        "history_changes_after_flag": SubqueryCount(
            revisions.filter(Exists(flagged_before)).values("pk")
        ),
    }


def stats_from_row(author, row) -> AuthorStats:
    """An author's history from a row annotated with ``history_columns``."""
    return AuthorStats(
        account_age_days=account_age_days(author),
        approved_posts=row.history_approved,
        prior_flags=row.history_flags,
        delisted_posts=row.history_delisted,
        published_posts=row.history_published,
        disclosure_changes_after_flag=row.history_changes_after_flag,
    )


def author_stats(authors: list) -> dict[int, AuthorStats]:
    """The history of each author, in one query for all of them."""
    if not authors:
        return {}
    by_id = {author.pk: author for author in authors}
    rows = (
        get_user_model()._default_manager.filter(pk__in=by_id)
        .annotate(**history_columns(OuterRef("pk"))).only("pk")
    )
    return {row.pk: stats_from_row(by_id[row.pk], row) for row in rows}


def author_history(author, *, exclude: ReviewItem | None = None, limit: int = 20) -> list:
    """The author's other review items, newest first, with their outcomes."""
    items = ReviewItem.objects.filter(author=author).order_by("-created_at", "-id")
    if exclude is not None:
        items = items.exclude(pk=exclude.pk)
    return list(items.select_related("content")
                 .only("id", "content__kind", "post_title", "status", "created_at",
                       "resolved_at", "reasons", "appealed_at", "priority", "author_id")[:limit])


def is_delisted(obj) -> bool:
    """Whether moderators' latest decision on ``obj`` (a host object of a registered type)
    delisted it: for AI use its disclosure did not declare (what a delist means here), so
    readers must not see "Human-written".
    """
    content = disclosure_selectors.content_of(obj)
    if content is None:
        return False
    latest = (
        ReviewItem.objects.filter(content=content).order_by("-created_at", "-id")
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
    """A message on an author's page, with which side sent it."""

    from_author: bool
    kind: str
    body: str
    created_at: datetime


@dataclass(frozen=True)
class AuthorReviewState:
    """One of an author's posts (comments…) as its author sees its review: only what they
    may know. ``kind`` and ``object_id`` name the host object.
    """

    item_id: int
    kind: str
    object_id: int
    status: str
    label: str
    held: bool
    message: str
    messages: tuple[AuthorMessageView, ...]
    can_reply: bool
    can_appeal: bool
    appealed: bool


def author_review_states(*, author) -> dict[tuple[str, int], AuthorReviewState]:
    """The latest review of each of the author's reviewed objects of any registered type, by
    ``(kind, object id)``.
    """
    latest = (
        ReviewItem.objects.filter(author=author).values("content_id")
        .annotate(last=Max("id")).values("last")
    )
    items = list(
        ReviewItem.objects.filter(pk__in=latest).select_related("content")
        .only("id", "content__kind", "content__object_id", "status", "held", "author_message",
              "appealed_at", "author_id")
    )
    messages = defaultdict(list)
    for message in AuthorMessage.objects.filter(item__in=items, author=author).order_by(
        "created_at", "id"
    ):
        messages[message.item_id].append(AuthorMessageView(
            message.from_author, message.kind, message.body, message.created_at))
    states = {}
    for item in items:
        states[item.content.kind, item.content.object_id] = AuthorReviewState(
            item_id=item.pk,
            kind=item.content.kind,
            object_id=item.content.object_id,
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


def email_preferences(user) -> AuthorEmailPreferences:
    """Which moderation emails ``user`` wants: their stored choice, else (unsaved) all."""
    return (AuthorEmailPreferences.objects.filter(user=user).first()
            or AuthorEmailPreferences(user=user))
