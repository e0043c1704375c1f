"""The review item's one workflow: every status change goes through ``transition()`` and writes
exactly one audit entry; notifications leave only after commit; claims, self-review and the
reasons authors are told."""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from ai_disclosure.rules import DisclosureData
from demo.forum import services as forum_services
from demo.forum.adapter import ForumModerationAdapter
from moderation import services
from moderation.models import AuditAction, AuditEntry, AuthorMessage, ReviewItem, ReviewStatus
from moderation.workflow import TransitionError, transition
from tests.factories import UserFactory

from .triage_factories import make_item, make_moderator

pytestmark = pytest.mark.django_db

MODERATION = Path(__file__).resolve().parents[2] / "moderation"


@pytest.fixture
def mod():
    return make_moderator("morgan")


@pytest.fixture
def mod2():
    return make_moderator("riley")


def _open(mod):
    return make_item()


def _delisted(mod):
    item = make_item()
    services.resolve_item(item=item, moderator=mod, decision="delist")
    return item


def _info_requested(mod):
    item = make_item()
    services.resolve_item(item=item, moderator=mod, decision="request_info")
    return item


def _claimed(mod):
    item = make_item()
    services.claim_item(item=item, moderator=mod)
    return item


def _expired_claim(mod):
    item = _claimed(make_moderator("away"))
    ReviewItem.objects.filter(pk=item.pk).update(claimed_at=timezone.now() - timedelta(hours=1))
    return item


def _edit(item):
    post = item.content.obj
    forum_services.edit_post(post=post, editor=post.author, title=post.title,
                             body=post.body + "\n\nEdited.",
                             disclosure=DisclosureData(human_only=True))


#: Every status change: (name, how to set the item up, the action, the status it ends in).
STATUS_CHANGES = [
    ("claim", _open, lambda i, m: services.claim_item(item=i, moderator=m),
     ReviewStatus.CLAIMED),
    ("take over an expired claim", _expired_claim,
     lambda i, m: services.claim_item(item=i, moderator=m), ReviewStatus.CLAIMED),
    ("release", _claimed, lambda i, m: services.release_item(item=i, moderator=m),
     ReviewStatus.OPEN),
    ("approve", _open,
     lambda i, m: services.resolve_item(item=i, moderator=m, decision="approve"),
     ReviewStatus.APPROVED),
    ("delist", _open,
     lambda i, m: services.resolve_item(item=i, moderator=m, decision="delist"),
     ReviewStatus.DELISTED),
    ("reject", _claimed,
     lambda i, m: services.resolve_item(item=i, moderator=m, decision="reject", message="No."),
     ReviewStatus.REJECTED),
    ("request info", _open,
     lambda i, m: services.resolve_item(item=i, moderator=m, decision="request_info"),
     ReviewStatus.INFO_REQUESTED),
    ("undo", _delisted, lambda i, m: services.undo_resolution(item=i, moderator=m),
     ReviewStatus.CLAIMED),
    ("author replies", _info_requested,
     lambda i, m: services.reply_to_request(item=i, author=i.content.obj.author, message="Mine."),
     ReviewStatus.OPEN),
    ("author edits (reopen)", _info_requested, lambda i, m: _edit(i), ReviewStatus.OPEN),
    ("appeal", _delisted,
     lambda i, m: services.appeal(item=i, author=i.content.obj.author, message="I wrote it."),
     ReviewStatus.OPEN),
]


@pytest.mark.parametrize(("name", "setup", "act", "status"), STATUS_CHANGES,
                         ids=[case[0] for case in STATUS_CHANGES])
def test_each_status_change_writes_exactly_one_audit_entry(mod, name, setup, act, status):
    item = setup(mod)
    before = set(AuditEntry.objects.values_list("pk", flat=True))
    old_status = ReviewItem.objects.get(pk=item.pk).status

    act(item, mod)

    new = AuditEntry.objects.exclude(pk__in=before)
    assert new.count() == 1
    entry = new.get()
    assert (entry.item_id, entry.from_status, entry.to_status) == (item.pk, old_status, status)
    assert ReviewItem.objects.get(pk=item.pk).status == status
    assert set(item.facets.values_list("status", flat=True)) <= {status}


def test_escalating_an_author_is_one_more_entry_after_the_delist_that_caused_it(mod, settings):
    settings.AI_MODERATION_ESCALATION_DELISTS = 2
    author = UserFactory()
    services.resolve_item(item=make_item(author=author), moderator=mod, decision="delist")
    item = make_item(author=author)
    services.resolve_item(item=item, moderator=mod, decision="delist")
    entries = list(item.audit_entries.order_by("id").values_list("action", "to_status"))
    assert entries == [(AuditAction.RESOLVED, ReviewStatus.DELISTED),
                       (AuditAction.ESCALATED, ReviewStatus.DELISTED)]


def test_claiming_another_item_releases_the_previous_claim_through_the_workflow(mod):
    first, second = make_item(), make_item()
    services.claim_item(item=first, moderator=mod)
    services.claim_item(item=second, moderator=mod)
    first.refresh_from_db()
    assert first.status == ReviewStatus.OPEN and first.claimed_by is None
    released = first.audit_entries.order_by("id").last()
    assert released.action == AuditAction.RELEASED
    assert released.data == {"reason": "claimed_another", "claimed": second.pk}
    assert list(ReviewItem.objects.filter(claimed_by=mod)) == [second]


def test_with_no_claim_limit_a_moderator_may_hold_several(mod, settings):
    settings.AI_MODERATION_MAX_CLAIMS = 0
    first, second = make_item(), make_item()
    services.claim_item(item=first, moderator=mod)
    services.claim_item(item=second, moderator=mod)
    assert ReviewItem.objects.filter(claimed_by=mod, status=ReviewStatus.CLAIMED).count() == 2


def test_a_move_the_state_machine_forbids_is_refused_and_leaves_no_trace(mod):
    item = make_item(status=ReviewStatus.APPROVED)
    with pytest.raises(TransitionError):
        transition(item, to=ReviewStatus.DELISTED, action=AuditAction.RESOLVED, actor=mod)
    assert ReviewItem.objects.get(pk=item.pk).status == ReviewStatus.APPROVED
    assert not item.audit_entries.exists()


def test_no_code_outside_the_workflow_writes_a_review_items_status():
    # The facet manager copies the status onto facet rows; the workflow is the one writer.
    allowed = {MODERATION / "workflow.py", MODERATION / "models" / "facets.py"}
    writes = re.compile(r"\.status\s*=[^=]|\.update\([^)]*\bstatus=|create\([^)]*\bstatus=",
                        re.S)
    offenders = [
        path.relative_to(MODERATION).as_posix()
        for path in MODERATION.rglob("*.py")
        if "migrations" not in path.parts and path not in allowed
        and writes.search(path.read_text())
    ]
    assert offenders == []


# --- after commit ----------------------------------------------------------------------------


class RecordingAdapter(ForumModerationAdapter):
    sent: list = []

    def notify_author(self, post, message):
        RecordingAdapter.sent.append((post.pk, message))


@pytest.fixture
def recording(settings):
    settings.AI_MODERATION_ADAPTER = f"{__name__}.RecordingAdapter"
    RecordingAdapter.sent = []
    return RecordingAdapter.sent


def test_the_author_is_notified_only_after_the_decision_commits(
    mod, recording, django_capture_on_commit_callbacks
):
    item = make_item()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.resolve_item(item=item, moderator=mod, decision="delist", message="Undisclosed.")
        assert recording == []
    for callback in callbacks:
        callback()
    assert recording == [(item.content.object_id, "Undisclosed.")]


def test_a_decision_that_rolls_back_notifies_nobody(mod, recording):
    item = make_item()
    with pytest.raises(RuntimeError), transaction.atomic():
        services.resolve_item(item=item, moderator=mod, decision="delist", message="Bye.")
        raise RuntimeError("the request failed after the decision")
    assert recording == []
    assert ReviewItem.objects.get(pk=item.pk).status == ReviewStatus.OPEN


# --- self-review -----------------------------------------------------------------------------


def test_a_moderator_cannot_claim_or_decide_an_item_about_their_own_post(mod):
    item = make_item(author=mod)
    with pytest.raises(PermissionDenied, match="your own post"):
        services.claim_item(item=item, moderator=mod)
    with pytest.raises(PermissionDenied, match="your own post"):
        services.resolve_item(item=item, moderator=mod, decision="approve")
    assert services.claim_next(moderator=mod) is None
    assert ReviewItem.objects.get(pk=item.pk).status == ReviewStatus.OPEN
    assert not item.audit_entries.exists()


def test_self_review_allowed_by_the_setting_is_marked_in_the_audit_log(mod, settings):
    settings.AI_MODERATION_ALLOW_SELF_REVIEW = True
    item = make_item(author=mod)
    services.claim_item(item=item, moderator=mod)
    services.resolve_item(item=item, moderator=mod, decision="approve")
    assert [entry.self_review for entry in item.audit_entries.order_by("id")] == [True, True]
    other = make_item()
    services.resolve_item(item=other, moderator=mod, decision="approve")
    assert not other.audit_entries.get().self_review


# --- reasons the author sees -----------------------------------------------------------------


def test_a_delist_without_a_message_tells_the_author_the_policys_reason(mod):
    item = make_item()
    services.resolve_item(item=item, moderator=mod, decision="delist")
    message = AuthorMessage.objects.get(item=item)
    assert message.body == "Because a test said so."
    assert ReviewItem.objects.get(pk=item.pk).author_message == message.body


def test_a_reject_without_a_reason_is_refused(mod):
    item = make_item()
    with pytest.raises(ValidationError, match="Tell the author why"):
        services.resolve_item(item=item, moderator=mod, decision="reject")
    assert ReviewItem.objects.get(pk=item.pk).status == ReviewStatus.OPEN
    done, skipped = services.bulk_resolve(items=[item], moderator=mod, decision="reject")
    assert done == [] and "Tell the author why" in skipped[0]


def test_a_reject_explained_only_by_an_internal_note_tells_the_author_the_policys_reason(mod):
    item = make_item()
    services.resolve_item(item=item, moderator=mod, decision="reject", note="SECRET: spam ring")
    assert AuthorMessage.objects.get(item=item).body == "Because a test said so."
