"""Writes of the screening flow: store a post's screening and open or update its review item."""

from __future__ import annotations

import logging
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _

from ai_disclosure.adapter import get_adapter, get_post_model

from .. import screening, signals
from ..adapter import get_moderation_adapter
from ..app_settings import app_settings
from ..models import (
    ACTIVE_STATUSES,
    AuditAction,
    AuditEntry,
    Escalation,
    Policy,
    PolicyAction,
    QueueFacet,
    ReviewItem,
    Screening,
)
from .appeals import note_post_edited

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
                "policy_errors": outcome.policy_errors,
            },
        )
        item = _record_review_item(locked, outcome)
        if existing is not None and _author_changed_something(existing, outcome):
            note_post_edited(post=locked, editor=get_adapter().get_author(locked))
        transaction.on_commit(
            lambda: signals.post_screened.send(
                sender=Screening, post=locked, screening=stored, review_item=item
            )
        )
    return stored


def _author_changed_something(previous: Screening, outcome: screening.Outcome) -> bool:
    """The body or the disclosure changed since the previous screening."""
    return previous.content_hash != outcome.content_hash or previous.context.get(
        "disclosure", {}
    ).get("revisions") != outcome.context["disclosure"]["revisions"]


def _escalation_reason() -> dict:
    return {
        "policy": None,
        "name": str(_("Escalated author")),
        "version": 0,
        "action": PolicyAction.HOLD,
        "priority": app_settings.ESCALATION_PRIORITY,
        "reason": str(_("Several of this author's posts were delisted for undisclosed AI use; "
                        "their new posts are held until a moderator approves them.")),
    }


def _record_review_item(post: Model, outcome: screening.Outcome) -> ReviewItem | None:
    adapter = get_adapter()
    author = adapter.get_author(post)
    reasons = screening.needs_review(outcome.matched)
    escalated = _holds_new_posts_of(author, post)
    if escalated:
        reasons = [*reasons, _escalation_reason()]
    copies = _post_copies(post, author)
    assistance = outcome.context.get("disclosure", {}).get("assistance", [])
    if not reasons:
        # No longer flagged, but an item still waiting keeps matching the queue's filters and
        # search by what the post is now (its reasons stay: they say why it was flagged).
        item = ReviewItem.objects.filter(post=post, status__in=ACTIVE_STATUSES).first()
        if item is not None:
            for name, value in copies.items():
                setattr(item, name, value)
            item.save(update_fields=[*copies, "updated_at"])
            QueueFacet.objects.write(item, assistance={item.pk: assistance})
        return None
    held = escalated or (
        app_settings.AUTO_HOLD and any(r["action"] == PolicyAction.HOLD for r in reasons)
    )
    fields = {
        "priority": screening.review_priority(reasons),
        "top_score": max(outcome.scores.values(), default=0.0),
        "reasons": reasons,
        "evidence": outcome.evidence,
        "classifier_versions": outcome.classifier_versions,
        **copies,
        "author_approved_posts": outcome.context.get("author", {}).get("approved_posts", 0),
    }
    item = ReviewItem.objects.filter(post=post, status__in=ACTIVE_STATUSES).first()
    if item is not None and not _update_waiting_item(item, fields, held=held):
        item = None  # decided since we read it: the new content waits in a new item
    created = False
    if item is None:
        try:
            with transaction.atomic():
                item = ReviewItem.objects.create(post=post, held=held, **fields)
                created = True
        except IntegrityError:
            # Another worker opened the item between our read and our insert.
            item = ReviewItem.objects.get(post=post, status__in=ACTIVE_STATUSES)
            _update_waiting_item(item, fields, held=held)
    item.policies.set([r["policy"] for r in reasons if r.get("policy")])
    QueueFacet.objects.write(item, assistance={item.pk: assistance})
    if created:
        AuditEntry.objects.log_action(item=item, actor=None, action=AuditAction.CREATED,
                                      to_status=item.status,
                                      data={"reasons": [r["name"] for r in reasons]})
    if held:
        get_moderation_adapter().hold(post)
    return item


def _update_waiting_item(item: ReviewItem, fields: dict, *, held: bool) -> bool:
    """Write screening's own fields to ``item`` if it is still waiting for a moderator, and
    refresh it. Returns False when it was decided meanwhile.

    Screening does not lock the item, so a moderator may claim or decide it between our read
    and this write: a full ``save()`` of the copy we read would silently undo that, with no
    audit entry. One conditional UPDATE of the screening fields leaves triage's fields alone.
    """
    changes = {**fields, "updated_at": timezone.now(), **({"held": True} if held else {})}
    if not ReviewItem.objects.filter(pk=item.pk, status__in=ACTIVE_STATUSES).update(**changes):
        return False
    item.refresh_from_db()
    return True


def _post_copies(post: Model, author) -> dict:
    """What an item copies from its post and author so the queue can search them."""
    return {
        "author": author,
        "author_name": author.get_username()[:150] if author is not None else "",
        "post_title": get_adapter().get_title(post)[:300],
    }


def _holds_new_posts_of(author, post: Model) -> bool:
    """The author is escalated, and this post was published after the escalation."""
    if not app_settings.ESCALATION_DELISTS or author is None:
        return False
    escalation = Escalation.objects.filter(author=author, active=True).first()
    if escalation is None:
        return False
    published = get_adapter().get_published_at(post)
    return published is None or published >= escalation.created_at


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


def hold_if_escalated(*, post: Model) -> bool:
    """Hold a just-published post at once when its author is escalated (screening creates
    the review item a moment later). Returns whether the post was held."""
    if not _holds_new_posts_of(get_adapter().get_author(post), post):
        return False
    get_moderation_adapter().hold(post)
    return True
