"""Celery tasks: they take ids, look rows up, call one service, and are safe to repeat.

Every enqueue of the app lives here: ``screen_on_commit`` for content (posts, comments…)
saved in a transaction, ``enqueue_screening`` for lists of content ids (the sweeper,
``screen_posts``),
``enqueue_author_email`` for moderators' messages, ``enqueue_webhook_delivery`` for
webhook deliveries.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from smtplib import SMTPException

from celery import shared_task
from django.db import InterfaceError, OperationalError, transaction
from kombu.exceptions import OperationalError as BrokerError

from . import services
from .app_settings import app_settings
from .models import DeliveryState
from .services import language_model

logger = logging.getLogger(__name__)


@shared_task(
    name="moderation.screen_contents",
    acks_late=True,  # idempotent, so a task lost with its worker is redelivered and re-run
    reject_on_worker_lost=True,
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=True,
    retry_backoff_max=300,
    max_retries=8,
)
def screen_contents(content_ids: list[int]) -> None:
    """Screen these content rows (see ``services.screen_contents``), then ask for the hints
    they lack.
    """
    services.screen_contents(content_ids=content_ids)
    # -- language-model hint (optional): scored on its own queue, then screened again --
    if app_settings.LANGUAGE_MODEL_ENABLED:
        for content_id in content_ids:
            if language_model.needs_scoring(content_id):
                enqueue_language_model(content_id)


@shared_task(
    name="moderation.score_language_model",
    acks_late=True,  # idempotent: a text already scored is skipped
    reject_on_worker_lost=True,
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=True,
    max_retries=3,
    # A backstop only: the per-post budget (LANGUAGE_MODEL_SECONDS) stops scoring earlier.
    time_limit=600,
)
def score_language_model(content_id: int) -> None:
    """Score one content with the local language model (see ``services.language_model``)."""
    language_model.score_content(content_id=content_id)


@shared_task(name="moderation.sweep_unscreened", acks_late=True)
def sweep_unscreened() -> int:
    """Re-enqueue content whose screening is missing or stale, e.g. after a broker outage."""
    content_ids = services.contents_to_screen(limit=app_settings.SWEEP_BATCH_SIZE)
    enqueue_screening(content_ids, backfill=True)
    if content_ids:
        logger.info("Sweeper re-enqueued %d posts, comments or other content.",
                    len(content_ids))
    return len(content_ids)


def enqueue_screening(content_ids: Sequence[int], *, backfill: bool = False) -> int:
    """Queue content rows for screening, ``SCREENING_BATCH_SIZE`` per task; returns how many were
    queued. If the broker is down, log it and stop: the periodic sweeper finds unscreened
    posts, so the author's request never fails.
    """
    queue = app_settings.BACKFILL_QUEUE if backfill else app_settings.SCREENING_QUEUE
    size = app_settings.SCREENING_BATCH_SIZE
    for start in range(0, len(content_ids), size):
        batch = list(content_ids[start : start + size])
        try:
            screen_contents.apply_async((batch,), queue=queue)
        except BrokerError:
            logger.warning("Broker unavailable; %d posts will be screened by the sweeper.",
                           len(content_ids) - start)
            return start
    return len(content_ids)


class _ContentToScreen:
    """Queues the content a transaction asked to screen, once it commits. Every request in
    one transaction registers one of these, all sharing one set of content ids: the first to
    run queues them all, in one task, and the others find the set empty.
    """

    def __init__(self, content_ids: set[int]) -> None:
        self.content_ids = content_ids

    def __call__(self) -> None:
        content_ids = sorted(self.content_ids)
        self.content_ids.clear()
        if content_ids:
            enqueue_screening(content_ids)


def screen_on_commit(content_id: int) -> None:
    """Queue the content row (a post, a comment…) for screening once the current transaction
    commits (at once outside a transaction). However often this is called in one
    transaction (the post saved, its disclosure revised), each is screened once: all in one
    task, after the commit.
    """
    connection = transaction.get_connection()
    shared = {content_id}
    # The set of a request registered earlier in this transaction, if any, found among the
    # transaction's pending callbacks (Django's ``run_on_commit``). One registered in a
    # savepoint that rolled back is gone from that list, and with it the posts saved there; a
    # post added to an older set inside such a savepoint is screened anyway, harmlessly.
    for _savepoints, callback, _robust in connection.run_on_commit:
        if isinstance(callback, _ContentToScreen):
            shared = callback.content_ids
            shared.add(content_id)
            break
    transaction.on_commit(_ContentToScreen(shared))


@shared_task(
    name="moderation.send_author_email",
    acks_late=True,  # idempotent: a message already emailed is not sent again
    reject_on_worker_lost=True,
    autoretry_for=(SMTPException, OSError, OperationalError, InterfaceError),
    retry_backoff=True,
    retry_backoff_max=600,
    max_retries=10,
)
def send_author_email(message_id: int) -> bool:
    """Email a moderator's message to the post's author (see ``services.send_author_email``)."""
    return services.send_author_email(message_id=message_id)


def enqueue_author_email(message_id: int) -> bool:
    """Queue the email of a moderator's message (call after commit), unless
    ``AI_MODERATION_EMAIL_AUTHORS`` is off. If the broker is down, log it and return False:
    the message is stored and shown to the author on the site all the same.
    """
    if not app_settings.EMAIL_AUTHORS:
        return False
    return _send(send_author_email, message_id, queue=app_settings.EMAIL_QUEUE,
                 unsent=f"message {message_id} was not emailed")


@shared_task(
    name="moderation.deliver_webhook",
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=True,
    max_retries=8,
)
def deliver_webhook(delivery_id: int) -> None:
    """Make one attempt at a webhook delivery; after a failure, queue the next attempt for
    when its backoff ends (see ``services.deliver_webhook``).
    """
    delivery = services.deliver_webhook(delivery_id=delivery_id)
    if delivery is not None and delivery.state == DeliveryState.PENDING:
        enqueue_webhook_delivery(delivery.pk, eta=delivery.next_attempt_at)


@shared_task(name="moderation.sweep_webhooks", acks_late=True)
def sweep_webhooks() -> int:
    """Re-enqueue due webhook deliveries, e.g. those written while the broker was down."""
    delivery_ids = services.due_webhook_delivery_ids(limit=app_settings.SWEEP_BATCH_SIZE)
    for delivery_id in delivery_ids:
        enqueue_webhook_delivery(delivery_id)
    if delivery_ids:
        logger.info("Webhook sweeper re-enqueued %d deliveries.", len(delivery_ids))
    return len(delivery_ids)


def enqueue_webhook_delivery(delivery_id: int, *, eta=None) -> bool:
    """Queue a webhook delivery (at ``eta``, if given). If the broker is down, log it and
    return False: the outbox row stays pending and the periodic sweep queues it again.
    """
    return _send(deliver_webhook, delivery_id, eta=eta,
                 unsent=f"webhook delivery {delivery_id} waits for the sweeper")


@shared_task(
    name="moderation.send_cosignature_invitation",
    autoretry_for=(SMTPException, OSError, OperationalError, InterfaceError),
    retry_backoff=True,
    retry_backoff_max=600,
    max_retries=10,
)
def send_cosignature_invitation(cosignature_id: int) -> bool:
    """Email a co-signing invitation to the reviewer the author named (``services``)."""
    return services.send_cosignature_invitation(cosignature_id=cosignature_id)


def enqueue_cosignature_invitation(cosignature_id: int) -> bool:
    """Queue the email of a co-signing invitation (call after commit), unless
    ``AI_MODERATION_EMAIL_AUTHORS`` is off; the invitation waits on the reviewer's page anyway.
    """
    if not app_settings.EMAIL_AUTHORS:
        return False
    return _send(send_cosignature_invitation, cosignature_id, queue=app_settings.EMAIL_QUEUE,
                 unsent=f"co-signing invitation {cosignature_id} was not emailed")


def enqueue_language_model(content_id: int) -> bool:
    """Queue content for the language-model hint on its own queue; a broker outage only
    loses the hint (the next screening of it asks again).
    """
    return _send(score_language_model, content_id, queue=app_settings.LANGUAGE_MODEL_QUEUE,
                 unsent=f"content {content_id} gets no language-model hint now")


def _send(task, *args, unsent: str, **options) -> bool:
    """Queue ``task(*args)``; when the broker is down, log what that leaves ``unsent`` and
    return False instead of failing the caller's request.
    """
    try:
        task.apply_async(args, **options)
    except BrokerError:
        logger.warning("Broker unavailable; %s.", unsent)
        return False
    return True
