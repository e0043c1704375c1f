"""Policies (versioned CEL rules), per-post screening results, and review items."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models.functions import Concat, Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ai_disclosure.app_settings import app_settings as disclosure_settings


class PolicyAction(models.TextChoices):
    """What a policy does to a post it matches."""

    FLAG = "flag", _("Flag for review")
    HOLD = "hold", _("Hold: hidden until approved")
    LABEL = "label", _("Label only (no review item)")


class Policy(models.Model):
    """A moderator-editable rule: a CEL expression over a post's screening context.

    Edited in the admin; every change bumps ``version`` and appends a ``PolicyVersion``
    (``services.save_policy``), so a review item can say which rule, as it was then, fired.
    """

    name = models.CharField(_("name"), max_length=120, unique=True)
    expression = models.TextField(
        _("expression"),
        help_text=_("A CEL expression over disclosure.*, content.*, author.*, scores.*, post.*; "
                    "see the documentation of the policy context."),
    )
    action = models.CharField(
        _("action"), max_length=8, choices=PolicyAction.choices, default=PolicyAction.FLAG
    )
    priority = models.PositiveSmallIntegerField(
        _("priority"), default=50, validators=[MaxValueValidator(100)],
        help_text=_("0–100; the queue shows higher priorities first."),
    )
    reason = models.CharField(
        _("reason shown to moderators"), max_length=300,
    )
    enabled = models.BooleanField(_("enabled"), default=False)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-priority", "name"]
        verbose_name = _("policy")
        verbose_name_plural = _("policies")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(priority__lte=100), name="moderation_policy_priority_range"
            )
        ]

    def __str__(self) -> str:
        return self.name


class PolicyVersion(models.Model):
    """An append-only snapshot of a policy, written on every change."""

    policy = models.ForeignKey(Policy, on_delete=models.CASCADE, related_name="versions")
    version = models.PositiveIntegerField(_("version"))
    expression = models.TextField(_("expression"))
    action = models.CharField(_("action"), max_length=8, choices=PolicyAction.choices)
    priority = models.PositiveSmallIntegerField(_("priority"))
    reason = models.CharField(_("reason"), max_length=300)
    enabled = models.BooleanField(_("enabled"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["policy", "-version"]
        verbose_name = _("policy version")
        verbose_name_plural = _("policy versions")
        constraints = [
            models.UniqueConstraint(
                fields=["policy", "version"], name="moderation_policy_version_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.policy} v{self.version}"


class Screening(models.Model):
    """The latest screening of a post: classifier scores, evidence and the policy context.

    ``key`` identifies the inputs (content hash, disclosure revision, classifier and policy
    versions): screening the same inputs again is a no-op, which makes the task idempotent.
    The stored ``context`` is what policies saw, so a draft policy can be backtested over
    recent posts without re-running the classifiers.
    """

    post = models.OneToOneField(
        disclosure_settings.POST_MODEL, on_delete=models.CASCADE, related_name="ai_screening"
    )
    key = models.CharField(_("idempotency key"), max_length=64)
    content_hash = models.CharField(_("content hash"), max_length=64)
    scores = models.JSONField(_("scores"), default=dict)
    evidence = models.JSONField(_("evidence"), default=dict)
    context = models.JSONField(_("policy context"), default=dict)
    classifier_versions = models.JSONField(_("classifier versions"), default=dict)
    policy_versions = models.JSONField(_("policy versions"), default=dict)
    matched = models.JSONField(_("matched policies"), default=list)
    screened_at = models.DateTimeField(_("screened"), auto_now=True)

    class Meta:
        verbose_name = _("screening")
        verbose_name_plural = _("screenings")
        indexes = [models.Index(fields=["-screened_at"], name="moderation_screened_idx")]

    def __str__(self) -> str:
        return str(_("Screening of %(post)s") % {"post": self.post})


class ReviewStatus(models.TextChoices):
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


class ReviewItemQuerySet(models.QuerySet):
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
        return self.filter(models.Exists(
            QueueFacet.objects.filter(item_id=models.OuterRef("pk"), name=name)
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
        page's query)."""
        return self.select_related(
            "post", "author", "claimed_by", "post__ai_disclosure"
        ).prefetch_related("post__ai_disclosure__assistance").defer(
            "evidence", "classifier_versions", "decision_note", "author_message",
            "appeal_message", "search_text",
        )


class ReviewItem(models.Model):
    """A post waiting for (or decided by) a moderator, with the reasons it was flagged.

    Status changes go through ``services`` only (check the transition, save, write the audit
    entry, then send the signal); ``TRANSITIONS`` lists the allowed ones.
    """

    post = models.ForeignKey(
        disclosure_settings.POST_MODEL, on_delete=models.CASCADE, related_name="ai_review_items"
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
                fields=["post"],
                condition=models.Q(status__in=ACTIVE_STATUSES),
                name="moderation_one_active_item_per_post",
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
        return str(_("Review of %(post)s") % {"post": self.post_title or self.post_id})

    def can_become(self, status: str) -> bool:
        """Whether the state machine allows moving from the current status to ``status``."""
        return status in TRANSITIONS.get(self.status, frozenset())

    def claim_expires_at(self):
        from .app_settings import app_settings

        if self.status != ReviewStatus.CLAIMED or not self.claimed_at:
            return None
        return self.claimed_at + app_settings.CLAIM_EXPIRY

    def is_claimed_by_other(self, user, *, now=None) -> bool:
        """Another moderator holds an unexpired claim on this item."""
        expires = self.claim_expires_at()
        return bool(
            expires and expires > (now or timezone.now()) and self.claimed_by_id != user.pk
        )


def policy_facet(policy_id: int) -> str:
    """The facet of items a policy flagged."""
    return f"policy:{policy_id}"


def assistance_facet(slug: str) -> str:
    """The facet of items whose post's disclosure declares a kind of AI assistance."""
    return f"assistance:{slug}"


class QueueFacet(models.Model):
    """Something the queue filters by of which an item has several (the policies that fired,
    the kinds of AI assistance the disclosure declares), with a copy of the item's status and
    queue order.

    Those facts live in other tables; filtering by them walked the queue checking each item,
    which took ~100 ms at 100,000 items for a rare kind. Here a filtered page is one index range
    scan in queue order. Written only by ``services`` together with the item (created,
    re-screened, status changed); migration 0008 filled it for existing items.
    """

    item = models.ForeignKey(
        ReviewItem, on_delete=models.CASCADE, related_name="facets", db_index=False,
        verbose_name=_("review item"),
    )
    name = models.CharField(_("facet"), max_length=64)
    status = models.CharField(_("status"), max_length=16, choices=ReviewStatus.choices)
    priority = models.PositiveSmallIntegerField(_("priority"))
    created_at = models.DateTimeField(_("created"))

    class Meta:
        verbose_name = _("queue facet")
        verbose_name_plural = _("queue facets")
        constraints = [
            # Also the index for "this item's facets" (the foreign key needs no other).
            models.UniqueConstraint(fields=["item", "name"], name="moderation_facet_unique"),
        ]
        indexes = [
            models.Index(
                fields=["name", "-priority", "created_at", "item"],
                condition=models.Q(status__in=QUEUE_STATUSES),
                name="moderation_facet_queue_idx",
            ),
            models.Index(
                fields=["name", "status", "-priority", "created_at", "item"],
                name="moderation_facet_status_idx",
            ),
            models.Index(
                fields=["name", "-priority", "created_at", "item"], name="moderation_facet_all_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} #{self.item_id}"


class AuditAction(models.TextChoices):
    CREATED = "created", _("Flagged")
    CLAIMED = "claimed", _("Claimed")
    RELEASED = "released", _("Released")
    RESOLVED = "resolved", _("Decided")
    UNDONE = "undone", _("Decision undone")
    REOPENED = "reopened", _("Reopened")
    AUTHOR_REPLIED = "author_replied", _("Author replied")
    APPEALED = "appealed", _("Appealed")
    ESCALATED = "escalated", _("Author escalated")


class AuditEntry(models.Model):
    """One line of the append-only audit log: who did what to which item, and when.

    Written only through ``services.log_action()``; never updated or deleted by the app.
    """

    item = models.ForeignKey(
        ReviewItem, on_delete=models.CASCADE, related_name="audit_entries",
        verbose_name=_("review item"),
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("actor"),
    )
    action = models.CharField(_("action"), max_length=16, choices=AuditAction.choices)
    from_status = models.CharField(
        _("from"), max_length=16, choices=ReviewStatus.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=16, choices=ReviewStatus.choices, blank=True)
    decision = models.CharField(_("decision"), max_length=16, choices=Decision.choices, blank=True)
    note = models.TextField(_("note"), blank=True)
    data = models.JSONField(_("details"), default=dict, blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["item", "created_at", "id"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        indexes = [
            models.Index(fields=["item", "created_at"], name="moderation_audit_item_idx"),
            models.Index(fields=["action", "created_at"], name="moderation_audit_action_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()} #{self.item_id}"

    def save(self, *args, **kwargs) -> None:
        # The log is history: entries are only ever created (services.log_action).
        if not self._state.adding:
            raise ValueError("Audit entries are append-only.")
        super().save(*args, **kwargs)


class ReasonTemplate(models.Model):
    """A reusable explanation moderators pick when deciding; edited in the admin."""

    title = models.CharField(_("title"), max_length=120)
    decision = models.CharField(
        _("for decision"), max_length=16, choices=Decision.choices, blank=True,
        help_text=_("Offered with this decision only; blank offers it with every decision."),
    )
    message = models.TextField(
        _("message to the author"),
        help_text=_("Shown to the author with the decision. Never include scores."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["position", "title"]
        verbose_name = _("reason template")
        verbose_name_plural = _("reason templates")

    def __str__(self) -> str:
        return self.title


class MessageKind(models.TextChoices):
    DECISION = "decision", _("Decision")
    REQUEST = "request", _("Request for information")
    REPLY = "reply", _("Reply")
    APPEAL = "appeal", _("Appeal")


class AuthorMessage(models.Model):
    """A message between moderators and a post's author about one review item.

    Moderators' messages are what the author may see; internal notes live on the item.
    """

    item = models.ForeignKey(
        ReviewItem, on_delete=models.CASCADE, related_name="messages",
        verbose_name=_("review item"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ai_moderation_messages",
        verbose_name=_("post author"),
    )
    from_author = models.BooleanField(_("written by the author"), default=False)
    kind = models.CharField(_("kind"), max_length=10, choices=MessageKind.choices)
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(_("sent"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("message to or from an author")
        verbose_name_plural = _("messages to and from authors")
        indexes = [models.Index(fields=["author", "-created_at"], name="moderation_msg_author_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.item_id}"


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
