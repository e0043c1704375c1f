"""Comments are screened, flagged and triaged like posts: policies see the type and the
parent, author history counts both, the queue shows and filters the type in a fixed number
of queries, and deleting a comment deletes what the plugin stored about it.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ai_disclosure import services as disclosure_services
from ai_disclosure.models import Content
from ai_disclosure.rules import DisclosureData
from ai_disclosure.services import content_for
from moderation import selectors, services
from moderation.models import Policy, ReviewItem, Screening
from tests.factories import CommentFactory, PostFactory, UserFactory

from .test_screening import HUMAN_TEXT, PASTED_ANSWER, human_only
from .triage_factories import make_moderator

pytestmark = pytest.mark.django_db


def screen(obj) -> Screening:
    return services.screen_content(content_id=content_for(obj).pk)


def test_policies_see_a_comments_type_and_the_post_it_answers():
    Policy.objects.create(
        name="Chatty comment on someone else's post", reason="Pasted into a thread.",
        expression='content.type == "comment" && content.parent_id != 0 '
                   '&& !content.parent_author_is_author && scores.chat_artifacts >= 0.5',
        enabled=True, priority=70,
    )
    post = human_only(PostFactory(body=HUMAN_TEXT))
    comment = human_only(CommentFactory(post=post, body=PASTED_ANSWER))
    own_reply = human_only(CommentFactory(post=post, author=post.author, body=PASTED_ANSWER))

    def described(screening):
        return {key: screening.context["content"][key]
                for key in ("type", "parent_id", "parent_author_is_author")}

    assert described(screen(post)) == {
        "type": "post", "parent_id": 0, "parent_author_is_author": False}
    screening = screen(comment)
    assert described(screening) == {
        "type": "comment", "parent_id": post.pk, "parent_author_is_author": False}
    assert "Chatty comment on someone else's post" in [m["name"] for m in screening.matched]
    own = screen(own_reply)
    assert own.context["content"]["parent_author_is_author"] is True
    assert "Chatty comment on someone else's post" not in [m["name"] for m in own.matched]


def test_author_history_counts_posts_and_comments():
    author = UserFactory()
    human_only(PostFactory(author=author, body=HUMAN_TEXT))
    human_only(CommentFactory(author=author, body="I agree with the second point."))
    new = human_only(PostFactory(author=author, body=HUMAN_TEXT))
    assert screen(new).context["author"]["approved_posts"] == 2
    assert screen(new).context["post"]["first_post"] is False


def flagged_comment(**kwargs):
    comment = human_only(CommentFactory(body=PASTED_ANSWER, **kwargs))
    screen(comment)
    return ReviewItem.objects.get(content=content_for(comment))


def flagged_post():
    post = human_only(PostFactory(body=PASTED_ANSWER))
    screen(post)
    return ReviewItem.objects.get(content=content_for(post))


def test_the_queue_shows_the_type_and_filters_by_it(client):
    comment_item, post_item = flagged_comment(), flagged_post()
    by_type = {kind: [row.item.pk for row in selectors.queue(
        filters=selectors.QueueFilters(type=kind)).rows] for kind in ("comment", "post", "")}
    assert by_type == {"comment": [comment_item.pk], "post": [post_item.pk],
                       "": sorted([comment_item.pk, post_item.pk])}
    assert comment_item.post_title.startswith("Certainly! Here's")  # no title: its start

    client.force_login(make_moderator())
    page = client.get(reverse("moderation:queue"), {"type": "comment"}).content.decode()
    assert 'data-content-type="comment"' in page and 'data-content-type="post"' not in page
    assert '<option value="comment" selected>' in page


def count_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("moderation:queue")).status_code == 200
    return len(queries)


def test_the_queue_costs_the_same_queries_with_more_items_of_more_types(client):
    client.force_login(make_moderator())
    flagged_post()
    few = count_queries(client)
    for _ in range(3):
        flagged_post()
        flagged_comment()
    assert count_queries(client) == few


def test_a_moderator_decides_a_comment_and_its_author_is_told(mailoutbox, settings):
    settings.AI_MODERATION_EMAIL_AUTHORS = True
    item = flagged_comment(author=UserFactory(email="commenter@example.org"))
    moderator = make_moderator()
    services.resolve_item(item=item, moderator=moderator, decision="delist",
                          message="Please disclose the AI's part.")
    comment = item.content.obj
    comment.refresh_from_db()
    assert comment.visibility == "delisted"  # the demo's adapter acts on comments too
    state = selectors.author_review_states(author=comment.author)[("comment", comment.pk)]
    assert (state.status, state.message) == ("delisted", "Please disclose the AI's part.")


def test_deleting_a_comment_deletes_its_content_row_screening_and_items():
    item = flagged_comment()
    content = item.content
    content.obj.delete()
    assert not Content.objects.filter(pk=content.pk).exists()
    assert not ReviewItem.objects.filter(pk=item.pk).exists()
    assert not Screening.objects.filter(content_id=content.pk).exists()


def test_a_comments_disclosure_change_rescreens_it(django_capture_on_commit_callbacks,
                                                   monkeypatch):
    from moderation import tasks  # noqa: PLC0415

    queued = []
    monkeypatch.setattr(tasks, "enqueue_screening", lambda ids, **kwargs: queued.append(ids))
    with django_capture_on_commit_callbacks(execute=True):
        comment = CommentFactory()  # published: screened once, with its post
    queued.clear()
    with django_capture_on_commit_callbacks(execute=True):
        disclosure_services.save_disclosure(content=comment, user=comment.author, data=(
            DisclosureData(assistance={"translation"}, description="DeepL translated it.")))
    assert queued == [[content_for(comment).pk]]
