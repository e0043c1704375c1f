"""Screening at database speed: a fixed number of queries per batch and per flagged post,
a duplicate recognised before any classifier runs, and one author history for everyone."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone

from ai_disclosure import services as disclosure_services
from ai_disclosure.services import content_for
from moderation import selectors, services
from moderation.app_settings import DEFAULT_CLASSIFIERS
from moderation.classifiers.base import Result
from moderation.models import ReviewItem, ReviewStatus, Screening
from moderation.selectors.authors import account_age_days
from tests.factories import PostFactory, UserFactory

from .test_screening import HUMAN_TEXT, PASTED_ANSWER, human_only

pytestmark = pytest.mark.django_db

#: Queries of one batch of one content type, however many posts: policies; the content rows
#: with their screening keys, and their posts (bodies); the rows' facts (disclosure, render),
#: their kinds of assistance, the posts with their authors' history and escalation; a
#: savepoint; the rows locked, and their posts read again (bodies); their screenings
#: written; their items read (and locked); the savepoint released. Each further content type
#: in a batch adds three (its objects, read at each step). Block types come from the cached
#: vocabulary (``ai_disclosure.selectors``), warmed when the posts were rendered, and the
#: model registry from its cache (one more query when it is cold: once a minute per process
#: at most).
BATCH_QUERIES = 12
#: Queries of a batch that opens items: the new items, the policies that fired on them, and
#: their queue facets (delete, insert).
OPENING_QUERIES = 4
#: Queries of each post that gets a new item: its audit entry.
PER_FLAGGED_POST = 1


def published(body: str):
    """A post as publishing leaves it: disclosed as human-only, its render stored."""
    post = human_only(PostFactory(body=body))
    disclosure_services.rendered_content(post)
    return post


@pytest.mark.parametrize("count", [1, 10])
def test_each_flagged_post_costs_the_same_few_queries_whatever_the_batch_size(
    count, django_assert_num_queries
):
    posts = [published(PASTED_ANSWER) for _ in range(count)]
    selectors.model_registry()  # warm, as any earlier batch leaves it
    with django_assert_num_queries(BATCH_QUERIES + OPENING_QUERIES + PER_FLAGGED_POST * count):
        services.screen_contents(content_ids=[content_for(post).pk for post in posts])
    assert ReviewItem.objects.filter(status=ReviewStatus.OPEN).count() == count


@pytest.mark.parametrize("count", [1, 10])
def test_posts_nobody_needs_to_review_cost_no_query_of_their_own(
    count, django_assert_num_queries
):
    posts = [published(HUMAN_TEXT) for _ in range(count)]
    selectors.model_registry()  # warm, as any earlier batch leaves it
    with django_assert_num_queries(BATCH_QUERIES):
        services.screen_contents(content_ids=[content_for(post).pk for post in posts])
    assert Screening.objects.count() == count and not ReviewItem.objects.exists()


class CountingClassifier:
    """A real (if trivial) classifier that counts the posts it scored."""

    name = "counting"
    version = "1"
    flag_threshold = 1.0
    scored = 0

    def score(self, text, context=None):
        CountingClassifier.scored += 1
        return Result(score=0.0)


def test_a_duplicate_delivery_runs_no_classifier_and_costs_two_queries(
    settings, django_assert_num_queries
):
    settings.AI_MODERATION_CLASSIFIERS = [
        *DEFAULT_CLASSIFIERS, f"{__name__}.{CountingClassifier.__qualname__}"]
    post = published(PASTED_ANSWER)
    first = services.screen_content(content_id=content_for(post).pk)
    scored = CountingClassifier.scored

    # the policies, the content row with its stored key, the post (its body)
    with django_assert_num_queries(3):
        again = services.screen_content(content_id=content_for(post).pk)

    assert CountingClassifier.scored == scored
    assert (again.pk, again.key, again.screened_at) == (first.pk, first.key, first.screened_at)


def test_a_batch_skips_posts_already_screened_and_screens_the_others():
    done, fresh = published(PASTED_ANSWER), published(PASTED_ANSWER)
    services.screen_content(content_id=content_for(done).pk)
    ids = [content_for(done).pk, content_for(fresh).pk]
    results = services.screen_contents(content_ids=[*ids, 999_999])
    assert set(results) == set(ids)
    assert ReviewItem.objects.filter(content__in=ids).count() == 2


def test_policies_and_the_queue_see_the_same_author_history():
    # given an author of 40 days with two posts left alone, one approved and one delisted
    author = UserFactory(date_joined=timezone.now() - timedelta(days=40, hours=1))
    for _ in range(2):
        PostFactory(author=author)
    for status in (ReviewStatus.APPROVED, ReviewStatus.DELISTED):
        post = PostFactory(author=author)
        ReviewItem.objects.create(content=content_for(post), author=author, status=status)
    # when their new post is screened (and flagged)
    new = human_only(PostFactory(author=author, body=PASTED_ANSWER))
    screening = services.screen_content(content_id=content_for(new).pk)
    # then policies saw their history without the post itself ...
    assert screening.context["author"] == {
        "account_age_days": 40, "approved_posts": 3, "prior_flags": 2, "delisted_posts": 1,
        "disclosure_changes_after_flag": 0}
    assert screening.context["post"]["first_post"] is False
    assert ReviewItem.objects.get(content=content_for(new)).author_approved_posts == 3
    # ... and the queue shows the same history (the new post waits, so it is not approved)
    stats = selectors.author_stats([author])[author.pk]
    assert (stats.account_age_days, stats.approved_posts) == (40, 3)
    assert (stats.prior_flags, stats.delisted_posts) == (3, 1)


def test_a_first_post_is_seen_as_one():
    post = human_only(PostFactory(body=PASTED_ANSWER))
    context = services.screen_content(content_id=content_for(post).pk).context
    assert context["post"]["first_post"] is True
    assert context["author"]["approved_posts"] == 0


def test_an_account_of_unknown_age_counts_as_new_everywhere():
    author = SimpleNamespace(pk=1)  # a user model without ``date_joined``
    assert account_age_days(author) == 0
    assert selectors.UNKNOWN_AUTHOR.is_new
