"""Throttles of the draft endpoints: preview and check, each per user and per IP address.

Preview renders a whole post and check explains precisely why a disclosure is refused (a free
oracle for tuning text until the rules stop noticing), so both are limited. A user with many
browsers hits the per-user limit; many accounts behind one address hit the per-IP limit.

Rates are ``REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"][scope]``; a scope the host leaves out
gets the default below. Counts live in Django's default cache: with several processes it must
be a shared cache (Redis, Memcached), or each process counts on its own.
"""

from __future__ import annotations

from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle, UserRateThrottle

#: Default rates by scope, used when the host's settings name none.
DEFAULT_RATES = {
    "ai_disclosure_preview": "60/minute",
    "ai_disclosure_preview_ip": "120/minute",
    "ai_disclosure_check": "30/minute",
    "ai_disclosure_check_ip": "60/minute",
}


class _DefaultRate:
    scope: str

    def get_rate(self) -> str | None:
        # Read on each request (DRF reads the rates once, at import), so a changed setting
        # applies; a scope set to None is not throttled.
        rates = api_settings.DEFAULT_THROTTLE_RATES
        return rates[self.scope] if self.scope in rates else DEFAULT_RATES[self.scope]


class _PerIP(_DefaultRate, SimpleRateThrottle):
    def get_cache_key(self, request, view) -> str:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class PreviewThrottle(_DefaultRate, UserRateThrottle):
    """At most ``ai_disclosure_preview`` previews per user (default 60/minute)."""

    scope = "ai_disclosure_preview"


class PreviewIPThrottle(_PerIP):
    """At most ``ai_disclosure_preview_ip`` previews per IP address (default 120/minute)."""

    scope = "ai_disclosure_preview_ip"


class CheckThrottle(_DefaultRate, UserRateThrottle):
    """At most ``ai_disclosure_check`` checks per user (default 30/minute)."""

    scope = "ai_disclosure_check"


class CheckIPThrottle(_PerIP):
    """At most ``ai_disclosure_check_ip`` checks per IP address (default 60/minute)."""

    scope = "ai_disclosure_check_ip"
