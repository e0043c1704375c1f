"""Policies (versioned CEL rules), per-post screening results, and review items."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
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


class ReviewItem(models.Model):
    """A post waiting for (or decided by) a moderator, with the reasons it was flagged."""

    post = models.ForeignKey(
        disclosure_settings.POST_MODEL, on_delete=models.CASCADE, related_name="ai_review_items"
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
    evidence = models.JSONField(_("evidence"), default=dict)
    classifier_versions = models.JSONField(_("classifier versions"), default=dict)
    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("claimed by"),
    )
    claimed_at = models.DateTimeField(_("claimed"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-priority", "created_at"]
        verbose_name = _("review item")
        verbose_name_plural = _("review items")
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
        ]
        indexes = [
            models.Index(fields=["status", "-priority", "created_at"], name="moderation_queue_idx"),
        ]

    def __str__(self) -> str:
        return str(_("Review of %(post)s") % {"post": self.post})
