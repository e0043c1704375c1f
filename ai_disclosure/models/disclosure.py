"""Disclosures, their revisions, and the admin-editable vocabularies behind the form."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .. import blocks
from ..i18n import shipped_text
from .content import Content

#: Bump when the form's fields or rules change, so policies can tell versions apart.
#: 2: ``autonomous`` (an AI agent wrote and posted the post) and its rules.
FORM_VERSION = 2


class AssistanceKind(models.Model):
    """A kind of help an AI gave (drafting, editing, …), as offered on the form."""

    slug = models.SlugField(_("slug"), max_length=40, unique=True)
    label = models.CharField(_("label"), max_length=80)
    description = models.CharField(_("description"), max_length=200, blank=True)
    requires_verification = models.BooleanField(
        _("requires verification"),
        default=False,
        help_text=_("Authors who pick this kind must say how they checked the AI's output."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("assistance kind")
        verbose_name_plural = _("assistance kinds")

    def __str__(self) -> str:
        return self.shown_label

    @property
    def shown_label(self) -> str:
        """The label in the reader's language while it is the shipped one (``i18n``)."""
        return shipped_text(self.label)

    @property
    def shown_description(self) -> str:
        """The description in the reader's language while it is the shipped one."""
        return shipped_text(self.description)


class AIBlockType(models.Model):
    """A type of inline AI block (``:::ai-written`` …); admins may add more."""

    slug = models.CharField(
        _("slug"),
        max_length=40,
        unique=True,
        validators=[
            RegexValidator(
                r"^[a-z][a-z0-9-]*$",
                _("Use lowercase letters, digits and hyphens, starting with a letter."),
            )
        ],
        help_text=_("Written after ::: in the post, e.g. ai-written."),
    )
    label = models.CharField(_("label"), max_length=80)
    assistance_kind = models.ForeignKey(
        AssistanceKind,
        verbose_name=_("implied assistance kind"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        help_text=_("Suggested on the form when a post contains this block."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("AI block type")
        verbose_name_plural = _("AI block types")

    def __str__(self) -> str:
        return self.shown_label

    @property
    def shown_label(self) -> str:
        """The label in the reader's language while it is the shipped one (``i18n``)."""
        return shipped_text(self.label)

    def as_block_type(self) -> blocks.BlockType:
        """The plain record the renderer works with (the stored label: it is cached)."""
        kind = self.assistance_kind
        return blocks.BlockType(self.slug, self.label, kind.slug if kind else None)


class FormWording(models.Model):
    """Site-specific wording of the disclosure form; a blank field keeps the default text.

    There is one row (primary key 1), edited in the admin.
    """

    human_only_label = models.CharField(
        _("human-only tick label"),
        max_length=200,
        blank=True,
        # xgettext:no-python-format ("100%" is not a placeholder)
        help_text=_("Default: “This post is unambiguously 100% human-written”."),
    )
    intro = models.TextField(_("introduction"), blank=True)
    description_help = models.TextField(_("help for “what the AI did”"), blank=True)
    verification_help = models.TextField(_("help for “how you checked it”"), blank=True)

    class Meta:
        verbose_name = _("form wording")
        verbose_name_plural = _("form wording")

    def __str__(self) -> str:
        return str(_("Disclosure form wording"))


class AIShareEstimate(models.TextChoices):
    """The author's estimate of how much of the text the AI wrote."""

    NONE = "none", _("None of the text")
    UNDER_10 = "lt10", _("Less than 10%")
    UNDER_30 = "10-30", _("10–30%")
    UNDER_60 = "30-60", _("30–60%")
    UNDER_90 = "60-90", _("60–90%")
    OVER_90 = "gt90", _("More than 90%")

    @property
    def bounds(self) -> tuple[float, float]:
        """The bucket as a (low, high) share of the text."""
        return {
            "none": (0.0, 0.0),
            "lt10": (0.0, 0.1),
            "10-30": (0.1, 0.3),
            "30-60": (0.3, 0.6),
            "60-90": (0.6, 0.9),
            "gt90": (0.9, 1.0),
        }[self.value]


class Expertise(models.TextChoices):
    """Whether someone with relevant expertise vetted the AI's contribution."""

    AUTHOR = "author", _("Reviewed by me, with relevant expertise")
    OTHER = "other", _("Reviewed by another person with relevant expertise")
    NONE = "none", _("Not reviewed by someone with relevant expertise")


class Disclosure(models.Model):
    """How AI was used in one piece of content, as declared by its author."""

    content = models.OneToOneField(
        Content, on_delete=models.CASCADE, related_name="disclosure", verbose_name=_("content")
    )
    # xgettext:no-python-format ("100%" is not a placeholder)
    human_only = models.BooleanField(_("100% human-written"), default=False)
    autonomous = models.BooleanField(
        _("posted by an AI agent"),
        default=False,
        help_text=_("An AI agent wrote and posted it; no person reviewed it before publishing."),
    )
    assistance = models.ManyToManyField(
        AssistanceKind, blank=True, related_name="+", verbose_name=_("kinds of AI help")
    )
    models_used = models.JSONField(_("models used"), default=list, blank=True)
    ai_share_estimate = models.CharField(
        _("share of the text written by AI"),
        max_length=8,
        choices=AIShareEstimate.choices,
        blank=True,
    )
    description = models.TextField(_("what the AI did"), blank=True)
    verification = models.TextField(_("how the output was checked"), blank=True)
    expertise = models.CharField(
        _("expert review"), max_length=8, choices=Expertise.choices, blank=True
    )
    form_version = models.PositiveSmallIntegerField(_("form version"), default=FORM_VERSION)
    human_only_hash = models.CharField(
        _("text the human-only tick was given for"),
        max_length=64,
        blank=True,
        editable=False,
        # xgettext:no-python-format ("100%" is not a placeholder)
        help_text=_("Content hash of the body when the author ticked “100% human-written”; "
                    "an edit that changes the text asks the author again."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("disclosure")
        verbose_name_plural = _("disclosures")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(human_only=True) | models.Q(human_only_hash=""),
                name="ai_disclosure_tick_hash_only_with_tick",
            ),
            models.CheckConstraint(
                condition=~models.Q(human_only=True)
                | (
                    models.Q(autonomous=False)
                    & models.Q(ai_share_estimate="")
                    & models.Q(description="")
                    & models.Q(verification="")
                    & models.Q(expertise="")
                ),
                name="ai_disclosure_human_only_has_no_details",
            ),
        ]

    def __str__(self) -> str:
        return str(_("Disclosure for %(content)s") % {"content": self.content})


class DisclosureRevision(models.Model):
    """An append-only snapshot of a disclosure, written on every save."""

    disclosure = models.ForeignKey(
        Disclosure, on_delete=models.CASCADE, related_name="revisions", verbose_name=_("disclosure")
    )
    number = models.PositiveIntegerField(_("number"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("changed by"),
    )
    form_version = models.PositiveSmallIntegerField(_("form version"))
    data = models.JSONField(_("disclosure"), help_text=_("The disclosure as saved."))
    changes = models.JSONField(
        _("changes"), default=dict, help_text=_("Field name → [before, after].")
    )

    class Meta:
        ordering = ["disclosure", "number"]
        verbose_name = _("disclosure revision")
        verbose_name_plural = _("disclosure revisions")
        constraints = [
            models.UniqueConstraint(
                fields=["disclosure", "number"], name="ai_disclosure_revision_number_unique"
            )
        ]

    def __str__(self) -> str:
        return str(_("Revision %(number)d") % {"number": self.number})

    def save(self, *args, **kwargs) -> None:
        """Create the revision; refuse to rewrite one, since revisions are history."""
        # Revisions are history: they are only ever created, never rewritten.
        if not self._state.adding:
            raise ValueError("Disclosure revisions are append-only.")
        super().save(*args, **kwargs)


class ReaderPreference(models.Model):
    """What a reader wants to see of AI-written posts."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="ai_reader_preference",
        verbose_name=_("user"),
    )
    collapse_mostly_ai = models.BooleanField(
        _("collapse mostly AI-written posts in listings"), default=False
    )

    class Meta:
        verbose_name = _("reader preference")
        verbose_name_plural = _("reader preferences")

    def __str__(self) -> str:
        return str(self.user)
