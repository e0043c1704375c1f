"""How the plugin reads the host forum's posts.

The host owns its post model. Everything the plugin needs to know about a post goes through
one adapter class, named by ``AI_DISCLOSURE_POST_ADAPTER``. The default reads conventional
field names; subclass it when your model differs::

    class ForumPostAdapter(PostAdapter):
        def get_body(self, post):
            return post.content_markdown
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.apps import apps
from django.db.models import Model, QuerySet

from .app_settings import app_settings


def get_post_model() -> type[Model]:
    """The model named by ``AI_DISCLOSURE_POST_MODEL`` (like ``get_user_model()``)."""
    return apps.get_model(app_settings.POST_MODEL, require_ready=False)


class PostAdapter:
    """Reads ``author``, ``title``, ``body``, ``published_at`` and ``updated_at``."""

    #: The post's foreign key to its author, for querying an author's posts.
    author_field = "author"

    def get_author(self, post: Model) -> Any:
        """The post's author, read from ``author_field``."""
        return getattr(post, self.author_field)

    def get_author_id(self, post: Model) -> Any:
        """The author's primary key, without loading the author when it is a foreign key."""
        if type(self).get_author is PostAdapter.get_author:
            return getattr(post, post._meta.get_field(self.author_field).attname)
        author = self.get_author(post)  # an adapter that finds the author its own way
        return author.pk if author is not None else None

    def get_title(self, post: Model) -> str:
        """The title shown in the queue, the export and the compliance report."""
        return post.title

    def get_body(self, post: Model) -> str:
        """The raw text the disclosure describes and the renderer turns into HTML."""
        return post.body

    def set_body(self, post: Model, body: str) -> None:
        """Store a new body. The plugin writes a body only when the author accepts an AI
        tool's suggestion (to mark its passage as an AI block); override this together with
        ``get_body``.
        """
        post.body = body
        post.save()

    def get_published_at(self, post: Model) -> datetime | None:
        """When the post went public, or ``None`` for a draft."""
        return getattr(post, "published_at", None)

    def get_updated_at(self, post: Model) -> datetime | None:
        """When the post was last edited; disclosure changes after a flag are judged by it."""
        return getattr(post, "updated_at", None)

    def is_published(self, post: Model) -> bool:
        """Whether readers can see the post at all; a post without a publication time is a draft."""
        return self.get_published_at(post) is not None

    def is_visible_to(self, post: Model, user: Any) -> bool:
        """Whether ``user`` may read ``post`` (moderators always may): a published post is
        public, a draft its author's alone. Override it when your forum hides posts in other
        ways, e.g. while they wait for a moderator.
        """
        if self.is_published(post):
            return True
        author = self.get_author(post)
        return bool(
            user is not None
            and user.is_authenticated
            and author is not None
            and author.pk == user.pk
        )

    def published_posts(self) -> QuerySet:
        """All published posts."""
        return get_post_model()._default_manager.filter(published_at__isnull=False)

    def published_posts_by(self, author: Any) -> QuerySet:
        """The author's published posts (for their history)."""
        return self.published_posts().filter(**{self.author_field: author})

    def changed_since(self, posts: QuerySet, since: datetime) -> QuerySet:
        """The posts among ``posts`` edited since ``since``."""
        return posts.filter(updated_at__gte=since)


def get_adapter() -> PostAdapter:
    """An instance of the configured adapter."""
    return app_settings.POST_ADAPTER()
