"""Webhook delivery: one signed attempt at a time, with backoff, a log, replay and auto-disable.

An endpoint counts its deliveries that failed every attempt since the last one that succeeded;
at ``WEBHOOK_DISABLE_AFTER_FAILURES`` it is disabled. (Counting single attempts would disable
it after a short outage during a burst of events.) Its pending deliveries then wait, unsent,
until an admin enables it again.

A delivery is claimed before its request is sent: in a short transaction its next attempt is
pushed past the request's timeout (a lease), so a second worker or the sweep finds it not due
and never sends it twice; the request then runs outside any transaction, and its outcome is
recorded in a second one. Events are written to the outbox by ``moderation.webhooks``.
"""

from __future__ import annotations

import http.client
import json
import time
import urllib.error
import urllib.request
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import signals
from ..app_settings import app_settings
from ..models import DeliveryState, WebhookAttempt, WebhookDelivery, WebhookEndpoint
from ..webhooks import SIGNATURE_HEADER, TIMESTAMP_HEADER, forget_subscriptions, sign

#: Extra time a claimed delivery stays reserved beyond the request's timeout.
LEASE_MARGIN = timedelta(seconds=30)


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is a failed delivery: the signed body goes only to the configured URL."""

    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirects)


def backoff(attempts: int) -> timedelta:
    """The wait after the ``attempts``-th failed attempt: base × 2^(attempts−1), capped."""
    seconds = app_settings.WEBHOOK_BACKOFF_SECONDS * 2 ** max(attempts - 1, 0)
    return timedelta(seconds=min(seconds, app_settings.WEBHOOK_BACKOFF_MAX_SECONDS))


def due_webhook_delivery_ids(*, now: datetime | None = None, limit: int = 500) -> list[int]:
    """Pending deliveries to active endpoints whose next attempt is due, oldest first."""
    return list(
        WebhookDelivery.objects.filter(
            state=DeliveryState.PENDING, next_attempt_at__lte=now or timezone.now(),
            endpoint__active=True,
        ).order_by("next_attempt_at", "id").values_list("pk", flat=True)[:limit]
    )


def deliver_webhook(*, delivery_id: int, now: datetime | None = None) -> WebhookDelivery | None:
    """Make one attempt at a due delivery and record it; None if it is not due (delivered,
    failed, claimed by another worker, not yet due, or its endpoint is disabled).

    ``now`` is the time due dates are compared with and backoffs counted from (tests advance
    it to drive retries); the attempt log records the real time.
    """
    now = now or timezone.now()
    delivery = _claim(delivery_id, now)
    if delivery is None:
        return None
    body = json.dumps(
        {"id": str(delivery.event_id), "type": delivery.event,
         "created_at": delivery.created_at.isoformat(), "data": delivery.payload},
        separators=(",", ":"), sort_keys=True,
    ).encode()
    started = time.monotonic()
    status_code, error = _post(delivery.endpoint, delivery, body)
    duration_ms = round((time.monotonic() - started) * 1000)
    _record(delivery, status_code, error, duration_ms, now)
    return delivery


@transaction.atomic
def _claim(delivery_id: int, now: datetime) -> WebhookDelivery | None:
    delivery = (
        WebhookDelivery.objects.select_for_update(skip_locked=True, of=("self",))
        .select_related("endpoint")
        .filter(pk=delivery_id, state=DeliveryState.PENDING, next_attempt_at__lte=now,
                endpoint__active=True)
        .first()
    )
    if delivery is None:
        return None
    lease = timedelta(seconds=app_settings.WEBHOOK_TIMEOUT_SECONDS) + LEASE_MARGIN
    delivery.attempts += 1
    delivery.next_attempt_at = now + lease
    delivery.save(update_fields=["attempts", "next_attempt_at"])
    return delivery


def _post(endpoint: WebhookEndpoint, delivery: WebhookDelivery,
          body: bytes) -> tuple[int | None, str]:
    """Send the request; the HTTP status (None if there was no answer) and an error text."""
    timestamp = str(int(time.time()))
    request = urllib.request.Request(endpoint.url, data=body, method="POST", headers={
        "Content-Type": "application/json",
        "User-Agent": "django-ai-disclosure-webhooks",
        "X-AI-Moderation-Event": delivery.event,
        "X-AI-Moderation-Delivery": str(delivery.event_id),
        TIMESTAMP_HEADER: timestamp,
        SIGNATURE_HEADER: sign(endpoint.secret, timestamp, body),
    })
    try:
        with _opener.open(request, timeout=app_settings.WEBHOOK_TIMEOUT_SECONDS) as response:
            return response.status, ""
    except urllib.error.HTTPError as error:
        error.close()
        return error.code, f"HTTP {error.code} {error.reason}"
    except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as error:
        return None, str(getattr(error, "reason", error))[:500]


@transaction.atomic
def _record(delivery: WebhookDelivery, status_code: int | None, error: str,
            duration_ms: int, now: datetime) -> None:
    WebhookAttempt.objects.create(delivery=delivery, status_code=status_code, error=error,
                                  duration_ms=duration_ms)
    endpoints = WebhookEndpoint.objects.filter(pk=delivery.endpoint_id)
    if status_code is not None and 200 <= status_code < 300:
        delivery.state = DeliveryState.DELIVERED
        delivery.delivered_at = timezone.now()
        endpoints.update(consecutive_failures=0)
    elif delivery.attempts < app_settings.WEBHOOK_MAX_ATTEMPTS:
        delivery.next_attempt_at = now + backoff(delivery.attempts)
    else:
        delivery.state = DeliveryState.FAILED
        endpoints.update(consecutive_failures=F("consecutive_failures") + 1)
        _disable_if_failing(delivery.endpoint_id, error)
    delivery.save(update_fields=["state", "delivered_at", "next_attempt_at"])


def _disable_if_failing(endpoint_id: int, error: str) -> None:
    limit = app_settings.WEBHOOK_DISABLE_AFTER_FAILURES
    if not limit:
        return
    reason = _("Disabled automatically after %(count)d deliveries in a row failed all their "
               "attempts (WEBHOOK_DISABLE_AFTER_FAILURES); the last error: %(error)s") % {
        "count": limit, "error": error,
    }
    if WebhookEndpoint.objects.filter(
        pk=endpoint_id, active=True, consecutive_failures__gte=limit
    ).update(active=False, disabled_reason=reason):
        forget_subscriptions()


def replay_webhooks(*, deliveries) -> list[int]:
    """Queue failed deliveries again, each with its full number of attempts; their ids.

    The receiver gets the same event id as before. Enqueued once the transaction commits;
    those to a disabled endpoint wait until it is enabled again.
    """
    with transaction.atomic():
        ids = list(
            WebhookDelivery.objects.select_for_update()
            .filter(pk__in=deliveries.values("pk"), state=DeliveryState.FAILED)
            .values_list("pk", flat=True)
        )
        WebhookDelivery.objects.filter(pk__in=ids).update(
            state=DeliveryState.PENDING, attempts=0, next_attempt_at=timezone.now()
        )
        transaction.on_commit(lambda: signals.webhooks_queued.send(
            sender=WebhookDelivery, delivery_ids=ids))
    return ids


def enable_webhook_endpoint(*, endpoint: WebhookEndpoint) -> None:
    """Turn an endpoint on again: its failure count and disabled reason are cleared, and its
    pending deliveries are sent by the next sweep.
    """
    endpoint.active = True
    endpoint.consecutive_failures = 0
    endpoint.disabled_reason = ""
    endpoint.save(update_fields=["active", "consecutive_failures", "disabled_reason"])
