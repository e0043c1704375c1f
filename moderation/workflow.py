"""The review item's state machine: every status change goes through ``transition()``.

Modelled on Wagtail's ``TaskState.approve()``: check the move, save, update the derived data,
write the audit entry, then — once the transaction commits — send the signal and tell the
author. The action functions in ``services.triage`` lock, validate and call this once each.
"""

from __future__ import annotations

from functools import partial

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext as _

from ai_disclosure.models import Content

from . import signals, webhooks
from .adapter import get_moderation_adapter
from .models import TRANSITIONS, AuditAction, AuditEntry, AuthorMessage, QueueFacet, ReviewItem


class ModerationError(Exception):
    """Base of the errors the triage services raise; the message is for the moderator."""


class TransitionError(ModerationError):
    """The item's current status does not allow this action (e.g. approving it twice)."""


class StaleItem(TransitionError):
    """A conditional transition found the item changed by someone else meanwhile."""


#: Events recorded on an item that leave its status as it is (the author was escalated).
STAYS = frozenset({AuditAction.ESCALATED})


def lock_item(item: ReviewItem) -> ReviewItem:
    """Lock the item's content row, then the item, and return the item fresh (with its
    content and host object).

    The same order as screening (content first), so a decision and a re-screen of one
    object wait for each other instead of deadlocking.
    """
    Content.objects.select_for_update().filter(pk=item.content_id).values_list("pk").first()
    return ReviewItem.objects.select_for_update(of=("self",)).select_related("content").get(
        pk=item.pk
    )


def can_move(item: ReviewItem, to: str, action: str) -> bool:
    """Whether ``TRANSITIONS`` allows ``action`` to move ``item`` to ``to``."""
    if to == item.status and action in STAYS:
        return True
    return to in TRANSITIONS.get(item.status, frozenset())


def transition(
    item: ReviewItem,
    *,
    to: str,
    action: str,
    actor,
    fields: dict | None = None,
    only_if: Q | None = None,
    decision: str = "",
    note: str = "",
    data: dict | None = None,
    signal: Signal | None = None,
    signal_args: dict | None = None,
    notify: AuthorMessage | None = None,
) -> ReviewItem:
    """Move ``item`` to status ``to`` and record it: the one place an item's status changes.

    ``fields`` are saved with the status. The caller holds a lock on the item, or passes
    ``only_if``: then the change is one conditional UPDATE of the row (race-safe claims on any
    database) and ``StaleItem`` is raised when the row no longer matches. One audit entry
    (``action``, ``decision``, ``note``, ``data``) is written; ``signal`` (sent with ``item``,
    ``post`` and ``signal_args``) and the ``notify`` message to the author (an
    ``AuthorMessage``: the adapter's hook, then ``author_messaged``, which emails it) go out
    only after commit. Raises ``TransitionError`` for a move ``TRANSITIONS`` does not allow,
    or one that would give the post a second waiting item.
    """
    from_status = item.status
    if not can_move(item, to, action):
        raise TransitionError(
            _("This item is %(status)s; it cannot be %(action)s.")
            % {"status": item.get_status_display().lower(),
               "action": AuditAction(action).label.lower()}
        )
    _save(item, {**(fields or {}), "status": to}, only_if)
    QueueFacet.objects.write(item)
    AuditEntry.objects.log_action(item=item, actor=actor, action=action, from_status=from_status,
                                  to_status=to, decision=decision, note=note, data=data)
    webhooks.record_item_event(item, action=action, decision=decision)  # in this transaction
    if signal is not None:
        transaction.on_commit(partial(signal.send, sender=ReviewItem, item=item,
                                      post=item.content.obj, **(signal_args or {})))
    if notify is not None:
        transaction.on_commit(partial(get_moderation_adapter().notify_author, item.content.obj,
                                      notify.body))
        transaction.on_commit(partial(signals.author_messaged.send, sender=AuthorMessage,
                                      message=notify, item=item, post=item.content.obj))
    return item


def _save(item: ReviewItem, changes: dict, only_if: Q | None) -> None:
    if only_if is not None:
        changes["updated_at"] = timezone.now()
        if not ReviewItem.objects.filter(only_if, pk=item.pk).update(**changes):
            raise StaleItem(_("Someone else changed this item just now."))
        item.refresh_from_db(fields=list(changes))
        return
    for name, value in changes.items():
        setattr(item, name, value)
    try:
        with transaction.atomic():
            item.save()
    except IntegrityError as error:  # the post was flagged again: it has a newer waiting item
        raise TransitionError(
            _("This post already has another review item waiting for a moderator.")
        ) from error
