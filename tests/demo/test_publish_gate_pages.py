"""The demo's post pages go through the plugin's publish gate (no gate code of their own)."""

import pytest
from django.urls import reverse

from ai_disclosure.selectors import disclosure_for
from demo.forum.forms import PostForm
from demo.forum.models import Post
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

NEW_POST = reverse("forum:post-create")
AGENT_DETAILS = {
    "autonomous": "on",
    "assistance": ["drafting"],
    "models_used": "Claude Opus 4.6",
    "ai_share_estimate": "gt90",
    "description": "My agent summarised the thread and posted it without my reading it.",
    "verification": "The agent re-read each linked message first.",
    "expertise": "none",
}


@pytest.fixture
def author_client(client):
    client.force_login(UserFactory(username="author"))
    return client


def test_post_without_a_disclosure_is_refused_on_the_page_with_each_fields_message(
    author_client,
):
    response = author_client.post(NEW_POST, {"title": "Hi", "body": "Mine."})

    assert response.status_code == 200 and not Post.objects.exists()
    errors = response.context["disclosure_form"].errors
    assert set(errors) == {
        "human_only", "assistance", "models_used", "ai_share_estimate", "description",
        "expertise",
    }
    assert "Your post was not saved" in response.content.decode()


def test_post_with_a_complete_disclosure_is_published(author_client):
    response = author_client.post(NEW_POST, {"title": "Hi", "body": "Mine.", "human_only": "on"})

    post = Post.objects.get()
    assert response.url == post.get_absolute_url()
    assert disclosure_for(post).human_only


def test_an_agent_post_from_the_page_shows_posted_by_an_ai_agent(author_client, client):
    author_client.post(NEW_POST, {"title": "Summary", "body": "The thread, summarised.",
                                  **AGENT_DETAILS})

    page = client.get(Post.objects.get().get_absolute_url()).content.decode()
    assert "Posted by an AI agent · AI: drafting" in page
    assert "An AI agent wrote and posted this on its own; no person reviewed it" in page


def test_the_form_offers_the_agent_tick_and_links_the_ai_policy(author_client, client):
    page = author_client.get(NEW_POST).content.decode()

    assert 'name="autonomous"' in page
    assert 'href="/ai-policy/"' in page
    assert "AI agents may post through the API" in client.get("/ai-policy/").content.decode()


def test_the_demo_post_form_is_the_plugins_gate():
    assert PostForm({"title": "Hi", "body": "Mine."}).is_valid() is False
    assert PostForm({"title": "Hi", "body": "Mine.", "human_only": "on"}).is_valid()
