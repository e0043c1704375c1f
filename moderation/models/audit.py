"""The append-only audit log of everything that happens to a review item."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .review import Decision, ReviewItem, ReviewStatus


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
