"""Webhook events into the outbox, and the signature receivers check.

An event is written as one ``WebhookDelivery`` row per subscribed endpoint, in the transaction
of the change it reports: a rolled-back change leaves no row, so nothing is sent. Once the
transaction commits, ``signals.webhooks_queued`` lets ``tasks`` enqueue the deliveries; the
periodic sweep sends whatever the broker lost. Delivery itself is in ``services.webhooks``.

Payloads carry ids, the status, the decision, the time, the content's type, id and URL: never notes,
messages, evidence or names.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable
from functools import partial

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from ai_disclosure import content_types
from ai_disclosure.models import Content

from . import signals
from .links import absolute_url
from .models import AuditAction, WebhookDelivery, WebhookEndpoint, WebhookEvent

#: The review-item event each audited action sends (releases and escalations send none).
ITEM_EVENTS = {
    AuditAction.CREATED: WebhookEvent.ITEM_FLAGGED,
    AuditAction.CLAIMED: WebhookEvent.ITEM_CLAIMED,
    AuditAction.RESOLVED: WebhookEvent.ITEM_DECIDED,
    AuditAction.UNDONE: WebhookEvent.ITEM_REOPENED,
    AuditAction.REOPENED: WebhookEvent.ITEM_REOPENED,
    AuditAction.AUTHOR_REPLIED: WebhookEvent.ITEM_REOPENED,
    AuditAction.APPEALED: WebhookEvent.ITEM_APPEALED,
}

SUBSCRIPTIONS_CACHE_KEY = "moderation:webhook-subscriptions"
SUBSCRIPTIONS_TIMEOUT = 60

SIGNATURE_HEADER = "X-AI-Moderation-Signature"
TIMESTAMP_HEADER = "X-AI-Moderation-Timestamp"


def sign(secret: str, timestamp: str, body: bytes) -> str:
    """The signature header's value: ``sha256=`` and the hex HMAC-SHA256 of
    ``timestamp`` + ``"."`` + the raw body, keyed with the endpoint's secret.
    """
    message = timestamp.encode() + b"." + body
    return "sha256=" + hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def record_item_event(item, *, action: str, decision: str = "") -> list[WebhookDelivery]:
    """Queue the webhook event of an audited ``action`` on a review item, if it has one.

    Called inside the transaction of the change (``workflow.transition``).
    """
    return record_item_events([item], action=action, decision=decision)


def record_item_events(items, *, action: str, decision: str = "") -> list[WebhookDelivery]:
    """Queue the event of ``action`` on each of ``items`` (screening flags a batch at once):
    one read of the endpoints and one insert for them all, in the caller's transaction.
    """
    event = ITEM_EVENTS.get(action)
    if event is None or not items:
        return []
    return record_event(event, lambda: [{
        "item_id": item.pk,
        **content_fields(item.content),
        "status": item.status,
        "decision": decision or None,
        "action": str(action),
        "held": item.held,
    } for item in items])


def record_disclosure_revision(revision) -> list[WebhookDelivery]:
    """Queue ``disclosure.changed`` for a new revision, in the disclosure's transaction."""
    disclosure = revision.disclosure
    return record_event(WebhookEvent.DISCLOSURE_CHANGED, lambda: [{
        "disclosure_id": disclosure.pk,
        **content_fields(disclosure.content),
        "revision": revision.number,
        "changed_fields": sorted(revision.changes),
    }])


def record_event(event: str, build: Callable[[], list[dict]]) -> list[WebhookDelivery]:
    """Write one outbox row per payload ``build()`` returns and active endpoint subscribed to
    ``event``; enqueue on commit. No query unless some endpoint wants ``event``.
    """
    if event not in subscribed_events():
        return []
    endpoints = [e for e in WebhookEndpoint.objects.filter(active=True) if event in e.events]
    if not endpoints:
        return []
    now = timezone.now()
    payloads = [{**data, "occurred_at": now.isoformat()} for data in build()]
    deliveries = WebhookDelivery.objects.bulk_create([
        WebhookDelivery(endpoint=endpoint, event=event, payload=data, created_at=now,
                        next_attempt_at=now)
        for data in payloads for endpoint in endpoints
    ])
    # bulk_create sets primary keys on PostgreSQL and SQLite; the sweep covers the rest.
    ids = [d.pk for d in deliveries if d.pk is not None]
    transaction.on_commit(partial(signals.webhooks_queued.send, sender=WebhookDelivery,
                                  delivery_ids=ids))
    return deliveries


def subscribed_events() -> frozenset[str]:
    """The event types some active endpoint wants, cached for ``SUBSCRIPTIONS_TIMEOUT``.

    Dropped on every endpoint change (``forget_subscriptions``); with a per-process cache,
    another process may miss a new subscription for up to a minute, never send to a removed one.
    """
    found = cache.get(SUBSCRIPTIONS_CACHE_KEY)
    if found is None:
        found = frozenset(
            event for events in WebhookEndpoint.objects.filter(active=True)
            .values_list("events", flat=True) for event in events
        )
        cache.set(SUBSCRIPTIONS_CACHE_KEY, found, SUBSCRIPTIONS_TIMEOUT)
    return found


def forget_subscriptions(**kwargs) -> None:
    """Drop the cached subscriptions (a receiver of endpoint saves and deletes)."""
    cache.delete(SUBSCRIPTIONS_CACHE_KEY)


def content_url(content: Content) -> str | None:
    """The absolute URL of the content's host object (``links.absolute_url`` of its
    adapter's ``get_url``), if it has one.
    """
    obj = content.obj
    path = content_types.adapter_for(obj).get_url(obj) if obj is not None else ""
    return absolute_url(path) if path else None


def content_fields(content: Content) -> dict:
    """What a payload says about the content: its type, its id in that type and its URL."""
    return {"type": content.kind, "object_id": content.object_id, "url": content_url(content)}
