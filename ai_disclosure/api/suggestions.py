"""The recorder API: AI tools record what they did to a post; its author accepts or dismisses.

A tool calls with the author's session or API token (it acts for the author), so every
endpoint here is the author's alone (``PostAuthorOnly``). Recording changes nothing; see
``ai_disclosure.suggestions`` for what accepting does.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Model
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from .. import selectors, suggestions
from ..app_settings import app_settings
from ..blocks import MODEL_NAME_RE
from ..forms import MAX_MODEL_NAME
from ..gate import saved_disclosure_errors
from ..models import ToolSuggestion
from .base import (
    ApiView,
    ErrorSerializer,
    StrictBooleanField,
    StrictSerializer,
    TextField,
    error_responses,
    get_object_or_404,
)
from .exceptions import Conflict
from .permissions import PostAuthorOnly
from .serializers import DisclosureSerializer
from .views import POST_ID, PostObjectMixin, disclosure_representation

TAGS = ["ai-disclosure"]
MAX_TOOL_NAME = 80


def _one_of(value: str, allowed: list[str], what: str) -> str:
    """``value`` if it is among ``allowed``; else a 400 message listing them."""
    if value not in allowed:
        raise serializers.ValidationError(
            _("Unknown %(what)s “%(value)s”; use one of: %(allowed)s.")
            % {"what": what, "value": value, "allowed": ", ".join(allowed)}
        )
    return value


class SuggestionWriteSerializer(StrictSerializer):
    """What a tool did: the kind of help, the model, and the passage it wrote or changed."""

    kind = TextField(
        max_length=40,
        help_text=_("Slug of the kind of AI help (the form schema's assistance_kinds)."),
    )
    model = TextField(
        max_length=MAX_MODEL_NAME,
        help_text=_("The model, e.g. “Claude Opus 4.6”: letters, digits, spaces and "
                    ". _ - : / + ( )."),
    )
    tool = TextField(
        max_length=MAX_TOOL_NAME, allow_blank=True, default="",
        help_text=_("The tool that recorded this, shown to the author and moderators."),
    )
    passage = TextField(
        allow_blank=True, default="", trim_whitespace=False,
        help_text=_("The text the tool inserted or changed, exactly as in the post; empty when "
                    "it changed no text (e.g. research). Limited to "
                    "AI_DISCLOSURE_MAX_SUGGESTION_PASSAGE characters."),
    )
    block_type = TextField(
        max_length=40, allow_blank=True, default="",
        help_text=_("The AI block to mark the passage with (the form schema's block_types); "
                    "required with a passage."),
    )

    def validate_kind(self, value: str) -> str:
        """An active assistance kind."""
        return _one_of(value, [kind.slug for kind in selectors.vocabulary().kinds], _("kind"))

    def validate_model(self, value: str) -> str:
        """A model name that can be written into a block's ``model="…"`` as it is."""
        value = " ".join(value.split())
        if not MODEL_NAME_RE.fullmatch(value):
            raise serializers.ValidationError(
                _("A model name holds letters, digits, spaces and . _ - : / + ( ) only, "
                  "e.g. “Claude Opus 4.6”.")
            )
        return value

    def validate_passage(self, value: str) -> str:
        """Empty, or some text no longer than ``AI_DISCLOSURE_MAX_SUGGESTION_PASSAGE``."""
        limit = app_settings.MAX_SUGGESTION_PASSAGE
        if len(value) > limit:
            raise serializers.ValidationError(
                _("The passage has %(length)d characters; the limit is %(limit)d.")
                % {"length": len(value), "limit": limit}
            )
        if value and not value.strip():
            raise serializers.ValidationError(_("The passage holds only white space."))
        return value

    def validate_block_type(self, value: str) -> str:
        """Empty, or an active AI block type."""
        if not value:
            return value
        allowed = [block_type.slug for block_type in selectors.block_types()]
        return _one_of(value, allowed, _("block type"))

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        """A passage needs a block type to be marked with, and a block type a passage."""
        if attrs.get("passage") and not attrs.get("block_type"):
            allowed = ", ".join(block_type.slug for block_type in selectors.block_types())
            raise serializers.ValidationError(
                {"block_type": [_("Say which AI block marks the passage: one of %(allowed)s.")
                                % {"allowed": allowed}]}
            )
        if attrs.get("block_type") and not attrs.get("passage"):
            raise serializers.ValidationError(
                {"block_type": [_("A block type marks a passage; send the passage too.")]}
            )
        return attrs


class AcceptSerializer(StrictSerializer):
    """How to accept: the whole suggestion, or the disclosure part only."""

    disclosure_only = StrictBooleanField(
        default=False,
        help_text=_("Add the kind and model to the disclosure but leave the text as it is "
                    "(e.g. when the passage is no longer in it)."),
    )


class SuggestionSerializer(serializers.Serializer):
    """A suggestion as its author sees it."""

    id = serializers.IntegerField()
    post = serializers.CharField(source="content.object_id")
    # A plain string: an enum named "status" would collide with review items' in the document.
    status = serializers.CharField(help_text=_("pending, accepted or dismissed."))
    kind = serializers.CharField()
    model = serializers.CharField()
    tool = serializers.CharField(allow_blank=True)
    block_type = serializers.CharField(allow_blank=True)
    passage = serializers.CharField(allow_blank=True, trim_whitespace=False)
    passage_in_body = serializers.BooleanField(
        allow_null=True, default=None,
        help_text=_("Whether the post's text still holds the passage (null without one, or "
                    "once decided)."),
    )
    passage_wrapped = serializers.BooleanField(
        help_text=_("Accepted with the passage marked as an AI block.")
    )
    revision = serializers.IntegerField(
        source="revision.number", allow_null=True, default=None,
        help_text=_("The disclosure revision written when it was accepted."),
    )
    created_at = serializers.DateTimeField()
    decided_at = serializers.DateTimeField(allow_null=True)


class AcceptedSerializer(serializers.Serializer):
    """An accepted suggestion, the disclosure it changed, and what is left to complete."""

    suggestion = SuggestionSerializer()
    disclosure = DisclosureSerializer()
    to_complete = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text=_("Field → messages: what the author must still fill in before the "
                    "disclosure is complete (empty when it is)."),
    )


def suggestion_representation(post: Model, found: list[ToolSuggestion]) -> list[dict]:
    """The suggestions as ``SuggestionSerializer`` shows them, with ``passage_in_body``
    for those still waiting.
    """
    present = selectors.passages_in_body(post, [s for s in found if s.status == "pending"])
    for suggestion in found:
        suggestion.passage_in_body = present.get(suggestion.pk)
    return SuggestionSerializer(found, many=True).data


SUGGESTION_ID = OpenApiParameter(
    "suggestion_id", {"type": "integer", "minimum": 1}, OpenApiParameter.PATH,
    description="The suggestion's id.",
)
CONFLICT = OpenApiResponse(
    ErrorSerializer,
    description=str(_("The suggestion was already decided, the post holds as many suggestions "
                      "as allowed, or the passage is no longer in the text (``code`` "
                      "passage_not_found) or cannot be marked where it is: accept with "
                      "``disclosure_only`` or dismiss it.")),
)


class SuggestionListView(PostObjectMixin, ApiView):
    """Records a tool's suggestion on a post, and lists the post's suggestions."""

    permission_classes = [PostAuthorOnly]

    @extend_schema(
        tags=TAGS,
        operation_id="ai_disclosure_suggestions_list",
        summary="The suggestions AI tools recorded on a post",
        description="Oldest first, whatever their status.",
        parameters=[POST_ID],
        responses={
            200: OpenApiResponse(SuggestionSerializer(many=True)),
            **error_responses(401, 403, 404),
        },
    )
    def get(self, request: Request, post_id: str) -> Response:
        """List every suggestion recorded on the post."""
        post = self.get_post(request, post_id=post_id)
        return Response(suggestion_representation(post, list(selectors.tool_suggestions(post))))

    @extend_schema(
        tags=TAGS,
        operation_id="ai_disclosure_suggestions_record",
        summary="Record what an AI tool did to a post",
        description="Stores a suggestion for the author to accept or dismiss. It changes "
        "neither the text nor the disclosure.",
        parameters=[POST_ID],
        request=SuggestionWriteSerializer,
        responses={201: SuggestionSerializer, **error_responses(400, 401, 403, 404, 409)},
    )
    def post(self, request: Request, post_id: str) -> Response:
        """Validate what the tool sent and record it."""
        post = self.get_post(request, post_id=post_id)
        incoming = SuggestionWriteSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        try:
            suggestion = suggestions.record_suggestion(
                post=post, user=request.user, **incoming.validated_data
            )
        except suggestions.SuggestionConflict as error:
            raise Conflict(error.message, error.code) from None
        return Response(
            suggestion_representation(post, [suggestion])[0], status=status.HTTP_201_CREATED
        )


class SuggestionActionView(PostObjectMixin, ApiView):
    """Base of accept and dismiss: the author's own post and one of its suggestions."""

    permission_classes = [PostAuthorOnly]

    def get_suggestion(self, request: Request, post_id: str, suggestion_id: str):
        """The post (permission checked) and its suggestion; 404 for another post's."""
        post = self.get_post(request, post_id=post_id)
        return get_object_or_404(
            ToolSuggestion.objects.filter(content=selectors.content_of(post))
            .select_related("content"),
            suggestion_id,
        )


class SuggestionAcceptView(SuggestionActionView):
    """Applies one suggestion."""

    @extend_schema(
        tags=TAGS,
        operation_id="ai_disclosure_suggestion_accept",
        summary="Accept a suggestion",
        description="Adds its kind and model to the disclosure (a new revision) and marks "
        "its passage as an AI block. ``to_complete`` lists what the disclosure still needs.",
        parameters=[POST_ID, SUGGESTION_ID],
        request=AcceptSerializer,
        responses={
            200: AcceptedSerializer, **error_responses(400, 401, 403, 404), 409: CONFLICT
        },
    )
    def post(self, request: Request, post_id: str, suggestion_id: str) -> Response:
        """Accept the suggestion, wholly or its disclosure part only."""
        suggestion = self.get_suggestion(request, post_id, suggestion_id)
        incoming = AcceptSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        try:
            suggestion = suggestions.accept_suggestion(
                suggestion=suggestion, user=request.user,
                wrap=not incoming.validated_data["disclosure_only"],
            )
        except suggestions.SuggestionConflict as error:
            raise Conflict(error.message, error.code) from None
        revision = suggestion.revision
        return Response({
            "suggestion": suggestion_representation(suggestion.content.obj, [suggestion])[0],
            "disclosure": disclosure_representation(revision.disclosure, revision),
            "to_complete": saved_disclosure_errors(suggestion.content.obj),
        })


class SuggestionDismissView(SuggestionActionView):
    """Closes one suggestion without applying it."""

    @extend_schema(
        tags=TAGS,
        operation_id="ai_disclosure_suggestion_dismiss",
        summary="Dismiss a suggestion",
        description="Nothing is applied; the suggestion stays visible to moderators.",
        parameters=[POST_ID, SUGGESTION_ID],
        request=None,
        responses={200: SuggestionSerializer, **error_responses(401, 403, 404), 409: CONFLICT},
    )
    def post(self, request: Request, post_id: str, suggestion_id: str) -> Response:
        """Dismiss the suggestion."""
        suggestion = self.get_suggestion(request, post_id, suggestion_id)
        try:
            suggestion = suggestions.dismiss_suggestion(suggestion=suggestion)
        except suggestions.SuggestionConflict as error:
            raise Conflict(error.message, error.code) from None
        return Response(suggestion_representation(suggestion.content.obj, [suggestion])[0])
