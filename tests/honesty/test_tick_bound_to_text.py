"""The "100% human-written" tick is bound to the text it was given for: an edit that changes
the text asks the author again, and the edit is kept (issue 12, part 4).
"""

import pytest
from django.urls import reverse

from ai_disclosure import services
from ai_disclosure.rendering import content_hash
from ai_disclosure.rules import DisclosureData
from ai_disclosure.selectors import disclosure_for
from demo.forum.models import Post
from tests.api.conftest import client_for
from tests.factories import PostFactory, UserFactory

pytestmark = pytest.mark.django_db

ORIGINAL = "Every word of this is mine."
EDITED = "Every word of this is mine, and so is this new sentence."
ASKED_AGAIN = "You changed the text since you ticked “100% human-written”."


@pytest.fixture
def author():
    return UserFactory(username="writer")


@pytest.fixture
def ticked_post(author):
    post = PostFactory(author=author, title="Mine", body=ORIGINAL)
    services.save_disclosure(content=post, user=author, data=DisclosureData(human_only=True))
    return post


def test_the_tick_is_stored_with_the_hash_of_the_text_it_was_given_for(ticked_post):
    assert disclosure_for(ticked_post).human_only_hash == content_hash(ORIGINAL)


# --- the post form (demo edit page, DisclosureGateFormMixin) --------------------------------


def test_editing_a_post_ticked_human_only_asks_again_and_the_edit_is_kept(
    client, author, ticked_post
):
    client.force_login(author)
    edit = reverse("forum:post-edit", args=[ticked_post.pk])
    page = client.get(edit).content.decode()
    assert f'value="{content_hash(ORIGINAL)}"' in page  # the tick is bound to the old text

    # when: the author changes the text and submits with the tick still on
    form = {"title": "Mine", "body": EDITED, "human_only": "on",
            "human_only_for": content_hash(ORIGINAL)}
    response = client.post(edit, form)

    # then: nothing is saved, the tick is shown unticked with a message, the edit is kept
    assert response.status_code == 200
    ticked_post.refresh_from_db()
    assert ticked_post.body == ORIGINAL
    disclosure_form = response.context["disclosure_form"]
    assert ASKED_AGAIN in disclosure_form.errors["human_only"][0]
    assert disclosure_form["human_only"].value() is False
    assert response.context["post_form"]["body"].value() == EDITED
    assert EDITED in response.content.decode()

    # when: the author ticks the box again for the new text (the page sent the new hash)
    again = {**form, "human_only_for": disclosure_form["human_only_for"].value()}
    response = client.post(edit, again)

    # then: the edit is saved and the tick is now bound to it
    assert response.status_code == 302
    ticked_post.refresh_from_db()
    assert ticked_post.body == EDITED
    assert disclosure_for(ticked_post).human_only_hash == content_hash(EDITED)


def test_an_edit_that_keeps_the_text_does_not_ask_again(client, author, ticked_post):
    client.force_login(author)

    response = client.post(reverse("forum:post-edit", args=[ticked_post.pk]), {
        "title": "A better title", "body": ORIGINAL, "human_only": "on",
        "human_only_for": content_hash(ORIGINAL),
    })

    assert response.status_code == 302
    assert Post.objects.get().title == "A better title"


def test_an_author_who_describes_ai_use_instead_is_not_asked_about_the_tick(
    client, author, ticked_post
):
    client.force_login(author)

    response = client.post(reverse("forum:post-edit", args=[ticked_post.pk]), {
        "title": "Mine", "body": EDITED, "assistance": ["editing"], "models_used": "DeepL",
        "ai_share_estimate": "lt10", "expertise": "author",
        "description": "DeepL smoothed the wording of my new sentence.",
    })

    assert response.status_code == 302
    disclosure = disclosure_for(Post.objects.get())
    assert not disclosure.human_only and disclosure.human_only_hash == ""


# --- the API (PUT of the post, DisclosureGateSerializerMixin) and the check endpoint ---------


def test_api_edit_of_a_ticked_post_is_refused_until_the_tick_is_confirmed_for_the_new_text(
    author, ticked_post
):
    api = client_for(author)
    url = f"/api/forum/v1/posts/{ticked_post.pk}/"
    payload = {"title": "Mine", "body": EDITED, "disclosure": {"human_only": True}}

    refused = api.put(url, payload, format="json")

    assert refused.status_code == 422
    assert ASKED_AGAIN in refused.json()["errors"]["disclosure.human_only"][0]
    ticked_post.refresh_from_db()
    assert ticked_post.body == ORIGINAL

    confirmed = api.put(url, {**payload, "disclosure": {
        "human_only": True, "human_only_for": content_hash(EDITED)}}, format="json")

    assert confirmed.status_code == 200, confirmed.json()
    ticked_post.refresh_from_db()
    assert ticked_post.body == EDITED
    assert disclosure_for(ticked_post).human_only_hash == content_hash(EDITED)


def test_api_edit_without_a_text_change_keeps_the_tick(author, ticked_post):
    response = client_for(author).put(
        f"/api/forum/v1/posts/{ticked_post.pk}/",
        {"title": "Renamed", "body": ORIGINAL, "disclosure": {"human_only": True}},
        format="json",
    )

    assert response.status_code == 200


def test_check_endpoint_reports_a_tick_given_for_the_older_text(author, ticked_post):
    api = client_for(author)
    draft = {"body": EDITED, "disclosure": {"human_only": True}, "post": str(ticked_post.pk)}

    stale = api.post("/api/ai-disclosure/v1/check/", draft, format="json").json()
    confirmed = api.post("/api/ai-disclosure/v1/check/", {**draft, "disclosure": {
        "human_only": True, "human_only_for": content_hash(EDITED)}}, format="json").json()

    assert stale["valid"] is False and ASKED_AGAIN in stale["errors"]["human_only"][0]
    assert confirmed["valid"] is True


def test_check_endpoint_hides_another_authors_post(ticked_post):
    stranger = client_for(UserFactory(username="stranger"))

    response = stranger.post("/api/ai-disclosure/v1/check/", {
        "body": EDITED, "disclosure": {"human_only": True}, "post": str(ticked_post.pk),
    }, format="json")

    assert response.status_code == 404
