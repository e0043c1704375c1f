"""Screening once: one task per transaction however many signals fire, and no new review item
for a post a moderator already decided unless the author changed it since."""

import pytest
from django.core.management import call_command
from django.db import transaction

from ai_disclosure import services as disclosure_services
from ai_disclosure.rules import DisclosureData
from ai_disclosure.services import content_for
from demo.celery import app
from demo.forum import services as forum_services
from moderation import services
from moderation.app_settings import app_settings
from moderation.models import Policy, ReviewItem, ReviewStatus, Screening
from tests.factories import PostFactory, UserFactory
from tests.moderation.triage_factories import make_moderator

from .test_screening import PASTED_ANSWER, human_only

pytestmark = pytest.mark.django_db

HUMAN_ONLY = DisclosureData(human_only=True)


@pytest.fixture
def queued():
    """The screening tasks sent to the (in-memory) broker: a list of post-id lists."""
    with app.connection_for_write() as connection:
        queue = connection.SimpleQueue(app_settings.SCREENING_QUEUE)
        queue.clear()

        def read():
            tasks = []
            while len(queue):
                message = queue.get(timeout=1)
                assert message.headers["task"] == "moderation.screen_contents"
                tasks.append(message.payload[0][0])
                message.ack()
            return tasks

        yield read
        queue.clear()


def test_publishing_a_post_with_its_disclosure_queues_one_screening(
    queued, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post = forum_services.publish_post(author=UserFactory(), title="Sleep",
                                           body=PASTED_ANSWER, disclosure=HUMAN_ONLY)
    assert queued() == [[content_for(post).pk]]


def test_editing_a_post_and_its_disclosure_together_queues_one_screening(
    queued, django_capture_on_commit_callbacks
):
    post = forum_services.publish_post(author=UserFactory(), title="Sleep", body="Draft.",
                                       disclosure=HUMAN_ONLY)
    with django_capture_on_commit_callbacks(execute=True):
        forum_services.edit_post(post=post, editor=post.author, title="Sleep",
                                 body=PASTED_ANSWER, disclosure=HUMAN_ONLY)
    assert queued() == [[content_for(post).pk]]


def test_posts_saved_in_one_transaction_are_screened_by_one_task(
    queued, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        posts = [PostFactory(), PostFactory(), PostFactory()]
    assert queued() == [sorted(content_for(post).pk for post in posts)]


def test_a_post_saved_in_a_rolled_back_savepoint_is_not_queued(
    queued, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                PostFactory()
                raise RuntimeError("the author's request failed")
        except RuntimeError:
            pass
        kept = PostFactory()
    assert queued() == [[content_for(kept).pk]]


@pytest.fixture
def decided_post():
    """A flagged post whose item a moderator approved."""
    post = human_only(PostFactory(body=PASTED_ANSWER))
    services.screen_content(content_id=content_for(post).pk)
    item = ReviewItem.objects.get(content=content_for(post))
    services.resolve_item(item=item, moderator=make_moderator(), decision="approve")
    return post


def _policy_change() -> Policy:
    """A moderator edits a policy: every post's screening is out of date."""
    policy = Policy.objects.get(name="Chat-assistant leftovers")
    policy.priority = 95
    return services.save_policy(policy=policy, user=None)


def test_rescreening_after_a_policy_change_leaves_decided_posts_decided(decided_post):
    policy = _policy_change()
    call_command("screen_posts", "--all", "--sync", verbosity=0)

    items = ReviewItem.objects.filter(content=content_for(decided_post))
    assert [item.status for item in items] == [ReviewStatus.APPROVED]
    # it was screened again all the same, and the policy still fires on it
    screening = Screening.objects.get(content=content_for(decided_post))
    assert screening.policy_versions[str(policy.pk)] == policy.version
    assert policy.pk in [match["policy"] for match in screening.matched]


def test_a_decided_post_whose_body_changed_is_reviewed_again(decided_post):
    decided_post.body = PASTED_ANSWER + "\nOne more line."
    decided_post.save()
    services.screen_content(content_id=content_for(decided_post).pk)
    assert (
        ReviewItem.objects.filter(
            content=content_for(decided_post), status=ReviewStatus.OPEN
        ).count()
        == 1
    )


def test_a_decided_post_whose_disclosure_changed_is_reviewed_again(decided_post):
    disclosure_services.save_disclosure(
        content=decided_post, user=decided_post.author, data=DisclosureData(human_only=True)
    )
    services.screen_content(content_id=content_for(decided_post).pk)
    assert (
        ReviewItem.objects.filter(
            content=content_for(decided_post), status=ReviewStatus.OPEN
        ).count()
        == 1
    )
