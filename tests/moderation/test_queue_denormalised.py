"""What the queue filters and searches on is copied onto review items (``author_name``,
``search_text``) and into ``QueueFacet`` rows; these tests prove the copies stay right when an
item is created, re-screened, its disclosure changes and its status changes, and that the
queue's filters and search still return the right items."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from ai_disclosure import services as disclosure_services
from ai_disclosure.rules import DisclosureData
from ai_disclosure.services import content_for
from moderation import selectors, services, tasks
from moderation.models import (
    Policy,
    QueueFacet,
    ReviewItem,
    ReviewStatus,
    assistance_facet,
    kind_facet,
    policy_facet,
)
from tests.factories import PostFactory, UserFactory

from .test_screening import PASTED_ANSWER
from .triage_factories import make_item, make_moderator

pytestmark = pytest.mark.django_db

LEFTOVERS = "Chat-assistant leftovers"
RESEARCH = "AI research not expert-reviewed, new author"


def policy_id(name: str) -> int:
    return Policy.objects.get(name=name).pk


def research_disclosure() -> DisclosureData:
    return DisclosureData(assistance={"research", "analysis"}, models_used=["GPT-5"],
                          ai_share_estimate="10-30", expertise="none",
                          description="GPT-5 found the papers and summarised them.",
                          verification="I skimmed the abstracts.")


def flagged_post(*, title: str = "Sleep and memory", author=None, disclosure=None):
    """A published post that the default policies flag (chat-assistant leftovers), screened."""
    post = PostFactory(title=title, body=PASTED_ANSWER, author=author or UserFactory())
    disclosure_services.save_disclosure(
        content=post, user=post.author, data=disclosure or DisclosureData(human_only=True))
    services.screen_content(content_id=content_for(post).pk)
    return post


def active_item(post) -> ReviewItem:
    return ReviewItem.objects.get(content=content_for(post), status__in=[ReviewStatus.OPEN,
                                                         ReviewStatus.CLAIMED,
                                                         ReviewStatus.INFO_REQUESTED])


def facets_of(item: ReviewItem) -> dict[str, tuple]:
    """The item's facets, each with its copy of the item's status and order."""
    return {
        facet.name: (facet.status, facet.priority, facet.created_at)
        for facet in QueueFacet.objects.filter(item=item)
    }


def assert_copies_match(item: ReviewItem) -> None:
    item = ReviewItem.objects.get(pk=item.pk)
    copies = set(facets_of(item).values())
    assert copies <= {(item.status, item.priority, item.created_at)}, copies


def ids(**filters) -> set[int]:
    return set(selectors.filtered_items(selectors.QueueFilters(**filters))
               .values_list("pk", flat=True))


# --- the copies ----------------------------------------------------------------------------


def test_a_screened_item_copies_its_authors_name_search_text_and_facets():
    author = UserFactory(username="Mira_Okafor")
    post = flagged_post(title="Notes on Soil Carbon", author=author,
                        disclosure=research_disclosure())
    item = active_item(post)
    assert item.author_name == "Mira_Okafor"
    assert item.search_text == "notes on soil carbon mira_okafor"
    assert set(facets_of(item)) == {
        kind_facet("post"),
        policy_facet(policy_id(LEFTOVERS)), policy_facet(policy_id(RESEARCH)),
        assistance_facet("research"), assistance_facet("analysis"),
    }
    assert_copies_match(item)


def test_a_disclosure_change_rescreens_the_post_and_updates_its_items_facets(
    monkeypatch, django_capture_on_commit_callbacks
):
    # given a flagged post whose disclosure declares AI research
    post = flagged_post(disclosure=research_disclosure())
    item = active_item(post)
    assert ids(assistance="research") == {item.pk}
    # screening runs as the worker would, once the disclosure's transaction commits
    monkeypatch.setattr(tasks, "enqueue_screening",
                        lambda post_ids, **kwargs: services.screen_contents(content_ids=post_ids))
    # when the author says AI only edited the text
    with django_capture_on_commit_callbacks(execute=True):
        disclosure_services.save_disclosure(content=post, user=post.author, data=DisclosureData(
            assistance={"editing"}, models_used=["GPT-5"], ai_share_estimate="lt10",
            description="GPT-5 fixed my grammar.", expertise="author"))
    # then the same item now carries the new kind, and the research policy no longer fired
    assert active_item(post).pk == item.pk
    assert set(facets_of(item)) == {kind_facet("post"), policy_facet(policy_id(LEFTOVERS)),
                                    assistance_facet("editing")}
    assert ids(assistance="research") == set()
    assert ids(assistance="editing") == {item.pk}
    assert ids(policy=policy_id(RESEARCH)) == set()
    assert_copies_match(item)


def test_rescreening_that_changes_the_priority_moves_the_facets_in_queue_order():
    post = flagged_post(disclosure=research_disclosure())
    item = active_item(post)
    assert item.priority == 90
    leftovers = Policy.objects.get(name=LEFTOVERS)
    leftovers.enabled = False
    services.save_policy(policy=leftovers, user=None)
    services.screen_content(content_id=content_for(post).pk)
    item.refresh_from_db()
    assert item.priority == 50  # only the research policy fires now
    assert set(facets_of(item)) == {kind_facet("post"), policy_facet(policy_id(RESEARCH)),
                                    assistance_facet("research"), assistance_facet("analysis")}
    assert_copies_match(item)


def test_a_waiting_item_no_longer_flagged_still_matches_what_its_post_now_declares():
    post = flagged_post(disclosure=research_disclosure())
    item = active_item(post)
    Policy.objects.update(enabled=False)
    post.title = "Renamed while waiting"
    post.save()
    disclosure_services.save_disclosure(content=post, user=post.author, data=DisclosureData(
        human_only=True))
    services.screen_content(content_id=content_for(post).pk)
    item.refresh_from_db()
    assert item.status == ReviewStatus.OPEN  # still waiting for a moderator
    assert "renamed while waiting" in item.search_text
    assert assistance_facet("research") not in facets_of(item)
    assert ids(assistance="research") == set()


def test_every_status_change_is_copied_to_the_facets(settings):
    settings.AI_MODERATION_UNDO_SECONDS = 60
    post = flagged_post(disclosure=research_disclosure())
    item = active_item(post)
    mod, other = make_moderator("first"), make_moderator("second")

    def check(expected: str) -> None:
        assert ReviewItem.objects.get(pk=item.pk).status == expected
        assert_copies_match(item)

    services.claim_item(item=item, moderator=mod)
    check(ReviewStatus.CLAIMED)
    services.release_item(item=item, moderator=mod)
    check(ReviewStatus.OPEN)
    assert services.claim_next(moderator=mod) == item
    check(ReviewStatus.CLAIMED)
    services.resolve_item(item=item, moderator=mod, decision="request_info")
    check(ReviewStatus.INFO_REQUESTED)
    services.reply_to_request(item=item, author=post.author, message="I checked them.")
    check(ReviewStatus.OPEN)
    services.resolve_item(item=item, moderator=mod, decision="approve")
    check(ReviewStatus.APPROVED)
    services.undo_resolution(item=item, moderator=mod)
    check(ReviewStatus.CLAIMED)
    services.resolve_item(item=item, moderator=mod, decision="delist")
    check(ReviewStatus.DELISTED)
    services.appeal(item=item, author=post.author, message="Please look again.")
    check(ReviewStatus.OPEN)
    services.bulk_resolve(items=[item], moderator=other, decision="reject",
                          message="Not your own work.")
    check(ReviewStatus.REJECTED)


# --- filters and search --------------------------------------------------------------------


def test_filters_on_facets_return_the_right_items_in_every_status():
    research = active_item(flagged_post(title="A", disclosure=research_disclosure()))
    human = active_item(flagged_post(title="B"))
    decided = active_item(flagged_post(title="C", disclosure=research_disclosure()))
    services.resolve_item(item=decided, moderator=make_moderator(), decision="delist")
    leftovers, research_policy = policy_id(LEFTOVERS), policy_id(RESEARCH)

    assert ids(assistance="research") == {research.pk}
    assert ids(assistance="research", status="delisted") == {decided.pk}
    assert ids(assistance="research", status="all") == {research.pk, decided.pk}
    assert ids(assistance="research", status="approved") == set()
    assert ids(policy=leftovers) == {research.pk, human.pk}
    assert ids(policy=research_policy, status="all") == {research.pk, decided.pk}
    assert ids(policy=leftovers, assistance="research") == {research.pk}
    assert ids(policy=leftovers, assistance="research", status="open") == {research.pk}
    assert ids(policy=research_policy, assistance="editing", status="all") == set()
    assert ids(assistance="no-such-kind") == set()


def test_appealed_items_are_found_by_their_own_filter():
    item = active_item(flagged_post())
    services.resolve_item(item=item, moderator=make_moderator(), decision="delist")
    services.appeal(item=item, author=item.author, message="Wrong call.")
    active_item(flagged_post(title="Not appealed"))
    assert ids(status="appealed") == {item.pk}
    assert ids(status="appealed", policy=policy_id(LEFTOVERS)) == {item.pk}


def test_keyset_pages_under_a_facet_filter_cover_every_item_once_in_queue_order():
    policy = Policy.objects.get(name=LEFTOVERS)
    now = timezone.now()
    made = [make_item(policies=[policy], priority=(i % 3) * 30,
                      created_at=now - timedelta(minutes=i % 4)) for i in range(23)]
    make_item()  # another reason: never in the filtered pages
    filters = selectors.QueueFilters(policy=policy.pk)
    seen, cursor = [], None
    while True:
        page = selectors.queue(filters=filters, after=cursor, limit=5)
        seen += page.items
        cursor = page.next_cursor
        if not cursor:
            break
    assert sorted(item.pk for item in seen) == sorted(item.pk for item in made)
    keys = [(-item.priority, item.created_at, item.pk) for item in seen]
    assert keys == sorted(keys)
    middle = seen[11]
    assert selectors.neighbours(middle, filters) == (seen[10].pk, seen[12].pk)


def test_search_matches_title_or_author_name_case_insensitively():
    soil = active_item(flagged_post(title="Notes on SOIL carbon",
                                    author=UserFactory(username="kwame_mensah")))
    mira = active_item(flagged_post(title="Tide prediction",
                                    author=UserFactory(username="Mira_Okafor")))
    assert ids(q="soil") == {soil.pk}
    assert ids(q="Soil Carbon") == {soil.pk}
    assert ids(q="mira_ok") == {mira.pk}
    assert ids(q="KWAME") == {soil.pk}
    assert ids(q="carbon kwame") == {soil.pk}  # the title and the name, one after the other
    assert ids(q="volcanic") == set()


def test_search_treats_like_wildcards_as_plain_characters():
    percent = active_item(flagged_post(title="100% human"))
    active_item(flagged_post(title="1000 humans"))
    assert ids(q="100%") == {percent.pk}
    assert ids(q="0_h") == set()


def test_the_search_index_exists_on_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("the trigram index is PostgreSQL only")
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = %s",
                       ["moderation_item_search_trgm"])
        (definition,) = cursor.fetchone()
    assert "gin" in definition and "gin_trgm_ops" in definition


def test_seed_demo_writes_the_same_copies_as_screening():
    call_command("seed_demo", posts=60, batch=25, verbosity=0)
    items = ReviewItem.objects.select_related("author", "content__disclosure")
    assert items.exists()
    for item in items.prefetch_related("policies", "content__disclosure__assistance"):
        assert item.author_name == item.author.username
        expected = {kind_facet(item.content.kind)}
        expected |= {policy_facet(policy.pk) for policy in item.policies.all()}
        disclosure = getattr(item.content, "disclosure", None)
        if disclosure is not None:
            expected |= {assistance_facet(kind.slug) for kind in disclosure.assistance.all()}
        assert set(facets_of(item)) == expected
        assert_copies_match(item)
