"""Writes of the screening flow: store screenings and open or update review items, for
content of every registered type (``ai_disclosure.Content`` rows).

The path of a body from the form to the review item: ``receivers`` queue the content once
per transaction (``tasks.screen_on_commit``), the ``screen_contents`` task calls
:func:`screen_contents`, which reads the batch (``selectors.screening``), scores it
(``scoring.screen``) and stores the outcomes here, in one transaction per batch.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext_noop

from ai_disclosure import content_types
from ai_disclosure import services as disclosure_services
from ai_disclosure.models import Content
from ai_disclosure.rendering import content_hash

from .. import scoring, signals, webhooks
from ..adapter import get_moderation_adapter
from ..app_settings import app_settings
from ..models import (
    ACTIVE_STATUSES,
    DECIDED_STATUSES,
    AuditAction,
    AuditEntry,
    PolicyAction,
    QueueFacet,
    ReviewItem,
    ReviewStatus,
    Screening,
)
from ..selectors import screening as selectors
from ..selectors.registry import model_registry
from .appeals import note_content_edited

logger = logging.getLogger(__name__)

#: What screening writes to a flagged item (besides the copies of ``_copies``).
_ITEM_FIELDS = ["priority", "top_score", "reasons", "evidence", "classifier_versions",
                "author_approved_posts", "content_hash", "disclosure_revision"]
_COPIED_FIELDS = ["author", "author_name", "post_title"]
_SCREENING_FIELDS = ["key", "content_hash", "scores", "evidence", "context",
                     "classifier_versions", "policy_versions", "matched", "shadow_matched",
                     "policy_errors", "screened_at"]


def screen_content(*, content_id: int) -> Screening | None:
    """Screen one content row (see :func:`screen_contents`); ``None`` if it is gone or
    changed meanwhile.
    """
    return screen_contents(content_ids=[content_id]).get(content_id)


def screen_contents(*, content_ids: Iterable[int], force: bool = False) -> dict[int, Screening]:
    """Screen these content rows (any registered type) and store the results; a no-op for
    each whose inputs did not change since its last screening (that is found before any
    classifier runs), unless ``force`` (a result outside the key arrived: the language-model
    hint).

    Returns the screening of each, by content id, stored now or already up to date. Left
    out: content whose host object is gone, and content whose body changed while it was
    screened (the newest wins; its own task is queued). Idempotent and safe to run
    concurrently: results are written under a lock on the content rows, and a content has at
    most one active review item (a database constraint). Policies and block types are read
    once per call, so pass many at once when you can.

    Shadow policies run with the others, but their matches are only stored on the screening
    (``shadow_matched``): they never open, update or reopen a review item.
    """
    content_ids = sorted(set(content_ids))
    policies = selectors.enabled_policies()
    registry = model_registry()
    keyed = list(selectors.keyed_contents(selectors.contents_by_id(content_ids), policies,
                                          registry.version))
    for content_id in sorted(set(content_ids) - {entry.content.pk for entry in keyed}):
        logger.info("Content %s is gone; nothing to screen.", content_id)
    results = {entry.content.pk: entry.stored for entry in keyed if entry.up_to_date}
    pending = [entry for entry in keyed if force or not entry.up_to_date]
    if pending:
        drafting = selectors.drafting_block_types()
        outcomes = [scoring.screen(facts, policies, drafting_types=drafting, registry=registry)
                    for facts in selectors.content_facts(pending)]
        results.update(_store(outcomes, force=force))
    return results


@transaction.atomic
def _store(outcomes: list[scoring.Outcome], *, force: bool = False) -> dict[int, Screening]:
    """Write the outcomes whose host object still has the body that was screened.

    The content rows are locked, then their items (the order triage uses too), so a
    moderator's claim or decision is either seen here or waits until this commits: never
    undone.
    """
    locked = selectors.lock_contents(outcome.facts.content.pk for outcome in outcomes)
    results, current = {}, []
    for outcome in outcomes:
        content = locked.get(outcome.facts.content.pk)
        host = content.obj if content is not None else None
        if host is None or content_hash(
            content_types.adapter_for(host).get_body(host)
        ) != outcome.content_hash:
            logger.info("Content %s changed while it was screened; the newer task wins.",
                        outcome.facts.content.pk)
            continue
        stored = getattr(content, "screening", None)
        if stored is not None and stored.key == outcome.key and not force:
            results[content.pk] = stored  # a concurrent run stored these very inputs
            continue
        outcome.facts.content.obj = host
        outcome.facts.obj = host
        current.append((outcome, stored))
    if not current:
        return results

    screenings = Screening.objects.bulk_create(
        [_screening(outcome) for outcome, _previous in current],
        update_conflicts=True, unique_fields=["content"], update_fields=_SCREENING_FIELDS,
    )
    items = _ReviewItems([outcome.facts for outcome, _previous in current])
    for (outcome, previous), screening in zip(current, screenings, strict=True):
        results[outcome.facts.content.pk] = screening
        item = items.record(outcome)
        if previous is not None and _author_changed_something(previous, outcome):
            items.note_edit(outcome.facts)
        transaction.on_commit(
            lambda obj=outcome.facts.obj, screening=screening, item=item:
            signals.post_screened.send(
                sender=Screening, post=obj, screening=screening, review_item=item)
        )
    items.save()
    return results


def _screening(outcome: scoring.Outcome) -> Screening:
    return Screening(
        content=outcome.facts.content,
        key=outcome.key,
        content_hash=outcome.content_hash,
        scores=outcome.scores,
        evidence=outcome.evidence,
        context=outcome.context,
        classifier_versions=outcome.classifier_versions,
        policy_versions=outcome.policy_versions,
        matched=outcome.matched,
        shadow_matched=outcome.shadow_matched,
        policy_errors=outcome.policy_errors,
    )


def _author_changed_something(previous: Screening, outcome: scoring.Outcome) -> bool:
    """The body or the disclosure changed since the previous screening."""
    return previous.content_hash != outcome.content_hash or previous.context.get(
        "disclosure", {}
    ).get("revisions") != outcome.context["disclosure"]["revisions"]


class _ReviewItems:
    """The review items of a batch of locked content rows: read once, changed in memory by
    :meth:`record`, written by :meth:`save` in a few statements for the whole batch.
    """

    def __init__(self, batch: list[scoring.ContentFacts]) -> None:
        self.active: dict[int, ReviewItem] = {}
        self.latest: dict[int, ReviewItem] = {}
        contents = {facts.content.pk: facts.content for facts in batch}
        for item in (ReviewItem.objects.filter(content__in=list(contents))
                     .select_for_update().defer("evidence").order_by("id")):
            item.content = contents[item.content_id]
            self.latest[item.content_id] = item
            if item.status in ACTIVE_STATUSES:
                self.active[item.content_id] = item
        self.created: list[tuple[ReviewItem, list[str]]] = []
        self.flagged: list[tuple[ReviewItem, list[str]]] = []
        self.refreshed: list[tuple[ReviewItem, list[str]]] = []
        self.held: list[Model] = []
        self.edited: list[scoring.ContentFacts] = []

    def record(self, outcome: scoring.Outcome) -> ReviewItem | None:
        """Decide what the outcome does to the content's item; returns the flagged item."""
        facts = outcome.facts
        content, obj, author = facts.content, facts.obj, facts.author
        reasons = scoring.needs_review(outcome.matched)
        escalated = _published_since(obj, facts.escalated_at)
        if escalated:
            reasons = [*reasons, _escalation_reason()]
        item = self.active.get(content.pk)
        assistance = outcome.context["disclosure"]["assistance"]
        copies = _copies(obj, author)
        if not reasons:
            # No longer flagged, but an item still waiting keeps matching the queue's filters
            # and search by what the post is now (its reasons stay: they say why it was
            # flagged).
            if item is not None:
                _assign(item, copies)
                self.refreshed.append((item, assistance))
            return None
        if item is None and self._decided_on(content.pk, facts):
            return None  # a moderator decided on this very content and disclosure
        held = escalated or (
            app_settings.AUTO_HOLD and any(r["action"] == PolicyAction.HOLD for r in reasons)
        )
        fields = {
            "priority": scoring.review_priority(reasons),
            "top_score": max(outcome.scores.values(), default=0.0),
            "reasons": reasons,
            "evidence": outcome.evidence,
            "classifier_versions": outcome.classifier_versions,
            "author_approved_posts": facts.author_stats.approved_posts,
            "content_hash": facts.body_hash,
            "disclosure_revision": facts.disclosure_revision,
            **copies,
        }
        if item is None:
            item = ReviewItem(content=content, held=held, **fields)
            self.created.append((item, assistance))
        else:
            _assign(item, {**fields, "held": item.held or held})
            self.flagged.append((item, assistance))
        if held:
            self.held.append(obj)
        return item

    def note_edit(self, facts: scoring.ContentFacts) -> None:
        """The author changed the post or its disclosure: an information request is answered."""
        item = self.active.get(facts.content.pk)
        if item is not None and item.status == ReviewStatus.INFO_REQUESTED:
            self.edited.append(facts)

    def save(self) -> None:
        """Write every change ``record`` decided on."""
        created = ReviewItem.objects.bulk_create([item for item, _kinds in self.created])
        # One UPDATE per item: cheaper than ``bulk_update``'s CASE per column and row.
        for item, _kinds in self.flagged:
            _update(item, [*_ITEM_FIELDS, *_COPIED_FIELDS, "held"])
        for item, _kinds in self.refreshed:
            _update(item, _COPIED_FIELDS)
        self._link_policies(created, [item for item, _kinds in self.flagged])
        written = self.created + self.flagged + self.refreshed
        if written:
            QueueFacet.objects.write(*(item for item, _kinds in written),
                                     assistance={item.pk: kinds for item, kinds in written})
        for item in created:
            AuditEntry.objects.log_action(
                item=item, actor=None, action=AuditAction.CREATED, to_status=item.status,
                data={"reasons": [r["name"] for r in item.reasons]})
        webhooks.record_item_events(created, action=AuditAction.CREATED)  # "item.flagged"
        moderation = get_moderation_adapter()
        for obj in self.held:
            moderation.hold(obj)
        for facts in self.edited:
            note_content_edited(content=facts.content, editor=facts.author)

    def _link_policies(self, created: list[ReviewItem], updated: list[ReviewItem]) -> None:
        """The items' ``policies``, as ``policies.set()`` would, in two statements."""
        through = ReviewItem.policies.through
        if updated:
            through.objects.filter(reviewitem__in=updated).delete()
        through.objects.bulk_create(
            through(reviewitem_id=item.pk, policy_id=reason["policy"])
            for item in created + updated for reason in item.reasons if reason.get("policy")
        )

    def _decided_on(self, content_id: int, facts: scoring.ContentFacts) -> bool:
        latest = self.latest.get(content_id)
        return (latest is not None and latest.status in DECIDED_STATUSES
                and latest.content_hash == facts.body_hash
                and latest.disclosure_revision == facts.disclosure_revision)


def _update(item: ReviewItem, fields: list[str]) -> None:
    """Write these fields of a locked item (and ``updated_at``) in one UPDATE."""
    item.updated_at = timezone.now()
    ReviewItem.objects.filter(pk=item.pk).update(
        **{name: getattr(item, name) for name in [*fields, "updated_at"]})


def _assign(item: ReviewItem, values: dict) -> None:
    for name, value in values.items():
        setattr(item, name, value)


def _escalation_reason() -> dict:
    return {
        "policy": None,
        # English, translated when shown (moderation.localize).
        "name": gettext_noop("Escalated author"),
        "version": 0,
        "action": PolicyAction.HOLD,
        "priority": app_settings.ESCALATION_PRIORITY,
        "reason": gettext_noop("Several of this author's posts were delisted for undisclosed "
                               "AI use; their new posts are held until a moderator approves "
                               "them."),
    }


def _copies(obj: Model, author) -> dict:
    """What an item copies from its host object and author so the queue can search them
    (an object without a title, e.g. a comment, gives the start of its body).
    """
    adapter = content_types.adapter_for(obj)
    title = adapter.get_title(obj) or " ".join(adapter.get_body(obj).split())[:80]
    return {
        "author": author,
        "author_name": author.get_username()[:150] if author is not None else "",
        "post_title": title[:300],
    }


def _published_since(obj: Model, escalated_at) -> bool:
    """The author is escalated, and the object was published after the escalation."""
    if escalated_at is None:
        return False
    published = content_types.adapter_for(obj).get_published_at(obj)
    return published is None or published >= escalated_at


def hold_if_escalated(*, content: Model | Content) -> bool:
    """Hold just-published content (a host object of any registered type) at once when its
    author is escalated (screening creates the review item a moment later). Returns whether
    it was held.
    """
    obj = content.obj if isinstance(content, Content) else content
    escalated_at = selectors.escalated_at(content_types.adapter_for(obj).get_author(obj))
    if not _published_since(obj, escalated_at):
        return False
    get_moderation_adapter().hold(obj)
    return True


def contents_to_screen(*, limit: int | None = None) -> list[int]:
    """The content ids the sweeper and ``screen_posts --stale`` queue: published objects the
    plugin never met get their ``Content`` row first, then every stale or unscreened row.
    """
    for obj in selectors.unknown_published(limit=limit):
        disclosure_services.content_for(obj)
    return selectors.stale_content_ids(limit=limit)
