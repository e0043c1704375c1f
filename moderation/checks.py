"""System checks of the moderation app."""

from __future__ import annotations

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
