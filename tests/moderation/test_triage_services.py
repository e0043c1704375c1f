"""Triage services: claims, decisions, undo, appeals, requests for information, escalation,
and the audit log — called directly, as views and the REST API do."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from ai_disclosure import services as disclosure_services
from ai_disclosure.rules import DisclosureData
from ai_disclosure.services import content_for
from demo.forum import services as forum_services
from demo.forum.models import Post, Visibility
from moderation import selectors, services, signals
from moderation.models import (
    AuditAction,
    AuditEntry,
    AuthorMessage,
    Escalation,
    ReasonTemplate,
    ReviewItem,
    ReviewStatus,
)
from tests.factories import PostFactory, UserFactory

from .triage_factories import make_item, make_moderator

pytestmark = pytest.mark.django_db


@pytest.fixture
def mod():
    return make_moderator("morgan")


@pytest.fixture
def mod2():
    return make_moderator("riley")


def actions(item):
    return list(item.audit_entries.order_by("id").values_list("action", flat=True))


# --- claims --------------------------------------------------------------------------------


def test_claiming_an_open_item_records_the_holder_and_an_audit_entry(mod):
    item = make_item()
    claimed = services.claim_item(item=item, moderator=mod)
    assert claimed.status == ReviewStatus.CLAIMED and claimed.claimed_by == mod
    assert actions(item) == [AuditAction.CLAIMED]


def test_a_second_moderator_cannot_claim_a_held_item(mod, mod2):
    item = make_item()
    services.claim_item(item=item, moderator=mod)
    with pytest.raises(services.ClaimConflict) as error:
        services.claim_item(item=item, moderator=mod2)
    assert error.value.holder == mod
    assert ReviewItem.objects.get(pk=item.pk).claimed_by == mod


def test_reclaiming_your_own_item_renews_the_claim_without_logging_again(mod):
    item = make_item()
    services.claim_item(item=item, moderator=mod)
    services.claim_item(item=item, moderator=mod)
    assert actions(item) == [AuditAction.CLAIMED]


def test_an_expired_claim_can_be_taken_over(mod, mod2, settings):
    settings.AI_MODERATION_CLAIM_MINUTES = 10
    item = make_item()
    services.claim_item(item=item, moderator=mod)
    ReviewItem.objects.filter(pk=item.pk).update(claimed_at=timezone.now() - timedelta(minutes=11))
    taken = services.claim_item(item=item, moderator=mod2)
    assert taken.claimed_by == mod2
    assert item.audit_entries.last().data == {"took_over_from": mod.pk}


def test_claim_next_takes_the_highest_priority_then_oldest_unclaimed_item(mod, mod2):
    old = make_item(priority=50, created_at=timezone.now() - timedelta(hours=3))
    urgent = make_item(priority=90)
    make_item(priority=50)
    services.claim_item(item=urgent, moderator=mod2)
    assert services.claim_next(moderator=mod) == old


def test_claim_next_respects_filters_and_returns_none_when_nothing_is_left(mod):
    item = make_item(title="Sleep and memory")
    make_item(title="Battery chemistry")
    filters = selectors.QueueFilters(q="sleep")
    assert services.claim_next(moderator=mod, filters=filters) == item
    assert services.claim_next(moderator=mod, filters=filters) is None


def test_release_returns_the_item_to_the_queue(mod, mod2):
    item = make_item()
    services.claim_item(item=item, moderator=mod)
    with pytest.raises(services.ClaimConflict):
        services.release_item(item=item, moderator=mod2)
    services.release_item(item=item, moderator=mod)
    assert item.status == ReviewStatus.OPEN and item.claimed_by is None


def test_non_moderators_cannot_use_the_services():
    item = make_item()
    with pytest.raises(PermissionDenied):
        services.claim_item(item=item, moderator=UserFactory())


# --- decisions -----------------------------------------------------------------------------


def test_approving_releases_a_held_post_logs_and_signals_after_commit(
    mod, django_capture_on_commit_callbacks
):
    item = make_item(held=True)
    Post.objects.filter(pk=item.content.object_id).update(visibility=Visibility.HELD)
    received = []
    signals.review_resolved.connect(lambda **kw: received.append(kw), weak=False,
                                    dispatch_uid="t-approve")
    try:
        with django_capture_on_commit_callbacks(execute=True):
            services.claim_item(item=item, moderator=mod)
            services.resolve_item(item=item, moderator=mod, decision="approve", note="fine")
    finally:
        signals.review_resolved.disconnect(dispatch_uid="t-approve")
    item.refresh_from_db()
    assert item.status == ReviewStatus.APPROVED and item.resolved_by == mod
    assert item.decision_note == "fine" and item.claimed_by is None
    assert Post.objects.get(pk=item.content.object_id).visibility == Visibility.VISIBLE
    assert actions(item) == [AuditAction.CLAIMED, AuditAction.RESOLVED]
    assert [(r["decision"], r["item"].pk, r["moderator"]) for r in received] == [
        ("approve", item.pk, mod)
    ]


def test_delisting_hides_the_post_and_sends_the_template_message(mod):
    item = make_item()
    template = ReasonTemplate.objects.filter(decision="delist").first()
    services.resolve_item(item=item, moderator=mod, decision="delist", template=template,
                          note="internal only")
    assert Post.objects.get(pk=item.content.object_id).visibility == Visibility.DELISTED
    message = AuthorMessage.objects.get(item=item)
    assert message.body == template.message and not message.from_author
    assert "internal only" not in message.body


def test_rejecting_takes_the_post_down(mod):
    item = make_item()
    services.resolve_item(item=item, moderator=mod, decision="reject", message="Spam.")
    assert Post.objects.get(pk=item.content.object_id).visibility == Visibility.REJECTED


def test_deciding_twice_is_an_impossible_transition(mod):
    item = make_item()
    services.resolve_item(item=item, moderator=mod, decision="approve")
    with pytest.raises(services.TransitionError):
        services.resolve_item(item=item, moderator=mod, decision="delist")


def test_an_unknown_decision_is_refused(mod):
    with pytest.raises(services.TransitionError):
        services.resolve_item(item=make_item(), moderator=mod, decision="ban")


def test_deciding_an_item_another_moderator_holds_is_refused(mod, mod2):
    item = make_item()
    services.claim_item(item=item, moderator=mod)
    with pytest.raises(services.ClaimConflict):
        services.resolve_item(item=item, moderator=mod2, decision="approve")


def test_a_template_for_another_decision_is_refused(mod):
    template = ReasonTemplate.objects.filter(decision="approve").first()
    with pytest.raises(ValidationError):
        services.resolve_item(item=make_item(), moderator=mod, decision="delist",
                              template=template)


def test_bulk_resolve_decides_what_it_can_and_says_what_it_skipped(mod, mod2):
    free = [make_item(), make_item()]
    taken = make_item()
    services.claim_item(item=taken, moderator=mod2)
    done, skipped = services.bulk_resolve(items=[*free, taken], moderator=mod,
                                          decision="approve")
    assert {item.pk for item in done} == {item.pk for item in free}
    assert len(skipped) == 1 and f"#{taken.pk}" in skipped[0]


# --- undo ----------------------------------------------------------------------------------


def test_undo_within_the_window_restores_the_claim_and_the_post(mod):
    item = make_item()
    services.claim_item(item=item, moderator=mod)
    services.resolve_item(item=item, moderator=mod, decision="delist", message="Sorry")
    services.undo_resolution(item=item, moderator=mod)
    item.refresh_from_db()
    assert item.status == ReviewStatus.CLAIMED and item.claimed_by == mod
    assert item.resolved_by is None and item.author_message == ""
    assert Post.objects.get(pk=item.content.object_id).visibility == Visibility.VISIBLE
    assert not AuthorMessage.objects.filter(item=item).exists()
    assert actions(item)[-1] == AuditAction.UNDONE


def test_undo_after_the_window_or_by_someone_else_is_refused(mod, mod2, settings):
    settings.AI_MODERATION_UNDO_SECONDS = 5
    item = make_item()
    services.resolve_item(item=item, moderator=mod, decision="approve")
    with pytest.raises(services.TransitionError):
        services.undo_resolution(item=item, moderator=mod2)
    ReviewItem.objects.filter(pk=item.pk).update(resolved_at=timezone.now() - timedelta(seconds=6))
    with pytest.raises(services.TransitionError):
        services.undo_resolution(item=item, moderator=mod)


# --- request info, replies, edits ----------------------------------------------------------


def test_request_info_messages_the_author_and_their_reply_reopens_the_item(mod):
    item = make_item()
    services.resolve_item(item=item, moderator=mod, decision="request_info",
                          message="Which parts did the AI write?")
    assert item.status == ReviewStatus.INFO_REQUESTED
    author = item.content.obj.author
    services.reply_to_request(item=item, author=author, message="The second paragraph.")
    item.refresh_from_db()
    assert item.status == ReviewStatus.OPEN
    assert list(item.messages.values_list("from_author", "body")) == [
        (False, "Which parts did the AI write?"), (True, "The second paragraph.")]
    assert actions(item)[-1] == AuditAction.AUTHOR_REPLIED


def test_request_info_without_a_message_sends_the_default_request(mod):
    item = make_item()
    services.resolve_item(item=item, moderator=mod, decision="request_info")
    assert "more about how AI was used" in item.messages.get().body


def test_only_the_author_can_reply(mod):
    item = make_item()
    services.resolve_item(item=item, moderator=mod, decision="request_info")
    with pytest.raises(PermissionDenied):
        services.reply_to_request(item=item, author=UserFactory(), message="me too")


def test_the_authors_edit_reopens_an_item_waiting_for_information(mod):
    item = make_item()
    services.resolve_item(item=item, moderator=mod, decision="request_info")
    post = item.content.obj
    forum_services.edit_post(post=post, editor=post.author, title=post.title,
                             body=post.body + "\n\nEdited.",
                             disclosure=DisclosureData(human_only=True))
    item.refresh_from_db()
    assert item.status == ReviewStatus.OPEN
    assert item.audit_entries.last().data == {"reason": "author_edited"}


# --- appeals -------------------------------------------------------------------------------


def test_an_appeal_returns_the_item_for_a_different_moderator_once(mod, mod2):
    item = make_item()
    services.resolve_item(item=item, moderator=mod, decision="delist")
    author = item.content.obj.author
    services.appeal(item=item, author=author, message="I wrote every word myself.")
    item.refresh_from_db()
    assert item.status == ReviewStatus.OPEN and item.excluded_moderator == mod
    with pytest.raises(services.ClaimConflict):
        services.claim_item(item=item, moderator=mod)
    assert services.claim_next(moderator=mod) is None
    services.claim_item(item=item, moderator=mod2)
    services.resolve_item(item=item, moderator=mod2, decision="approve")
    item.refresh_from_db()
    assert item.status == ReviewStatus.APPROVED
    assert Post.objects.get(pk=item.content.object_id).visibility == Visibility.VISIBLE
    ReviewItem.objects.filter(pk=item.pk).update(status=ReviewStatus.DELISTED)
    with pytest.raises(services.AppealNotAllowed):
        services.appeal(item=item, author=author, message="Again!")


def test_approvals_cannot_be_appealed_and_an_appeal_needs_a_message(mod):
    item = make_item()
    services.resolve_item(item=item, moderator=mod, decision="approve")
    with pytest.raises(services.AppealNotAllowed):
        services.appeal(item=item, author=item.content.obj.author, message="Why?")
    other = make_item()
    services.resolve_item(item=other, moderator=mod, decision="reject", message="Copied.")
    with pytest.raises(ValidationError):
        services.appeal(item=other, author=other.content.obj.author, message="  ")
    with pytest.raises(PermissionDenied):
        services.appeal(item=other, author=UserFactory(), message="Not mine")


# --- escalation ----------------------------------------------------------------------------


def test_repeated_delists_escalate_the_author_and_their_new_posts_are_held(mod, settings):
    settings.AI_MODERATION_ESCALATION_DELISTS = 2
    author = UserFactory(username="repeat")
    for _ in range(2):
        services.resolve_item(item=make_item(author=author), moderator=mod, decision="delist")
    assert Escalation.objects.get(author=author).active
    assert selectors.is_escalated(author)
    assert AuditEntry.objects.filter(action=AuditAction.ESCALATED).count() == 1

    post = forum_services.publish_post(
        author=author, title="A new one", body="Just my own words, honestly.",
        disclosure=DisclosureData(human_only=True))
    assert Post.objects.get(pk=post.pk).visibility == Visibility.HELD
    services.screen_content(content_id=content_for(post).pk)
    item = ReviewItem.objects.get(content=content_for(post))
    assert item.held and item.status == ReviewStatus.OPEN
    assert "Escalated author" in [reason["name"] for reason in item.reasons]


def test_escalation_can_be_turned_off(mod, settings):
    settings.AI_MODERATION_ESCALATION_DELISTS = 0
    author = UserFactory()
    for _ in range(4):
        services.resolve_item(item=make_item(author=author), moderator=mod, decision="delist")
    assert not Escalation.objects.exists()


# --- audit log -----------------------------------------------------------------------------


def test_audit_entries_are_append_only(mod):
    item = make_item()
    services.claim_item(item=item, moderator=mod)
    entry = item.audit_entries.get()
    entry.note = "rewritten"
    with pytest.raises(ValueError, match="append-only"):
        entry.save()


def test_screening_a_flagged_post_opens_an_item_with_author_title_policies_and_a_log_entry():
    post = PostFactory(title="Pasted", body="Certainly! Here's a post.\n\nI hope this helps!\n\n"
                       "[Your Name]")
    disclosure_services.save_disclosure(content=post, user=post.author,
                                        data=DisclosureData(human_only=True))
    services.screen_content(content_id=content_for(post).pk)
    item = ReviewItem.objects.get(content=content_for(post))
    assert item.author == post.author and item.post_title == "Pasted"
    assert "Chat-assistant leftovers" in set(item.policies.values_list("name", flat=True))
    assert actions(item) == [AuditAction.CREATED]
