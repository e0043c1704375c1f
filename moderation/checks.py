"""System checks of the moderation app."""

from __future__ import annotations

from pathlib import Path

from django.apps import apps
from django.core import checks

from .app_settings import app_settings
from .classifiers import language_model
from .classifiers.base import ClassifierLoadError, load_classifiers


@checks.register()
def check_classifiers(app_configs, **kwargs) -> list[checks.CheckMessage]:
    """Every configured classifier loads, so a typo fails at start-up, not on the first post."""
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


@checks.register()
def check_language_model(app_configs, **kwargs) -> list[checks.CheckMessage]:
    """The optional language-model hint, when switched on, has its library and model file."""
    if not app_settings.LANGUAGE_MODEL_ENABLED:
        return []
    path = app_settings.LANGUAGE_MODEL_PATH
    problems = language_model.missing_parts(path)
    if problems:
        return [
            checks.Error(
                "AI_MODERATION_LANGUAGE_MODEL_ENABLED is on, but " + "; ".join(problems) + ".",
                hint="Install what is missing, or set AI_MODERATION_LANGUAGE_MODEL_ENABLED "
                     "= False. Nothing is downloaded at run time.",
                id="moderation.E010",
            )
        ]
    calibrated_for = language_model.calibration()["model_file"]
    if path and Path(path).name != calibrated_for:
        return [
            checks.Warning(
                f"AI_MODERATION_LANGUAGE_MODEL_PATH names {Path(path).name}, but the shipped "
                f"calibration is for {calibrated_for}: its scores are not calibrated.",
                hint="Refit with scripts/lm_eval.py --write, or use the calibrated model.",
                id="moderation.W011",
            )
        ]
    return []


@checks.register()
def check_external_detector(app_configs, **kwargs) -> list[checks.CheckMessage]:
    """The external detector is listed as a classifier but has nowhere to send posts."""
    listed = any(path.endswith("external.ExternalDetectorClassifier")
                 for path in app_settings.CLASSIFIERS)
    if listed and not app_settings.EXTERNAL_DETECTOR_URL:
        return [
            checks.Warning(
                "ExternalDetectorClassifier is listed in AI_MODERATION_CLASSIFIERS, but "
                "AI_MODERATION_EXTERNAL_DETECTOR_URL is empty: no post will be sent.",
                hint="Set the URL (and AI_MODERATION_EXTERNAL_DETECTOR_API_KEY), or remove "
                     "the classifier from the list.",
                id="moderation.W012",
            )
        ]
    return []


@checks.register()
def check_precision_recent_decisions(app_configs, **kwargs) -> list[checks.CheckMessage]:
    """Target precision is checked against a positive number of decisions (else never)."""
    value = app_settings.PRECISION_RECENT_DECISIONS
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        return [
            checks.Error(
                f"AI_MODERATION_PRECISION_RECENT_DECISIONS is {value!r}; policies' target "
                "precision would never be checked.",
                hint="Set it to a whole number of decided items, at least 1 (default 20).",
                id="moderation.E020",
            )
        ]
    return []
