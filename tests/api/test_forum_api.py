"""The demo forum's post API: a post and its disclosure in one transaction, or nothing."""

from __future__ import annotations

import pytest

from ai_disclosure import selectors, services
from ai_disclosure.models import Disclosure
from demo.forum.models import Post
from tests.api.conftest import AI_BODY, AI_DISCLOSURE, client_for

pytestmark = pytest.mark.django_db
URL = "/api/forum/v1/posts/"


def test_post_with_a_complete_disclosure_is_published_with_it(author):
    response = client_for(author).post(
        URL, {"title": "Replication notes", "body": AI_BODY, "disclosure": AI_DISCLOSURE},
        format="json",
    )

    assert response.status_code == 201
    post = Post.objects.get(pk=response.json()["id"])
    assert post.author == author and post.published_at is not None
    disclosure = selectors.disclosure_for(post)
    assert disclosure.models_used == ["Claude Opus 4.6"]
    assert disclosure.revisions.count() == 1
    assert response.json()["url"] == f"/posts/{post.pk}/"
    assert response.json()["ai_share"] > 0


def test_post_without_a_disclosure_is_refused_listing_each_missing_field(author):
    response = client_for(author).post(URL, {"title": "Hi", "body": "Mine."}, format="json")

    assert response.status_code == 422
    assert response.json()["code"] == "disclosure_incomplete"
    assert set(response.json()["errors"]) == {
        "disclosure.human_only", "disclosure.assistance", "disclosure.models_used",
        "disclosure.ai_share_estimate", "disclosure.description", "disclosure.expertise",
    }
    assert not Post.objects.exists()


def test_human_only_post_with_ai_block_is_refused_and_nothing_is_saved(author):
    response = client_for(author).post(
        URL, {"title": "Hi", "body": AI_BODY, "disclosure": {"human_only": True}}, format="json"
    )

    assert response.status_code == 422
    assert "ai-written on line 3" in response.json()["errors"]["disclosure.human_only"][0]
    assert not Post.objects.exists() and not Disclosure.objects.exists()


def test_post_and_disclosure_are_saved_in_one_transaction(author, monkeypatch):
    def broken_save(**kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(services, "save_disclosure", broken_save)
    client = client_for(author)
    client.raise_request_exception = False

    response = client.post(
        URL, {"title": "Hi", "body": "Mine.", "disclosure": {"human_only": True}}, format="json"
    )

    assert response.status_code == 500
    assert not Post.objects.exists()


def test_missing_title_is_a_400_with_a_field_message(author):
    response = client_for(author).post(
        URL, {"body": "Mine.", "disclosure": {"human_only": True}}, format="json"
    )

    assert response.status_code == 400
    assert response.json()["errors"] == {"title": ["This field is required."]}
