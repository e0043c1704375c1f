"""Readers' reports of posts they believe use AI without saying so (DESIGN §6)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ai_disclosure.models import Content

from .review import ReviewItem

#: The longest reason a reader may give: a sentence or two, not an essay.
REASON_MAX_LENGTH = 500


class ReportOutcome(models.TextChoices):
    """What became of a report: waiting, or settled by a moderator's decision on the post."""

    OPEN = "open", _("Waiting for a moderator")
    UPHELD = "upheld", _("Upheld")
    REJECTED = "rejected", _("Not upheld")


class ReportQuerySet(models.QuerySet):
    """Reads on reports."""

    def open(self) -> ReportQuerySet:
        """Reports no moderator's decision has settled yet."""
        return self.filter(outcome=ReportOutcome.OPEN)

    def decided(self) -> ReportQuerySet:
        """Reports a moderator's decision settled, either way."""
        return self.exclude(outcome=ReportOutcome.OPEN)


class Report(models.Model):
    """One reader's report that a post uses AI it does not disclose.

    A reader reports a post at most once (a database constraint). ``outcome`` and
    ``review_item`` are written only by ``services.reports.settle_reports``, from the
    moderator's decision on the post's review item; a report's weight in policies is its
    reporter's past accuracy (``selectors.reports``).
    """

    content = models.ForeignKey(
        Content, on_delete=models.CASCADE, related_name="reports", verbose_name=_("content"),
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ai_reports",
        verbose_name=_("reporter"),
    )
    reason = models.CharField(_("reason"), max_length=REASON_MAX_LENGTH)
    created_at = models.DateTimeField(_("reported"), default=timezone.now, editable=False)
    outcome = models.CharField(
        _("outcome"), max_length=8, choices=ReportOutcome.choices, default=ReportOutcome.OPEN,
    )
    review_item = models.ForeignKey(
        ReviewItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="reports",
        verbose_name=_("settled by"),
        help_text=_("The review item whose decision settled this report."),
    )
    settled_at = models.DateTimeField(_("settled"), null=True, blank=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("reader report")
        verbose_name_plural = _("reader reports")
        constraints = [
            models.UniqueConstraint(fields=["content", "reporter"],
                                    name="moderation_one_report_per_reader_and_post"),
        ]
        indexes = [
            # A reporter's accuracy: their upheld and decided reports.
            models.Index(fields=["reporter", "outcome"], name="moderation_report_reporter_idx"),
            # A post's open reports (screening) and those an item settled.
            models.Index(fields=["content", "outcome"], name="moderation_report_content_idx"),
        ]

    def __str__(self) -> str:
        return str(_("Report on %(post)s") % {"post": self.content_id})
