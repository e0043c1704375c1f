"""Middleware for the host project: a locked database answers 503, not 500.

On SQLite (the embedded setup) a write waits for the lock up to the connection's ``timeout``;
should another process hold it longer, Django raises ``OperationalError: database is
locked``. That is a busy server, not a broken request: the client gets 503 with
``Retry-After`` and can simply try again. API views answer the same in JSON
(``api.exceptions.exception_handler``).
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import OperationalError
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

#: Seconds a client is asked to wait before retrying after the database was busy.
RETRY_AFTER_SECONDS = 2


def is_database_busy(error: BaseException) -> bool:
    """Whether ``error`` says the database is locked by another connection (SQLite)."""
    return isinstance(error, OperationalError) and "locked" in str(error)


class DatabaseBusyMiddleware:
    """Turn "database is locked" into 503 Service Unavailable with ``Retry-After``."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        """Pass the request on; only exceptions are this middleware's business."""
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        """A 503 with ``Retry-After`` for a locked database; ``None`` for any other error."""
        if not is_database_busy(exception):
            return None
        response = HttpResponse(
            _("The server is busy; please try again in a moment."),
            status=503,
            content_type="text/plain; charset=utf-8",
        )
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
