"""Writes of the moderators' triage flow: claim, release, decide, undo, escalate.

Each action locks the item, checks who may do it, and changes the status through
``workflow.transition()`` exactly once (which saves, updates the queue facets, writes the audit
entry and signals after commit). The author's side (appeal, reply, reopen) is ``appeals``.
"""

from __future__ import annotations

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.models import Model, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ai_disclosure.i18n import shipped_text

from .. import signals
from ..adapter import get_moderation_adapter
from ..app_settings import app_settings
from ..models import (
    AuditAction,
    AuthorMessage,
    Decision,
    Escalation,
    MessageKind,
    ReasonTemplate,
    ReviewItem,
    ReviewStatus,
    claimable_by,
)
from ..permissions import is_moderator
from ..selectors.queue import reviewable_by
from ..workflow import ModerationError, StaleItem, TransitionError, lock_item, transition


class ClaimConflict(ModerationError):
    """Another moderator holds an unexpired claim on the item (or, after an appeal, the
    moderator who made the first decision tries to take it again).
    """

    def __init__(self, message: str, *, holder=None) -> None:
        super().__init__(message)
        self.holder = holder


class SelfReviewRefused(PermissionDenied):
    """A moderator tried to claim or decide an item about their own post (403)."""


DEFAULT_INFO_REQUEST = gettext_lazy(
    "A moderator would like to know more about how AI was used in this post. Please reply "
    "here, or edit the post or its AI disclosure; either returns it to the moderators."
)

def _require_moderator(user) -> None:
    if not is_moderator(user):
        raise PermissionDenied(_("Only moderators can do this."))


def _as_moderator(item: ReviewItem, moderator, data: dict | None = None) -> dict:
    """The audit data of a moderator's claim or decision. Refuses (403) an item about the
    moderator's own post unless ``AI_MODERATION_ALLOW_SELF_REVIEW``; then marks it.
    """
    data = dict(data or {})
    if item.author_id is None or item.author_id != moderator.pk:
        return data
    if not app_settings.ALLOW_SELF_REVIEW:
        raise SelfReviewRefused(_("This is your own post: another moderator has to review it."))
    return {**data, "self_review": True}


def _sync(item: ReviewItem, fresh: ReviewItem) -> None:
    """Bring the caller's instance up to date, so it is safe to keep using."""
    if item is not fresh:
        for field in ReviewItem._meta.concrete_fields:
            setattr(item, field.attname, getattr(fresh, field.attname))


# --- claims --------------------------------------------------------------------------------


@transaction.atomic
def claim_item(*, item: ReviewItem, moderator) -> ReviewItem:
    """Claim an item for ``moderator`` (or renew their claim) and return it, refreshed.

    Taking a claim releases the moderator's other claims beyond ``AI_MODERATION_MAX_CLAIMS``.
    Raises ``ClaimConflict`` while another moderator's claim is unexpired, ``TransitionError``
    when the item is not waiting for a moderator, ``SelfReviewRefused`` for their own post.
    """
    _require_moderator(moderator)
    # The item and the moderator's claims, locked in id order: two claimers never deadlock.
    rows = ReviewItem.objects.select_for_update().filter(
        Q(pk=item.pk) | Q(status=ReviewStatus.CLAIMED, claimed_by=moderator)).order_by("pk")
    locked = next((row for row in rows if row.pk == item.pk), None)
    if locked is None:
        raise TransitionError(_("This review item no longer exists."))
    now = timezone.now()
    _check_claimable(locked, moderator, now)
    data = _as_moderator(locked, moderator)
    if locked.status == ReviewStatus.CLAIMED and locked.claimed_by_id == moderator.pk:
        # Renewing: the holder and the status stay, so there is nothing to log.
        ReviewItem.objects.filter(pk=locked.pk).update(claimed_at=now)
        locked.claimed_at = now
    else:
        if locked.status == ReviewStatus.CLAIMED:
            data["took_over_from"] = locked.claimed_by_id
        _release_other_claims(moderator, keep=locked.pk)
        try:
            transition(locked, to=ReviewStatus.CLAIMED, action=AuditAction.CLAIMED,
                       actor=moderator, only_if=claimable_by(moderator, now), data=data,
                       fields={"claimed_by": moderator, "claimed_at": now})
        except StaleItem:
            locked.refresh_from_db()
            _check_claimable(locked, moderator, now)
            raise
    _sync(item, locked)
    return locked


def _check_claimable(item: ReviewItem, moderator, now) -> None:
    if item.excluded_moderator_id == moderator.pk:
        raise ClaimConflict(_("This decision was appealed; another moderator has to review it."))
    if item.is_claimed_by_other(moderator, now=now):
        raise ClaimConflict(_("%(name)s is reviewing this item.") % {"name": item.claimed_by},
                            holder=item.claimed_by)
    if item.status not in (ReviewStatus.OPEN, ReviewStatus.CLAIMED):
        raise TransitionError(_("This item is %(status)s; only open items can be claimed.")
                              % {"status": item.get_status_display().lower()})


def _release_other_claims(moderator, *, keep: int) -> None:
    """Hand back the moderator's oldest claims so that, with ``keep``, they hold at most
    ``AI_MODERATION_MAX_CLAIMS`` (0: no limit).
    """
    limit = app_settings.MAX_CLAIMS
    if not limit:
        return
    held = ReviewItem.objects.filter(status=ReviewStatus.CLAIMED, claimed_by=moderator)
    for other in held.exclude(pk=keep).order_by("-claimed_at", "-pk")[limit - 1:]:
        try:
            transition(other, to=ReviewStatus.OPEN, action=AuditAction.RELEASED, actor=moderator,
                       only_if=Q(status=ReviewStatus.CLAIMED, claimed_by=moderator),
                       fields={"claimed_by": None, "claimed_at": None},
                       data={"reason": "claimed_another", "claimed": keep})
        except StaleItem:
            continue  # it changed hands meanwhile: no longer theirs to release


def claim_next(*, moderator, filters=None) -> ReviewItem | None:
    """Claim the most urgent item nobody holds (matching ``filters``, a ``QueueFilters``).

    On PostgreSQL ``SELECT … FOR UPDATE SKIP LOCKED`` hands concurrent moderators different
    rows without waiting. Elsewhere (SQLite) candidates are tried in turn; ``claim_item``'s
    conditional UPDATE skips a row another moderator just took.
    """
    _require_moderator(moderator)
    candidates = reviewable_by(moderator, filters).queue_order()
    skip_locked = connection.features.has_select_for_update_skip_locked
    for _attempt in range(5):
        with transaction.atomic():
            if skip_locked:
                candidates_now = candidates.select_for_update(skip_locked=True, of=("self",))
                pks = list(candidates_now.values_list("pk", flat=True)[:1])
            else:
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
    locked = ReviewItem.objects.select_for_update(of=("self",)).select_related("claimed_by").get(
        pk=item.pk)
    if not (locked.status == ReviewStatus.CLAIMED and locked.claimed_by_id == moderator.pk):
        raise ClaimConflict(_("You do not hold this item."), holder=locked.claimed_by)
    transition(locked, to=ReviewStatus.OPEN, action=AuditAction.RELEASED, actor=moderator,
               only_if=Q(status=ReviewStatus.CLAIMED, claimed_by=moderator),
               fields={"claimed_by": None, "claimed_at": None})
    _sync(item, locked)
    return locked


# --- decisions -----------------------------------------------------------------------------


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

    An open item nobody holds is decided directly (the row lock keeps two moderators from
    both deciding). ``note`` is internal. The author is told ``message``, else the
    ``template``'s message, else (request_info) a default request or (delist, or a reject
    explained by a note) the reason of the most important policy that fired; a reject with no
    message, template or note is refused (``ValidationError``), so a delisted or removed post
    always says why. The outcome is applied to the post through the moderation adapter;
    ``review_resolved`` and the notification go out after commit. Raises ``TransitionError``
    (e.g. a decided item), ``ClaimConflict`` (another moderator holds it) or
    ``SelfReviewRefused``.
    """
    _require_moderator(moderator)
    decision = _decision(decision)
    locked = lock_item(item)
    _check_may_decide(locked, moderator)
    data = _as_moderator(locked, moderator, {"template": template.pk if template else None})
    note = note.strip()
    author_message = _author_message(locked, decision, template, message, note)
    now = timezone.now()
    stored = AuthorMessage.objects.create(
        item=locked, author_id=locked.author_id, created_at=now, body=author_message,
        kind=MessageKind.REQUEST if decision == Decision.REQUEST_INFO else MessageKind.DECISION,
    ) if author_message and locked.author_id else None
    transition(locked, to=decision.status, action=AuditAction.RESOLVED, actor=moderator,
               decision=decision, note=note, data={**data, "message": author_message},
               fields={"resolved_by": moderator, "resolved_at": now,
                       "claimed_by": None, "claimed_at": None,
                       "decision_note": note, "author_message": author_message},
               signal=signals.review_resolved,
               signal_args={"decision": str(decision), "moderator": moderator},
               notify=stored)
    _apply_outcome(locked.content.obj, decision)
    if decision == Decision.DELIST:
        _escalate_if_needed(item=locked, moderator=moderator)
    _sync(item, locked)
    return locked


def _decision(value: str) -> Decision:
    try:
        return Decision(value)
    except ValueError as error:
        raise TransitionError(_("Unknown decision %(decision)r.") % {"decision": value}) \
            from error


def _check_may_decide(item: ReviewItem, moderator) -> None:
    if item.is_claimed_by_other(moderator):
        raise ClaimConflict(_("%(name)s is reviewing this item.") % {"name": item.claimed_by},
                            holder=item.claimed_by)
    if item.excluded_moderator_id == moderator.pk:
        raise ClaimConflict(_("This decision was appealed; another moderator has to review it."))


def _author_message(item: ReviewItem, decision: Decision, template, message: str,
                    note: str) -> str:
    """What the author is told with the decision (see ``resolve_item``)."""
    if template is not None and template.decision and template.decision != decision:
        raise ValidationError(_("This reason template is for another decision."))
    text = (message or "").strip() or (template.shown_message if template else "")
    if text or decision == Decision.APPROVE:
        return text
    if decision == Decision.REQUEST_INFO:
        return str(DEFAULT_INFO_REQUEST)
    reasons = sorted((r for r in item.reasons if r.get("reason")), key=lambda r: -r["priority"])
    if reasons and (decision == Decision.DELIST or note):
        return shipped_text(reasons[0]["reason"])
    raise ValidationError(
        {"message": _("Tell the author why: choose a reason template or write a message.")})


def _apply_outcome(post: Model, decision: str) -> None:
    adapter = get_moderation_adapter()
    if decision == Decision.APPROVE:
        adapter.release(post)
    elif decision == Decision.DELIST:
        adapter.delist(post)
    elif decision == Decision.REJECT:
        adapter.reject(post)


def bulk_resolve(*, items, moderator, decision: str, note: str = "",
                 template: ReasonTemplate | None = None,
                 message: str = "") -> tuple[list[ReviewItem], list[str]]:
    """Decide several items the same way; each in its own transaction. Returns the items
    decided and, for the others, why they were skipped.
    """
    done, skipped = [], []
    for item in items:
        try:
            done.append(resolve_item(item=item, moderator=moderator, decision=decision,
                                     note=note, template=template, message=message))
        except (ModerationError, ValidationError, SelfReviewRefused) as error:
            skipped.append(f"#{item.pk}: {' '.join(getattr(error, 'messages', [str(error)]))}")
    return done, skipped


@transaction.atomic
def undo_resolution(*, item: ReviewItem, moderator) -> ReviewItem:
    """Take back a decision within ``AI_MODERATION_UNDO_SECONDS``: the item is claimed by the
    moderator again (their other claims are released), the post goes back to how it was, and
    the stored message to the author is withdrawn (a notification already sent stays sent).
    Raises ``TransitionError`` when the window has passed or someone acted since.
    """
    _require_moderator(moderator)
    locked = lock_item(item)
    last = locked.audit_entries.order_by("-created_at", "-id").first()
    window = timedelta(seconds=app_settings.UNDO_SECONDS)
    if (locked.resolved_by_id != moderator.pk or locked.resolved_at is None
            or timezone.now() - locked.resolved_at > window
            or last is None or last.action != AuditAction.RESOLVED):
        raise TransitionError(_("This decision can no longer be undone."))
    decided_at = locked.resolved_at
    _release_other_claims(moderator, keep=locked.pk)
    transition(locked, to=ReviewStatus.CLAIMED, action=AuditAction.UNDONE, actor=moderator,
               decision=last.decision, data=_as_moderator(locked, moderator),
               fields={"claimed_by": moderator, "claimed_at": timezone.now(),
                       "resolved_by": None, "resolved_at": None, "author_message": ""},
               signal=signals.review_reopened, signal_args={"reason": "undo", "user": moderator})
    AuthorMessage.objects.filter(item=locked, from_author=False,
                                 created_at__gte=decided_at).delete()
    if last.decision in (Decision.APPROVE, Decision.DELIST, Decision.REJECT):
        adapter = get_moderation_adapter()
        if locked.held:
            adapter.hold(locked.content.obj)
        else:
            adapter.release(locked.content.obj)
    _sync(item, locked)
    return locked


def _escalate_if_needed(*, item: ReviewItem, moderator) -> Escalation | None:
    """After a delist: escalate the author once their delisted posts reach the threshold."""
    threshold = app_settings.ESCALATION_DELISTS
    if not threshold or item.author_id is None:
        return None
    delists = ReviewItem.objects.filter(
        author_id=item.author_id, status=ReviewStatus.DELISTED
    ).values("content").distinct().count()
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
    transition(item, to=item.status, action=AuditAction.ESCALATED, actor=moderator,
               data={"delists": delists, "threshold": threshold})
    return escalation

