"""Absolute links to the host's pages, for messages sent outside any request (emails, webhooks)."""

from __future__ import annotations

from django.apps import apps

from .app_settings import app_settings


def absolute_url(path: str) -> str:
    """``path`` on the site: ``AI_MODERATION_SITE_URL``, else the current Site over https."""
    base = app_settings.SITE_URL
    if not base and apps.is_installed("django.contrib.sites"):
        # Only importable (its models) when the host installed the Sites framework.
        from django.contrib.sites.models import Site  # noqa: PLC0415

        base = f"https://{Site.objects.get_current().domain}"
    return f"{base}{path}"
