"""What AI tools recorded on an author's content, for the author to accept or dismiss."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .content import Content
from .disclosure import DisclosureRevision


class SuggestionStatus(models.TextChoices):
    """Where a tool's suggestion stands: only the author moves it on, once."""

    PENDING = "pending", _("Waiting for the author")
    ACCEPTED = "accepted", _("Accepted")
    DISMISSED = "dismissed", _("Dismissed")


class ToolSuggestion(models.Model):
    """What an AI tool (an editor's assistant) says it did to a post, for its author to accept
    or dismiss.

    Recording one changes neither the post nor its disclosure; accepting it adds the kind and
    the model to the disclosure (a new revision) and, when ``passage`` is still in the body,
    wraps it in a ``block_type`` block. Kind and block type are kept as slugs, so the record
    outlives an admin's edit of the vocabulary. Decided suggestions are kept for moderators.
    """

    content = models.ForeignKey(
        Content,
        on_delete=models.CASCADE,
        related_name="tool_suggestions",
        verbose_name=_("content"),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("recorded by"),
        help_text=_("The account the tool acted for."),
    )
    tool = models.CharField(_("tool"), max_length=80, blank=True)
    kind = models.CharField(_("kind of AI help"), max_length=40)
    model = models.CharField(_("model"), max_length=80)
    block_type = models.CharField(_("AI block type"), max_length=40, blank=True)
    passage = models.TextField(_("passage"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=SuggestionStatus.choices,
        default=SuggestionStatus.PENDING,
    )
    passage_wrapped = models.BooleanField(_("passage marked as an AI block"), default=False)
    revision = models.ForeignKey(
        DisclosureRevision,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("disclosure revision written on acceptance"),
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        ordering = ["content", "created_at", "pk"]
        verbose_name = _("AI tool suggestion")
        verbose_name_plural = _("AI tool suggestions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=SuggestionStatus.values),
                name="ai_disclosure_suggestion_status_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(status=SuggestionStatus.PENDING, decided_at__isnull=True)
                | (~models.Q(status=SuggestionStatus.PENDING) & models.Q(decided_at__isnull=False)),
                name="ai_disclosure_suggestion_decided_once",
            ),
            models.CheckConstraint(
                condition=models.Q(passage="") | ~models.Q(block_type=""),
                name="ai_disclosure_suggestion_passage_has_block_type",
            ),
        ]

    def __str__(self) -> str:
        return str(_("%(kind)s by %(model)s") % {"kind": self.kind, "model": self.model})
