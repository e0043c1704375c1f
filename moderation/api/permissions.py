"""Who may call the moderation API (shown as "Who may call" in the OpenAPI document)."""

from __future__ import annotations

from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from ..permissions import PERMISSION, is_moderator


class IsModerator(BasePermission):
    """Moderators only (``moderation.moderate``; the "Moderators" group has it)."""

    message = "Only moderators can do this."

    def has_permission(self, request: Request, view) -> bool:
        """Let moderators in; everyone else gets 403 with ``message``."""
        return is_moderator(request.user)


class CanAddPolicies(BasePermission):
    """Creating a policy also needs ``moderation.add_policy`` (admins)."""

    message = "Only admins (moderation.add_policy) can create policies."

    def has_permission(self, request: Request, view) -> bool:
        """Reading is open to moderators; creating a policy also needs ``add_policy``."""
        if request.method != "POST":
            return True
        return bool(request.user and request.user.has_perm("moderation.add_policy"))


__all__ = ["PERMISSION", "CanAddPolicies", "IsModerator"]
