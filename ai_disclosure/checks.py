"""System checks: catch a misconfigured install at startup, with a hint on how to fix it."""

from __future__ import annotations

from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from .adapter import get_post_model
from .app_settings import app_settings


@checks.register(checks.Tags.models)
def check_post_model(app_configs, **kwargs) -> list[checks.CheckMessage]:
    """Error when ``AI_DISCLOSURE_POST_MODEL`` is unset or names no installed model."""
    name = app_settings.POST_MODEL
    if not name:
        return [
            checks.Error(
                "AI_DISCLOSURE_POST_MODEL is not set.",
                hint='Name your forum\'s post model, e.g. AI_DISCLOSURE_POST_MODEL = "forum.Post".',
                id="ai_disclosure.E001",
            )
        ]
    try:
        get_post_model()
    except (LookupError, ValueError):
        return [
            checks.Error(
                f"AI_DISCLOSURE_POST_MODEL = {name!r} does not name an installed model.",
                hint='Use "app_label.ModelName" of a model in INSTALLED_APPS.',
                id="ai_disclosure.E002",
            )
        ]
    return []


@checks.register()
def check_importable_settings(app_configs, **kwargs) -> list[checks.CheckMessage]:
    """Error at startup, not on first use, for dotted-path settings that do not import."""
    errors = []
    for name, check_id in (("SANITIZER", "E003"), ("POST_ADAPTER", "E004")):
        try:
            getattr(app_settings, name)
        except ImproperlyConfigured as exc:
            errors.append(
                checks.Error(
                    str(exc),
                    hint="Give the dotted path of a class, or remove the setting for the default.",
                    id=f"ai_disclosure.{check_id}",
                )
            )
    return errors
