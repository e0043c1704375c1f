"""The moderation pages: who may see them, what they show, and the actions behind them."""

import re

import pytest
from django.urls import reverse

from ai_disclosure import services as disclosure_services
from ai_disclosure.rules import DisclosureData
from demo.forum.models import Post, Visibility
from moderation import services
from moderation.models import AuditAction, ReviewItem, ReviewStatus
from tests.factories import UserFactory

from .triage_factories import make_item, make_moderator

pytestmark = pytest.mark.django_db

#: Every moderation URL, with the method it answers.
URLS = [
    ("get", "moderation:queue", False),
    ("get", "moderation:dashboard", False),
    ("get", "moderation:audit", False),
    ("get", "moderation:item", True),
    ("post", "moderation:claim", True),
    ("post", "moderation:release", True),
    ("post", "moderation:resolve", True),
    ("post", "moderation:undo", True),
    ("post", "moderation:next", False),
    ("post", "moderation:bulk", False),
]


def _url(name, with_item, item):
    return reverse(name, args=[item.pk]) if with_item else reverse(name)


@pytest.fixture
def mod(client):
    user = make_moderator()
    client.force_login(user)
    return user


@pytest.mark.parametrize(("method", "name", "with_item"), URLS)
def test_anonymous_visitors_are_sent_to_log_in(client, method, name, with_item):
    item = make_item()
    response = getattr(client, method)(_url(name, with_item, item), {"decision": "approve"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert ReviewItem.objects.get(pk=item.pk).status == ReviewStatus.OPEN


@pytest.mark.parametrize(("method", "name", "with_item"), URLS)
def test_logged_in_non_moderators_get_403(client, method, name, with_item):
    item = make_item()
    client.force_login(UserFactory(is_staff=True))  # staff alone is not enough
    response = getattr(client, method)(_url(name, with_item, item),
                                       {"decision": "approve", "items": [item.pk]})
    assert response.status_code == 403
    assert ReviewItem.objects.get(pk=item.pk).status == ReviewStatus.OPEN
    assert not item.audit_entries.exists()


def test_the_queue_shows_what_a_row_needs_in_priority_order(client, mod):
    make_item(priority=40, title="Low priority post")
    make_item(priority=90, title="Urgent post", top_score=0.93)
    html = client.get(reverse("moderation:queue")).content.decode()
    assert html.index("Urgent post") < html.index("Low priority post")
    assert "0.93" in html and "Test reason" in html and "approved posts" in html
    assert "Scores are evidence for a human, not a verdict" in html


def test_the_queue_filters_and_searches(client, mod):
    make_item(title="Sleep and memory", top_score=0.9)
    make_item(title="Battery chemistry", top_score=0.2)
    html = client.get(reverse("moderation:queue"), {"q": "sleep"}).content.decode()
    assert "Sleep and memory" in html and "Battery chemistry" not in html
    html = client.get(reverse("moderation:queue"), {"score_max": "0.5"}).content.decode()
    assert "Battery chemistry" in html and "Sleep and memory" not in html


def test_opening_an_item_never_claims_it_and_shows_evidence_highlighted(client, mod):
    item = make_item()
    html = client.get(reverse("moderation:item", args=[item.pk]),
                      HTTP_SEC_FETCH_DEST="document").content.decode()
    item.refresh_from_db()
    assert item.status == ReviewStatus.OPEN and item.claimed_by is None
    assert not item.audit_entries.exists()
    assert re.search(r'<mark class="evidence evidence-chat_artifacts"[^>]*'
                     r'data-reason="chat-assistant greeting"', html)
    assert "Scores are evidence, not a verdict" in html
    assert "data-claim-form" in html and "data-decide-form" in html


def test_the_claim_button_claims_the_item_with_a_post(client, mod):
    item = make_item()
    response = client.post(reverse("moderation:claim", args=[item.pk]))
    assert response["Location"] == reverse("moderation:item", args=[item.pk])
    item.refresh_from_db()
    assert item.status == ReviewStatus.CLAIMED and item.claimed_by == mod
    html = client.get(reverse("moderation:item", args=[item.pk])).content.decode()
    assert "data-claimed-by-me" in html and "data-claim-form" not in html


def test_an_open_item_can_be_decided_without_claiming_it_first(client, mod):
    item = make_item()
    client.post(reverse("moderation:resolve", args=[item.pk]), {"decision": "approve"})
    item.refresh_from_db()
    assert item.status == ReviewStatus.APPROVED and item.resolved_by == mod
    assert [e.action for e in item.audit_entries.all()] == [AuditAction.RESOLVED]


def test_an_item_held_by_another_moderator_opens_read_only(client, mod):
    item = make_item()
    services.claim_item(item=item, moderator=make_moderator("other"))
    html = client.get(reverse("moderation:item", args=[item.pk])).content.decode()
    assert "You cannot take this item" in html and "data-decide-form" not in html
    assert ReviewItem.objects.get(pk=item.pk).claimed_by.username == "other"


def test_resolving_opens_the_next_item_unclaimed_and_offers_undo(client, mod):
    first = make_item(priority=90)
    second = make_item(priority=50)
    client.post(reverse("moderation:claim", args=[first.pk]))
    response = client.post(reverse("moderation:resolve", args=[first.pk]),
                           {"decision": "approve", "note": "ok"})
    assert response["Location"].startswith(reverse("moderation:item", args=[second.pk]))
    assert ReviewItem.objects.get(pk=second.pk).status == ReviewStatus.OPEN
    html = client.get(reverse("moderation:queue")).content.decode()
    assert reverse("moderation:undo", args=[first.pk]) in html
    client.post(reverse("moderation:undo", args=[first.pk]))
    first.refresh_from_db()
    assert first.status == ReviewStatus.CLAIMED


def test_three_decisions_and_an_undo_leave_the_moderator_holding_one_claim(client, mod):
    items = [make_item(priority=90 - n) for n in range(6)]
    client.post(reverse("moderation:next"))  # the explicit "claim next item" button
    for item in items[:3]:
        client.post(reverse("moderation:resolve", args=[item.pk]),
                    {"decision": "delist", "message": "Undisclosed AI."})
    client.post(reverse("moderation:claim", args=[items[4].pk]))
    client.post(reverse("moderation:undo", args=[items[2].pk]))
    held = list(ReviewItem.objects.filter(status=ReviewStatus.CLAIMED, claimed_by=mod))
    assert held == [ReviewItem.objects.get(pk=items[2].pk)]
    assert ReviewItem.objects.get(pk=items[4].pk).status == ReviewStatus.OPEN


def test_bulk_actions_decide_the_selection(client, mod):
    items = [make_item(), make_item()]
    untouched = make_item()
    client.post(reverse("moderation:bulk"), {"items": [i.pk for i in items], "decision": "delist"})
    assert set(ReviewItem.objects.filter(status=ReviewStatus.DELISTED)) == set(items)
    assert ReviewItem.objects.get(pk=untouched.pk).status == ReviewStatus.OPEN


def test_next_claims_and_opens_the_most_urgent_item(client, mod):
    make_item(priority=10)
    urgent = make_item(priority=95)
    response = client.post(reverse("moderation:next"))
    assert response["Location"] == reverse("moderation:item", args=[urgent.pk])
    assert ReviewItem.objects.get(pk=urgent.pk).claimed_by == mod


def test_the_dashboard_draws_its_charts_server_side(client, mod):
    item = make_item(top_score=0.8)
    services.resolve_item(item=item, moderator=mod, decision="delist")
    html = client.get(reverse("moderation:dashboard")).content.decode()
    assert html.count('<svg viewBox') == 2 and "Precision" in html
    assert "<script src=\"http" not in html


def test_audit_log_is_visible_in_the_admin(admin_client):
    item = make_item()
    services.resolve_item(item=item, moderator=make_moderator(), decision="approve")
    html = admin_client.get(reverse("admin:moderation_auditentry_changelist")).content.decode()
    assert "Decided" in html
    page = admin_client.get(reverse("admin:moderation_reviewitem_change", args=[item.pk]))
    assert page.status_code == 200 and "audit log" in page.content.decode().lower()


# --- what authors see ----------------------------------------------------------------------


def test_authors_see_their_posts_state_and_message_but_never_scores_or_notes(client):
    mod = make_moderator()
    author = UserFactory(username="writer")
    item = make_item(author=author, top_score=0.8765)
    services.resolve_item(item=item, moderator=mod, decision="request_info",
                          message="Which parts did the AI write?",
                          note="SECRET-NOTE looks like GPT")
    client.force_login(author)
    html = client.get(reverse("forum:my-posts")).content.decode()
    assert "More information requested" in html
    assert "Which parts did the AI write?" in html
    for secret in ("SECRET-NOTE", "0.8765", "0.88", "Test reason", "chat-assistant greeting",
                   "chat_artifacts", "score"):
        assert secret not in html


def test_an_authors_reply_on_their_page_reopens_the_item(client):
    author = UserFactory()
    item = make_item(author=author)
    services.resolve_item(item=item, moderator=make_moderator(), decision="request_info")
    client.force_login(author)
    client.post(reverse("forum:review-reply", args=[item.pk]), {"message": "Only editing."})
    item.refresh_from_db()
    assert item.status == ReviewStatus.OPEN
    assert item.audit_entries.last().action == AuditAction.AUTHOR_REPLIED


def test_an_author_can_appeal_from_their_page(client):
    author = UserFactory()
    item = make_item(author=author)
    services.resolve_item(item=item, moderator=make_moderator(), decision="delist")
    client.force_login(author)
    assert "Appeal this decision" in client.get(reverse("forum:my-posts")).content.decode()
    client.post(reverse("forum:review-appeal", args=[item.pk]), {"message": "All mine."})
    assert ReviewItem.objects.get(pk=item.pk).status == ReviewStatus.OPEN
    assert "Appeal this decision" not in client.get(reverse("forum:my-posts")).content.decode()


def test_other_users_cannot_reply_or_appeal_for_an_author(client):
    item = make_item()
    services.resolve_item(item=item, moderator=make_moderator(), decision="delist")
    client.force_login(UserFactory())
    response = client.post(reverse("forum:review-appeal", args=[item.pk]), {"message": "x"})
    assert response.status_code == 404


def test_the_forum_hides_delisted_and_held_posts_from_readers(client):
    mod = make_moderator()
    delisted = make_item(title="Delisted one")
    held = make_item(title="Held one", held=True)
    services.resolve_item(item=delisted, moderator=mod, decision="delist")
    Post.objects.filter(pk=held.content.object_id).update(visibility=Visibility.HELD)
    listing = client.get(reverse("forum:post-list")).content.decode()
    assert "Delisted one" not in listing and "Held one" not in listing
    assert (
        client.get(reverse("forum:post-detail", args=[held.content.object_id])).status_code == 404
    )
    client.force_login(held.content.obj.author)
    assert (
        client.get(reverse("forum:post-detail", args=[held.content.object_id])).status_code == 200
    )
    services.resolve_item(item=held, moderator=mod, decision="approve")
    client.logout()
    assert "Held one" in client.get(reverse("forum:post-list")).content.decode()


# --- self-review -----------------------------------------------------------------------------


def test_a_moderators_own_post_opens_read_only_and_claim_or_decide_get_403(client, mod):
    item = make_item(author=mod)
    html = client.get(reverse("moderation:item", args=[item.pk])).content.decode()
    assert "data-own-post" in html and "data-decide-form" not in html
    assert "data-claim-form" not in html
    for name, data in (("moderation:claim", {}), ("moderation:resolve", {"decision": "approve"})):
        response = client.post(reverse(name, args=[item.pk]), data)
        assert response.status_code == 403
        assert "your own post" in response.content.decode()
    assert ReviewItem.objects.get(pk=item.pk).status == ReviewStatus.OPEN
    assert not item.audit_entries.exists()


def test_a_single_moderator_forum_may_allow_self_review(client, mod, settings):
    settings.AI_MODERATION_ALLOW_SELF_REVIEW = True
    item = make_item(author=mod)
    client.post(reverse("moderation:resolve", args=[item.pk]), {"decision": "approve"})
    assert ReviewItem.objects.get(pk=item.pk).status == ReviewStatus.APPROVED
    html = client.get(reverse("moderation:audit")).content.decode()
    assert "data-self-review" in html


# --- reasons and the public label ------------------------------------------------------------


def test_a_one_key_delist_tells_the_author_why_and_readers_no_longer_see_human_written(client):
    mod = make_moderator()
    author = UserFactory(username="writer")
    item = make_item(author=author)
    disclosure_services.save_disclosure(content=item.content.obj, user=author,
                                        data=DisclosureData(human_only=True))
    page = reverse("forum:post-detail", args=[item.content.object_id])
    assert "Human-written" in client.get(page).content.decode()

    client.force_login(mod)
    client.post(reverse("moderation:resolve", args=[item.pk]), {"decision": "delist"})

    client.logout()
    html = client.get(page).content.decode()
    assert "Human-written" not in html and "AI use not disclosed" in html
    client.force_login(author)
    assert "See why" in client.get(page).content.decode()
    assert "Because a test said so." in client.get(reverse("forum:my-posts")).content.decode()


def test_rejecting_without_a_reason_is_refused_with_a_message(client, mod):
    item = make_item()
    response = client.post(reverse("moderation:resolve", args=[item.pk]),
                           {"decision": "reject"}, follow=True)
    assert "Tell the author why" in response.content.decode()
    assert ReviewItem.objects.get(pk=item.pk).status == ReviewStatus.OPEN
