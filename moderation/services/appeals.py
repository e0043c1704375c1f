"""Writes of the author's side of triage: appeal a decision, answer a request for information.

Like the moderators' actions (``triage``), each changes the item's status through
``workflow.transition()`` exactly once.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _

from ai_disclosure import selectors as disclosure_selectors
from ai_disclosure.models import Content

from .. import signals
from ..models import (
    APPEALABLE_STATUSES,
    AuditAction,
    AuthorMessage,
    MessageKind,
    ReviewItem,
    ReviewStatus,
)
from ..workflow import TransitionError, lock_item, transition


class AppealNotAllowed(TransitionError):
    """The item cannot be appealed: not a delist or reject, or already appealed once."""


def _require_author(item: ReviewItem, author) -> None:
    if not (author and author.is_authenticated and item.author_id == author.pk):
        raise PermissionDenied(_("Only the post's author can do this."))


@transaction.atomic
def appeal(*, item: ReviewItem, author, message: str) -> ReviewItem:
    """The author contests a delist or reject, once, with a message. The item returns to
    the queue, and the moderator who decided cannot take it again.
    """
    locked = lock_item(item)
    _require_author(locked, author)
    message = (message or "").strip()
    if not message:
        raise ValidationError(_("Say why the decision should change."), code="required")
    if locked.appealed_at is not None:
        raise AppealNotAllowed(_("A decision can be appealed only once."))
    if locked.status not in APPEALABLE_STATUSES:
        raise AppealNotAllowed(_("Only delisted or rejected posts can be appealed."))
    now = timezone.now()
    try:
        transition(locked, to=ReviewStatus.OPEN, action=AuditAction.APPEALED, actor=author,
                   note=message, signal=signals.review_reopened,
                   signal_args={"reason": "appeal", "user": author},
                   fields={"excluded_moderator_id": locked.resolved_by_id, "appealed_at": now,
                           "appeal_message": message, "resolved_by": None, "resolved_at": None})
    except TransitionError as error:
        raise AppealNotAllowed(_("This post is already waiting for a moderator.")) from error
    AuthorMessage.objects.create(item=locked, author=author, from_author=True,
                                 kind=MessageKind.APPEAL, body=message, created_at=now)
    return locked


@transaction.atomic
def reply_to_request(*, item: ReviewItem, author, message: str) -> ReviewItem:
    """The author answers a request for information; the item returns to the queue."""
    locked = lock_item(item)
    _require_author(locked, author)
    message = (message or "").strip()
    if not message:
        raise ValidationError(_("Write a reply."), code="required")
    if locked.status != ReviewStatus.INFO_REQUESTED:
        raise TransitionError(_("No information is requested for this post."))
    AuthorMessage.objects.create(item=locked, author=author, from_author=True,
                                 kind=MessageKind.REPLY, body=message)
    return _reopen(locked, user=author, reason="author_replied", note=message)


def note_content_edited(*, content: Model | Content, editor) -> ReviewItem | None:
    """The author edited content (a post, a comment…) moderators asked about: return its
    item to the queue.

    Screening does this too when it sees the change; hosts call this to do it at once.
    """
    return _reopen_info_request(content=content, user=editor, reason="author_edited")


@transaction.atomic
def _reopen_info_request(*, content: Model | Content, user, reason: str) -> ReviewItem | None:
    found = disclosure_selectors.content_of(content)
    if found is None:
        return None
    locked = (
        ReviewItem.objects.select_for_update()
        .filter(content=found, status=ReviewStatus.INFO_REQUESTED).first()
    )
    if locked is None or (user is not None and locked.author_id != getattr(user, "pk", None)):
        return None
    return _reopen(locked, user=user, reason=reason)


def _reopen(locked: ReviewItem, *, user, reason: str, note: str = "") -> ReviewItem:
    action = AuditAction.AUTHOR_REPLIED if reason == "author_replied" else AuditAction.REOPENED
    return transition(locked, to=ReviewStatus.OPEN, action=action, actor=user, note=note,
                      data={"reason": reason}, signal=signals.review_reopened,
                      signal_args={"reason": reason, "user": user})
