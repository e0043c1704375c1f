"""Policies: moderator-editable CEL rules, and their append-only versions."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ai_disclosure.i18n import shipped_text


class PolicyAction(models.TextChoices):
    """What a policy does to a post it matches."""

    FLAG = "flag", _("Flag for review")
    HOLD = "hold", _("Hold: hidden until approved")
    LABEL = "label", _("Label only (no review item)")


class PolicyMode(models.TextChoices):
    """Whether a policy's matches open review items, or are only recorded to be compared."""

    ACTIVE = "active", _("Active: matches are reviewed")
    SHADOW = "shadow", _("Shadow: matches are only recorded")


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
    mode = models.CharField(
        _("mode"), max_length=8, choices=PolicyMode.choices, default=PolicyMode.ACTIVE,
        help_text=_("A shadow policy runs on every screening and records what it would have "
                    "flagged, without creating or changing review items; the dashboard "
                    "compares its matches with moderators' decisions."),
    )
    target_precision = models.FloatField(
        _("target precision"), null=True, blank=True,
        validators=[MinValueValidator(0.0), MaxValueValidator(1.0)],
        help_text=_("Optional, 0–1: the dashboard warns when the share of the policy's most "
                    "recent decided items that moderators upheld falls below it."),
    )
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-priority", "name"]
        verbose_name = _("policy")
        verbose_name_plural = _("policies")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(priority__lte=100), name="moderation_policy_priority_range"
            ),
            models.CheckConstraint(
                condition=models.Q(target_precision__isnull=True)
                | (models.Q(target_precision__gte=0) & models.Q(target_precision__lte=1)),
                name="moderation_policy_target_precision_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def shown_name(self) -> str:
        """The name in the reader's language while it is the shipped one (see ``i18n``)."""
        return shipped_text(self.name)


class PolicyVersion(models.Model):
    """An append-only snapshot of a policy, written on every change."""

    policy = models.ForeignKey(Policy, on_delete=models.CASCADE, related_name="versions")
    version = models.PositiveIntegerField(_("version"))
    expression = models.TextField(_("expression"))
    action = models.CharField(_("action"), max_length=8, choices=PolicyAction.choices)
    priority = models.PositiveSmallIntegerField(_("priority"))
    reason = models.CharField(_("reason"), max_length=300)
    enabled = models.BooleanField(_("enabled"))
    mode = models.CharField(
        _("mode"), max_length=8, choices=PolicyMode.choices, default=PolicyMode.ACTIVE
    )
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
