"""Expert co-signing: the forum user an author named as the post's reviewer, and their answer."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .disclosure import Disclosure


class CoSignatureStatus(models.TextChoices):
    """Where an invitation to co-sign a disclosure stands."""

    INVITED = "invited", _("Invited")
    CONFIRMED = "confirmed", _("Confirmed")
    DECLINED = "declined", _("Declined")


class CoSignature(models.Model):
    """A forum user the author named as the expert who reviewed the post, and their answer.

    Readers and policies count it only while it is confirmed for the post's current text
    (``content_hash``): an edit that changes the body invites the reviewer again
    (``services.save_disclosure_revision``).
    """

    disclosure = models.OneToOneField(
        Disclosure, on_delete=models.CASCADE, related_name="cosignature",
        verbose_name=_("disclosure"),
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ai_cosignatures",
        verbose_name=_("reviewer"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=CoSignatureStatus.choices,
        default=CoSignatureStatus.INVITED,
    )
    content_hash = models.CharField(
        _("text reviewed"), max_length=64,
        help_text=_("Content hash of the body the reviewer was asked about."),
    )
    note = models.TextField(_("reviewer's note"), blank=True)
    invited_at = models.DateTimeField(_("invited"))
    responded_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        verbose_name = _("expert co-signature")
        verbose_name_plural = _("expert co-signatures")
        indexes = [models.Index(fields=["reviewer", "status"], name="ai_cosign_reviewer_idx")]

    def __str__(self) -> str:
        return str(_("%(reviewer)s on %(disclosure)s")
                   % {"reviewer": self.reviewer, "disclosure": self.disclosure})

    def is_confirmed_for(self, body_hash: str) -> bool:
        """Whether the reviewer confirmed exactly this text."""
        return self.status == CoSignatureStatus.CONFIRMED and self.content_hash == body_hash
