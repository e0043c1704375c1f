"""How the plugin reads the host forum's posts.

The host owns its post model. Everything the plugin needs to know about a post goes through
one adapter class, named by ``AI_DISCLOSURE_POST_ADAPTER``. The default reads conventional
field names; subclass it when your model differs::

    class ForumPostAdapter(PostAdapter):
        def get_body(self, post):
            return post.content_markdown
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.db.models import Model

from .app_settings import app_settings


def get_post_model() -> type[Model]:
    """The model named by ``AI_DISCLOSURE_POST_MODEL`` (like ``get_user_model()``)."""
    return apps.get_model(app_settings.POST_MODEL, require_ready=False)


class PostAdapter:
    """Reads ``author``, ``title``, ``body`` and ``published_at`` from a post."""

    def get_author(self, post: Model) -> Any:
        return post.author

    def get_title(self, post: Model) -> str:
        return post.title

    def get_body(self, post: Model) -> str:
        return post.body

    def is_published(self, post: Model) -> bool:
        return getattr(post, "published_at", None) is not None


def get_adapter() -> PostAdapter:
    """An instance of the configured adapter."""
    return app_settings.POST_ADAPTER()
