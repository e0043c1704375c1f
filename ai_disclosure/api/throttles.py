"""Throttling of the check endpoint, per user.

``check`` says precisely why a disclosure is refused; without a limit it would be a free
oracle for tuning text until the rules (and, later, the classifiers) stop noticing.
"""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured
from rest_framework.throttling import UserRateThrottle

#: Used when the host's ``REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]`` has no rate for the scope.
DEFAULT_CHECK_RATE = "30/minute"


class CheckThrottle(UserRateThrottle):
    """At most ``DEFAULT_THROTTLE_RATES["ai_disclosure_check"]`` checks per user."""

    scope = "ai_disclosure_check"

    def get_rate(self) -> str | None:
        try:
            return super().get_rate()
        except ImproperlyConfigured:  # the host set no rate for this scope
            return DEFAULT_CHECK_RATE
