"""How moderation acts on the host's posts. Name a subclass in ``AI_MODERATION_ADAPTER``.

Reading posts goes through ``ai_disclosure.adapter.PostAdapter``; this adapter is for the
few things moderation *does* to a post, which only the host knows how to do.
"""

from __future__ import annotations

from django.db.models import Model
from django.utils.module_loading import import_string

from .app_settings import app_settings


class ModerationAdapter:
    """Default: moderation records its decisions but changes nothing on the post."""

    def hold(self, post: Model) -> None:
        """Hide the post until a moderator approves it (``hold`` policies with AUTO_HOLD)."""


def get_moderation_adapter() -> ModerationAdapter:
    return import_string(app_settings.ADAPTER)()
