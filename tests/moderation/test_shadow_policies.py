"""Shadow policies: they run on live screening and record what they would have flagged,
never touch review items, and the dashboard compares their matches with decisions."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ai_disclosure import services as disclosure_services
from ai_disclosure.rules import DisclosureData
from ai_disclosure.services import content_for
from moderation import selectors, services
from moderation.models import Policy, PolicyMode, PolicyVersion, ReviewItem, ReviewStatus
from moderation.selectors.screening import stale_content_ids
from tests.factories import PostFactory

from .test_screening import HUMAN_TEXT, PASTED_ANSWER, human_only
from .triage_factories import make_moderator

pytestmark = pytest.mark.django_db

NAMES_GPT_5 = DisclosureData(assistance={"editing"}, models_used=["GPT-5"],
                             ai_share_estimate="lt10")


def shadow_policy(expression: str = '"GPT-5" in disclosure.models') -> Policy:
    return services.save_policy(policy=Policy(
        name="Trial: names GPT-5", expression=expression, reason="Trying this out.",
        enabled=True, mode=PolicyMode.SHADOW), user=None)


def post_naming_gpt_5(body: str):
    post = PostFactory(body=body)
    disclosure_services.save_disclosure(content=post, user=post.author, data=NAMES_GPT_5)
    return post


def test_a_shadow_policy_records_its_match_on_live_screening_and_creates_no_item():
    Policy.objects.exclude(mode=PolicyMode.SHADOW).update(enabled=False)
    policy = shadow_policy()
    post = post_naming_gpt_5(HUMAN_TEXT)

    screening = services.screen_content(content_id=content_for(post).pk)

    assert screening.shadow_matched == [
        {"policy": policy.pk, "name": "Trial: names GPT-5", "version": 1}]
    assert screening.matched == []
    assert not ReviewItem.objects.exists()
    assert (
        services.screen_content(content_id=content_for(post).pk).screened_at
        == screening.screened_at
    )  # no-op


def test_a_shadow_match_leaves_the_item_an_active_policy_opened_as_it_was():
    policy = shadow_policy()
    post = post_naming_gpt_5(PASTED_ANSWER)

    screening = services.screen_content(content_id=content_for(post).pk)

    item = ReviewItem.objects.get(content=content_for(post))
    assert [match["policy"] for match in screening.shadow_matched] == [policy.pk]
    assert policy.pk not in [reason["policy"] for reason in item.reasons]
    assert not item.policies.filter(pk=policy.pk).exists()


def test_a_new_shadow_policy_rescreens_decided_posts_without_reopening_them():
    # given a post a moderator approved
    post = post_naming_gpt_5(PASTED_ANSWER)
    services.screen_content(content_id=content_for(post).pk)
    item = ReviewItem.objects.get(content=content_for(post))
    services.resolve_item(item=item, moderator=make_moderator(), decision="approve")
    # when a shadow policy is added, the post is stale and screened again
    policy = shadow_policy()
    assert stale_content_ids() == [content_for(post).pk]
    screening = services.screen_content(content_id=content_for(post).pk)
    # then the shadow match is recorded and the decision stands
    assert [match["policy"] for match in screening.shadow_matched] == [policy.pk]
    assert list(
        ReviewItem.objects.filter(content=content_for(post)).values_list("status", flat=True)
    ) == [ReviewStatus.APPROVED]


def test_switching_a_policy_to_shadow_is_a_new_version_that_records_the_mode():
    policy = Policy.objects.get(name="Chat-assistant leftovers")
    policy.mode = PolicyMode.SHADOW
    services.save_policy(policy=policy, user=None)

    post = human_only(PostFactory(body=PASTED_ANSWER))
    screening = services.screen_content(content_id=content_for(post).pk)

    assert PolicyVersion.objects.get(policy=policy, version=2).mode == PolicyMode.SHADOW
    assert [match["version"] for match in screening.shadow_matched] == [2]
    assert policy.pk not in [
        reason["policy"] for item in ReviewItem.objects.filter(content=content_for(post))
        for reason in item.reasons]


def test_the_dashboard_shows_a_shadow_policys_agreement_with_moderators(client):
    # given a shadow policy and four screened posts: two it matched that moderators delisted
    # and approved, one it did not match that they delisted, one it matched nobody decided
    policy = shadow_policy()
    moderator = make_moderator("morgan")
    upheld, approved = post_naming_gpt_5(PASTED_ANSWER), post_naming_gpt_5(PASTED_ANSWER)
    missed = human_only(PostFactory(body=PASTED_ANSWER))
    undecided = post_naming_gpt_5(HUMAN_TEXT)
    services.screen_contents(
        content_ids=[content_for(p).pk for p in (upheld, approved, missed, undecided)])
    for post, decision in [(upheld, "delist"), (approved, "approve"), (missed, "delist")]:
        services.resolve_item(
            item=ReviewItem.objects.get(content=content_for(post)),
            moderator=moderator,
            decision=decision,
            message="Undisclosed AI text.",
        )
    client.force_login(moderator)

    page = client.get(reverse("moderation:dashboard"))

    [agreement] = page.context["data"].shadow
    assert (agreement.policy, agreement.matched, agreement.upheld, agreement.approved,
            agreement.missed) == (policy.pk, 3, 1, 1, 1)
    assert (agreement.precision, agreement.recall) == (0.5, 0.5)
    html = page.content.decode()
    assert "Shadow policies" in html and f'data-shadow-policy="{policy.pk}"' in html
    assert "50% of its decided matches upheld" in html


@pytest.mark.parametrize("count", [1, 4])
def test_shadow_agreement_takes_three_queries_however_many_posts(
    count, django_assert_num_queries
):
    shadow_policy()
    moderator = make_moderator()
    posts = [post_naming_gpt_5(PASTED_ANSWER) for _ in range(count)]
    services.screen_contents(content_ids=[content_for(post).pk for post in posts])
    for item in ReviewItem.objects.all():
        services.resolve_item(item=item, moderator=moderator, decision="approve")

    with django_assert_num_queries(3):  # shadow policies, their matches, decided posts
        [agreement] = selectors.shadow_agreement(since=timezone.now() - timedelta(days=1))

    assert (agreement.matched, agreement.approved) == (count, count)
