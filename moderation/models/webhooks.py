"""Webhooks: endpoints an admin configures, the outbox of events to send them, each attempt."""

from __future__ import annotations

import secrets
import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class WebhookEvent(models.TextChoices):
    """The events an endpoint can subscribe to."""

    ITEM_FLAGGED = "item.flagged", _("Item flagged")
    ITEM_CLAIMED = "item.claimed", _("Item claimed")
    ITEM_DECIDED = "item.decided", _("Item decided")
    ITEM_REOPENED = "item.reopened", _("Item reopened")
    ITEM_APPEALED = "item.appealed", _("Item appealed")
    DISCLOSURE_CHANGED = "disclosure.changed", _("Disclosure changed")


def all_events() -> list[str]:
    """Every event type: a new endpoint's default subscription."""
    return list(WebhookEvent.values)


def new_secret() -> str:
    """A random secret for a new endpoint."""
    return secrets.token_urlsafe(32)


class WebhookEndpoint(models.Model):
    """A URL that receives signed JSON events; disabled by itself after repeated failures."""

    name = models.CharField(_("name"), max_length=100)
    url = models.URLField(_("URL"), max_length=500)
    secret = models.CharField(
        _("secret"), max_length=200, default=new_secret,
        help_text=_("Shared with the receiver, which checks each request's signature with it."),
    )
    events = models.JSONField(
        _("events"), default=all_events,
        help_text=_("The event types sent to this endpoint."),
    )
    active = models.BooleanField(_("active"), default=True)
    consecutive_failures = models.PositiveIntegerField(
        _("failed deliveries in a row"), default=0,
        help_text=_("Deliveries that failed all their attempts since the last success."),
    )
    disabled_reason = models.TextField(
        _("why it was disabled"), blank=True,
        help_text=_("Set when the endpoint was disabled automatically; cleared on re-enabling."),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("webhook endpoint")
        verbose_name_plural = _("webhook endpoints")

    def __str__(self) -> str:
        return self.name


class DeliveryState(models.TextChoices):
    """Where a delivery stands: waiting for an attempt, delivered, or out of attempts."""

    PENDING = "pending", _("Pending")
    DELIVERED = "delivered", _("Delivered")
    FAILED = "failed", _("Failed")


class WebhookDelivery(models.Model):
    """The outbox: one event for one endpoint, written in the transaction of the change."""

    endpoint = models.ForeignKey(
        WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries",
        verbose_name=_("endpoint"),
    )
    event_id = models.UUIDField(
        _("event id"), default=uuid.uuid4, editable=False,
        help_text=_("Sent with the event; the same on every attempt, so receivers can "
                    "ignore repeats."),
    )
    event = models.CharField(_("event"), max_length=32, choices=WebhookEvent.choices)
    payload = models.JSONField(_("payload"))
    state = models.CharField(
        _("state"), max_length=16, choices=DeliveryState.choices,
        default=DeliveryState.PENDING,
    )
    attempts = models.PositiveSmallIntegerField(
        _("attempts"), default=0, help_text=_("Attempts since it was queued or replayed."),
    )
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        indexes = [
            # The sweeper's and the worker's question: which pending deliveries are due?
            models.Index(
                fields=["next_attempt_at"], condition=models.Q(state="pending"),
                name="moderation_webhook_due_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event} → {self.endpoint}"


class WebhookAttempt(models.Model):
    """One HTTP request of a delivery: what the receiver answered, or why it failed."""

    delivery = models.ForeignKey(
        WebhookDelivery, on_delete=models.CASCADE, related_name="attempt_log",
        verbose_name=_("delivery"),
    )
    attempted_at = models.DateTimeField(_("attempted"), default=timezone.now)
    status_code = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    duration_ms = models.PositiveIntegerField(_("duration (ms)"), default=0)

    class Meta:
        ordering = ["attempted_at", "id"]
        verbose_name = _("webhook attempt")
        verbose_name_plural = _("webhook attempts")

    def __str__(self) -> str:
        return f"{self.status_code or self.error[:40]}"

    @property
    def succeeded(self) -> bool:
        """Whether the receiver answered 2xx."""
        return self.status_code is not None and 200 <= self.status_code < 300
