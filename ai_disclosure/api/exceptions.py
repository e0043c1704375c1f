"""One JSON error shape for every API endpoint: ``{"detail", "code", "errors"}``.

``errors`` maps a field path (``description``, ``disclosure.models_used.0``) to its messages,
so an editor can put each message next to its field. Django's own exceptions (a
``ValidationError`` raised by a service, an oversize request) are translated here, so services
stay free of HTTP.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from ..middleware import RETRY_AFTER_SECONDS, is_database_busy
from ..ratelimits import PostingRateLimited

NON_FIELD = "non_field_errors"


class PayloadTooLarge(exceptions.APIException):
    """413: the request (or the post body in it) is above the configured size limit."""

    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = _("The request is too large.")
    default_code = "too_large"

    def __init__(self, detail: Any = None, *, field: str | None = None):
        super().__init__(detail)
        self.errors = {field: [str(self.detail)]} if field else {}


class UnprocessableEntity(exceptions.APIException):
    """422: well-formed input that breaks a rule (e.g. a missing or contradictory disclosure).

    ``errors`` maps field paths to messages, like a 400's; ``extra`` adds keys to the body
    (the publish gate adds each field's allowed values). The whole body is the exception's
    ``detail``, so a host view on DRF's default exception handler answers with the same body.
    """

    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    default_detail = _("The request breaks a rule; see the messages of each field.")
    default_code = "unprocessable"

    def __init__(
        self, errors: Mapping[str, list[str]], detail: Any = None, code: Any = None, **extra: Any
    ):
        super().__init__(detail, code)
        self.errors = {name: [str(m) for m in messages] for name, messages in errors.items()}
        self.body = {
            "detail": str(self.detail),
            "code": code or self.default_code,
            "errors": self.errors,
            **extra,
        }
        self.detail = self.body

    def get_codes(self) -> str:
        """The body's one ``code``, which DRF asks for in place of per-field codes."""
        return self.body["code"]

    def get_full_details(self) -> dict:
        """The whole response body: detail, code, the messages per field and any extra keys."""
        return self.body


class DatabaseBusy(exceptions.APIException):
    """503: the database stayed locked by other requests (SQLite); retry after ``wait`` s."""

    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_detail = _("The server is busy; try again in a moment.")
    default_code = "database_busy"
    wait = RETRY_AFTER_SECONDS


class Conflict(exceptions.APIException):
    """409: the action conflicts with the resource's current state (e.g. already claimed)."""

    status_code = status.HTTP_409_CONFLICT
    default_detail = _("The resource changed; reload it and try again.")
    default_code = "conflict"


def flatten_errors(detail: Any, prefix: str = "") -> dict[str, list[str]]:
    """DRF's nested error detail → ``{"field.sub.0": ["message", …]}``."""
    flat: dict[str, list[str]] = {}
    if isinstance(detail, Mapping):
        for key, value in detail.items():
            path = f"{prefix}.{key}" if prefix else str(key)
            if key == NON_FIELD and prefix:
                path = prefix
            for name, messages in flatten_errors(value, path).items():
                flat.setdefault(name, []).extend(messages)
    elif isinstance(detail, list | tuple):
        for index, value in enumerate(detail):
            if isinstance(value, Mapping | list | tuple):
                nested = flatten_errors(value, f"{prefix}.{index}" if prefix else str(index))
                for name, messages in nested.items():
                    flat.setdefault(name, []).extend(messages)
            else:
                flat.setdefault(prefix or NON_FIELD, []).append(str(value))
    else:
        flat.setdefault(prefix or NON_FIELD, []).append(str(detail))
    return flat


def exception_handler(exc: Exception, context: dict) -> Response | None:
    """DRF's handler, with Django's exceptions translated and every body in one shape.

    Set as ``REST_FRAMEWORK["EXCEPTION_HANDLER"]``; the plugin's own views use it whatever the
    host sets (``base.ApiView``), so their documented error shape always holds.
    """
    if isinstance(exc, RequestDataTooBig):
        exc = PayloadTooLarge(_("The request body is above the server's upload limit."))
    elif isinstance(exc, DjangoValidationError):
        if getattr(exc, "code", None) == "too_large":  # services.validate_body
            exc = PayloadTooLarge(exc.messages[0], field="body")
        else:
            exc = exceptions.ValidationError(
                exc.message_dict if hasattr(exc, "error_dict") else {NON_FIELD: exc.messages}
            )
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    elif is_database_busy(exc):
        exc = DatabaseBusy()
    elif isinstance(exc, PostingRateLimited):
        exc = exceptions.Throttled(wait=exc.wait, detail=str(exc), code="posting_rate_limited")

    response = drf_exception_handler(exc, context)
    if response is None or not isinstance(exc, exceptions.APIException):
        return response
    if isinstance(exc, UnprocessableEntity):  # its detail is the whole body already
        return response
    if isinstance(exc, exceptions.ValidationError):
        body = {
            "detail": str(_("Some fields are invalid; see the messages of each field.")),
            "code": "invalid",
            "errors": flatten_errors(exc.detail),
        }
    else:
        detail = exc.detail
        code = exc.get_codes()
        body = {
            "detail": str(detail) if not isinstance(detail, Mapping | list) else str(
                exc.default_detail
            ),
            "code": code if isinstance(code, str) else exc.default_code,
            "errors": getattr(exc, "errors", None)
            or (flatten_errors(detail) if isinstance(detail, Mapping | list) else {}),
        }
    response.data = body
    return response
