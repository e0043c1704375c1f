"""The publish gate for DRF views (see ``ai_disclosure.gate``).

A refused post gets a 422 that an AI agent can act on without a person reading the docs:
``errors`` (field → the same messages as the HTML form), ``fields`` (every disclosure field
with the values it may take now and the choices it must include), ``rules``, and links to
the forum's AI policy (``AI_DISCLOSURE_POLICY_URL``) and to the form schema.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers
from rest_framework.request import Request

from .. import services
from ..app_settings import app_settings
from ..content_types import adapter_for
from ..gate import DisclosureIncomplete, check_publishable
from . import drafts
from .base import ErrorSerializer
from .exceptions import PayloadTooLarge, UnprocessableEntity
from .serializers import DisclosureWriteSerializer, FieldSerializer, RuleSerializer, disclosure_data

CODE = "disclosure_incomplete"


def refusal(
    error: DisclosureIncomplete, *, prefix: str = "", request: Request | None = None
) -> UnprocessableEntity:
    """The 422 for a refused disclosure; field paths start with ``prefix.`` when the
    disclosure is nested in the request (``disclosure.assistance``).
    """

    def path(name: str) -> str:
        return f"{prefix}.{name}" if prefix else name

    return UnprocessableEntity(
        {path(name): messages for name, messages in error.message_dict.items()},
        detail=_("This post needs a complete disclosure of how AI was used before it is "
                 "published. “errors” says what to fix in each field, “fields” the values "
                 "each field may take, “policy_url” the forum's AI policy. An AI agent "
                 "posting on its own sets “autonomous”."),
        code=CODE,
        fields={
            path(field["name"]): field
            for field in drafts.field_descriptions(error.data, error.blocks)
        },
        rules=drafts.rules(),
        policy_url=_absolute(app_settings.POLICY_URL, request),
        schema_url=_absolute(_schema_path(), request),
    )


def _schema_path() -> str | None:
    try:
        return reverse("ai_disclosure_api:form-schema")
    except NoReverseMatch:  # the host did not include the editor API
        return None


def _absolute(url: str | None, request: Request | None) -> str | None:
    if not url or request is None:
        return url
    return request.build_absolute_uri(url)


class RefusalSerializer(ErrorSerializer):
    """The body of a 422 from the publish gate."""

    fields = serializers.DictField(
        child=FieldSerializer(),
        help_text=gettext_lazy("Field path → the field, the values it may take now and the "
                               "choices it must include."),
    )
    rules = RuleSerializer(many=True)
    policy_url = serializers.CharField(
        allow_null=True, help_text=gettext_lazy("The forum's AI policy page, if it has one.")
    )
    schema_url = serializers.CharField(
        allow_null=True, help_text=gettext_lazy("The disclosure form schema.")
    )


def refusal_response() -> dict[int, OpenApiResponse]:
    """The OpenAPI 422 response of a view behind the gate."""
    return {
        422: OpenApiResponse(
            RefusalSerializer,
            description=_("The disclosure is missing, incomplete or contradictory; ``errors`` "
                          "lists each field to fix and ``fields`` the values it may take."),
        )
    }


class DisclosureGateSerializerMixin(serializers.Serializer):
    """The publish gate for a DRF serializer that creates posts:
    ``class PostSerializer(DisclosureGateSerializerMixin, serializers.ModelSerializer)``.

    Adds a ``disclosure`` field and refuses, with the gate's 422 (413 for an oversize body),
    a post whose disclosure breaks a rule for its ``body_field``. After validation,
    ``validated_data["disclosure"]`` is a ``rules.DisclosureData``; ``create()`` saves it with
    the post in one transaction, as the request's user. A ``ModelSerializer`` lists
    ``disclosure`` in ``Meta.fields``. ``content_kind`` names the registered content type
    it creates (default: the first); a compact type gets the compact form's rules. Given the
    object being edited (``instance``), an edit that changes the text of content ticked
    human-only is refused until the tick is confirmed for the new text
    (``disclosure.human_only_for``).
    """

    body_field = "body"
    content_kind: str | None = None

    disclosure = DisclosureWriteSerializer(
        required=False,
        write_only=True,
        help_text=gettext_lazy("How AI was used. Without it, or with an incomplete one, the "
                               "post is refused with 422 (unless AI_DISCLOSURE_REQUIRED is off)."),
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        """Refuse the post (422, or 413 for an oversize body) when its disclosure breaks a rule."""
        attrs = super().validate(attrs)
        data = disclosure_data(attrs.get("disclosure"))
        request = self.context.get("request")
        post = self.instance if getattr(self.instance, "pk", None) else None
        try:
            check_publishable(
                body=attrs[self.body_field], disclosure=data, post=post,
                author=adapter_for(post).get_author(post) if post is not None
                else getattr(request, "user", None),
                kind=self.content_kind,
            )
        except DisclosureIncomplete as error:
            # Not a 400: the request is well-formed, the post breaks the forum's rule.
            raise refusal(error, prefix="disclosure", request=request) from None
        except DjangoValidationError as error:  # the body is above the size limit
            raise PayloadTooLarge(error.messages[0], field=self.body_field) from None
        attrs["disclosure"] = data
        return attrs

    @transaction.atomic
    def create(self, validated_data: dict[str, Any]) -> Any:
        """Create the post and save its disclosure, if any, in the same transaction."""
        data = validated_data.pop("disclosure")
        post = super().create(validated_data)
        if not data.is_empty():  # possible only with AI_DISCLOSURE_REQUIRED off
            services.save_disclosure(content=post, user=self.context["request"].user, data=data)
        return post
