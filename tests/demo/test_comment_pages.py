"""Comments on the demo: the compact disclosure form through the plugin's publish gate, the
reader summary under each comment, held comments hidden from other readers, and the author's
"My posts" page listing their comments with the moderators' decision.
"""

import pytest
from django.urls import reverse

from ai_disclosure.selectors import disclosure_for
from demo.forum.models import Comment, Visibility
from moderation import selectors as moderation_selectors
from tests.factories import CommentFactory, PostFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def post():
    return PostFactory(title="Sleep and memory")


@pytest.fixture
def commenter(client):
    user = UserFactory(username="commenter")
    client.force_login(user)
    return user


def comment_on(client, post, **fields):
    data = {f"comment-{name}": value for name, value in fields.items()}
    return client.post(reverse("forum:comment-create", args=[post.pk]), data)


def test_the_post_page_offers_the_compact_disclosure_form(client, post, commenter):
    page = client.get(post.get_absolute_url())
    form = page.context["disclosure_form"]
    assert list(form.fields) == ["human_only", "assistance", "description"]
    assert 'name="comment-human_only"' in page.content.decode()


def test_a_comment_without_a_disclosure_is_refused_with_the_compact_forms_messages(
    client, post, commenter
):
    response = comment_on(client, post, body="Nice post.")
    assert response.status_code == 400 and not Comment.objects.exists()
    assert set(response.context["disclosure_form"].errors) == {"human_only", "assistance",
                                                              "description"}
    # kinds without the one sentence are refused too; the text is kept
    response = comment_on(client, post, body="Nice post.", assistance=["translation"])
    assert set(response.context["disclosure_form"].errors) == {"description"}
    assert "Nice post." in response.content.decode()


def test_a_comment_disclosed_with_kinds_and_one_sentence_is_published_with_its_summary(
    client, post, commenter
):
    response = comment_on(client, post, body="Ich stimme zu: the sample is small.",
                          assistance=["translation"],
                          description="DeepL translated my German.")
    comment = Comment.objects.get()
    assert response.status_code == 302 and response.url == comment.get_absolute_url()
    disclosure = disclosure_for(comment)
    assert disclosure.description == "DeepL translated my German."
    assert [kind.slug for kind in disclosure.assistance.all()] == ["translation"]
    page = client.get(post.get_absolute_url()).content.decode()
    assert f'id="comment-{comment.pk}"' in page and "AI: translation" in page


def test_held_comments_are_shown_to_their_author_only(client, post):
    held = CommentFactory(post=post, body="Waiting.", visibility=Visibility.HELD)
    client.force_login(UserFactory(username="reader"))
    assert "Waiting." not in client.get(post.get_absolute_url()).content.decode()
    client.force_login(held.author)
    assert "Waiting." in client.get(post.get_absolute_url()).content.decode()


def test_my_posts_lists_the_authors_comments_with_their_review(client, post, commenter):
    comment_on(client, post, body="Mine.", human_only="on")
    comment = Comment.objects.get()
    page = client.get(reverse("forum:my-posts")).content.decode()
    assert f'id="comment-{comment.pk}"' in page and "Comment on “Sleep and memory”" in page
    assert moderation_selectors.author_review_states(author=commenter) == {}
