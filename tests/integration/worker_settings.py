"""Settings for the worker *processes* started by the integration tests (to be killed)."""

import os

from tests.settings import *  # noqa: F403

CELERY_BROKER_URL = os.environ["CELERY_BROKER_URL"]
# Redelivery of a message whose worker died comes after the visibility timeout.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": int(os.environ["VISIBILITY_TIMEOUT"])}
AI_MODERATION_CLASSIFIERS = [
    *os.environ.get("BASE_CLASSIFIERS", "").split(","),
    "tests.integration.slow_classifier.PausingClassifier",
]
