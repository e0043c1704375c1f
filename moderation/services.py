"""Writes: storing screenings and review items, saving policies, enqueueing screening."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Model
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerError

from ai_disclosure.adapter import get_adapter, get_post_model

from . import screening, signals
from .adapter import get_moderation_adapter
from .app_settings import app_settings
from .models import ACTIVE_STATUSES, Policy, PolicyAction, PolicyVersion, ReviewItem, Screening
from .policies import engine

logger = logging.getLogger(__name__)


def enabled_policies() -> list[Policy]:
    return list(Policy.objects.filter(enabled=True))


def screen_post(*, post_id: int) -> Screening | None:
    """Screen a post and store the result; a no-op when nothing it depends on changed.

    Idempotent and safe to run twice at once: the result is written under a lock on the
    post, only if the post's content is still the content that was screened (the newest
    content wins; its own task is queued), and at most one active review item exists per
    post (a database constraint).
    """
    post = get_post_model()._default_manager.filter(pk=post_id).first()
    if post is None:
        logger.info("Post %s is gone; nothing to screen.", post_id)
        return None
    policies = enabled_policies()
    existing = Screening.objects.filter(post=post).first()
    outcome = screening.screen(post, policies)
    if existing and existing.key == outcome.key:
        return existing

    with transaction.atomic():
        locked = get_post_model()._default_manager.select_for_update().get(pk=post_id)
        if screening.content_hash(get_adapter().get_body(locked)) != outcome.content_hash:
            logger.info("Post %s changed while it was screened; the newer task wins.", post_id)
            return None
        stored, _created = Screening.objects.update_or_create(
            post=locked,
            defaults={
                "key": outcome.key,
                "content_hash": outcome.content_hash,
                "scores": outcome.scores,
                "evidence": outcome.evidence,
                "context": outcome.context,
                "classifier_versions": outcome.classifier_versions,
                "policy_versions": outcome.policy_versions,
                "matched": outcome.matched,
            },
        )
        item = _record_review_item(locked, outcome)
        transaction.on_commit(
            lambda: signals.post_screened.send(
                sender=Screening, post=locked, screening=stored, review_item=item
            )
        )
    return stored


def _record_review_item(post: Model, outcome: screening.Outcome) -> ReviewItem | None:
    reasons = screening.needs_review(outcome.matched)
    if not reasons:
        return None
    held = app_settings.AUTO_HOLD and any(r["action"] == PolicyAction.HOLD for r in reasons)
    fields = {
        "priority": screening.review_priority(reasons),
        "top_score": max(outcome.scores.values(), default=0.0),
        "reasons": reasons,
        "evidence": outcome.evidence,
        "classifier_versions": outcome.classifier_versions,
    }
    item = ReviewItem.objects.filter(post=post, status__in=ACTIVE_STATUSES).first()
    if item is None:
        try:
            with transaction.atomic():
                item = ReviewItem.objects.create(post=post, held=held, **fields)
        except IntegrityError:
            # Another worker opened the item between our read and our insert.
            item = ReviewItem.objects.get(post=post, status__in=ACTIVE_STATUSES)
    for name, value in fields.items():
        setattr(item, name, value)
    item.held = item.held or held
    item.save()
    if held:
        get_moderation_adapter().hold(post)
    return item


def enqueue_screening(post_id: int, *, backfill: bool = False) -> bool:
    """Queue a post for screening. If the broker is down, log it and return False:
    the periodic sweeper finds unscreened posts, so the author's request never fails."""
    from .tasks import screen_post as task

    queue = app_settings.BACKFILL_QUEUE if backfill else app_settings.SCREENING_QUEUE
    try:
        task.apply_async((post_id,), queue=queue)
    except BrokerError:
        logger.warning("Broker unavailable; post %s will be screened by the sweeper.", post_id)
        return False
    return True


def stale_post_ids(*, limit: int | None = None) -> list[int]:
    """Published posts whose screening is missing or out of date (body, disclosure,
    classifier or policy versions), the oldest first. Recent posts only, except unscreened."""
    adapter = get_adapter()
    recent = timezone.now() - timedelta(days=app_settings.SWEEP_WINDOW_DAYS)
    posts = adapter.published_posts()
    missing = list(
        posts.filter(ai_screening__isnull=True).order_by("pk").values_list("pk", flat=True)[
            : limit or None
        ]
    )
    versions = screening.classifier_versions()
    policy_versions = {str(policy.pk): policy.version for policy in enabled_policies()}
    stale = []
    screened = posts.filter(ai_screening__isnull=False).select_related("ai_screening")
    for post in adapter.changed_since(screened, recent):
        stored = post.ai_screening
        if (
            stored.content_hash != screening.content_hash(adapter.get_body(post))
            or stored.classifier_versions != versions
            or stored.policy_versions != policy_versions
        ):
            stale.append(post.pk)
    return (missing + stale)[:limit] if limit else missing + stale


@dataclass
class BacktestResult:
    """What a draft policy would have matched among recently screened posts."""

    screened: int
    matched_post_ids: list[int]


def backtest(*, expression: str, limit: int = 1000) -> BacktestResult:
    """Evaluate an expression over the stored contexts of the most recent screenings.

    Raises ``PolicyExpressionError`` for an expression that does not compile.
    """
    engine.compile_expression(expression)
    recent = Screening.objects.order_by("-screened_at").values_list("post_id", "context")[:limit]
    matched = [post_id for post_id, context in recent if engine.evaluate(expression, context)]
    return BacktestResult(screened=len(recent), matched_post_ids=matched)


@transaction.atomic
def save_policy(*, policy: Policy, user) -> Policy:
    """Compile, save and version a policy. Raises ``PolicyExpressionError`` if it is invalid."""
    engine.compile_expression(policy.expression)
    if policy.pk:
        previous = Policy.objects.select_for_update().get(pk=policy.pk)
        policy.version = previous.version + 1
    policy.save()
    PolicyVersion.objects.create(
        policy=policy,
        version=policy.version,
        expression=policy.expression,
        action=policy.action,
        priority=policy.priority,
        reason=policy.reason,
        enabled=policy.enabled,
        changed_by=user if user and user.is_authenticated else None,
    )
    return policy
