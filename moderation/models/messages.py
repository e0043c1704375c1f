"""Messages between moderators and authors, and the reusable reason templates."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ai_disclosure.i18n import shipped_text

from .review import Decision, ReviewItem


class ReasonTemplate(models.Model):
    """A reusable explanation moderators pick when deciding; edited in the admin."""

    title = models.CharField(_("title"), max_length=120)
    decision = models.CharField(
        _("for decision"), max_length=16, choices=Decision.choices, blank=True,
        help_text=_("Offered with this decision only; blank offers it with every decision."),
    )
    message = models.TextField(
        _("message to the author"),
        help_text=_("Shown to the author with the decision. Never include scores."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["position", "title"]
        verbose_name = _("reason template")
        verbose_name_plural = _("reason templates")

    def __str__(self) -> str:
        return self.title

    @property
    def shown_title(self) -> str:
        """The title in the reader's language while it is the shipped one (see ``i18n``)."""
        return shipped_text(self.title)

    @property
    def shown_message(self) -> str:
        """The message in the reader's language while it is the shipped one."""
        return shipped_text(self.message)


class MessageKind(models.TextChoices):
    """Why a message between moderators and an author was sent."""

    DECISION = "decision", _("Decision")
    REQUEST = "request", _("Request for information")
    REPLY = "reply", _("Reply")
    APPEAL = "appeal", _("Appeal")


class AuthorMessage(models.Model):
    """A message between moderators and a post's author about one review item.

    Moderators' messages are what the author may see; internal notes live on the item.
    """

    item = models.ForeignKey(
        ReviewItem, on_delete=models.CASCADE, related_name="messages",
        verbose_name=_("review item"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ai_moderation_messages",
        verbose_name=_("post author"),
    )
    from_author = models.BooleanField(_("written by the author"), default=False)
    kind = models.CharField(_("kind"), max_length=10, choices=MessageKind.choices)
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(_("sent"), default=timezone.now, editable=False)
    emailed_at = models.DateTimeField(
        _("emailed"), null=True, blank=True, editable=False,
        help_text=_("When the author was emailed this message; an email is sent once."),
    )

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("message to or from an author")
        verbose_name_plural = _("messages to and from authors")
        indexes = [models.Index(fields=["author", "-created_at"], name="moderation_msg_author_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.item_id}"


class AuthorEmailKind(models.TextChoices):
    """The kinds of email an author may switch off (``AuthorEmailPreferences``)."""

    REQUEST = "request", _("Requests for information")
    DECISION = "decision", _("Decisions on my posts")
    APPEAL = "appeal", _("Outcomes of my appeals")


class AuthorEmailPreferences(models.Model):
    """Which moderation emails an author wants; no row means all of them."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
        related_name="ai_moderation_email_preferences", verbose_name=_("author"),
    )
    request = models.BooleanField(
        _("requests for information"), default=True,
        help_text=_("A moderator asks how AI was used in one of your posts."),
    )
    decision = models.BooleanField(
        _("decisions on my posts"), default=True,
        help_text=_("A moderator approved, delisted or removed one of your posts."),
    )
    appeal = models.BooleanField(
        _("outcomes of my appeals"), default=True,
        help_text=_("Another moderator decided a post whose decision you appealed."),
    )
    # No choices here: they come from the host's LANGUAGES, offered by the form.
    language = models.CharField(
        _("language of the emails"), max_length=15, blank=True,
        help_text=_("Blank: the site's language."),
    )

    class Meta:
        verbose_name = _("author email preferences")
        verbose_name_plural = _("author email preferences")

    def __str__(self) -> str:
        return str(self.user)

    def wants(self, kind: str) -> bool:
        """Whether the author wants emails of ``kind`` (an ``AuthorEmailKind`` value)."""
        return getattr(self, AuthorEmailKind(kind).value)
