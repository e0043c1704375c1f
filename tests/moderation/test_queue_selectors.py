"""The queue selector: order, filters, keyset pagination, and a fixed number of queries."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ai_disclosure.models import AssistanceKind, Disclosure
from ai_disclosure.services import content_for
from demo.forum.models import Post
from moderation import selectors, services
from moderation.highlight import highlight
from moderation.models import (
    QueueFacet,
    ReviewItem,
    ReviewStatus,
)
from tests.factories import UserFactory

from .triage_factories import first_policy, make_item, make_moderator

pytestmark = pytest.mark.django_db


def bulk_items(count: int, *, authors: int = 25) -> None:
    """``count`` items by ``authors`` authors, each post with a disclosure and a kind, written
    in bulk the way ``seed_demo`` does (with the copies services would make)."""
    users = [UserFactory() for _ in range(authors)]
    now = timezone.now()
    posts = Post.objects.bulk_create(
        Post(author=users[i % authors], title=f"Bulk post {i}", body="Text.", published_at=now)
        for i in range(count)
    )
    disclosures = Disclosure.objects.bulk_create(
        Disclosure(content=content_for(post), models_used=["GPT-5"], description="x" * 40)
        for post in posts
    )
    kind = AssistanceKind.objects.get(slug="drafting")
    Disclosure.assistance.through.objects.bulk_create(
        Disclosure.assistance.through(disclosure_id=d.pk, assistancekind_id=kind.pk)
        for d in disclosures
    )
    policy = first_policy()
    items = ReviewItem.objects.bulk_create(
        ReviewItem(content=content_for(post), author=post.author, post_title=post.title,
                   author_name=post.author.username, priority=i % 100,
                   top_score=(i % 10) / 10, created_at=now - timedelta(minutes=i),
                   reasons=[{"policy": policy.pk, "name": policy.name, "priority": 50}])
        for i, post in enumerate(posts)
    )
    ReviewItem.policies.through.objects.bulk_create(
        ReviewItem.policies.through(reviewitem_id=item.pk, policy_id=policy.pk) for item in items
    )
    QueueFacet.objects.write(*items, assistance={item.pk: ["drafting"] for item in items})


def count_queries(client, url, params=None) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(queries)


def test_the_queue_page_issues_the_same_queries_for_10_and_500_items(client, settings):
    settings.AI_MODERATION_QUEUE_PAGE_SIZE = 500
    client.force_login(make_moderator())
    bulk_items(10)
    small = count_queries(client, reverse("moderation:queue"))
    bulk_items(490)
    assert ReviewItem.objects.count() == 500
    large = count_queries(client, reverse("moderation:queue"))
    assert small == large
    # and with every filter applied at once
    policy = first_policy()
    params = {"policy": policy.pk, "assistance": "drafting", "score_min": "0", "q": "Bulk",
              "new_authors": "1", "status": "all"}
    assert count_queries(client, reverse("moderation:queue"), params) == large


def test_the_queue_selector_is_three_queries_whatever_the_page_size(django_assert_num_queries):
    bulk_items(60)
    for limit in (5, 50):
        with django_assert_num_queries(3):
            page = selectors.queue(filters=selectors.QueueFilters(), limit=limit)
            [row.disclosure_summary for row in page.rows]
        assert len(page.rows) == limit


def test_keyset_pages_cover_every_item_once_in_priority_then_age_order():
    bulk_items(47)
    seen, cursor = [], None
    while True:
        page = selectors.queue(filters=selectors.QueueFilters(), after=cursor, limit=10)
        seen += page.items
        cursor = page.next_cursor
        if not cursor:
            break
    assert len(seen) == 47 == len({item.pk for item in seen})
    keys = [(-item.priority, item.created_at, item.pk) for item in seen]
    assert keys == sorted(keys)


def test_a_tampered_cursor_starts_from_the_top():
    bulk_items(3)
    page = selectors.queue(filters=selectors.QueueFilters(), after="not-a-cursor!!", limit=10)
    assert len(page.rows) == 3


def test_filters_by_status_policy_kind_score_and_new_authors():
    policy = first_policy()
    flagged = make_item(policies=[policy], top_score=0.95, approved_posts=0)
    plain = make_item(top_score=0.3, approved_posts=10)
    decided = make_item()
    services.resolve_item(item=decided, moderator=make_moderator(), decision="approve")

    def ids(**kwargs):
        return set(selectors.filtered_items(selectors.QueueFilters(**kwargs))
                   .values_list("pk", flat=True))

    assert ids() == {flagged.pk, plain.pk}
    assert ids(status="approved") == {decided.pk}
    assert ids(policy=policy.pk) == {flagged.pk}
    assert ids(score_min=0.9) == {flagged.pk}
    assert ids(new_authors=True) == {flagged.pk}
    assert ids(assistance="drafting") == set()


def test_filters_parse_bad_input_leniently():
    filters = selectors.QueueFilters.from_data({"status": "bogus", "policy": "x",
                                                "score_min": "2", "q": " a "})
    assert filters == selectors.QueueFilters(status="active", score_min=1.0, q="a")


def test_the_open_filter_includes_expired_claims(settings):
    settings.AI_MODERATION_CLAIM_MINUTES = 5
    item = make_item()
    services.claim_item(item=item, moderator=make_moderator())

    def open_ids():
        unclaimed = selectors.filtered_items(selectors.QueueFilters(status="open"))
        return list(unclaimed.values_list("pk", flat=True))

    assert open_ids() == []
    ReviewItem.objects.filter(pk=item.pk).update(claimed_at=timezone.now() - timedelta(minutes=6))
    assert open_ids() == [item.pk]
    assert ReviewItem.objects.get(pk=item.pk).status == ReviewStatus.CLAIMED


def test_evidence_is_highlighted_in_text_only_and_escaped():
    html = ("<p>Certainly! Here&#x27;s the <em>answer</em> &lt;b&gt;</p>"
            "<section class=\"ai-block ai-written\"><p>Certainly! Here's declared</p></section>"
            "<pre><code>Certainly! Here's code</code></pre>")
    evidence = {"chat_artifacts": [{"text": "Certainly! Here's", "reason": 'greeting "<x>"',
                                    "start": 0, "end": 17, "weight": 1}]}
    marked, count = highlight(html, evidence)
    assert count == 1
    assert 'data-reason="greeting &quot;&lt;x&gt;&quot;"' in marked
    assert "&lt;b&gt;" in marked and "<b>" not in marked
    assert marked.count("<mark") == 1  # not inside the AI block or code


def test_evidence_spanning_a_line_break_is_found():
    marked, count = highlight("<p>I hope\nthis helps!</p>",
                              {"c": [{"text": "I hope this helps", "reason": "sign-off"}]})
    assert count == 1 and ">I hope\nthis helps</mark>" in marked
