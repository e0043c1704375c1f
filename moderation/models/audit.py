"""The append-only audit log of everything that happens to a review item."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .review import Decision, ReviewItem, ReviewStatus


class AuditAction(models.TextChoices):
    """What happened to a review item, as the audit log records it."""

    CREATED = "created", _("Flagged")
    CLAIMED = "claimed", _("Claimed")
    RELEASED = "released", _("Released")
    RESOLVED = "resolved", _("Decided")
    UNDONE = "undone", _("Decision undone")
    REOPENED = "reopened", _("Reopened")
    AUTHOR_REPLIED = "author_replied", _("Author replied")
    APPEALED = "appealed", _("Appealed")
    ESCALATED = "escalated", _("Author escalated")


class AuditEntryManager(models.Manager):
    """The only way audit entries are written (``log_action``)."""

    def log_action(
        self,
        *,
        item: ReviewItem,
        actor,
        action: str,
        from_status: str = "",
        to_status: str = "",
        decision: str = "",
        note: str = "",
        data: dict | None = None,
        at=None,
    ) -> AuditEntry:
        """Append one entry to the audit log; the only writer of ``AuditEntry``.

        ``actor`` is the user who acted (``None`` or anonymous for the system); ``at`` backdates
        the entry (the demo seeder writes history) and defaults to now.
        """
        return self.create(
            item=item,
            actor=actor if actor is not None and actor.is_authenticated else None,
            action=action,
            from_status=from_status,
            to_status=to_status,
            decision=decision,
            note=note,
            data=data or {},
            created_at=at or timezone.now(),
        )


class AuditEntry(models.Model):
    """One line of the append-only audit log: who did what to which item, and when.

    Written only through ``AuditEntry.objects.log_action()``; never updated or deleted by the
    app. ``data["self_review"]`` marks a moderator acting on their own post (allowed only with
    ``AI_MODERATION_ALLOW_SELF_REVIEW``).
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

    objects = AuditEntryManager()

    class Meta:
        ordering = ["item", "created_at", "id"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        indexes = [
            models.Index(fields=["item", "created_at"], name="moderation_audit_item_idx"),
            models.Index(fields=["action", "created_at"], name="moderation_audit_action_idx"),
            # The moderators' audit log page: newest first, all entries or one moderator's.
            models.Index(fields=["-created_at", "-id"], name="moderation_audit_recent_idx"),
            models.Index(fields=["actor", "-created_at", "-id"], name="moderation_audit_actor_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()} #{self.item_id}"

    def save(self, *args, **kwargs) -> None:
        """Create the entry; refuse to rewrite one, since the log is append-only."""
        # The log is history: entries are only ever created (AuditEntry.objects.log_action).
        if not self._state.adding:
            raise ValueError("Audit entries are append-only.")
        super().save(*args, **kwargs)

    @property
    def self_review(self) -> bool:
        """A moderator acted on an item about their own post."""
        return bool(self.data.get("self_review"))
