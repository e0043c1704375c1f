"""How moderation acts on the host's posts. Name a subclass in ``AI_MODERATION_ADAPTER``.

Reading posts goes through ``ai_disclosure.adapter.PostAdapter``; this adapter is for the
few things moderation *does* to a post, which only the host knows how to do. ``hold``,
``release``, ``delist`` and ``reject`` are called inside the transaction that records the
decision, so a decision and its effect on the post commit (or roll back, or are undone)
together; ``notify_author`` is called only after that transaction commits, because a message
sent cannot be rolled back.
"""

from __future__ import annotations

from django.db.models import Model
from django.utils.module_loading import import_string

from .app_settings import app_settings


class ModerationAdapter:
    """Default: moderation records its decisions but changes nothing on the post."""

    def hold(self, post: Model) -> None:
        """Hide the post until a moderator approves it (``hold`` policies with AUTO_HOLD,
        escalated authors, or undoing an approval of a held post).
        """

    def release(self, post: Model) -> None:
        """Make the post visible as usual: it was approved (or a delist was undone)."""

    def delist(self, post: Model) -> None:
        """Remove the post from listings; its page may stay reachable, marked as delisted."""

    def reject(self, post: Model) -> None:
        """Take the post down: only its author (and moderators) can still see it."""

    def notify_author(self, post: Model, message: str) -> None:
        """Tell the author about a decision or a request (e-mail, notification, …), after the
        decision committed. Every delist and reject carries a reason, so ``message`` is never
        empty for those.

        Messages are also stored (``AuthorMessage``) and shown by the selectors, so hosts
        without notifications may leave this empty.
        """


def get_moderation_adapter() -> ModerationAdapter:
    """An instance of the adapter class named by ``AI_MODERATION_ADAPTER``."""
    return import_string(app_settings.ADAPTER)()
