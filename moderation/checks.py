"""System checks of the moderation app."""

from __future__ import annotations

from django.apps import apps
from django.core import checks

from .app_settings import app_settings
from .classifiers.base import ClassifierLoadError, load_classifiers


@checks.register()
def check_classifiers(app_configs, **kwargs) -> list[checks.CheckMessage]:
    try:
        load_classifiers(app_settings.CLASSIFIERS)
    except (ClassifierLoadError, OSError, ValueError) as error:
        return [
            checks.Error(
                f"AI_MODERATION_CLASSIFIERS: {error}",
                hint="List dotted paths of classifier classes, or remove the setting.",
                id="moderation.E001",
            )
        ]
    return []


@checks.register()
def check_email_site_url(app_configs, **kwargs) -> list[checks.CheckMessage]:
    """Links in authors' emails need the site's address: no request tells a worker."""
    if (app_settings.EMAIL_AUTHORS and not app_settings.SITE_URL
            and not apps.is_installed("django.contrib.sites")):
        return [
            checks.Warning(
                "Emails to authors would link to their posts without the site's address.",
                hint="Set AI_MODERATION_SITE_URL (e.g. \"https://forum.example\"), install "
                     "django.contrib.sites, or set AI_MODERATION_EMAIL_AUTHORS = False.",
                id="moderation.W001",
            )
        ]
    return []
