"""Review items, their states and transitions, escalated authors."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models.functions import Concat, Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ai_disclosure.models import Content

from ..app_settings import app_settings
from .policies import Policy


class ReviewStatus(models.TextChoices):
    """Where a review item is in the workflow."""

    OPEN = "open", _("Open")
    CLAIMED = "claimed", _("Claimed")
    APPROVED = "approved", _("Approved")
    DELISTED = "delisted", _("Delisted")
    REJECTED = "rejected", _("Rejected")
    INFO_REQUESTED = "info_requested", _("Information requested")


#: Statuses in which an item still needs a moderator; a post has at most one such item.
ACTIVE_STATUSES = (ReviewStatus.OPEN, ReviewStatus.CLAIMED, ReviewStatus.INFO_REQUESTED)


#: The statuses the queue shows by default (``info_requested`` waits for the author).
QUEUE_STATUSES = (ReviewStatus.OPEN, ReviewStatus.CLAIMED)


#: Final decisions; an author may appeal a delist or a reject once.
DECIDED_STATUSES = (ReviewStatus.APPROVED, ReviewStatus.DELISTED, ReviewStatus.REJECTED)


APPEALABLE_STATUSES = (ReviewStatus.DELISTED, ReviewStatus.REJECTED)


class Decision(models.TextChoices):
    """What a moderator decides about an item, and the status each decision leads to."""

    APPROVE = "approve", _("Approve")
    DELIST = "delist", _("Delist")
    REJECT = "reject", _("Reject")
    REQUEST_INFO = "request_info", _("Request information")

    @property
    def status(self) -> str:
        """The item status this decision leads to."""
        return {
            "approve": ReviewStatus.APPROVED,
            "delist": ReviewStatus.DELISTED,
            "reject": ReviewStatus.REJECTED,
            "request_info": ReviewStatus.INFO_REQUESTED,
        }[self.value]


#: The state machine: which status may follow which. Services check every change against it.
#: Undo (back to ``claimed``) and appeal (back to ``open``) are listed here too.
TRANSITIONS: dict[str, frozenset[str]] = {
    ReviewStatus.OPEN: frozenset({
        ReviewStatus.CLAIMED, ReviewStatus.APPROVED, ReviewStatus.DELISTED,
        ReviewStatus.REJECTED, ReviewStatus.INFO_REQUESTED,
    }),
    ReviewStatus.CLAIMED: frozenset({
        ReviewStatus.OPEN, ReviewStatus.CLAIMED, ReviewStatus.APPROVED, ReviewStatus.DELISTED,
        ReviewStatus.REJECTED, ReviewStatus.INFO_REQUESTED,
    }),
    ReviewStatus.INFO_REQUESTED: frozenset({
        ReviewStatus.OPEN, ReviewStatus.CLAIMED, ReviewStatus.APPROVED,
        ReviewStatus.DELISTED, ReviewStatus.REJECTED,
    }),
    ReviewStatus.APPROVED: frozenset({ReviewStatus.CLAIMED}),
    ReviewStatus.DELISTED: frozenset({ReviewStatus.CLAIMED, ReviewStatus.OPEN}),
    ReviewStatus.REJECTED: frozenset({ReviewStatus.CLAIMED, ReviewStatus.OPEN}),
}


def claimable_by(moderator, now=None) -> models.Q:
    """Items ``moderator`` may claim now: open, theirs already, or with an expired claim, and
    not an appeal against their own decision; for their own posts see ``ALLOW_SELF_REVIEW``.
    """
    expired = (now or timezone.now()) - app_settings.CLAIM_EXPIRY
    return (
        models.Q(status=ReviewStatus.OPEN)
        | models.Q(status=ReviewStatus.CLAIMED, claimed_by=moderator)
        | models.Q(status=ReviewStatus.CLAIMED, claimed_at__lt=expired)
    ) & (models.Q(excluded_moderator__isnull=True) | ~models.Q(excluded_moderator=moderator))


class ReviewItemQuerySet(models.QuerySet):
    """Queue reads on review items: what is in the queue, facet filters and the order keys."""

    def in_queue(self) -> ReviewItemQuerySet:
        """Items a moderator should look at: open or claimed (claims may have expired)."""
        return self.filter(status__in=QUEUE_STATUSES)

    def with_facet(self, name: str, statuses=None) -> ReviewItemQuerySet:
        """Items with the facet ``name`` (see ``QueueFacet``), in one of ``statuses`` if given.

        The queue order is then read from the facet's copy of the order columns, so that
        PostgreSQL reads one range of the facet's index in queue order and stops after a page,
        however rare the facet is. Apply at most one per queryset (test further facets with
        ``has_facet``).
        """
        conditions = {"facets__name": name}
        if statuses:
            conditions["facets__status__in"] = list(statuses)
        return self.filter(**conditions).alias(
            queue_priority=models.F("facets__priority"),
            queue_created_at=models.F("facets__created_at"),
            queue_id=models.F("facets__item_id"),
        )

    def has_facet(self, name: str) -> ReviewItemQuerySet:
        """Items with the facet ``name``, checked per item (no change to the order)."""
        facets = self.model.facets.field.model  # QueueFacet, defined with the facets
        return self.filter(models.Exists(
            facets.objects.filter(item_id=models.OuterRef("pk"), name=name)
        ))

    def queue_keys(self) -> tuple[str, str, str]:
        """The names to order and page by: the item's own columns, or a facet's copies."""
        if "queue_priority" in self.query.annotations:
            return "queue_priority", "queue_created_at", "queue_id"
        return "priority", "created_at", "id"

    def queue_order(self) -> ReviewItemQuerySet:
        """Priority first, then the oldest; ``id`` makes the order total (keyset paging)."""
        priority, created_at, pk = self.queue_keys()
        return self.order_by(f"-{priority}", created_at, pk)

    def for_rows(self) -> ReviewItemQuerySet:
        """Everything a queue row shows, in a fixed number of queries (and not the evidence
        and notes it does not show: decoding 50 rows of evidence JSON costs more than the
        page's query).
        """
        return self.select_related(
            "content", "author", "claimed_by", "content__disclosure"
        ).prefetch_related("content__disclosure__assistance").defer(
            "evidence", "classifier_versions", "decision_note", "author_message",
            "appeal_message", "search_text",
        )


class ReviewItem(models.Model):
    """A post waiting for (or decided by) a moderator, with the reasons it was flagged.

    Every status change goes through ``moderation.workflow.transition()`` (check it against
    ``TRANSITIONS``, save, update the queue facets, write the audit entry, then signal).
    """

    content = models.ForeignKey(
        Content, on_delete=models.CASCADE, related_name="review_items",
        verbose_name=_("content"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("author"),
        help_text=_("The post's author, copied so the queue can filter and search by author."),
    )
    post_title = models.CharField(
        _("post title"), max_length=300, blank=True,
        help_text=_("Copied from the post when it is screened, for searching the queue."),
    )
    author_name = models.CharField(
        _("author's name"), max_length=150, blank=True,
        help_text=_("Copied from the author when the post is screened, for searching the queue."),
    )
    # What the queue's search box matches, in one column so one trigram index (PostgreSQL)
    # serves it; computed by the database, so it always agrees with the two copies above.
    search_text = models.GeneratedField(
        expression=Lower(Concat("post_title", models.Value(" "), "author_name")),
        output_field=models.TextField(),
        db_persist=True,
        verbose_name=_("search text"),
    )
    author_approved_posts = models.PositiveIntegerField(
        _("author's approved posts when flagged"), default=0,
    )
    # What the moderator sees: screening keeps these current while the item waits, so a
    # decided item tells whether the post changed since the decision.
    content_hash = models.CharField(
        _("content hash"), max_length=64, blank=True,
        help_text=_("Hash of the post's body as last screened for this item."),
    )
    disclosure_revision = models.PositiveIntegerField(
        _("disclosure revision"), default=0,
        help_text=_("Revisions of the post's disclosure when it was last screened for this item."),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=ReviewStatus.choices, default=ReviewStatus.OPEN
    )
    priority = models.PositiveSmallIntegerField(_("priority"), default=0)
    top_score = models.FloatField(_("top score"), default=0.0)
    held = models.BooleanField(_("held"), default=False)
    reasons = models.JSONField(
        _("reasons"), default=list,
        help_text=_("Policies that fired: name, version, action, priority, reason."),
    )
    policies = models.ManyToManyField(
        Policy, blank=True, related_name="review_items", verbose_name=_("policies that fired"),
    )
    evidence = models.JSONField(_("evidence"), default=dict)
    classifier_versions = models.JSONField(_("classifier versions"), default=dict)
    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("claimed by"),
    )
    claimed_at = models.DateTimeField(_("claimed"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("decided by"),
    )
    resolved_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decision_note = models.TextField(
        _("internal note"), blank=True,
        help_text=_("For moderators only; never shown to the author."),
    )
    author_message = models.TextField(
        _("message to the author"), blank=True,
        help_text=_("What the author sees with the decision or the request for information."),
    )
    appeal_message = models.TextField(_("appeal"), blank=True)
    appealed_at = models.DateTimeField(_("appealed"), null=True, blank=True)
    excluded_moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("excluded moderator"),
        help_text=_("After an appeal, the moderator who made the first decision may not decide "
                    "again."),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ReviewItemQuerySet.as_manager()

    class Meta:
        ordering = ["-priority", "created_at", "id"]
        verbose_name = _("review item")
        verbose_name_plural = _("review items")
        permissions = [("moderate", _("Can triage the review queue"))]
        constraints = [
            models.UniqueConstraint(
                fields=["content"],
                condition=models.Q(status__in=ACTIVE_STATUSES),
                name="moderation_one_active_item_per_content",
            ),
            models.CheckConstraint(
                condition=models.Q(top_score__gte=0) & models.Q(top_score__lte=1),
                name="moderation_item_top_score_range",
            ),
            models.CheckConstraint(
                condition=~models.Q(status=ReviewStatus.CLAIMED)
                | (models.Q(claimed_by__isnull=False) & models.Q(claimed_at__isnull=False)),
                name="moderation_item_claim_has_holder",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "-priority", "created_at"], name="moderation_queue_idx"),
            # The default queue (open + claimed) in its sort order: an ordered index scan
            # with LIMIT, however many items were decided.
            models.Index(
                fields=["-priority", "created_at", "id"],
                condition=models.Q(status__in=QUEUE_STATUSES),
                name="moderation_active_queue_idx",
            ),
            # "All statuses" and per-status views in the same order.
            models.Index(fields=["-priority", "created_at", "id"], name="moderation_all_order_idx"),
            # Appeals waiting for a moderator, in queue order (rare among 100,000 items).
            models.Index(
                fields=["-priority", "created_at", "id"],
                condition=models.Q(appealed_at__isnull=False),
                name="moderation_appealed_queue_idx",
            ),
            # Search: a trigram GIN index on ``search_text``, PostgreSQL only, is created by
            # migration 0009 (``django.contrib.postgres`` is not required by this app).
            # Policies and assistance kinds: ``QueueFacet``.
            models.Index(fields=["top_score"], name="moderation_item_score_idx"),
            models.Index(fields=["author_approved_posts"], name="moderation_item_newauthor_idx"),
            models.Index(fields=["author", "status"], name="moderation_item_author_idx"),
            models.Index(fields=["resolved_at"], name="moderation_item_resolved_idx"),
            models.Index(fields=["created_at"], name="moderation_item_created_idx"),
        ]

    def __str__(self) -> str:
        return str(_("Review of %(post)s") % {"post": self.post_title or self.content_id})

    def can_become(self, status: str) -> bool:
        """Whether the state machine allows moving from the current status to ``status``."""
        return status in TRANSITIONS.get(self.status, frozenset())

    def claim_expires_at(self):
        """When the current claim lapses (``None`` when the item is not claimed)."""
        if self.status != ReviewStatus.CLAIMED or not self.claimed_at:
            return None
        return self.claimed_at + app_settings.CLAIM_EXPIRY

    def is_claimed_by_other(self, user, *, now=None) -> bool:
        """Another moderator holds an unexpired claim on this item."""
        expires = self.claim_expires_at()
        return bool(
            expires and expires > (now or timezone.now()) and self.claimed_by_id != user.pk
        )


class Escalation(models.Model):
    """An author whose posts were delisted repeatedly: their new posts are held for review."""

    author = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ai_escalation",
        verbose_name=_("author"),
    )
    active = models.BooleanField(_("active"), default=True)
    delists = models.PositiveIntegerField(_("delisted posts when escalated"))
    created_at = models.DateTimeField(_("escalated"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("escalated author")
        verbose_name_plural = _("escalated authors")

    def __str__(self) -> str:
        return str(self.author)
