"""Who may call the editor API. Each class's docstring (first paragraph) is shown in the OpenAPI
document as "Who may call" (``base.AutoSchema``), so keep it a sentence for people.
"""

from __future__ import annotations

from django.db.models import Model
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import NotFound
from rest_framework.permissions import SAFE_METHODS, AllowAny, BasePermission, IsAuthenticated
from rest_framework.request import Request

from ..content_types import adapter_for

#: Users with this permission read every disclosure and its revisions (moderators). It is
#: Django's own "view" permission of the model, so superusers have it, the admin honours it,
#: and a forum grants it to its moderators' group; ``ai_disclosure`` needs no moderation app.
REVIEWER_PERMISSION = "ai_disclosure.view_disclosure"


def can_review(user) -> bool:
    """Whether ``user`` may read any post's disclosure (a moderator)."""
    return bool(user and user.is_authenticated and user.has_perm(REVIEWER_PERMISSION))


def is_author(user, post: Model) -> bool:
    """Whether ``user`` wrote ``post``, as the post adapter reads it; anonymous users never did."""
    if not (user and user.is_authenticated):
        return False
    author_id = adapter_for(post).get_author_id(post)
    return author_id is not None and author_id == user.pk


class Anyone(AllowAny):
    """Anyone, logged in or not."""


class LoggedIn(IsAuthenticated):
    """Any logged-in user (session or token)."""


class PostAuthorWritesReviewersRead(BasePermission):
    """The post's author reads and writes; moderators (``ai_disclosure.view_disclosure``)
    read. Others get 403 for a published post and 404 for a draft, so nobody learns that
    someone else's draft exists.
    """

    message = _("Only the post's author may change its disclosure; moderators may read it.")

    def has_permission(self, request: Request, view) -> bool:
        """Only logged-in users get as far as the post lookup."""
        return bool(request.user and request.user.is_authenticated)

    def has_object_permission(self, request: Request, view, post: Model) -> bool:
        """The author may do anything, a moderator only read; others get 403, or 404 for a draft."""
        if is_author(request.user, post):
            return True
        reviewer = can_review(request.user)
        if reviewer and request.method in SAFE_METHODS:
            return True
        if not reviewer and not adapter_for(post).is_published(post):
            raise NotFound()
        return False


class PostReaders(BasePermission):
    """Anyone who can read the post: everyone for a published post; for a draft or a post the
    forum hides, its author and moderators (``ai_disclosure.view_disclosure``). Others get
    404, so nobody learns that a hidden post exists.
    """

    def has_permission(self, request: Request, view) -> bool:
        """Everyone passes here: whether the post may be read is decided per object."""
        return True

    def has_object_permission(self, request: Request, view, post: Model) -> bool:
        """Allow moderators and whoever may see the post; 404 for others hides that it exists."""
        if can_review(request.user) or adapter_for(post).is_visible_to(post, request.user):
            return True
        raise NotFound()


class InvitedReviewer(BasePermission):
    """Only the user an author named as the post's expert reviewer; others get 404, so nobody
    learns whom an author named.
    """

    def has_permission(self, request: Request, view) -> bool:
        """Only logged-in users get as far as the invitation lookup."""
        return bool(request.user and request.user.is_authenticated)

    def has_object_permission(self, request: Request, view, cosignature: Model) -> bool:
        """The invited reviewer may answer; for anyone else the invitation does not exist."""
        if cosignature.reviewer_id == request.user.pk:
            return True
        raise NotFound()
class PostAuthorOnly(BasePermission):
    """The post's author only, with their session or API token: an AI tool records and the
    author decides, the tool acting for the author with the author's token. Others get 403
    for a published post and 404 for a draft; moderators read suggestions in the moderation
    API's item detail, readers never.
    """

    message = _("Only the post's author may see and decide the suggestions of AI tools.")

    def has_permission(self, request: Request, view) -> bool:
        """Only logged-in users get as far as the post lookup."""
        return bool(request.user and request.user.is_authenticated)

    def has_object_permission(self, request: Request, view, post: Model) -> bool:
        """Allow the author; others get 403, or 404 for a draft they may not know about."""
        if is_author(request.user, post):
            return True
        if not can_review(request.user) and not adapter_for(post).is_published(post):
            raise NotFound()
        return False
