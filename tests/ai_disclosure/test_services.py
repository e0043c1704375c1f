"""Saving disclosures, their revision history, stored renders and size limits."""

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from ai_disclosure import rendering, selectors, services, signals
from ai_disclosure.models import FORM_VERSION, AIBlockType, ContentRender, DisclosureRevision
from ai_disclosure.rules import DisclosureData
from ai_disclosure.services import content_for
from tests.factories import PostFactory, UserFactory

pytestmark = pytest.mark.django_db

AI_USE = DisclosureData(
    assistance={"editing"},
    models_used=["Claude Opus 4.6"],
    ai_share_estimate="lt10",
    description="Claude fixed grammar and suggested clearer wording in two places.",
    expertise="author",
)


def test_every_save_appends_a_revision_with_who_and_what_changed():
    post = PostFactory()
    services.save_disclosure(content=post, user=post.author, data=DisclosureData(human_only=True))
    editor = UserFactory()
    services.save_disclosure(content=post, user=editor, data=AI_USE)

    first, second = DisclosureRevision.objects.filter(disclosure__content=content_for(post))
    assert (first.number, second.number) == (1, 2)
    assert first.changed_by == post.author and second.changed_by == editor
    assert first.data["human_only"] is True
    assert second.changes["human_only"] == [True, False]
    assert second.changes["assistance"] == [[], ["editing"]]
    assert second.data["form_version"] == FORM_VERSION


def test_saving_the_same_disclosure_again_records_no_changes():
    post = PostFactory()
    services.save_disclosure(content=post, user=post.author, data=AI_USE)
    services.save_disclosure(content=post, user=post.author, data=AI_USE)
    assert (
        DisclosureRevision.objects.filter(disclosure__content=content_for(post)).last().changes
        == {}
    )


def test_revisions_cannot_be_rewritten():
    post = PostFactory()
    services.save_disclosure(content=post, user=post.author, data=AI_USE)
    revision = DisclosureRevision.objects.get()
    revision.data = {"human_only": True}
    with pytest.raises(ValueError, match="append-only"):
        revision.save()


def test_disclosure_saved_is_sent_only_after_the_transaction_commits(
    django_capture_on_commit_callbacks,
):
    received = []

    def listener(sender, disclosure, revision, created, **kwargs):
        received.append((disclosure.content.object_id, revision.number, created))

    signals.disclosure_saved.connect(listener)
    try:
        post = PostFactory()
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            services.save_disclosure(content=post, user=post.author, data=AI_USE)
        assert received == []
        for callback in callbacks:
            callback()
        assert received == [(post.pk, 1, True)]
    finally:
        signals.disclosure_saved.disconnect(listener)


def test_reader_summary_lists_kinds_models_and_review():
    post = PostFactory()
    disclosure = services.save_disclosure(
        content=post,
        user=post.author,
        data=DisclosureData(
            assistance={"drafting", "research"},
            models_used=["Claude Opus 4.6"],
            ai_share_estimate="30-60",
            description="Drafted the literature section from my notes and found sources.",
            verification="Read every cited paper.",
            expertise="none",
        ),
    )
    assert selectors.summarize(disclosure) == (
        "AI: drafting, research · Claude Opus 4.6 · not expert-reviewed"
    )
    human = services.save_disclosure(
        content=PostFactory(), user=post.author, data=DisclosureData(human_only=True)
    )
    assert selectors.summarize(human) == "Human-written"


def test_rendered_post_is_stored_and_reused_until_the_body_changes(django_assert_num_queries):
    post = PostFactory(body="Mine.\n\n:::ai-written{model=\"GPT-5\"}\nTheirs, longer text.\n:::\n")
    stored = services.rendered_content(post)
    assert stored.renderer_version == rendering.RENDERER_VERSION
    assert stored.blocks[0]["type"] == "ai-written"
    assert 0 < stored.ai_share < 1

    with django_assert_num_queries(1):
        assert services.rendered_content(post).html == stored.html

    post.body = "Only mine now."
    post.save()
    assert services.rendered_content(post).ai_share == 0
    assert ContentRender.objects.count() == 1


def test_stored_render_is_rebuilt_when_the_renderer_version_changes(monkeypatch):
    post = PostFactory()
    services.rendered_content(post)
    ContentRender.objects.update(html="<p>stale</p>")
    assert services.rendered_content(post).html == "<p>stale</p>"
    monkeypatch.setattr(rendering, "RENDERER_VERSION", rendering.RENDERER_VERSION + 1)
    assert "stale" not in services.rendered_content(post).html


def test_admin_block_types_are_used_when_rendering_posts():
    AIBlockType.objects.create(slug="ai-summary", label="AI summary")
    rendered = services.render_body(":::ai-summary\nShort version.\n:::\n")
    assert [block.type for block in rendered.blocks] == ["ai-summary"]
    assert "AI summary" in rendered.html


@override_settings(AI_DISCLOSURE_MAX_BODY_BYTES=1000)
def test_oversized_body_is_refused_with_its_size_and_the_limit():
    services.validate_body("é" * 500)  # 1000 bytes: exactly at the limit
    with pytest.raises(ValidationError) as error:
        services.validate_body("x" * 1001)
    assert error.value.messages == [
        "This post is 1001\xa0bytes; the limit is 1000\xa0bytes. Shorten it or split it into "
        "several posts."
    ]
