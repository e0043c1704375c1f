"""How the plugin reads the host forum's content: posts, comments, replies, the host's kinds.

The host owns its content models and registers each in ``AI_DISCLOSURE_CONTENT_TYPES`` with
an adapter class. Everything the plugin needs to know about an object goes through that
adapter. The default reads conventional field names; subclass it when a model differs::

    class ReplyAdapter(ContentAdapter):
        title_field = None          # replies have no title
        parent_field = "thread"     # the registered object a reply answers

        def get_body(self, obj):
            return obj.content_markdown
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db.models import Model, QuerySet


class ContentAdapter:
    """Reads ``author``, ``title``, ``body``, ``parent``, ``published_at`` and ``updated_at``.

    One instance per registered type; ``model`` is the host model and ``kind`` its slug in
    the registry.
    """

    #: The object's foreign key to its author, for querying an author's content.
    author_field = "author"
    #: The title field, or ``None`` for types without titles (comments, replies).
    title_field: str | None = "title"
    #: The foreign key to the registered object this one answers (a comment's post), or
    #: ``None`` for top-level types.
    parent_field: str | None = None

    def __init__(self, *, model: type[Model], kind: str) -> None:
        self.model = model
        self.kind = kind

    def get_author(self, obj: Model) -> Any:
        """The object's author, read from ``author_field``."""
        return getattr(obj, self.author_field)

    def get_author_id(self, obj: Model) -> Any:
        """The author's primary key, without loading the author when it is a foreign key."""
        if type(self).get_author is ContentAdapter.get_author:
            return getattr(obj, obj._meta.get_field(self.author_field).attname)
        author = self.get_author(obj)  # an adapter that finds the author its own way
        return author.pk if author is not None else None

    def get_title(self, obj: Model) -> str:
        """The title shown in the queue, the export and the compliance report ("" if none)."""
        return getattr(obj, self.title_field) if self.title_field else ""

    def get_body(self, obj: Model) -> str:
        """The raw text the disclosure describes and the renderer turns into HTML."""
        return obj.body

    def set_body(self, obj: Model, body: str) -> None:
        """Store a new body. The plugin writes a body only when the author accepts an AI
        tool's suggestion (to mark its passage as an AI block); override this together with
        ``get_body``.
        """
        obj.body = body
        obj.save()

    def get_parent(self, obj: Model) -> Model | None:
        """The registered object this one answers (a comment's post), or ``None``."""
        return getattr(obj, self.parent_field) if self.parent_field else None

    def get_url(self, obj: Model) -> str:
        """The object's page (a path), linked from the queue and emails; "" when it has none."""
        return obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else ""

    def get_published_at(self, obj: Model) -> datetime | None:
        """When the object went public, or ``None`` for a draft."""
        return getattr(obj, "published_at", None)

    def get_updated_at(self, obj: Model) -> datetime | None:
        """When the object was last edited; disclosure changes after a flag are judged by it."""
        return getattr(obj, "updated_at", None)

    def is_published(self, obj: Model) -> bool:
        """Whether readers can see the object at all; no publication time means a draft."""
        return self.get_published_at(obj) is not None

    def is_visible_to(self, obj: Model, user: Any) -> bool:
        """Whether ``user`` may read ``obj`` (moderators always may): published objects are
        public, drafts their author's alone. Override it when your forum hides content in
        other ways, e.g. while it waits for a moderator.
        """
        if self.is_published(obj):
            return True
        author = self.get_author(obj)
        return bool(
            user is not None
            and user.is_authenticated
            and author is not None
            and author.pk == user.pk
        )

    def published(self) -> QuerySet:
        """All published objects of this type."""
        return self.model._default_manager.filter(published_at__isnull=False)

    def published_by(self, author: Any) -> QuerySet:
        """The author's published objects of this type (for their history)."""
        return self.published().filter(**{self.author_field: author})

    def by_author(self, author: Any) -> QuerySet:
        """Everything of this type the author wrote, drafts included (for their data export)."""
        return self.model._default_manager.filter(**{self.author_field: author})

    def changed_since(self, objs: QuerySet, since: datetime) -> QuerySet:
        """The objects among ``objs`` edited since ``since``."""
        return objs.filter(updated_at__gte=since)


#: The name the adapter had when the plugin knew posts only (``AI_DISCLOSURE_POST_ADAPTER``).
PostAdapter = ContentAdapter
