"""How moderators' decisions reach the demo forum (``AI_MODERATION_ADAPTER``)."""

from moderation.adapter import ModerationAdapter

from .models import Post, Visibility


class ForumModerationAdapter(ModerationAdapter):
    """Held and removed posts are visible to their author and moderators only; delisted posts
    leave the listings but their page stays reachable, marked as delisted."""

    def _set(self, post: Post, visibility: str) -> None:
        Post.objects.filter(pk=post.pk).update(visibility=visibility)
        post.visibility = visibility

    def hold(self, post: Post) -> None:
        self._set(post, Visibility.HELD)

    def release(self, post: Post) -> None:
        self._set(post, Visibility.VISIBLE)

    def delist(self, post: Post) -> None:
        self._set(post, Visibility.DELISTED)

    def reject(self, post: Post) -> None:
        self._set(post, Visibility.REJECTED)
