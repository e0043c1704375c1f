"""The model registry: AI models the forum knows, so policies can reason about them."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ModelTier(models.TextChoices):
    """Kinds of model a policy may single out (``"frontier" in disclosure.model_tiers``)."""

    FRONTIER = "frontier", _("Frontier")
    OPEN_WEIGHTS = "open-weights", _("Open weights")
    SMALL = "small", _("Small")


class AIModel(models.Model):
    """An AI model authors may name in their disclosure, maintained by admins.

    Authors write model names freely (“gpt 4o”, “Claude 3.5 Sonnet”); screening matches them
    to these rows by name or alias, ignoring case, spaces and punctuation
    (``moderation.model_registry``), so policies see each post's newest model's age, the
    models' tiers and the names nobody registered.
    """

    name = models.CharField(_("name"), max_length=120, unique=True)
    vendor = models.CharField(_("vendor"), max_length=120)
    release_date = models.DateField(
        _("release date"), help_text=_("When the model was first publicly available."),
    )
    tiers = models.JSONField(
        _("tiers"), default=list, blank=True,
        help_text=_("Any of: frontier, open-weights, small."),
    )
    aliases = models.JSONField(
        _("aliases"), default=list, blank=True,
        help_text=_("Other names authors use for this model, e.g. an API identifier."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-release_date", "name"]
        verbose_name = _("AI model")
        verbose_name_plural = _("AI models")

    def __str__(self) -> str:
        return self.name
