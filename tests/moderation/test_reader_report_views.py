"""The readers' report pages: the report box on the post page, the report form, "Your
reports". A refused report is shown again with why, and the reader's text kept."""

from __future__ import annotations

import pytest
from django.test import override_settings

from ai_disclosure.services import content_for
from demo.forum.models import Visibility
from moderation import services
from moderation.models import Report
from tests.factories import PostFactory, UserFactory

pytestmark = pytest.mark.django_db

REASON = "It opens with “Certainly! Here's” and ends with an offer to help."


def report_url(post) -> str:
    return f"/moderation/posts/{post.pk}/report/"


@pytest.fixture
def reader(client):
    user = UserFactory(username="rita")
    client.force_login(user)
    return user


def test_a_reader_reports_from_the_post_page_and_then_sees_the_report_waiting(client, reader):
    post = PostFactory()
    page = client.get(f"/posts/{post.pk}/").content.decode()
    assert 'data-report-form' in page

    sent = client.post(report_url(post), {"reason": REASON, "next": f"/posts/{post.pk}/"})

    assert sent.status_code == 302 and sent["Location"] == f"/posts/{post.pk}/"
    assert Report.objects.get(content=content_for(post)).reporter == reader
    page = client.get(f"/posts/{post.pk}/").content.decode()
    assert 'data-report-outcome="open"' in page and "data-report-form" not in page


def test_anonymous_readers_are_asked_to_sign_in(client):
    post = PostFactory()
    assert "Sign in to report undisclosed AI" in client.get(f"/posts/{post.pk}/").content.decode()
    refused = client.post(report_url(post), {"reason": REASON})
    assert refused.status_code == 302 and "/accounts/login/" in refused["Location"]
    assert not Report.objects.exists()


def test_the_author_sees_no_report_box_and_cannot_report(client):
    post = PostFactory()
    client.force_login(post.author)
    assert "data-report-box" not in client.get(f"/posts/{post.pk}/").content.decode()

    refused = client.post(report_url(post), {"reason": REASON})

    assert refused.status_code == 403
    assert "You cannot report your own post." in refused.content.decode()


def test_a_second_report_is_refused_with_the_date_and_the_text_kept(client, reader):
    post = PostFactory()
    services.file_report(post=post, reader=reader, reason="First.")

    again = client.post(report_url(post), {"reason": REASON})

    assert again.status_code == 409
    page = again.content.decode()
    assert "You already reported this post on" in page
    assert "It opens with" in page  # the reader's text is kept


@override_settings(AI_MODERATION_REPORT_RATE="1/hour")
def test_a_reader_over_the_rate_is_told_when_to_report_again(client, reader):
    client.post(report_url(PostFactory()), {"reason": REASON})
    refused = client.post(report_url(PostFactory()), {"reason": REASON})
    assert refused.status_code == 429
    assert "You can report again in" in refused.content.decode()
    assert Report.objects.count() == 1


def test_an_overlong_reason_is_refused_without_losing_it(client, reader):
    refused = client.post(report_url(PostFactory()), {"reason": "x" * 501})
    assert refused.status_code == 400
    assert "x" * 501 in refused.content.decode()
    assert not Report.objects.exists()


def test_a_post_the_reader_cannot_see_cannot_be_reported(client, reader):
    held = PostFactory(visibility=Visibility.HELD)
    draft = PostFactory(published_at=None)
    for post in (held, draft):
        assert client.post(report_url(post), {"reason": REASON}).status_code == 404
    assert client.post("/moderation/posts/987654/report/", {"reason": REASON}).status_code == 404


def test_a_next_url_on_another_site_is_ignored(client, reader):
    sent = client.post(report_url(PostFactory()),
                       {"reason": REASON, "next": "https://evil.example/"})
    assert sent["Location"] == "/moderation/me/reports/"


def test_your_reports_lists_only_the_readers_own_reports_with_their_outcome(client, reader):
    mine, theirs = PostFactory(title="Mine to report"), PostFactory(title="Someone else's")
    services.file_report(post=mine, reader=reader, reason="Mine.")
    services.file_report(post=theirs, reader=UserFactory(), reason="Theirs.")

    page = client.get("/moderation/me/reports/").content.decode()

    assert "Mine to report" in page and "Waiting for a moderator" in page
    assert "Someone else" not in page
