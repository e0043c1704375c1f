"""Before submitting, the check endpoint and the form tell the author what will happen."""

import time

import pytest
from django.test import override_settings
from django.urls import reverse

from moderation.models import Escalation, Policy, ReviewItem, Screening
from tests.api.conftest import client_for
from tests.factories import PostFactory, UserFactory

pytestmark = pytest.mark.django_db

CHECK = "/api/ai-disclosure/v1/check/"
MOSTLY_AI = (
    "A line of mine.\n\n:::ai-written{model=\"Claude Opus 4.6\"}\n"
    + "The model wrote this long paragraph about sleep and memory consolidation. " * 4
    + "\n:::\n"
)
DRAFTING = {
    "assistance": ["drafting"], "models_used": ["Claude Opus 4.6"], "ai_share_estimate": "10-30",
    "description": "Claude wrote the paragraph on memory from my outline.",
    "verification": "I checked the claims against two review papers.", "expertise": "author",
}
HONEST = {**DRAFTING, "ai_share_estimate": "gt90"}
NEW_AUTHORS = "Posts like this by new authors are reviewed by a moderator"


def established_author():
    author = UserFactory()
    for _ in range(3):
        PostFactory(author=author)
    return author


def nudges(author, body=MOSTLY_AI, disclosure=HONEST):
    response = client_for(author).post(CHECK, {"body": body, "disclosure": disclosure},
                                       format="json")
    assert response.status_code == 200
    return {nudge["field"]: nudge["message"] for nudge in response.json()["nudges"]}


def test_an_honest_estimate_gets_no_share_nudge():
    assert "ai_share_estimate" not in nudges(UserFactory())


def test_an_estimate_below_the_measured_ai_share_is_named_with_both_figures():
    message = nudges(UserFactory(), disclosure=DRAFTING)["ai_share_estimate"]

    assert message.startswith("Your estimate (10–30%) is below the measured AI share (")
    assert "adjust it, or mark fewer passages" in message


def test_a_new_author_is_told_posts_like_this_are_reviewed_and_an_established_one_is_not():
    assert nudges(UserFactory())[""] == f"{NEW_AUTHORS} after they appear."
    assert "" not in nudges(established_author())


@override_settings(AI_MODERATION_AUTO_HOLD=True)
def test_with_hold_policies_holding_posts_the_author_is_told_before_they_appear():
    Policy.objects.filter(name="Mostly AI-written, new author").update(action="hold")

    assert nudges(UserFactory())[""] == f"{NEW_AUTHORS} before they appear."


def test_a_policy_that_matches_any_author_is_not_blamed_on_being_new():
    Policy.objects.create(name="All drafting", expression='"drafting" in disclosure.assistance',
                          reason="All drafting.", enabled=True)

    assert nudges(established_author())[""] == (
        "Posts like this are reviewed by a moderator after they appear.")


def test_policies_that_need_classifier_scores_are_not_guessed_on_a_draft():
    Policy.objects.update(enabled=False)
    Policy.objects.create(name="Any score", expression="scores.combined >= 0.0",
                          reason="Scores.", enabled=True)

    assert "" not in nudges(UserFactory())


def test_an_escalated_authors_new_posts_are_announced_as_reviewed_first():
    author = established_author()
    Escalation.objects.create(author=author, active=True, delists=3)

    assert nudges(author)[""] == "Your new posts are reviewed by a moderator before they appear."


def test_a_check_stores_nothing_and_stays_well_under_a_second_of_cpu():
    author = UserFactory()
    api = client_for(author)
    body = MOSTLY_AI * 40  # ~16 KB with 40 AI blocks

    started = time.process_time()
    response = api.post(CHECK, {"body": body, "disclosure": DRAFTING}, format="json")
    cpu = time.process_time() - started

    assert response.status_code == 200 and response.json()["nudges"]
    assert cpu < 0.5, cpu
    assert not Screening.objects.exists() and not ReviewItem.objects.exists()


def test_the_post_form_shows_the_nudges_on_preview(client):
    client.force_login(UserFactory(username="newcomer"))

    response = client.post(reverse("forum:post-create"), {
        "title": "Sleep", "body": MOSTLY_AI, "preview": "1", **DRAFTING,
        "models_used": "Claude Opus 4.6",
    })

    page = response.content.decode()
    assert "is below the measured AI share" in page
    # the estimate is far off for anyone, so it is not put down to being new
    assert "Posts like this are reviewed by a moderator after they appear." in page


def test_a_shadow_policy_tells_the_author_nothing():
    Policy.objects.update(enabled=False)
    Policy.objects.create(name="Shadow drafting", expression='"drafting" in disclosure.assistance',
                          reason="Trying it out.", enabled=True, mode="shadow")

    assert "" not in nudges(established_author())


def test_policies_over_the_model_registry_are_evaluated_on_a_draft():
    Policy.objects.update(enabled=False)
    Policy.objects.create(name="Unknown models", expression="size(disclosure.unknown_models) > 0",
                          reason="Unregistered model.", enabled=True)

    registered = {**HONEST, "models_used": ["Claude Opus 4"]}  # in the seeded registry
    assert "" not in nudges(established_author(), disclosure=registered)
    named = {**HONEST, "models_used": ["Claude Opus 4", "Zorblax-9"]}
    assert nudges(established_author(), disclosure=named)[""] == (
        "Posts like this are reviewed by a moderator after they appear.")
