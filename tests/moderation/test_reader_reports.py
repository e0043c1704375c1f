"""Readers' reports: who may file one, how often, what moderators' decisions make of them,
and what policies see (``reports.count``, ``reports.weighted``)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from ai_disclosure.services import content_for
from moderation import services
from moderation.models import Report, ReportOutcome, ReviewItem, ReviewStatus, Screening
from moderation.selectors import post_reports
from tests.factories import PostFactory, UserFactory
from tests.moderation.test_screening import HUMAN_TEXT, human_only
from tests.moderation.test_screening_once import queued  # noqa: F401  (fixture)
from tests.moderation.triage_factories import make_moderator

pytestmark = pytest.mark.django_db


def report(post, reader, reason="Reads like a chat assistant wrote it."):
    return services.file_report(post=post, reader=reader, reason=reason)


def screened_reports(post) -> dict:
    services.screen_content(content_id=content_for(post).pk)
    return Screening.objects.get(content=content_for(post)).context["reports"]


def decide(post, decision: str, moderator=None):
    """A moderator decides the post's item; the receivers run as after the commit."""
    item = ReviewItem.objects.get(
        content=content_for(post), status__in=[ReviewStatus.OPEN, ReviewStatus.CLAIMED]
    )
    return services.resolve_item(item=item, moderator=moderator or make_moderator("mod"),
                                 decision=decision, message="Thanks for the reports.")


def reader_with_history(name: str, *, upheld: int = 0, rejected: int = 0):
    """A reader whose earlier reports moderators upheld or rejected, through the services."""
    reader = UserFactory(username=name)
    for decision, times in (("delist", upheld), ("approve", rejected)):
        for _ in range(times):
            post = human_only(PostFactory(body=HUMAN_TEXT))
            report(post, reader)
            report(post, UserFactory())  # two new readers flag a post (0.5 + 0.5)
            services.screen_content(content_id=content_for(post).pk)
            decide(post, decision)
    return reader


# --- filing ------------------------------------------------------------------------------


def test_a_reader_reports_a_post_once_and_a_second_attempt_says_when():
    post, reader = PostFactory(), UserFactory()
    report(post, reader)

    with pytest.raises(services.AlreadyReported, match="You already reported this post on"):
        report(post, reader, reason="Again.")
    assert Report.objects.filter(content=content_for(post), reporter=reader).count() == 1


def test_authors_cannot_report_their_own_post():
    post = PostFactory()
    with pytest.raises(services.OwnPost, match="your own post"):
        report(post, post.author)
    assert not Report.objects.exists()


@pytest.mark.parametrize("reason", ["", "   ", "x" * 501])
def test_a_missing_or_overlong_reason_is_refused_with_a_field_message(reason):
    with pytest.raises(ValidationError) as error:
        report(PostFactory(), UserFactory(), reason=reason)
    assert "reason" in error.value.message_dict
    assert not Report.objects.exists()


@override_settings(AI_MODERATION_REPORT_RATE="2/hour")
def test_a_reader_over_the_report_rate_is_told_when_to_try_again():
    reader = UserFactory()
    report(PostFactory(), reader)
    report(PostFactory(), reader)

    with pytest.raises(services.ReportRateLimited, match="You can report again in") as error:
        report(PostFactory(), reader)
    assert 0 < error.value.wait <= 3600
    assert Report.objects.filter(reporter=reader).count() == 2
    report(PostFactory(), UserFactory())  # others are not limited by this reader's count


@override_settings(AI_MODERATION_REPORT_RATE="1/hour")
def test_a_refused_report_does_not_use_up_the_rate():
    reader, post = UserFactory(), PostFactory()
    report(post, reader)
    with pytest.raises(services.ReportRateLimited):
        report(PostFactory(), reader)
    with pytest.raises(services.AlreadyReported):  # checked before the rate
        report(post, reader)


def test_a_report_queues_the_post_for_screening_after_commit(
    queued, django_capture_on_commit_callbacks  # noqa: F811
):
    post = PostFactory()
    with django_capture_on_commit_callbacks(execute=True):
        report(post, UserFactory())
    assert queued() == [[content_for(post).pk]]


# --- what policies see -----------------------------------------------------------------


def test_policies_see_the_count_and_weight_of_open_reports():
    post = human_only(PostFactory(body=HUMAN_TEXT))
    assert screened_reports(post) == {"count": 0, "weighted": 0.0}

    report(post, UserFactory())
    assert screened_reports(post) == {"count": 1, "weighted": 0.5}
    # one new reader: not enough
    assert not ReviewItem.objects.filter(content=content_for(post)).exists()

    report(post, UserFactory())
    assert screened_reports(post) == {"count": 2, "weighted": 1.0}
    item = ReviewItem.objects.get(content=content_for(post))
    assert [reason["name"] for reason in item.reasons] == ["Reported by readers"]


def test_a_new_report_changes_the_screening_key():
    post = human_only(PostFactory(body=HUMAN_TEXT))
    services.screen_content(content_id=content_for(post).pk)
    before = Screening.objects.get(content=content_for(post)).key

    report(post, UserFactory())
    services.screen_content(content_id=content_for(post).pk)

    assert Screening.objects.get(content=content_for(post)).key != before


def test_a_reporters_weight_is_their_smoothed_accuracy(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        accurate = reader_with_history("accurate", upheld=2)
        wrong = reader_with_history("wrong", rejected=2)
    post = human_only(PostFactory(body=HUMAN_TEXT))
    report(post, accurate)
    report(post, wrong)

    weights = {view.report.reporter.username: (view.upheld, view.decided, view.weight)
               for view in post_reports(content_for(post))}
    assert weights == {"accurate": (2, 2, 0.75), "wrong": (0, 2, 0.25)}
    assert screened_reports(post) == {"count": 2, "weighted": 1.0}


def test_one_report_by_an_accurate_reader_outweighs_two_by_readers_often_wrong(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        accurate = reader_with_history("accurate", upheld=1)
        wrong = [reader_with_history(f"wrong{n}", rejected=2) for n in range(2)]
    one, two = human_only(PostFactory(body=HUMAN_TEXT)), human_only(PostFactory(body=HUMAN_TEXT))
    report(one, accurate)
    for reader in wrong:
        report(two, reader)

    assert screened_reports(one) == {"count": 1, "weighted": 0.6667}
    assert screened_reports(two) == {"count": 2, "weighted": 0.5}
    assert ReviewItem.objects.filter(content=content_for(one)).exists()
    assert not ReviewItem.objects.filter(content=content_for(two)).exists()


# --- outcomes -----------------------------------------------------------------------------


@pytest.mark.parametrize(("decision", "outcome"), [
    ("delist", ReportOutcome.UPHELD), ("reject", ReportOutcome.UPHELD),
    ("approve", ReportOutcome.REJECTED),
])
def test_a_decision_settles_the_posts_open_reports(decision, outcome,
                                                   django_capture_on_commit_callbacks):
    post = human_only(PostFactory(body=HUMAN_TEXT))
    readers = [UserFactory() for _ in range(3)]
    for reader in readers:
        report(post, reader)
    services.screen_content(content_id=content_for(post).pk)

    with django_capture_on_commit_callbacks(execute=True):
        item = decide(post, decision)

    assert set(Report.objects.values_list("outcome", flat=True)) == {outcome}
    assert set(Report.objects.values_list("review_item", flat=True)) == {item.pk}
    assert screened_reports(post) == {"count": 0, "weighted": 0.0}


def test_a_request_for_information_leaves_reports_open(django_capture_on_commit_callbacks):
    post = human_only(PostFactory(body=HUMAN_TEXT))
    report(post, UserFactory())
    report(post, UserFactory())
    services.screen_content(content_id=content_for(post).pk)
    with django_capture_on_commit_callbacks(execute=True):
        decide(post, "request_info")
    assert set(Report.objects.values_list("outcome", flat=True)) == {ReportOutcome.OPEN}


def test_undoing_a_decision_reopens_its_reports(django_capture_on_commit_callbacks):
    post = human_only(PostFactory(body=HUMAN_TEXT))
    report(post, UserFactory())
    report(post, UserFactory())
    services.screen_content(content_id=content_for(post).pk)
    moderator = make_moderator("undoer")
    with django_capture_on_commit_callbacks(execute=True):
        item = decide(post, "delist", moderator)
    with django_capture_on_commit_callbacks(execute=True):
        services.undo_resolution(item=item, moderator=moderator)

    assert set(Report.objects.values_list("outcome", flat=True)) == {ReportOutcome.OPEN}
    assert not Report.objects.filter(review_item__isnull=False).exists()


def test_settling_changes_the_weight_of_the_readers_other_reports_and_rescreens_them(
    queued, django_capture_on_commit_callbacks  # noqa: F811
):
    reader = UserFactory()
    first, second = (human_only(PostFactory(body=HUMAN_TEXT)) for _ in range(2))
    report(first, reader)
    report(first, UserFactory())
    report(second, reader)
    services.screen_content(content_id=content_for(first).pk)
    queued()

    with django_capture_on_commit_callbacks(execute=True):
        decide(first, "delist")

    assert queued() == [sorted([content_for(first).pk, content_for(second).pk])]
    assert screened_reports(second) == {"count": 1, "weighted": 0.6667}
