"""Celery tasks: they take ids, look rows up, call one service, and are safe to repeat.

Every enqueue of the app lives here (``enqueue_screening``).
"""

from __future__ import annotations

import logging

from celery import shared_task
from django.db import InterfaceError, OperationalError
from kombu.exceptions import OperationalError as BrokerError

from . import services
from .app_settings import app_settings

logger = logging.getLogger(__name__)


@shared_task(
    name="moderation.screen_post",
    acks_late=True,  # idempotent, so a task lost with its worker is redelivered and re-run
    reject_on_worker_lost=True,
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=True,
    retry_backoff_max=300,
    max_retries=8,
)
def screen_post(post_id: int) -> None:
    """Screen one post (see ``services.screen_post``)."""
    services.screen_post(post_id=post_id)


@shared_task(name="moderation.sweep_unscreened", acks_late=True)
def sweep_unscreened() -> int:
    """Re-enqueue posts whose screening is missing or stale, e.g. after a broker outage."""
    post_ids = services.stale_post_ids(limit=app_settings.SWEEP_BATCH_SIZE)
    for post_id in post_ids:
        enqueue_screening(post_id, backfill=True)
    if post_ids:
        logger.info("Sweeper re-enqueued %d posts.", len(post_ids))
    return len(post_ids)


def enqueue_screening(post_id: int, *, backfill: bool = False) -> bool:
    """Queue a post for screening. If the broker is down, log it and return False:
    the periodic sweeper finds unscreened posts, so the author's request never fails."""
    queue = app_settings.BACKFILL_QUEUE if backfill else app_settings.SCREENING_QUEUE
    try:
        screen_post.apply_async((post_id,), queue=queue)
    except BrokerError:
        logger.warning("Broker unavailable; post %s will be screened by the sweeper.", post_id)
        return False
    return True
