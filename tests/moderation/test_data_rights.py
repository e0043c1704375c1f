"""Data rights in moderation (issue 11): what a user's export holds of their reviews, and what
is forgotten when an account is deleted.

Two authors and two moderators go through request-info, reply, delist, appeal and a second
decision; each export must hold everything about its user and nothing about the others.
"""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from demo.forum.models import Post
from moderation import selectors, services
from moderation.models import (
    AuditAction,
    AuditEntry,
    AuthorMessage,
    Escalation,
    ReviewItem,
    ReviewStatus,
)
from moderation.selectors import QueueFilters
from tests.factories import UserFactory

from .triage_factories import EVIDENCE, first_policy, make_item, make_moderator

pytestmark = pytest.mark.django_db

# Words each person wrote, unique so an export can be searched for them.
REQUEST = "REQ-71: which parts did the assistant write?"
REPLY = "ALICE-REPLY-93: only the outline, I wrote the rest."
DELIST = "DELIST-MSG-12: the disclosure does not match the text."
NOTE_DELIST = "INTERNAL-NOTE-44 looks like a paste from a chat window"
APPEAL = "ALICE-APPEAL-58: I can show my drafts."
APPROVE = "APPROVE-MSG-27: thanks, the drafts convinced us."
NOTE_APPROVE = "INTERNAL-NOTE-66 drafts checked"
BOB_DECISION = "BOB-MSG-35: this post is removed."
NOTE_BOB = "INTERNAL-NOTE-89 bob again"
MODERATORS_ONLY = [
    NOTE_DELIST, NOTE_APPROVE, NOTE_BOB,
    "Because a test said so.",  # the reason of the policy that fired
    *(span["reason"] for spans in EVIDENCE.values() for span in spans),
    "top_score", "priority", "evidence", "maria-mod", "otto-mod",
]


@pytest.fixture
def story():
    """Alice's post: info requested, she replies, delisted by Maria, she appeals, approved by
    Otto. Bob's post: rejected by Maria. Alice is escalated."""
    maria, otto = make_moderator("maria-mod"), make_moderator("otto-mod")
    alice, bob = UserFactory(username="alice"), UserFactory(username="bob")
    policy = first_policy()
    item = make_item(author=alice, title="Sleep and memory", policies=[policy])
    services.resolve_item(item=item, moderator=maria, decision="request_info", message=REQUEST)
    services.reply_to_request(item=item, author=alice, message=REPLY)
    services.resolve_item(item=item, moderator=maria, decision="delist", message=DELIST,
                          note=NOTE_DELIST)
    services.appeal(item=item, author=alice, message=APPEAL)
    services.claim_item(item=item, moderator=otto)
    services.resolve_item(item=item, moderator=otto, decision="approve", message=APPROVE,
                          note=NOTE_APPROVE)
    bob_item = make_item(author=bob, title="Bob's cats", policies=[policy])
    services.resolve_item(item=bob_item, moderator=maria, decision="reject",
                          message=BOB_DECISION, note=NOTE_BOB)
    Escalation.objects.create(author=alice, delists=3)
    return {"alice": alice, "bob": bob, "maria": maria, "otto": otto,
            "item": item, "bob_item": bob_item}


def _export_text(user) -> str:
    out = StringIO()
    call_command("export_user_data", user.get_username(), stdout=out)
    return out.getvalue()


def _moderation(user) -> dict:
    return json.loads(_export_text(user))["moderation"]


def test_authors_export_holds_their_review_as_they_see_it_with_every_message(story):
    section = _moderation(story["alice"])
    [review] = section["reviews"]
    assert (
        review["item"] == story["item"].pk
        and review["object_id"] == story["item"].content.object_id
    )
    assert (review["status"], review["label"]) == ("approved", "Approved")
    assert review["message_to_you"] == APPROVE
    assert review["appeal"]["message"] == APPEAL and review["appeal"]["sent_at"]
    assert [(m["from"], m["kind"], m["body"]) for m in review["messages"]] == [
        ("moderators", "request", REQUEST),
        ("you", "reply", REPLY),
        ("moderators", "decision", DELIST),
        ("you", "appeal", APPEAL),
        ("moderators", "decision", APPROVE),
    ]
    assert section["escalated"] is True
    # Her own appeal and reply are things she did, without the words repeated.
    assert [a["action"] for a in section["your_moderation_actions"]] == [
        AuditAction.AUTHOR_REPLIED, AuditAction.APPEALED]


def test_authors_export_holds_nothing_only_moderators_see_and_nothing_of_bob(story):
    text = _export_text(story["alice"])
    for secret in [*MODERATORS_ONLY, BOB_DECISION, "Bob's cats", '"bob"']:
        assert secret not in text, secret


def test_the_other_authors_export_holds_nothing_of_alice(story):
    text = _export_text(story["bob"])
    section = json.loads(text)["moderation"]
    assert [(r["label"], r["message_to_you"]) for r in section["reviews"]] == [
        ("Removed", BOB_DECISION)]
    assert section["escalated"] is False
    for secret in [*MODERATORS_ONLY, REQUEST, REPLY, DELIST, APPEAL, APPROVE, "alice",
                   "Sleep and memory"]:
        assert secret not in text, secret


def test_moderators_export_lists_their_actions_without_authors_or_their_words(story):
    text = _export_text(story["maria"])
    section = json.loads(text)["moderation"]
    assert section["reviews"] == []
    actions = [(a["item"], a["action"], a["decision"]) for a in section["your_moderation_actions"]]
    assert actions == [
        (story["item"].pk, AuditAction.RESOLVED, "request_info"),
        (story["item"].pk, AuditAction.RESOLVED, "delist"),
        (story["bob_item"].pk, AuditAction.RESOLVED, "reject"),
    ]
    for secret in [REPLY, APPEAL, "alice", '"bob"', "otto-mod", "Sleep and memory"]:
        assert secret not in text, secret


def test_a_moderators_policy_changes_are_in_their_export(story):
    policy = first_policy()
    policy.priority = 7
    services.save_policy(policy=policy, user=story["otto"])
    [change] = _moderation(story["otto"])["your_policy_changes"]
    assert change["policy"] == policy.name and change["version"] == policy.version


# --- deletion --------------------------------------------------------------------------------


def _policy_stats():
    return [(p.name, p.flagged, p.decided, p.upheld) for p in selectors.dashboard().policies]


def test_deleting_an_author_keeps_the_decisions_but_not_their_name_or_words(story):
    alice, item = story["alice"], story["item"]
    stats = _policy_stats()
    # The host keeps her posts under a placeholder account, as forums usually do.
    Post.objects.filter(author=alice).update(author=UserFactory(username="deleted-user"))

    alice.delete()

    item = ReviewItem.objects.get(pk=item.pk)
    assert item.status == ReviewStatus.APPROVED and item.resolved_by == story["otto"]
    assert item.author is None and item.author_name == ""
    assert "alice" not in item.search_text
    assert not selectors.filtered_items(QueueFilters(status="all", q="alice")).exists()
    assert item.appeal_message == "" and item.appealed_at is not None
    assert not AuthorMessage.objects.filter(item=item).exists()
    notes = dict(AuditEntry.objects.filter(item=item).values_list("action", "note")
                 .filter(action__in=[AuditAction.APPEALED, AuditAction.AUTHOR_REPLIED]))
    assert notes == {AuditAction.APPEALED: "", AuditAction.AUTHOR_REPLIED: ""}
    # What moderators wrote stays as the record of why: the note and the explanation.
    assert item.decision_note == NOTE_APPROVE and item.author_message == APPROVE
    assert _policy_stats() == stats
    # Bob's item is untouched.
    bob_item = ReviewItem.objects.get(pk=story["bob_item"].pk)
    assert bob_item.author_name == "bob" and AuthorMessage.objects.filter(item=bob_item).exists()


def test_deleting_a_moderator_keeps_their_decisions_without_them(story):
    stats = _policy_stats()
    story["maria"].delete()
    bob_item = ReviewItem.objects.get(pk=story["bob_item"].pk)
    assert bob_item.status == ReviewStatus.REJECTED and bob_item.resolved_by is None
    assert bob_item.decision_note == NOTE_BOB
    entry = AuditEntry.objects.get(item=bob_item, action=AuditAction.RESOLVED)
    assert entry.actor is None and entry.decision == "reject"
    assert _policy_stats() == stats


def test_deleting_an_author_whose_posts_go_with_them_removes_their_reviews(story):
    story["alice"].delete()
    assert not ReviewItem.objects.filter(pk=story["item"].pk).exists()
    assert ReviewItem.objects.filter(pk=story["bob_item"].pk).exists()


def test_a_readers_export_holds_their_reports_and_an_authors_never_names_reporters():
    post = make_item(author=UserFactory(username="ann"), title="Reported post").content.obj
    reader = UserFactory(username="reporter-zed")
    services.file_report(post=post, reader=reader, reason="ZED-REASON-31: chat leftovers.")

    [report] = _moderation(reader)["your_reports"]
    author_export = json.dumps(_moderation(post.author), default=str)

    assert (report["post_id"], report["reason"], report["outcome"]) == (
        post.pk, "ZED-REASON-31: chat leftovers.", "open")
    assert "reporter-zed" not in author_export and "ZED-REASON-31" not in author_export
