"""How the plugins read the demo forum's posts and comments (the adapters named in
``AI_DISCLOSURE_CONTENT_TYPES``) and how moderators' decisions reach them
(``AI_MODERATION_ADAPTER``).
"""

from django.db.models import Model

from ai_disclosure.adapter import ContentAdapter
from moderation.adapter import ModerationAdapter

from .models import Visibility


class ForumModerationAdapter(ModerationAdapter):
    """Held and removed posts and comments are visible to their author and moderators only;
    delisted ones leave the listings but stay reachable, marked as delisted.
    """

    def _set(self, obj: Model, visibility: str) -> None:
        type(obj)._default_manager.filter(pk=obj.pk).update(visibility=visibility)
        obj.visibility = visibility

    def hold(self, post: Model) -> None:
        """Hide the post (comment) from readers until a moderator decides."""
        self._set(post, Visibility.HELD)

    def release(self, post: Model) -> None:
        """Show the post (comment) to readers again."""
        self._set(post, Visibility.VISIBLE)

    def delist(self, post: Model) -> None:
        """Keep the post (comment) reachable by its link but out of listings."""
        self._set(post, Visibility.DELISTED)

    def reject(self, post: Model) -> None:
        """Take the post (comment) down; only its author still sees it."""
        self._set(post, Visibility.REJECTED)


class ForumPostAdapter(ContentAdapter):
    """Held and removed posts are their author's alone (moderators read everything)."""

    def is_visible_to(self, post: Model, user) -> bool:
        """Held and removed content is its author's alone; otherwise the default rules apply."""
        if post.visibility in (Visibility.HELD, Visibility.REJECTED):
            return bool(user is not None and user.is_authenticated and user.pk == post.author_id)
        return super().is_visible_to(post, user)


class ForumCommentAdapter(ForumPostAdapter):
    """Comments have no title and answer a post (their parent)."""

    title_field = None
    parent_field = "post"
