"""The content-type migrations move existing data: a post's disclosure, render, screening
and review item (with its one-open-item constraint) end up on one ``Content`` row.
"""

import pytest
from django.db import IntegrityError, connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("ai_disclosure", "0004_expert_cosignatures"),
          ("moderation", "0009_author_email_language"), ("forum", "0003_comment")]
AFTER = [("ai_disclosure", "0006_drop_post_links"), ("moderation", "0011_drop_post_links")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def back_to_latest():
    """Leave the database fully migrated for the tests that follow, whatever came later."""
    yield
    executor = MigrationExecutor(connection)
    migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("back_to_latest")
def test_migrating_forward_moves_a_posts_disclosure_screening_and_item_onto_its_content():
    # given a database as 0.1.0 left it: a post with a disclosure, render, screening and item
    old = migrate(BEFORE)
    user = old.get_model("auth", "User").objects.create(username="old")
    post = old.get_model("forum", "Post").objects.create(
        author_id=user.pk, title="Old", body="Certainly!", published_at=timezone.now())
    disclosure = old.get_model("ai_disclosure", "Disclosure").objects.create(
        post_id=post.pk, human_only=True)
    old.get_model("ai_disclosure", "PostRender").objects.create(
        post_id=post.pk, content_hash="h", renderer_version=1, html="<p>x</p>", ai_share=0.0,
        text_length=1)
    old.get_model("moderation", "Screening").objects.create(post_id=post.pk, key="k",
                                                            content_hash="h")
    item = old.get_model("moderation", "ReviewItem").objects.create(
        post_id=post.pk, author_id=user.pk, post_title="Old", status="open")

    # when the content-type migrations run
    new = migrate(AFTER)

    # then everything points at one Content row of kind "post" for that post
    content = new.get_model("ai_disclosure", "Content").objects.get()
    assert (content.kind, content.object_id, content.parent_id) == ("post", post.pk, None)
    assert (content.content_type.app_label, content.content_type.model) == ("forum", "post")
    assert new.get_model("ai_disclosure", "Disclosure").objects.get(
        pk=disclosure.pk).content_id == content.pk
    assert new.get_model("ai_disclosure", "ContentRender").objects.get().content_id == content.pk
    assert new.get_model("moderation", "Screening").objects.get().content_id == content.pk
    review_item = new.get_model("moderation", "ReviewItem")
    assert review_item.objects.get(pk=item.pk).content_id == content.pk
    facet = new.get_model("moderation", "QueueFacet").objects.get()
    assert (facet.item_id, facet.name, facet.status) == (item.pk, "type:post", "open")
    # and "one open review item per content" still holds
    with pytest.raises(IntegrityError):
        review_item.objects.create(content_id=content.pk, status="open")
