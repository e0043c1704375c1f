"""System checks: catch a misconfigured install at startup, with a hint on how to fix it."""

from __future__ import annotations

from django.apps import apps
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.db import models

from . import content_types
from .app_settings import app_settings


@checks.register(checks.Tags.models)
def check_content_types(app_configs, **kwargs) -> list[checks.CheckMessage]:
    """Errors for an empty or broken ``AI_DISCLOSURE_CONTENT_TYPES`` registry."""
    registered = app_settings.CONTENT_TYPES
    if not registered:
        return [
            checks.Error(
                "No content type is registered.",
                hint='Register your models, e.g. AI_DISCLOSURE_CONTENT_TYPES = {"post": '
                     '{"model": "forum.Post"}} (or set AI_DISCLOSURE_POST_MODEL).',
                id="ai_disclosure.E001",
            )
        ]
    errors = []
    for kind, entry in registered.items():
        errors.extend(_check_entry(kind, entry))
    return errors


def _check_entry(kind: str, entry: dict) -> list[checks.CheckMessage]:
    if not isinstance(kind, str) or not content_types.SLUG.match(kind):
        return [checks.Error(
            f"AI_DISCLOSURE_CONTENT_TYPES key {kind!r} is not a slug.",
            hint="Use lowercase letters, digits, - and _, starting with a letter (≤ 40).",
            id="ai_disclosure.E005",
        )]
    try:
        model = apps.get_model(entry.get("model", ""), require_ready=False)
    except (LookupError, ValueError):
        return [checks.Error(
            f"AI_DISCLOSURE_CONTENT_TYPES[{kind!r}] model {entry.get('model')!r} does not "
            "name an installed model.",
            hint='Use "app_label.ModelName" of a model in INSTALLED_APPS.',
            id="ai_disclosure.E002",
        )]
    if not isinstance(model._meta.pk, (models.AutoField, models.BigAutoField,
                                        models.IntegerField)):
        return [checks.Error(
            f"{model._meta.label} has a non-integer primary key.",
            hint="Registered content types need integer primary keys.",
            id="ai_disclosure.E007",
        )]
    if entry.get("form", "full") not in content_types.FORMS:
        return [checks.Error(
            f"AI_DISCLOSURE_CONTENT_TYPES[{kind!r}] form {entry.get('form')!r} is unknown.",
            hint='Use "full" or "compact".',
            id="ai_disclosure.E006",
        )]
    try:
        content_types.get(kind)
    except ImproperlyConfigured as exc:
        return [checks.Error(
            str(exc),
            hint="Give the dotted path of an adapter class, or leave it out for the default.",
            id="ai_disclosure.E004",
        )]
    return []


@checks.register()
def check_importable_settings(app_configs, **kwargs) -> list[checks.CheckMessage]:
    """Error at startup, not on first use, for dotted-path settings that do not import."""
    errors = []
    for name, check_id in (("SANITIZER", "E003"),):
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
