"""The hub row of each host object the plugin knows, and its stored render."""

from __future__ import annotations

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class Content(models.Model):
    """One host object of a registered content type (a post, a comment…) the plugin knows.

    The hub every plugin table points at with a plain foreign key, so the queue and the
    reports join and ``select_related`` as they would with one host model; the host object
    itself is reached through ``obj`` (a generic foreign key: prefetch it per type). Rows
    are written by ``services.content_for`` only.

    ``object_id`` is an integer: registered models need integer primary keys
    (``ai_disclosure.E007``), which keeps the id comparable and indexable on every database.
    """

    kind = models.SlugField(
        _("content type"), max_length=40,
        help_text=_("The registry's slug for this type, e.g. post or comment."),
    )
    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+", verbose_name=_("model")
    )
    object_id = models.PositiveBigIntegerField(_("object id"))
    obj = GenericForeignKey("content_type", "object_id")
    parent = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="children",
        verbose_name=_("parent"),
        help_text=_("The registered object this one answers, e.g. a comment's post."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("content")
        verbose_name_plural = _("contents")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="ai_disclosure_content_unique"
            )
        ]
        # Moderation's author history looks rows up by type slug and host id.
        indexes = [
            models.Index(fields=["kind", "object_id"], name="ai_disclosure_content_kind_idx")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}"


class ContentRender(models.Model):
    """A content's rendered body, stored so pages do not re-render it on every view.

    Valid while ``content_hash`` and ``renderer_version`` match the body and the current
    renderer; ``services.rendered_content`` rebuilds it otherwise.
    """

    content = models.OneToOneField(
        Content, on_delete=models.CASCADE, related_name="render", verbose_name=_("content")
    )
    content_hash = models.CharField(_("content hash"), max_length=64)
    renderer_version = models.PositiveSmallIntegerField(_("renderer version"))
    html = models.TextField(_("HTML"))
    blocks = models.JSONField(_("AI blocks"), default=list)
    warnings = models.JSONField(_("warnings"), default=list)
    ai_share = models.FloatField(_("measured AI share"))
    text_length = models.PositiveIntegerField(_("text length"))
    rendered_at = models.DateTimeField(_("rendered"), auto_now=True)

    class Meta:
        verbose_name = _("content render")
        verbose_name_plural = _("content renders")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ai_share__gte=0) & models.Q(ai_share__lte=1),
                name="ai_disclosure_render_ai_share_range",
            )
        ]

    def __str__(self) -> str:
        return str(_("Render of %(content)s") % {"content": self.content})
