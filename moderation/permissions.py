"""Who may moderate: one permission, ``moderation.moderate`` (the "Moderators" group has it)."""

from __future__ import annotations

PERMISSION = "moderation.moderate"


def is_moderator(user) -> bool:
    """Whether ``user`` may see the queue and act on review items."""
    return bool(user and user.is_authenticated and user.is_active and user.has_perm(PERMISSION))
