"""Policies see posts an AI agent wrote and posted on its own (``disclosure.autonomous``)."""

import pytest

from ai_disclosure import services as disclosure_services
from ai_disclosure.rules import DisclosureData
from ai_disclosure.services import content_for
from moderation import services
from moderation.models import Policy, ReviewItem
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db


def test_a_policy_can_send_every_agent_post_to_the_queue():
    Policy.objects.update(enabled=False)
    Policy.objects.create(name="Agent posts", expression="disclosure.autonomous", action="flag",
                          reason="Posted by an AI agent", enabled=True)
    agent_post, own_post = PostFactory(body="A summary."), PostFactory(body="Mine.")
    agent = DisclosureData(
        autonomous=True, assistance={"drafting"}, models_used=["GPT-5"], ai_share_estimate="gt90",
        description="An agent summarised the thread and posted it.", verification="None.",
        expertise="none")
    disclosure_services.save_disclosure(content=agent_post, user=agent_post.author, data=agent)
    disclosure_services.save_disclosure(content=own_post, user=own_post.author,
                                        data=DisclosureData(human_only=True))

    for post in (agent_post, own_post):
        services.screen_content(content_id=content_for(post).pk)

    assert list(ReviewItem.objects.values_list("content__object_id", flat=True)) == [
        agent_post.pk]
