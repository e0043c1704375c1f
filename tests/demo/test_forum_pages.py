"""The demo forum's pages, as an author and a reader use them (no JavaScript)."""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ai_disclosure import services
from ai_disclosure.models import Disclosure, DisclosureRevision
from ai_disclosure.rules import DisclosureData
from ai_disclosure.services import content_for
from demo.forum.models import Post
from tests.factories import PostFactory, UserFactory

pytestmark = pytest.mark.django_db

NEW_POST = reverse("forum:post-create")
AI_BODY = 'Mine.\n\n:::ai-written{model="Claude Opus 4.6"}\nThe **AI** wrote this part.\n:::\n'
AI_DETAILS = {
    "assistance": ["drafting"],
    "models_used": "Claude Opus 4.6",
    "ai_share_estimate": "30-60",
    "description": "Claude wrote the second paragraph from my bullet points.",
    "verification": "I checked each claim against my notes.",
    "expertise": "author",
}


@pytest.fixture
def author_client(client):
    client.force_login(UserFactory(username="author"))
    return client


def test_new_post_page_needs_a_login(client):
    response = client.get(NEW_POST)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_author_publishes_a_human_only_post_and_readers_see_the_summary(author_client, client):
    response = author_client.post(
        NEW_POST, {"title": "My essay", "body": "Every word mine.", "human_only": "on"}
    )
    post = Post.objects.get()
    assert response.url == post.get_absolute_url()
    page = client.get(post.get_absolute_url()).content.decode()
    assert "Human-written" in page
    assert "Every word mine." in page


def test_author_publishes_an_ai_assisted_post_with_a_labelled_block(author_client):
    author_client.post(NEW_POST, {"title": "Notes", "body": AI_BODY, **AI_DETAILS})
    post = Post.objects.get()
    page = author_client.get(post.get_absolute_url()).content.decode()
    assert '<section class="ai-block ai-written" data-block-type="ai-written"' in page
    assert "AI-written · Claude Opus 4.6" in page
    assert "AI: drafting · Claude Opus 4.6 · expert-reviewed by the author" in page


def test_refused_post_keeps_everything_the_author_typed(author_client):
    response = author_client.post(
        NEW_POST, {"title": "Notes", "body": AI_BODY, "human_only": "on"}
    )
    assert response.status_code == 200
    assert not Post.objects.exists()
    page = response.content.decode()
    assert "ai-written on line 3" in page
    assert "The **AI** wrote this part." in page  # the body is still in the textarea
    assert 'value="Notes"' in page


@override_settings(AI_DISCLOSURE_MAX_BODY_BYTES=2000)
def test_oversized_post_is_refused_with_the_limit(author_client):
    response = author_client.post(
        NEW_POST, {"title": "Long", "body": "word " * 500, "human_only": "on"}
    )
    assert not Post.objects.exists()
    assert "the limit is 2.0\xa0KB" in response.content.decode()


def test_preview_shows_the_render_and_warnings_without_saving(author_client):
    response = author_client.post(
        NEW_POST,
        {"title": "Draft", "body": ":::ai-written\nNever closed", "preview": "1"},
    )
    assert not Post.objects.exists()
    page = response.content.decode()
    assert "Line 1: This block is never closed" in page
    assert "AI-written" in page


def test_only_the_author_may_edit_a_post(client):
    post = PostFactory()
    client.force_login(UserFactory())
    assert client.get(reverse("forum:post-edit", args=[post.pk])).status_code == 403


def test_editing_a_post_appends_a_disclosure_revision(author_client):
    author_client.post(NEW_POST, {"title": "Notes", "body": "Mine.", "human_only": "on"})
    post = Post.objects.get()
    edit = reverse("forum:post-edit", args=[post.pk])
    assert 'checked' in author_client.get(edit).content.decode()  # the saved tick is shown
    author_client.post(edit, {"title": "Notes", "body": AI_BODY, **AI_DETAILS})
    disclosure = Disclosure.objects.get(content=content_for(post))
    assert not disclosure.human_only
    assert DisclosureRevision.objects.filter(disclosure=disclosure).count() == 2


def test_reader_can_collapse_mostly_ai_posts_in_the_listing(client):
    author = UserFactory()
    mostly_ai = PostFactory(author=author, title="Mostly machine", body=(
        ":::ai-written{model=\"GPT-5\"}\n" + "Generated sentence. " * 40 + "\n:::\n\nMy one line."
    ))
    services.save_disclosure(content=mostly_ai, user=author, data=DisclosureData(
        assistance={"drafting"}, models_used=["GPT-5"], ai_share_estimate="gt90",
        description="GPT-5 wrote nearly all of it from my prompt.", verification="Read it.",
        expertise="none",
    ))
    services.rendered_content(mostly_ai)
    PostFactory(author=author, title="All mine")
    reader = UserFactory()
    client.force_login(reader)
    assert "collapsed" not in client.get("/").content.decode()

    client.post(reverse("ai_disclosure:reader-preference"),
                {"collapse_mostly_ai": "on", "next": "/"})
    page = client.get("/").content.decode()
    assert "Mostly AI-written post, collapsed" in page
    assert page.count("post-row collapsed") == 1


def test_preference_redirect_never_leaves_the_site(client):
    client.force_login(UserFactory())
    response = client.post(reverse("ai_disclosure:reader-preference"),
                           {"next": "https://evil.example/"})
    assert response.url == "/"


def test_listing_runs_a_fixed_number_of_queries(client):
    def count_queries(n):
        Post.objects.all().delete()
        PostFactory.create_batch(n)
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/").status_code == 200
        return len(queries)

    assert count_queries(3) == count_queries(30)


def test_author_over_the_posting_rate_is_told_when_they_may_post_again(
    author_client, settings, django_capture_on_commit_callbacks
):
    settings.AI_DISCLOSURE_NEW_AUTHOR_POSTING_RATE = "1/hour"
    form = {"title": "First", "body": "Every word mine.", "human_only": "on"}
    with django_capture_on_commit_callbacks(execute=True):
        author_client.post(NEW_POST, form)

    page = author_client.get(NEW_POST).content.decode()
    refused = author_client.post(NEW_POST, {**form, "title": "Second", "body": "Kept text."})

    assert "You can post again in" in page
    assert refused.status_code == 429
    assert "You can post again in" in refused.content.decode()
    assert "Kept text." in refused.content.decode()
    assert Post.objects.count() == 1
