"""Reader reports end to end on PostgreSQL + Redis + a real worker: reports screen the post,
a decision settles them and screens the reporters' other reported posts with their new weight.
"""

import pytest
from celery.contrib.testing.worker import start_worker

from ai_disclosure.rules import DisclosureData
from ai_disclosure.services import content_for
from demo.forum import services as forum_services
from moderation import services
from moderation.models import Report, ReportOutcome, ReviewItem, Screening
from tests.factories import UserFactory
from tests.moderation.triage_factories import make_moderator

from .test_screening_pipeline import wait_for

pytestmark = pytest.mark.django_db(transaction=True)

BODY = ("I kept a sleep diary for three months. My recall was worse after short nights, but "
        "only for things I had skimmed.")


def publish():
    return forum_services.publish_post(author=UserFactory(), title="A diary", body=BODY,
                                       disclosure=DisclosureData(human_only=True))


def reports_seen(post):
    screening = Screening.objects.filter(content=content_for(post)).first()
    return screening.context.get("reports") if screening else None


def test_reports_reach_policies_and_a_decision_reweighs_the_reporters_other_posts(
    redis_broker,
):
    ada, ben = UserFactory(username="ada"), UserFactory(username="ben")
    with start_worker(redis_broker, perform_ping_check=False, queues=["screening", "backfill"]):
        first, second = publish(), publish()
        wait_for(lambda: reports_seen(first) == {"count": 0, "weighted": 0.0})

        services.file_report(post=first, reader=ada, reason="Chat leftovers.")
        services.file_report(post=first, reader=ben, reason="Same.")
        services.file_report(post=second, reader=ada, reason="Same style.")
        item = wait_for(lambda: ReviewItem.objects.filter(content=content_for(first)).first())
        wait_for(lambda: reports_seen(second) == {"count": 1, "weighted": 0.5})
        # one new reader: 0.5
        assert not ReviewItem.objects.filter(content=content_for(second)).exists()

        services.resolve_item(item=item, moderator=make_moderator("morgan"), decision="delist")

        wait_for(lambda: reports_seen(second) == {"count": 1, "weighted": 0.6667})
        wait_for(lambda: ReviewItem.objects.filter(content=content_for(second)).exists())
    outcomes = Report.objects.filter(content=content_for(first)).values_list("outcome", flat=True)
    assert set(outcomes) == {
        ReportOutcome.UPHELD}
    assert reports_seen(first) == {"count": 0, "weighted": 0.0}
