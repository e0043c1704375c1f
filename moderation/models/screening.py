"""The latest screening of each piece of content: scores, evidence and the context policies saw."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from ai_disclosure.models import Content


class Screening(models.Model):
    """The latest screening of a post: classifier scores, evidence and the policy context.

    ``key`` identifies the inputs (content hash, disclosure revision, classifier and policy
    versions): screening the same inputs again is a no-op, which makes the task idempotent.
    The stored ``context`` is what policies saw, so a draft policy can be backtested over
    recent posts without re-running the classifiers.
    """

    content = models.OneToOneField(
        Content, on_delete=models.CASCADE, related_name="screening", verbose_name=_("content")
    )
    key = models.CharField(_("idempotency key"), max_length=64)
    content_hash = models.CharField(_("content hash"), max_length=64)
    scores = models.JSONField(_("scores"), default=dict)
    evidence = models.JSONField(_("evidence"), default=dict)
    context = models.JSONField(_("policy context"), default=dict)
    classifier_versions = models.JSONField(_("classifier versions"), default=dict)
    policy_versions = models.JSONField(_("policy versions"), default=dict)
    matched = models.JSONField(_("matched policies"), default=list)
    shadow_matched = models.JSONField(
        _("shadow matches"), default=list, blank=True,
        help_text=_("Shadow policies that matched this post (policy id, name, version): what "
                    "they would have flagged. They open no review item."),
    )
    policy_errors = models.JSONField(
        _("policy errors"), default=list, blank=True,
        help_text=_("Policies that failed on this post instead of giving true or false: "
                    "policy id, name, version and the engine's message."),
    )
    screened_at = models.DateTimeField(_("screened"), auto_now=True)

    class Meta:
        verbose_name = _("screening")
        verbose_name_plural = _("screenings")
        indexes = [models.Index(fields=["-screened_at"], name="moderation_screened_idx")]

    def __str__(self) -> str:
        return str(_("Screening of %(post)s") % {"post": self.content})
