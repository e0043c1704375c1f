"""Writes of the triage flow: claim, decide, undo, appeal, reply, reopen, escalate."""

from __future__ import annotations

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import Model, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from ai_disclosure.adapter import get_post_model

from .. import signals
from ..adapter import get_moderation_adapter
from ..app_settings import app_settings
from ..models import (
    ACTIVE_STATUSES,
    APPEALABLE_STATUSES,
    AuditAction,
    AuditEntry,
    AuthorMessage,
    Decision,
    Escalation,
    MessageKind,
    ReasonTemplate,
    ReviewItem,
    ReviewStatus,
)
from ..permissions import is_moderator
from .facets import copy_status_to_facets

# --- triage --------------------------------------------------------------------------------


class ModerationError(Exception):
    """Base of the errors the triage services raise; the message is for the moderator."""


class ClaimConflict(ModerationError):
    """Another moderator holds an unexpired claim on the item (or, after an appeal, the
    moderator who made the first decision tries to take it again)."""

    def __init__(self, message: str, *, holder=None) -> None:
        super().__init__(message)
        self.holder = holder


class TransitionError(ModerationError):
    """The item's current status does not allow this action (e.g. approving it twice)."""


class AppealNotAllowed(TransitionError):
    """The item cannot be appealed: not a delist or reject, or already appealed once."""


def log_action(
    *,
    item: ReviewItem,
    actor,
    action: str,
    from_status: str = "",
    to_status: str = "",
    decision: str = "",
    note: str = "",
    data: dict | None = None,
) -> AuditEntry:
    """Append one entry to the audit log. The only writer of ``AuditEntry``."""
    return AuditEntry.objects.create(
        item=item,
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        from_status=from_status,
        to_status=to_status,
        decision=decision,
        note=note,
        data=data or {},
    )


def _require_moderator(user) -> None:
    if not is_moderator(user):
        raise PermissionDenied(_("Only moderators can do this."))


def _claimable(moderator, now) -> Q:
    """Items this moderator may claim now: open, theirs already, or with an expired claim."""
    expired = now - app_settings.CLAIM_EXPIRY
    return (
        Q(status=ReviewStatus.OPEN)
        | Q(status=ReviewStatus.CLAIMED, claimed_by=moderator)
        | Q(status=ReviewStatus.CLAIMED, claimed_at__lt=expired)
    ) & (Q(excluded_moderator__isnull=True) | ~Q(excluded_moderator=moderator))


def _lock_item(item: ReviewItem) -> ReviewItem:
    """Lock the item's post, then the item: the same order as screening (post first), so a
    decision and a re-screen of one post wait for each other instead of deadlocking."""
    get_post_model()._default_manager.select_for_update().filter(pk=item.post_id).first()
    return ReviewItem.objects.select_for_update(of=("self",)).select_related("post").get(
        pk=item.pk
    )


def _take(pk: int, moderator, now) -> int:
    """Claim atomically: one conditional UPDATE, so two moderators can never both win, on
    any database (PostgreSQL re-checks the condition after waiting for a concurrent writer;
    SQLite serialises writers)."""
    taken = (
        ReviewItem.objects.filter(_claimable(moderator, now), pk=pk)
        .update(status=ReviewStatus.CLAIMED, claimed_by=moderator, claimed_at=now, updated_at=now)
    )
    if taken:
        copy_status_to_facets(pk, ReviewStatus.CLAIMED)
    return taken


@transaction.atomic
def claim_item(*, item: ReviewItem, moderator) -> ReviewItem:
    """Claim an item for ``moderator`` (or renew their claim) and return it, refreshed.

    Raises ``ClaimConflict`` while another moderator's claim is unexpired, and
    ``TransitionError`` when the item is not waiting for a moderator.
    """
    _require_moderator(moderator)
    now = timezone.now()
    before = ReviewItem.objects.select_for_update().filter(pk=item.pk).first()
    if before is None:
        raise TransitionError(_("This review item no longer exists."))
    if before.excluded_moderator_id == moderator.pk:
        raise ClaimConflict(
            _("This decision was appealed; another moderator has to review it."),
            holder=None,
        )
    if not _take(item.pk, moderator, now):
        item.refresh_from_db()
        if item.status == ReviewStatus.CLAIMED:
            raise ClaimConflict(
                _("%(name)s is reviewing this item.") % {"name": item.claimed_by},
                holder=item.claimed_by,
            )
        raise TransitionError(
            _("This item is %(status)s; only open items can be claimed.")
            % {"status": item.get_status_display().lower()}
        )
    item.refresh_from_db()
    if not (before.status == ReviewStatus.CLAIMED and before.claimed_by_id == moderator.pk):
        log_action(item=item, actor=moderator, action=AuditAction.CLAIMED,
                   from_status=before.status, to_status=ReviewStatus.CLAIMED,
                   data={"took_over_from": before.claimed_by_id}
                   if before.status == ReviewStatus.CLAIMED else {})
    return item


def claim_next(*, moderator, filters=None) -> ReviewItem | None:
    """Claim the most urgent item nobody holds (matching ``filters``, a ``QueueFilters``).

    On PostgreSQL ``SELECT … FOR UPDATE SKIP LOCKED`` hands concurrent moderators different
    rows without waiting. Elsewhere (SQLite) candidates are tried with the same conditional
    UPDATE as ``claim_item``, so a row another moderator just took is skipped.
    """
    from .. import selectors

    _require_moderator(moderator)
    now = timezone.now()
    candidates = (
        selectors.filtered_items(filters, moderator=moderator)
        .filter(_claimable(moderator, now))
        .exclude(status=ReviewStatus.CLAIMED, claimed_by=moderator)
        .queue_order()
    )
    if connection.features.has_select_for_update_skip_locked:
        with transaction.atomic():
            row = (
                candidates.select_for_update(skip_locked=True, of=("self",))
                .values("pk", "status", "claimed_by_id")
                .first()
            )
            if row is None:
                return None
            _take(row["pk"], moderator, now)
            item = ReviewItem.objects.get(pk=row["pk"])
            log_action(item=item, actor=moderator, action=AuditAction.CLAIMED,
                       from_status=row["status"], to_status=ReviewStatus.CLAIMED)
            return item
    for _attempt in range(5):
        pks = list(candidates.values_list("pk", flat=True)[:10])
        if not pks:
            return None
        for pk in pks:
            try:
                return claim_item(item=ReviewItem(pk=pk), moderator=moderator)
            except (ClaimConflict, TransitionError):
                continue
    return None


@transaction.atomic
def release_item(*, item: ReviewItem, moderator) -> ReviewItem:
    """Give a claimed item back to the queue. Raises ``ClaimConflict`` if it is not theirs."""
    _require_moderator(moderator)
    released = ReviewItem.objects.filter(
        pk=item.pk, status=ReviewStatus.CLAIMED, claimed_by=moderator
    ).update(status=ReviewStatus.OPEN, claimed_by=None, claimed_at=None,
             updated_at=timezone.now())
    item.refresh_from_db()
    if not released:
        raise ClaimConflict(_("You do not hold this item."), holder=item.claimed_by)
    copy_status_to_facets(item.pk, ReviewStatus.OPEN)
    log_action(item=item, actor=moderator, action=AuditAction.RELEASED,
               from_status=ReviewStatus.CLAIMED, to_status=ReviewStatus.OPEN)
    return item


DEFAULT_INFO_REQUEST = _(
    "A moderator would like to know more about how AI was used in this post. Please reply "
    "here, or edit the post or its AI disclosure; either returns it to the moderators."
)


def _apply_outcome(post: Model, decision: str) -> None:
    adapter = get_moderation_adapter()
    if decision == Decision.APPROVE:
        adapter.release(post)
    elif decision == Decision.DELIST:
        adapter.delist(post)
    elif decision == Decision.REJECT:
        adapter.reject(post)


@transaction.atomic
def resolve_item(
    *,
    item: ReviewItem,
    moderator,
    decision: str,
    note: str = "",
    template: ReasonTemplate | None = None,
    message: str = "",
) -> ReviewItem:
    """Decide an item: ``approve``, ``delist``, ``reject`` or ``request_info``.

    ``note`` is internal (moderators only). What the author sees is ``message``, else the
    ``template``'s message, else (for ``request_info``) a default request. The outcome is
    applied to the post through the moderation adapter; ``review_resolved`` is sent after
    commit. Raises ``TransitionError`` for an impossible transition (e.g. a decided item) and
    ``ClaimConflict`` when another moderator holds the item.
    """
    _require_moderator(moderator)
    try:
        decision = Decision(decision)
    except ValueError as error:
        raise TransitionError(_("Unknown decision %(decision)r.") % {"decision": decision}) \
            from error
    locked = _lock_item(item)
    if locked.is_claimed_by_other(moderator):
        raise ClaimConflict(
            _("%(name)s is reviewing this item.") % {"name": locked.claimed_by},
            holder=locked.claimed_by,
        )
    if locked.excluded_moderator_id == moderator.pk:
        raise ClaimConflict(_("This decision was appealed; another moderator has to review it."))
    target = decision.status
    if locked.status not in ACTIVE_STATUSES or not locked.can_become(target) or (
        locked.status == target
    ):
        raise TransitionError(
            _("This item is already %(status)s.") % {"status": locked.get_status_display().lower()}
        )
    if template is not None and template.decision and template.decision != decision:
        raise ValidationError(_("This reason template is for another decision."))

    author_message = (message or "").strip() or (template.message if template else "")
    if decision == Decision.REQUEST_INFO and not author_message:
        author_message = str(DEFAULT_INFO_REQUEST)
    from_status = locked.status
    now = timezone.now()
    locked.status = target
    locked.resolved_by = moderator
    locked.resolved_at = now
    locked.claimed_by = None
    locked.claimed_at = None
    locked.decision_note = note.strip()
    locked.author_message = author_message
    locked.save()
    copy_status_to_facets(locked.pk, locked.status)

    post = locked.post
    _apply_outcome(post, decision)
    if author_message and locked.author_id:
        AuthorMessage.objects.create(
            item=locked, author_id=locked.author_id, created_at=now,
            kind=MessageKind.REQUEST if decision == Decision.REQUEST_INFO else MessageKind.DECISION,
            body=author_message,
        )
        get_moderation_adapter().notify_author(post, author_message)
    log_action(item=locked, actor=moderator, action=AuditAction.RESOLVED, from_status=from_status,
               to_status=target, decision=decision, note=locked.decision_note,
               data={"template": template.pk if template else None, "message": author_message})
    if decision == Decision.DELIST:
        _escalate_if_needed(item=locked, moderator=moderator)
    transaction.on_commit(lambda: signals.review_resolved.send(
        sender=ReviewItem, item=locked, decision=str(decision), moderator=moderator, post=post))
    _sync(item, locked)
    return locked


def _sync(item: ReviewItem, fresh: ReviewItem) -> None:
    """Bring the caller's instance up to date, so it is safe to keep using."""
    if item is not fresh:
        for field in ReviewItem._meta.concrete_fields:
            setattr(item, field.attname, getattr(fresh, field.attname))


def bulk_resolve(*, items, moderator, decision: str, note: str = "",
                 template: ReasonTemplate | None = None) -> tuple[list[ReviewItem], list[str]]:
    """Decide several items the same way; each in its own transaction. Returns the items
    decided and, for the others, why they were skipped."""
    done, skipped = [], []
    for item in items:
        try:
            done.append(resolve_item(item=item, moderator=moderator, decision=decision,
                                     note=note, template=template))
        except (ModerationError, ValidationError) as error:
            skipped.append(f"#{item.pk}: {error}")
    return done, skipped


@transaction.atomic
def undo_resolution(*, item: ReviewItem, moderator) -> ReviewItem:
    """Take back a decision within ``AI_MODERATION_UNDO_SECONDS``: the item is claimed by the
    moderator again, the post goes back to how it was, and the message to the author is
    withdrawn. Raises ``TransitionError`` when the window has passed or someone acted since."""
    _require_moderator(moderator)
    locked = _lock_item(item)
    window = timedelta(seconds=app_settings.UNDO_SECONDS)
    last = locked.audit_entries.order_by("-created_at", "-id").first()
    if (
        locked.resolved_by_id != moderator.pk
        or locked.resolved_at is None
        or timezone.now() - locked.resolved_at > window
        or last is None
        or last.action != AuditAction.RESOLVED
        or not locked.can_become(ReviewStatus.CLAIMED)
    ):
        raise TransitionError(_("This decision can no longer be undone."))
    from_status, decision = locked.status, last.decision
    now = timezone.now()
    AuthorMessage.objects.filter(item=locked, from_author=False,
                                 created_at__gte=locked.resolved_at).delete()
    locked.status = ReviewStatus.CLAIMED
    locked.claimed_by = moderator
    locked.claimed_at = now
    locked.resolved_by = None
    locked.resolved_at = None
    locked.author_message = ""
    try:
        with transaction.atomic():
            locked.save()
    except IntegrityError as error:  # the post was flagged again in the meantime
        raise TransitionError(_("This post has a newer review item.")) from error
    copy_status_to_facets(locked.pk, locked.status)
    if decision in (Decision.APPROVE, Decision.DELIST, Decision.REJECT):
        adapter = get_moderation_adapter()
        if locked.held:
            adapter.hold(locked.post)
        else:
            adapter.release(locked.post)
    log_action(item=locked, actor=moderator, action=AuditAction.UNDONE, from_status=from_status,
               to_status=ReviewStatus.CLAIMED, decision=decision)
    post = locked.post
    transaction.on_commit(lambda: signals.review_reopened.send(
        sender=ReviewItem, item=locked, reason="undo", user=moderator, post=post))
    _sync(item, locked)
    return locked


def _require_author(item: ReviewItem, author) -> None:
    if not (author and author.is_authenticated and item.author_id == author.pk):
        raise PermissionDenied(_("Only the post's author can do this."))


@transaction.atomic
def appeal(*, item: ReviewItem, author, message: str) -> ReviewItem:
    """The author contests a delist or reject, once, with a message. The item returns to
    the queue, and the moderator who decided cannot take it again."""
    locked = _lock_item(item)
    _require_author(locked, author)
    message = (message or "").strip()
    if not message:
        raise ValidationError(_("Say why the decision should change."), code="required")
    if locked.appealed_at is not None:
        raise AppealNotAllowed(_("A decision can be appealed only once."))
    if locked.status not in APPEALABLE_STATUSES:
        raise AppealNotAllowed(_("Only delisted or rejected posts can be appealed."))
    from_status = locked.status
    now = timezone.now()
    locked.excluded_moderator_id = locked.resolved_by_id
    locked.status = ReviewStatus.OPEN
    locked.appealed_at = now
    locked.appeal_message = message
    locked.resolved_by = None
    locked.resolved_at = None
    try:
        with transaction.atomic():
            locked.save()
    except IntegrityError as error:
        raise AppealNotAllowed(_("This post is already waiting for a moderator.")) from error
    copy_status_to_facets(locked.pk, locked.status)
    AuthorMessage.objects.create(item=locked, author=author, from_author=True,
                                 kind=MessageKind.APPEAL, body=message, created_at=now)
    log_action(item=locked, actor=author, action=AuditAction.APPEALED, from_status=from_status,
               to_status=ReviewStatus.OPEN, note=message)
    post = locked.post
    transaction.on_commit(lambda: signals.review_reopened.send(
        sender=ReviewItem, item=locked, reason="appeal", user=author, post=post))
    return locked


@transaction.atomic
def reply_to_request(*, item: ReviewItem, author, message: str) -> ReviewItem:
    """The author answers a request for information; the item returns to the queue."""
    locked = _lock_item(item)
    _require_author(locked, author)
    message = (message or "").strip()
    if not message:
        raise ValidationError(_("Write a reply."), code="required")
    if locked.status != ReviewStatus.INFO_REQUESTED:
        raise TransitionError(_("No information is requested for this post."))
    AuthorMessage.objects.create(item=locked, author=author, from_author=True,
                                 kind=MessageKind.REPLY, body=message)
    return _reopen(locked, user=author, reason="author_replied", note=message)


def note_post_edited(*, post: Model, editor) -> ReviewItem | None:
    """The author edited a post moderators asked about: return its item to the queue.

    Screening does this too when it sees the change; hosts call this to do it at once.
    """
    return _reopen_info_request(post=post, user=editor, reason="author_edited")


@transaction.atomic
def _reopen_info_request(*, post: Model, user, reason: str) -> ReviewItem | None:
    locked = (
        ReviewItem.objects.select_for_update()
        .filter(post=post, status=ReviewStatus.INFO_REQUESTED).first()
    )
    if locked is None or (user is not None and locked.author_id != getattr(user, "pk", None)):
        return None
    return _reopen(locked, user=user, reason=reason)


def _reopen(locked: ReviewItem, *, user, reason: str, note: str = "") -> ReviewItem:
    locked.status = ReviewStatus.OPEN
    locked.save(update_fields=["status", "updated_at"])
    copy_status_to_facets(locked.pk, locked.status)
    log_action(item=locked, actor=user,
               action=AuditAction.AUTHOR_REPLIED if reason == "author_replied"
               else AuditAction.REOPENED,
               from_status=ReviewStatus.INFO_REQUESTED, to_status=ReviewStatus.OPEN, note=note,
               data={"reason": reason})
    transaction.on_commit(lambda: signals.review_reopened.send(
        sender=ReviewItem, item=locked, reason=reason, user=user, post=locked.post))
    return locked


def _escalate_if_needed(*, item: ReviewItem, moderator) -> Escalation | None:
    """After a delist: escalate the author once their delisted posts reach the threshold."""
    threshold = app_settings.ESCALATION_DELISTS
    if not threshold or item.author_id is None:
        return None
    delists = ReviewItem.objects.filter(
        author_id=item.author_id, status=ReviewStatus.DELISTED
    ).values("post").distinct().count()
    if delists < threshold:
        return None
    escalation, created = Escalation.objects.get_or_create(
        author_id=item.author_id, defaults={"delists": delists}
    )
    if not created and escalation.active:
        return escalation
    if not created:
        escalation.active = True
        escalation.delists = delists
        escalation.created_at = timezone.now()
        escalation.save()
    log_action(item=item, actor=moderator, action=AuditAction.ESCALATED,
               data={"delists": delists, "threshold": threshold})
    return escalation
