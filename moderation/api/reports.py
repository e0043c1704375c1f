"""Readers' reports through the API: report a post as undisclosed AI, and see what became of
one's reports. A reader sees their own reports only; who reported a post is for moderators.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import PermissionDenied, Throttled
from rest_framework.request import Request
from rest_framework.response import Response

from ai_disclosure import content_types
from ai_disclosure.api.base import ApiView, StrictSerializer, error_responses, get_object_or_404
from ai_disclosure.api.exceptions import Conflict
from ai_disclosure.api.permissions import LoggedIn
from ai_disclosure.api.views import POST_ID

from .. import selectors, services
from ..models import REASON_MAX_LENGTH, Report, ReportOutcome
from .permissions import SignedInReaders

TAGS = ["reports"]


class NewReportSerializer(StrictSerializer):
    """What a reader says when reporting a post."""

    reason = serializers.CharField(
        max_length=REASON_MAX_LENGTH, trim_whitespace=True,
        help_text=_("Why you think the post uses AI it does not disclose (a sentence or two)."),
    )


class ReportSerializer(serializers.Serializer):
    """One of the caller's reports and what moderators made of it."""

    id = serializers.IntegerField()
    post = serializers.CharField(source="content.object_id", help_text=_("The post's id."))
    reason = serializers.CharField()
    created_at = serializers.DateTimeField()
    outcome = serializers.ChoiceField(
        choices=ReportOutcome.choices,
        help_text=_("open: no moderator decided yet; upheld: the post was delisted or removed; "
                    "rejected: a moderator found the post fine."),
    )
    settled_at = serializers.DateTimeField(allow_null=True)


class PostReportView(ApiView):
    """Report a post as using AI it does not disclose."""

    permission_classes = [SignedInReaders]

    @extend_schema(
        tags=TAGS,
        operation_id="moderation_report_post",
        summary="Report a post as undisclosed AI",
        description="Records the caller's report and screens the post again, so policies see "
        "it in `reports.count` and `reports.weighted` (each report weighs its reporter's past "
        "accuracy). One report per reader and post (409 for a second), not on one's own post "
        "(403), at most `AI_MODERATION_REPORT_RATE` reports per reader (429).",
        parameters=[POST_ID],
        request=NewReportSerializer,
        responses={201: ReportSerializer, **error_responses(400, 401, 403, 404, 409, 429)},
    )
    def post(self, request: Request, post_id: str) -> Response:
        """File the report."""
        post = get_object_or_404(content_types.default().model._default_manager.all(), post_id)
        self.check_object_permissions(request, post)
        data = NewReportSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            report = services.file_report(post=post, reader=request.user,
                                          reason=data.validated_data["reason"])
        except services.OwnPost as error:
            raise PermissionDenied(str(error), code="own_post") from error
        except services.AlreadyReported as error:
            raise Conflict(str(error), code="already_reported") from error
        except services.ReportRateLimited as error:
            raise Throttled(wait=error.wait, detail=str(error),
                            code="report_rate_limited") from error
        return Response(ReportSerializer(report).data, status=status.HTTP_201_CREATED)


class MyReportsView(ApiView):
    """The caller's reports, newest first, with their outcomes."""

    permission_classes = [LoggedIn]

    @extend_schema(
        tags=TAGS,
        operation_id="moderation_my_reports",
        summary="My reports and their outcomes",
        description="The caller's own reports (the latest 100), newest first.",
        responses={200: ReportSerializer(many=True), **error_responses(401)},
    )
    def get(self, request: Request) -> Response:
        """List the caller's reports."""
        reports: list[Report] = list(selectors.reports_by(request.user)[:100])
        return Response(ReportSerializer(reports, many=True).data)
