"""What every API view of the project shares: JSON only, strict input, one error shape.

The moderation API and the demo forum's API build on these too, so a client handles errors
the same way everywhere.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from itertools import accumulate
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from django.db.models import Model
from django.utils.translation import gettext_lazy as _
from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import parsers, serializers
from rest_framework.exceptions import NotFound, ParseError
from rest_framework.renderers import JSONRenderer
from rest_framework.views import APIView

from ..app_settings import app_settings
from . import exceptions

#: Largest id a database integer column holds; larger ids in a URL are simply not found.
MAX_DB_INTEGER = 2**63 - 1

ERROR_DESCRIPTIONS = {
    400: _("The request is malformed: wrong types, unknown fields or invalid values. "
           "``errors`` maps each field to its messages."),
    401: _("Authentication is required: log in (session) or send ``Authorization: Token …``."),
    403: _("You are logged in but not allowed to do this."),
    404: _("Not found, or not yours to see (other people's drafts are never revealed)."),
    409: _("The action conflicts with the current state, e.g. another moderator claimed it."),
    413: _("The post body is above the size limit; the message gives both sizes."),
    422: _("Well-formed, but the disclosure is missing or contradictory; ``errors`` lists each "
           "field to fix."),
    429: _("Too many requests; wait for the number of seconds in ``Retry-After``."),
}


class ErrorSerializer(serializers.Serializer):
    """The body of every error response."""

    detail = serializers.CharField(help_text=_("What went wrong, for people."))
    code = serializers.CharField(
        help_text=_("Stable machine-readable code: invalid, not_authenticated, "
                    "permission_denied, not_found, conflict, too_large, unprocessable, "
                    "disclosure_incomplete, throttled, …")
    )
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text=_("Field path (``description``, ``disclosure.models_used.0``) → messages; "
                    "empty when the error is not about fields."),
    )


def error_responses(*codes: int) -> dict[int, OpenApiResponse]:
    """OpenAPI responses for these error status codes, all with :class:`ErrorSerializer`."""
    return {
        code: OpenApiResponse(ErrorSerializer, description=str(ERROR_DESCRIPTIONS[code]))
        for code in codes
    }


class AutoSchema(SpectacularAutoSchema):
    """drf-spectacular's schema, plus: who may call each operation, and strict request bodies.

    The first paragraph of each permission class's docstring is appended to the operation's
    description, so the document says who may call what without a second, drifting copy.
    """

    def get_operation(self, *args: Any, **kwargs: Any) -> dict | None:
        """Add who may call (the permission classes' docstrings) to the operation's description."""
        operation = super().get_operation(*args, **kwargs)
        if operation is None:
            return None
        who = " ".join(
            " ".join((permission.__doc__ or "").strip().split("\n\n")[0].split())
            for permission in self.view.get_permissions()
        ).strip()
        if who:
            description = operation.get("description", "")
            operation["description"] = f"{description}\n\n**Who may call:** {who}".strip()
        return operation

    def _map_basic_serializer(self, serializer: Any, direction: str) -> dict:
        schema = super()._map_basic_serializer(serializer, direction)
        if direction == "request" and isinstance(serializer, StrictSerializer):
            schema["additionalProperties"] = False
        return schema


#: In a JSON text with its strings removed, only brackets are left. Possessive quantifiers and
#: an optional closing quote keep the scan linear, unterminated strings included.
_JSON_NOT_A_BRACKET_RE = re.compile(r'"(?:[^"\\]++|\\.)*+"?|[^\[\]{}"]++')
_BRACKET_STEP = {"[": 1, "{": 1, "]": -1, "}": -1, '"': 0}


def json_depth(text: str) -> int:
    """How deeply arrays and objects nest in ``text`` (JSON, valid or not), in linear time."""
    brackets = _JSON_NOT_A_BRACKET_RE.sub("", text)
    return max(accumulate(map(_BRACKET_STEP.__getitem__, brackets)), default=0)


class JSONParser(parsers.JSONParser):
    """DRF's JSON parser, refusing documents nested deeper than
    ``AI_DISCLOSURE_MAX_JSON_DEPTH`` with a 400 that names the limit.

    Python's ``json`` recurses once per level, so deep nesting would otherwise end in a
    ``RecursionError`` (a 500) rather than a clear answer.
    """

    def parse(self, stream, media_type=None, parser_context=None):
        """Refuse over-deep JSON before ``json`` recurses into it, then parse as DRF does."""
        raw = stream.read() if stream is not None else b""
        limit = app_settings.MAX_JSON_DEPTH
        text = raw.decode("utf-8", errors="replace")
        if json_depth(text) > limit:
            raise ParseError(
                _("The JSON is nested deeper than %(limit)d levels, the limit; send a "
                  "flatter document.") % {"limit": limit}
            )
        return super().parse(io.BytesIO(raw), media_type, parser_context)


class ApiView(APIView):
    """Base view: JSON in and out, the project's error shape whatever the host configured."""

    parser_classes = [JSONParser]
    renderer_classes = [JSONRenderer]
    schema = AutoSchema()

    def get_exception_handler(self):
        """Use the project's handler: one JSON error shape whatever the host configured."""
        return exceptions.exception_handler


class StrictSerializer(serializers.Serializer):
    """Refuses fields it does not know, naming them, instead of silently ignoring them.

    A typo such as ``human_onyl`` must not turn into "field missing" or, worse, be dropped.
    """

    def to_internal_value(self, data: Any) -> Any:
        """Refuse unknown keys, each with a message listing the known fields; then validate."""
        if isinstance(data, Mapping):
            allowed = sorted(name for name, field in self.fields.items() if not field.read_only)
            unknown = sorted(str(name) for name in data if name not in allowed)
            if unknown:
                raise serializers.ValidationError(
                    {
                        name: [
                            _("Unknown field “%(name)s”; the fields are: %(allowed)s.")
                            % {"name": name, "allowed": ", ".join(allowed)}
                        ]
                        for name in unknown
                    }
                )
        return super().to_internal_value(data)


class TextField(serializers.CharField):
    """A ``CharField`` that takes JSON strings only (DRF's turns ``42`` into ``"42"``) and
    refuses text that cannot be stored as UTF-8 (lone surrogates); DRF already refuses NUL.
    """

    def to_internal_value(self, data: Any) -> str:
        """Accept only a JSON string that can be stored as UTF-8."""
        if not isinstance(data, str):
            self.fail("invalid")
        value = super().to_internal_value(data)
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as error:
            raise serializers.ValidationError(
                _("The text contains characters that are not valid Unicode.")
            ) from error
        return value


class StrictBooleanField(serializers.BooleanField):
    """JSON ``true`` or ``false`` only (DRF's also takes ``"yes"``, ``1``, ``"on"``…)."""

    def to_internal_value(self, data: Any) -> bool:
        """Accept only a JSON boolean; anything else is a 400 rather than a guess."""
        if not isinstance(data, bool):
            self.fail("invalid", input=data)
        return data


def object_id_parameter(name: str, model: type[Model], description: str) -> OpenApiParameter:
    """A path parameter typed after ``model``'s primary key (integer ids get their range)."""
    if isinstance(model._meta.pk, models.IntegerField):
        schema: Any = {"type": "integer", "minimum": 1, "maximum": MAX_DB_INTEGER}
    else:
        schema = OpenApiTypes.STR
    return OpenApiParameter(name, schema, OpenApiParameter.PATH, description=description)


def get_object_or_404(queryset: models.QuerySet, raw_id: str) -> Model:
    """The row with this primary key, or a JSON 404 for anything else (bad or huge ids too).

    URLs capture ids as strings, so a malformed id gets the API's 404 rather than Django's
    HTML page. Integer ids are plain ASCII digits only.
    """
    pk_field = queryset.model._meta.pk
    if isinstance(pk_field, models.IntegerField) and not (raw_id.isascii() and raw_id.isdigit()):
        raise NotFound()  # "1 ", "+1" and "٣" (an Arabic-Indic digit) are not ids
    try:
        pk = pk_field.to_python(raw_id)
    except DjangoValidationError as error:
        raise NotFound() from error
    if isinstance(pk_field, models.IntegerField) and not 1 <= pk <= MAX_DB_INTEGER:
        raise NotFound()
    found = queryset.filter(pk=pk).first()
    if found is None:
        raise NotFound()
    return found
