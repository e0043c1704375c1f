"""How the plugins read the demo forum's posts (``AI_DISCLOSURE_POST_ADAPTER``) and how
moderators' decisions reach it (``AI_MODERATION_ADAPTER``).
"""

from ai_disclosure.adapter import PostAdapter
from moderation.adapter import ModerationAdapter

from .models import Post, Visibility


class ForumModerationAdapter(ModerationAdapter):
    """Held and removed posts are visible to their author and moderators only; delisted posts
    leave the listings but their page stays reachable, marked as delisted.
    """

    def _set(self, post: Post, visibility: str) -> None:
        Post.objects.filter(pk=post.pk).update(visibility=visibility)
        post.visibility = visibility

    def hold(self, post: Post) -> None:
        """Hide the post from readers until a moderator decides."""
        self._set(post, Visibility.HELD)

    def release(self, post: Post) -> None:
        """Show the post to readers again."""
        self._set(post, Visibility.VISIBLE)

    def delist(self, post: Post) -> None:
        """Keep the post reachable by its link but out of listings."""
        self._set(post, Visibility.DELISTED)

    def reject(self, post: Post) -> None:
        """Take the post down; only its author still sees it."""
        self._set(post, Visibility.REJECTED)


class ForumPostAdapter(PostAdapter):
    """Held and removed posts are their author's alone (moderators read everything)."""

    def is_visible_to(self, post: Post, user) -> bool:
        """Held and removed posts are their author's alone; otherwise the default rules apply."""
        if post.visibility in (Visibility.HELD, Visibility.REJECTED):
            return bool(user is not None and user.is_authenticated and user.pk == post.author_id)
        return super().is_visible_to(post, user)
