"""Expert co-signing through the API: the invitations a user received, and their answer.

Only the invited reviewer sees or answers an invitation (``InvitedReviewer``); anyone else
gets 404, so nobody learns whom an author named. Each view calls one selector or service.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from .. import selectors, services
from ..content_types import adapter_for
from ..forms import MAX_COSIGNATURE_NOTE
from ..models import CoSignature, CoSignatureStatus
from .base import (
    ApiView,
    StrictSerializer,
    TextField,
    error_responses,
    get_object_or_404,
    object_id_parameter,
)
from .exceptions import Conflict
from .permissions import InvitedReviewer, LoggedIn
from .views import TAGS

COSIGNATURE_ID = object_id_parameter("cosignature_id", CoSignature, "The invitation's id.")


class InvitationSerializer(serializers.Serializer):
    """An invitation to co-sign a post as the expert who reviewed it."""

    id = serializers.IntegerField()
    post = serializers.CharField(help_text=_("The post's id."))
    post_title = serializers.CharField()
    author = serializers.CharField(allow_blank=True, help_text=_("Who named you."))
    answer = serializers.ChoiceField(
        choices=CoSignatureStatus.choices,
        help_text=_("invited (waiting for your answer), confirmed or declined."),
    )
    note = serializers.CharField(allow_blank=True)
    invited_at = serializers.DateTimeField()
    responded_at = serializers.DateTimeField(allow_null=True)


def invitation(cosignature: CoSignature) -> dict:
    """The invitation as ``InvitationSerializer`` shows it."""
    post = cosignature.disclosure.content.obj
    adapter = adapter_for(post)
    author = adapter.get_author(post)
    return InvitationSerializer({
        "id": cosignature.pk,
        "post": str(post.pk),
        "post_title": adapter.get_title(post),
        "author": author.get_username() if author else "",
        "answer": cosignature.status,
        "note": cosignature.note,
        "invited_at": cosignature.invited_at,
        "responded_at": cosignature.responded_at,
    }).data


class AnswerSerializer(StrictSerializer):
    """The reviewer's short note for readers (confirming only)."""

    note = TextField(allow_blank=True, default="", max_length=MAX_COSIGNATURE_NOTE,
                     help_text=_("What you checked, in a sentence or two."))


class InvitationListView(ApiView):
    """Lists the co-signing invitations the caller received."""

    permission_classes = [LoggedIn]

    @extend_schema(
        tags=TAGS,
        operation_id="ai_disclosure_cosignatures",
        summary="My co-signing invitations",
        description="Posts whose authors named you as the expert who reviewed them; open "
        "invitations first.",
        responses={200: OpenApiResponse(InvitationSerializer(many=True)),
                   **error_responses(401, 403)},
    )
    def get(self, request: Request) -> Response:
        """Answer with the caller's invitations."""
        invitations = selectors.cosignature_invitations(request.user).prefetch_related(
            "disclosure__content__obj")
        return Response([invitation(cosignature) for cosignature in invitations])


class AnswerView(ApiView):
    """Confirms or declines one invitation; only the invited reviewer may."""

    permission_classes = [InvitedReviewer]
    confirm = True

    def post(self, request: Request, cosignature_id: str) -> Response:
        """Record the answer; 409 when the invitation was answered already."""
        cosignature = get_object_or_404(
            CoSignature.objects.select_related("disclosure__content"), cosignature_id)
        self.check_object_permissions(request, cosignature)
        incoming = AnswerSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        try:
            cosignature = services.answer_cosignature(
                cosignature=cosignature, user=request.user, confirm=self.confirm,
                note=incoming.validated_data["note"] if self.confirm else "",
            )
        except ValidationError as error:
            raise Conflict(" ".join(error.messages)) from None
        return Response(invitation(cosignature))


def _answer_schema(confirm: bool):
    return extend_schema(
        tags=TAGS,
        operation_id="ai_disclosure_cosignature_confirm" if confirm
        else "ai_disclosure_cosignature_decline",
        summary="Confirm that you reviewed the post" if confirm else "Decline to co-sign",
        description="Readers then see “reviewed by @you” and your note, for the post's current "
        "text; an edit invites you again." if confirm
        else "The post does not name you as its reviewer; the author sees that you declined "
        "(``reviewer_answer`` of the disclosure).",
        parameters=[COSIGNATURE_ID],
        request=AnswerSerializer,
        responses={200: InvitationSerializer, **error_responses(400, 401, 403, 404, 409)},
    )


class ConfirmView(AnswerView):
    """Confirms an invitation with a short note."""

    confirm = True

    @_answer_schema(True)
    def post(self, request: Request, cosignature_id: str) -> Response:
        """Confirm (see ``AnswerView.post``)."""
        return super().post(request, cosignature_id)


class DeclineView(AnswerView):
    """Declines an invitation."""

    confirm = False

    @_answer_schema(False)
    def post(self, request: Request, cosignature_id: str) -> Response:
        """Decline (see ``AnswerView.post``)."""
        return super().post(request, cosignature_id)
