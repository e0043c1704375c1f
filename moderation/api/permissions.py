"""Who may call the moderation API (shown as "Who may call" in the OpenAPI document)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import NotFound
from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from ai_disclosure import content_types

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


__all__ = ["PERMISSION", "CanAddPolicies", "IsModerator", "SignedInReaders"]


class SignedInReaders(BasePermission):
    """Any signed-in user who can read the post (others get 404 for a post they cannot see,
    so nobody learns that a hidden post exists); authors cannot report their own post (403).
    """

    message = _("Sign in to report a post.")

    def has_permission(self, request: Request, view) -> bool:
        """Only signed-in users get as far as the post lookup."""
        return bool(request.user and request.user.is_authenticated)

    def has_object_permission(self, request: Request, view, post) -> bool:
        """Readers of the post pass (the service refuses its author); 404 for the others."""
        if content_types.adapter_for(post).is_visible_to(post, request.user):
            return True
        raise NotFound()
