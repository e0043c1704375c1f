"""Screening a post in-process: what moderators get, and what must never happen."""

import logging

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction
from django.test import override_settings

from ai_disclosure import services as disclosure_services
from ai_disclosure.models import Content
from ai_disclosure.rules import DisclosureData
from ai_disclosure.services import content_for
from demo.forum.models import Comment
from moderation import scoring, services, signals
from moderation.models import ACTIVE_STATUSES, Policy, ReviewItem, ReviewStatus, Screening
from moderation.selectors.screening import stale_content_ids
from tests.factories import PostFactory
from tests.moderation.triage_factories import make_moderator

pytestmark = pytest.mark.django_db

PASTED_ANSWER = """Certainly! Here's a short post about sleep and memory.

Sleep plays a crucial role in memory consolidation. During deep sleep, the brain replays the
day's experiences, strengthening the connections that matter.

I hope this helps! Let me know if you'd like any changes.

[Your Name]
"""

HUMAN_TEXT = """I kept a sleep diary for three months last year, mostly out of stubbornness.
The short version: my recall of what I read the day before was noticeably worse after nights
under six hours, but only for stuff I'd skimmed. Things I'd argued about with my brother over
dinner stuck regardless. Small n, obviously, and I was the one grading myself."""


def human_only(post):
    disclosure_services.save_disclosure(
        content=post, user=post.author, data=DisclosureData(human_only=True)
    )
    return post


def test_pasted_assistant_answer_on_a_human_only_post_is_flagged_with_evidence():
    post = human_only(PostFactory(body=PASTED_ANSWER))
    screening = services.screen_content(content_id=content_for(post).pk)

    item = ReviewItem.objects.get(content=content_for(post))
    assert item.status == ReviewStatus.OPEN
    assert "Chat-assistant leftovers" in [reason["name"] for reason in item.reasons]
    assert item.priority == 90
    quoted = [e["text"] for e in screening.evidence["chat_artifacts"]]
    assert any("I hope this helps" in text for text in quoted)
    assert screening.context["disclosure"]["human_only"] is True
    assert screening.classifier_versions["chat_artifacts"]
    assert item.classifier_versions == screening.classifier_versions


def test_human_writing_is_not_flagged():
    post = human_only(PostFactory(body=HUMAN_TEXT))
    services.screen_content(content_id=content_for(post).pk)
    assert not ReviewItem.objects.exists()
    assert Screening.objects.get(content=content_for(post)).scores["chat_artifacts"] < 0.9


def test_declared_ai_blocks_are_not_scored_as_the_authors_text():
    body = HUMAN_TEXT + '\n\n:::ai-written{model="GPT-5"}\n' + PASTED_ANSWER + "\n:::\n"
    post = PostFactory(body=body)
    disclosure_services.save_disclosure(content=post, user=post.author, data=DisclosureData(
        assistance={"drafting"}, models_used=["GPT-5"], ai_share_estimate="30-60",
        description="GPT-5 wrote the block at the end, quoted as an example.",
        verification="I read it.", expertise="author"))
    screening = services.screen_content(content_id=content_for(post).pk)
    assert screening.scores["chat_artifacts"] < 0.9
    assert screening.context["content"]["blocks"] == 1
    assert screening.context["content"]["ai_share"] > 0.3


def test_screening_twice_is_a_no_op():
    post = human_only(PostFactory(body=PASTED_ANSWER))
    first = services.screen_content(content_id=content_for(post).pk)
    second = services.screen_content(content_id=content_for(post).pk)
    assert second.key == first.key and second.screened_at == first.screened_at
    assert ReviewItem.objects.count() == 1


def test_edit_rescreens_and_updates_the_same_open_item():
    post = human_only(PostFactory(body=PASTED_ANSWER))
    services.screen_content(content_id=content_for(post).pk)
    post.body = PASTED_ANSWER + "\nAnd one more line."
    post.save()
    services.screen_content(content_id=content_for(post).pk)
    assert ReviewItem.objects.filter(content=content_for(post)).count() == 1
    assert Screening.objects.get(content=content_for(post)).content_hash != ""


def test_database_allows_only_one_active_item_per_post():
    post = PostFactory()
    ReviewItem.objects.create(content=content_for(post))
    with pytest.raises(IntegrityError):
        ReviewItem.objects.create(content=content_for(post), status=ReviewStatus.CLAIMED)


def test_a_decided_item_does_not_block_a_new_one():
    post = human_only(PostFactory(body=PASTED_ANSWER))
    ReviewItem.objects.create(content=content_for(post), status=ReviewStatus.APPROVED)
    services.screen_content(content_id=content_for(post).pk)
    assert (
        ReviewItem.objects.filter(content=content_for(post), status=ReviewStatus.OPEN).count() == 1
    )


def test_label_policies_do_not_create_review_items():
    Policy.objects.update(enabled=False)
    Policy.objects.create(name="Label everything", expression="true", action="label",
                          reason="label", enabled=True)
    post = human_only(PostFactory(body=HUMAN_TEXT))
    screening = services.screen_content(content_id=content_for(post).pk)
    assert [match["name"] for match in screening.matched] == ["Label everything"]
    assert not ReviewItem.objects.exists()


def test_policy_change_makes_the_screening_stale_and_rescreening_records_its_version():
    post = human_only(PostFactory(body=HUMAN_TEXT))
    services.screen_content(content_id=content_for(post).pk)
    assert stale_content_ids() == []
    policy = Policy.objects.get(name="Chat-assistant leftovers")
    policy.expression = "scores.chat_artifacts >= 0.5"
    services.save_policy(policy=policy, user=None)
    assert stale_content_ids() == [content_for(post).pk]
    screening = services.screen_content(content_id=content_for(post).pk)
    assert screening.policy_versions[str(policy.pk)] == 2


def test_unscreened_posts_and_comments_are_found_by_the_sweeper():
    post = PostFactory()
    with transaction.atomic():  # published without the receivers (e.g. loaded from fixtures)
        comment = Comment.objects.bulk_create([Comment(post=post, author=post.author, body="Hi",
                                                       published_at=post.published_at)])[0]
    found = services.contents_to_screen()
    assert sorted(found) == sorted([content_for(post).pk, content_for(comment).pk])
    assert Content.objects.get(pk=content_for(comment).pk).parent == content_for(post)


def test_deleted_post_is_skipped_quietly(caplog):
    with caplog.at_level(logging.INFO):
        assert services.screen_content(content_id=999_999) is None
    assert "gone" in caplog.text


@override_settings(AI_MODERATION_AUTO_HOLD=True)
def test_hold_policy_holds_the_post_only_when_auto_hold_is_on():
    Policy.objects.update(enabled=False)
    Policy.objects.create(name="Hold human-only", expression="disclosure.human_only",
                          action="hold", reason="r", enabled=True)
    post = human_only(PostFactory(body=HUMAN_TEXT))
    services.screen_content(content_id=content_for(post).pk)
    assert ReviewItem.objects.get(content=content_for(post)).held is True


def test_post_screened_is_sent_after_commit(django_capture_on_commit_callbacks):
    received = []

    def listener(sender, post, screening, review_item, **kwargs):
        received.append((post.pk, review_item is not None))

    signals.post_screened.connect(listener)
    try:
        post = human_only(PostFactory(body=PASTED_ANSWER))
        with django_capture_on_commit_callbacks(execute=True):
            services.screen_content(content_id=content_for(post).pk)
        assert received == [(post.pk, True)]
    finally:
        signals.post_screened.disconnect(listener)


def test_screen_posts_command_screens_in_process_with_progress(capsys):
    posts = [human_only(PostFactory(body=PASTED_ANSWER)), human_only(PostFactory())]
    call_command("screen_posts", "--all", "--sync")
    output = capsys.readouterr()
    assert "2/2" in output.err  # tqdm's bar, on stderr
    assert output.out == "Screened 2 of 2 posts.\n"
    assert Screening.objects.count() == 2
    assert ReviewItem.objects.get().content.obj == posts[0]


def test_screen_posts_command_names_unknown_posts():
    with pytest.raises(CommandError, match="No published post with id 424242"):
        call_command("screen_posts", "--post", "424242", "--sync")


@pytest.fixture
def moderator_acts_while_screening_runs(monkeypatch):
    """Run ``action(item)`` on the post's waiting item while the classifiers run, after
    re-screening has read the post and before it writes: what a moderator clicking at that
    moment does."""
    state = {"action": None}
    score = scoring.score

    def act_then_score(*args, **kwargs):
        if state["action"]:
            action, state["action"] = state["action"], None
            action(ReviewItem.objects.get(status__in=ACTIVE_STATUSES))
        return score(*args, **kwargs)

    monkeypatch.setattr(scoring, "score", act_then_score)
    return state


def _edit(post):
    post.body = PASTED_ANSWER + "\nAnd one more line."
    post.save()


def test_rescreening_never_undoes_a_claim_made_while_it_ran(moderator_acts_while_screening_runs):
    mod = make_moderator()
    post = human_only(PostFactory(body=PASTED_ANSWER))
    services.screen_content(content_id=content_for(post).pk)
    moderator_acts_while_screening_runs["action"] = (
        lambda item: services.claim_item(item=ReviewItem.objects.get(pk=item.pk), moderator=mod)
    )
    _edit(post)
    services.screen_content(content_id=content_for(post).pk)

    item = ReviewItem.objects.get(content=content_for(post))
    assert moderator_acts_while_screening_runs["action"] is None  # the claim did happen
    assert (item.status, item.claimed_by) == (ReviewStatus.CLAIMED, mod)
    assert item.facets.exclude(status=ReviewStatus.CLAIMED).count() == 0


def test_rescreening_never_reopens_an_item_decided_while_it_ran(
    moderator_acts_while_screening_runs,
):
    mod = make_moderator()
    post = human_only(PostFactory(body=PASTED_ANSWER))
    services.screen_content(content_id=content_for(post).pk)
    decided = ReviewItem.objects.get(content=content_for(post))
    moderator_acts_while_screening_runs["action"] = lambda item: services.resolve_item(
        item=ReviewItem.objects.get(pk=item.pk), moderator=mod, decision="delist"
    )
    _edit(post)
    services.screen_content(content_id=content_for(post).pk)

    decided.refresh_from_db()
    assert decided.status == ReviewStatus.DELISTED and decided.resolved_by == mod
    # The edited post is still flagged: it waits in a new item, as if screened a moment later.
    assert (
        ReviewItem.objects.get(content=content_for(post), status=ReviewStatus.OPEN).pk != decided.pk
    )
