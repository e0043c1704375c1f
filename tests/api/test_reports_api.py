"""Reader reports through the API: a clear answer for every refusal, outcomes for the reporter
only, reports with the reporters' accuracy for moderators."""

from __future__ import annotations

import pytest
from django.test import override_settings

from ai_disclosure.services import content_for
from moderation import services
from moderation.models import Report, ReviewItem
from tests.api.conftest import client_for
from tests.factories import PostFactory, UserFactory

pytestmark = pytest.mark.django_db

MOD = "/api/moderation/v1"
REASON = {"reason": "The second half reads like a chat assistant's answer."}


def url(post) -> str:
    return f"{MOD}/posts/{post.pk}/reports/"


def test_a_reader_reports_a_post_and_sees_it_waiting(published_post, other_author):
    client = client_for(other_author)

    created = client.post(url(published_post), REASON, format="json")

    assert created.status_code == 201
    assert created.json()["outcome"] == "open"
    assert created.json()["post"] == str(published_post.pk)
    mine = client.get(f"{MOD}/reports/").json()
    assert [(r["post"], r["reason"], r["outcome"]) for r in mine] == [
        (str(published_post.pk), REASON["reason"], "open")]


def test_a_second_report_of_the_same_post_is_a_conflict_with_a_message(
    published_post, other_author
):
    client = client_for(other_author)
    client.post(url(published_post), REASON, format="json")

    again = client.post(url(published_post), REASON, format="json")

    assert again.status_code == 409
    assert again.json()["code"] == "already_reported"
    assert "You already reported this post on" in again.json()["detail"]
    assert Report.objects.count() == 1


def test_the_author_cannot_report_their_own_post(published_post, author):
    refused = client_for(author).post(url(published_post), REASON, format="json")
    assert refused.status_code == 403
    assert refused.json()["detail"] == "You cannot report your own post."


@pytest.mark.parametrize(("payload", "field"), [
    ({}, "reason"), ({"reason": ""}, "reason"), ({"reason": "x" * 501}, "reason"),
    ({"reason": "ok", "weight": 5}, "weight"),
])
def test_a_bad_report_is_a_400_naming_the_field(published_post, other_author, payload, field):
    refused = client_for(other_author).post(url(published_post), payload, format="json")
    assert refused.status_code == 400
    assert field in refused.json()["errors"]
    assert not Report.objects.exists()


@override_settings(AI_MODERATION_REPORT_RATE="1/hour")
def test_a_reader_over_the_report_rate_gets_429_with_retry_after(published_post, author):
    reader = UserFactory()
    client = client_for(reader)
    assert client.post(url(published_post), REASON, format="json").status_code == 201

    refused = client.post(url(PostFactory(author=author)), REASON, format="json")

    assert refused.status_code == 429
    assert refused.json()["code"] == "report_rate_limited"
    assert 0 < int(refused["Retry-After"]) <= 3600


def test_readers_see_only_their_own_reports(published_post, other_author):
    services.file_report(post=published_post, reader=UserFactory(), reason="Not mine.")
    assert client_for(other_author).get(f"{MOD}/reports/").json() == []


def test_moderators_see_reports_with_each_reporters_accuracy(published_post, moderator):
    reader = UserFactory(username="reader1")
    services.file_report(post=published_post, reader=reader, reason="Chat leftovers.")
    item = ReviewItem.objects.create(
        content=content_for(published_post), author=published_post.author
    )

    reports = client_for(moderator).get(f"{MOD}/items/{item.pk}/").json()["reports"]

    assert reports == [{
        "reporter": "reader1", "reason": "Chat leftovers.",
        "created_at": reports[0]["created_at"], "outcome": "open",
        "reporter_upheld": 0, "reporter_decided": 0, "weight": 0.5,
    }]
