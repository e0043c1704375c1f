"""Writes of reader reports: a reader files one, a moderator's decision settles them.

Filing a report saves it; ``receivers`` then queue the post for screening once the
transaction commits, so policies see the new ``reports.count`` and ``reports.weighted``.
:func:`settle_reports` is the one writer of a report's outcome: ``receivers`` call it after
every decision on a review item and every return of an item to the queue.
"""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ai_disclosure import content_types
from ai_disclosure.ratelimits import Rate, count, wait_for
from ai_disclosure.services import content_for

from ..app_settings import app_settings
from ..models import REASON_MAX_LENGTH, Report, ReportOutcome, ReviewItem, ReviewStatus

_SCOPE = "reports"

#: The outcome each final status gives a post's open reports: moderators delist or reject a
#: post for AI use it does not disclose, so either upholds the readers who said so.
OUTCOMES = {
    ReviewStatus.DELISTED: ReportOutcome.UPHELD,
    ReviewStatus.REJECTED: ReportOutcome.UPHELD,
    ReviewStatus.APPROVED: ReportOutcome.REJECTED,
}


class ReportRefused(Exception):
    """The reader may not file this report; the message says why, for the reader."""


class OwnPost(ReportRefused):
    """Authors cannot report their own posts."""


class AlreadyReported(ReportRefused):
    """The reader reported this post before (one report per reader and post)."""

    def __init__(self, report: Report) -> None:
        super().__init__(_("You already reported this post on %(date)s.")
                         % {"date": date_format(timezone.localtime(report.created_at))})
        self.report = report


class ReportRateLimited(ReportRefused):
    """The reader filed as many reports as ``AI_MODERATION_REPORT_RATE`` allows for now."""

    def __init__(self, wait: int, allowed_at: datetime) -> None:
        minutes = max(1, -(-wait // 60))
        super().__init__(ngettext(
            "You have sent many reports recently. You can report again in %(minutes)d minute.",
            "You have sent many reports recently. You can report again in %(minutes)d minutes.",
            minutes) % {"minutes": minutes})
        self.wait = wait
        self.allowed_at = allowed_at


def _rate() -> Rate | None:
    text = app_settings.REPORT_RATE
    return Rate.parse(text, "REPORT_RATE") if text else None


def clean_reason(reason: str) -> str:
    """The reason, stripped; ``ValidationError`` when empty or too long."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say briefly why you think AI was used.")})
    if len(reason) > REASON_MAX_LENGTH:
        raise ValidationError({"reason": _("Keep the reason under %(max)d characters.")
                               % {"max": REASON_MAX_LENGTH}})
    return reason


def file_report(*, post: Model, reader, reason: str) -> Report:
    """Record that ``reader`` thinks ``post`` uses AI it does not disclose.

    The caller has checked that the reader may see the post. Raises ``OwnPost``,
    ``AlreadyReported``, ``ReportRateLimited`` (all ``ReportRefused``) or ``ValidationError``
    for a missing or over-long reason; a refused report is not counted against the rate.
    """
    if content_types.adapter_for(post).get_author_id(post) == reader.pk:
        raise OwnPost(_("You cannot report your own post."))
    reason = clean_reason(reason)
    content = content_for(post)
    earlier = Report.objects.filter(content=content, reporter=reader).first()
    if earlier is not None:
        raise AlreadyReported(earlier)
    rate = _rate()
    limited = wait_for(reader, rate, scope=_SCOPE)
    if limited is not None:
        raise ReportRateLimited(*limited)
    try:
        with transaction.atomic():
            report = Report.objects.create(content=content, reporter=reader, reason=reason)
    except IntegrityError as error:  # the same reader, twice at once
        raise AlreadyReported(Report.objects.get(content=content, reporter=reader)) from error
    count(reader, rate, scope=_SCOPE)
    return report


@transaction.atomic
def settle_reports(*, item: ReviewItem) -> list[int]:
    """Give the post's reports the outcome of ``item``'s current status, and return the ids
    of the reporters whose accuracy changed.

    A decided item (approved, delisted, rejected) settles the post's open reports and keeps
    those it settled before in step; an item back in the queue (undo, appeal) or waiting for
    the author reopens the reports it settled. The item's status is read afresh under a lock,
    so however late or often this runs, the reports end up as the latest decision says.
    """
    item = ReviewItem.objects.select_for_update().only("pk", "content_id", "status").get(
        pk=item.pk)
    outcome = OUTCOMES.get(item.status)
    if outcome is None:
        changed = Report.objects.filter(review_item=item).exclude(outcome=ReportOutcome.OPEN)
        reporters = list(changed.values_list("reporter_id", flat=True))
        changed.update(outcome=ReportOutcome.OPEN, review_item=None, settled_at=None)
        return reporters
    reports = (Report.objects.filter(content_id=item.content_id, outcome=ReportOutcome.OPEN)
               | Report.objects.filter(review_item=item)).exclude(outcome=outcome)
    reporters = list(reports.values_list("reporter_id", flat=True))
    Report.objects.filter(pk__in=list(reports.values_list("pk", flat=True))).update(
        outcome=outcome, review_item=item, settled_at=timezone.now())
    return reporters
