"""The recorder API: AI tools record suggestions; only the author's acceptance applies one."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from ai_disclosure import services
from ai_disclosure.data_rights import export_user_data
from ai_disclosure.models import DisclosureRevision, ToolSuggestion
from ai_disclosure.rules import DisclosureData
from ai_disclosure.services import content_for
from moderation.models import ReviewItem
from tests.api.conftest import client_for
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db
V1 = "/api/ai-disclosure/v1"
MOD = "/api/moderation/v1"

BODY = (
    "I measured the bridge myself.\n\n"
    "The load test shows a safety margin of 40% under the heaviest trucks.\n\n"
    "My conclusion follows.\n"
)
PASSAGE = "The load test shows a safety margin of 40% under the heaviest trucks."
EDIT = {
    "kind": "editing",
    "model": "Claude Opus 4.6",
    "tool": "Editor assistant",
    "passage": PASSAGE,
    "block_type": "ai-edited",
}


@pytest.fixture
def post(author):
    post = PostFactory(author=author, body=BODY)
    services.save_disclosure(content=post, user=author, data=DisclosureData(human_only=True))
    return post


def token_client(user) -> APIClient:
    """A client as a tool calls: with the author's API token, no session."""
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


def record(client, post, payload=EDIT):
    return client.post(f"{V1}/posts/{post.pk}/suggestions/", payload, format="json")


def test_recorded_suggestion_changes_neither_body_nor_disclosure(author, post):
    revisions = DisclosureRevision.objects.count()

    response = record(token_client(author), post)

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["status"] == "pending"
    assert body["passage_in_body"] is True
    assert body["revision"] is None
    post.refresh_from_db()
    assert post.body == BODY
    assert content_for(post).disclosure.human_only is True
    assert list(content_for(post).disclosure.assistance.all()) == []
    assert DisclosureRevision.objects.count() == revisions
    listed = client_for(author).get(f"{V1}/posts/{post.pk}/suggestions/").json()
    assert [(s["id"], s["kind"], s["model"]) for s in listed] == [
        (body["id"], "editing", "Claude Opus 4.6")
    ]


def test_accepting_marks_the_passage_and_adds_kind_and_model_with_a_revision(author, post):
    suggestion = record(client_for(author), post).json()
    last = content_for(post).disclosure.revisions.order_by("-number").first().number

    response = client_for(author).post(
        f"{V1}/posts/{post.pk}/suggestions/{suggestion['id']}/accept/", {}, format="json"
    )

    assert response.status_code == 200, response.json()
    result = response.json()
    assert result["suggestion"]["status"] == "accepted"
    assert result["suggestion"]["passage_wrapped"] is True
    assert result["suggestion"]["revision"] == last + 1
    post.refresh_from_db()
    assert f':::ai-edited{{model="Claude Opus 4.6"}}\n{PASSAGE}\n:::' in post.body
    assert post.body.replace(':::ai-edited{model="Claude Opus 4.6"}\n', "").replace(
        "\n:::", ""
    ) == BODY
    disclosure = result["disclosure"]
    assert disclosure["human_only"] is False
    assert disclosure["assistance"] == ["editing"]
    assert disclosure["models_used"] == ["Claude Opus 4.6"]
    revision = content_for(post).disclosure.revisions.get(number=last + 1)
    assert revision.changed_by == author
    assert revision.changes["assistance"] == [[], ["editing"]]
    # The author still has to say what the AI did: the answer says so, field by field.
    assert "description" in result["to_complete"]
    render = services.rendered_content(post)
    assert [block["type"] for block in render.blocks] == ["ai-edited"]


def test_a_passage_no_longer_in_the_text_is_named_and_the_disclosure_part_can_be_accepted(
    author, post
):
    suggestion = record(client_for(author), post).json()
    post.body = "I rewrote everything since.\n"
    post.save()
    url = f"{V1}/posts/{post.pk}/suggestions/{suggestion['id']}/accept/"

    listed = client_for(author).get(f"{V1}/posts/{post.pk}/suggestions/").json()
    refused = client_for(author).post(url, {}, format="json")
    accepted = client_for(author).post(url, {"disclosure_only": True}, format="json")

    assert listed[0]["passage_in_body"] is False
    assert refused.status_code == 409
    assert refused.json()["code"] == "passage_not_found"
    assert "no longer in the post's text" in refused.json()["detail"]
    assert accepted.status_code == 200
    assert accepted.json()["suggestion"]["passage_wrapped"] is False
    assert accepted.json()["disclosure"]["assistance"] == ["editing"]
    post.refresh_from_db()
    assert post.body == "I rewrote everything since.\n"


def test_a_passage_inside_a_list_is_not_wrapped_and_nothing_changes(author):
    post = PostFactory(author=author, body="Steps:\n\n- first step the AI wrote\n- mine\n")
    suggestion = record(
        client_for(author), post, {**EDIT, "passage": "first step the AI wrote"}
    ).json()

    response = client_for(author).post(
        f"{V1}/posts/{post.pk}/suggestions/{suggestion['id']}/accept/", {}, format="json"
    )

    assert response.status_code == 409
    assert response.json()["code"] == "passage_not_wrappable"
    post.refresh_from_db()
    assert post.body == "Steps:\n\n- first step the AI wrote\n- mine\n"
    assert ToolSuggestion.objects.get().status == "pending"
    assert not DisclosureRevision.objects.filter(disclosure__content=content_for(post)).exists()


def test_dismissed_suggestion_changes_nothing_and_stays_visible_to_moderators(
    author, post, moderator
):
    suggestion = record(client_for(author), post).json()
    item = ReviewItem.objects.create(
        content=content_for(post), author=author, post_title=post.title
    )

    response = client_for(author).post(
        f"{V1}/posts/{post.pk}/suggestions/{suggestion['id']}/dismiss/", format="json"
    )
    again = client_for(author).post(
        f"{V1}/posts/{post.pk}/suggestions/{suggestion['id']}/accept/", {}, format="json"
    )

    assert response.status_code == 200
    assert response.json()["status"] == "dismissed"
    assert again.status_code == 409 and again.json()["code"] == "already_decided"
    post.refresh_from_db()
    assert post.body == BODY and content_for(post).disclosure.human_only is True
    detail = client_for(moderator).get(f"{MOD}/items/{item.pk}/").json()
    assert [(s["status"], s["kind"], s["tool"]) for s in detail["tool_suggestions"]] == [
        ("dismissed", "editing", "Editor assistant")
    ]
    page = _moderator_page(moderator, item)
    assert "Editor assistant" in page and "Dismissed" in page


def _moderator_page(moderator, item) -> str:
    client = Client()
    client.force_login(moderator)
    return client.get(f"/moderation/items/{item.pk}/").content.decode()


@pytest.mark.parametrize(
    ("payload", "field", "says"),
    [
        ({**EDIT, "kind": "telepathy"}, "kind", "drafting, editing"),
        ({**EDIT, "model": 'GPT "5"'}, "model", "letters, digits"),
        ({**EDIT, "model": "x" * 81}, "model", "80"),
        ({**EDIT, "block_type": "ai-dreamt"}, "block_type", "ai-written, ai-edited"),
        ({**EDIT, "block_type": ""}, "block_type", "ai-written"),
        ({"kind": "research", "model": "GPT-5", "block_type": "ai-written"}, "block_type",
         "passage"),
        ({**EDIT, "passage": "   \n "}, "passage", "white space"),
        ({**EDIT, "colour": "red"}, "colour", "Unknown field"),
        ({**EDIT, "kind": 7}, "kind", ""),
        ({"model": "GPT-5"}, "kind", ""),
    ],
)
def test_bad_suggestions_are_refused_naming_the_field_and_the_allowed_values(
    author, post, payload, field, says
):
    response = record(client_for(author), post, payload)

    assert response.status_code == 400
    assert says in " ".join(response.json()["errors"][field])
    assert not ToolSuggestion.objects.exists()


@override_settings(AI_DISCLOSURE_MAX_SUGGESTION_PASSAGE=50)
def test_a_passage_above_the_limit_is_refused_with_both_lengths(author, post):
    response = record(client_for(author), post)

    assert response.status_code == 400
    assert "69 characters; the limit is 50" in response.json()["errors"]["passage"][0]


@override_settings(AI_DISCLOSURE_MAX_SUGGESTIONS_PER_POST=2)
def test_a_post_takes_at_most_the_configured_number_of_suggestions(author, post):
    research = {"kind": "research", "model": "GPT-5"}
    statuses = [record(client_for(author), post, research).status_code for _ in range(3)]

    assert statuses == [201, 201, 409]
    assert ToolSuggestion.objects.count() == 2


def test_only_the_author_decides_and_suggestions_of_another_post_are_not_found(
    author, other_author, post
):
    suggestion = record(client_for(author), post).json()
    other_post = PostFactory(author=author)

    by_other = client_for(other_author).post(
        f"{V1}/posts/{post.pk}/suggestions/{suggestion['id']}/accept/", {}, format="json"
    )
    wrong_post = client_for(author).post(
        f"{V1}/posts/{other_post.pk}/suggestions/{suggestion['id']}/accept/", {}, format="json"
    )

    assert by_other.status_code == 403
    assert wrong_post.status_code == 404
    assert ToolSuggestion.objects.get().status == "pending"


def test_suggestions_are_in_the_authors_data_export(author, post):
    record(client_for(author), post)

    exported = export_user_data(author)["ai_disclosure"]["tool_suggestions"]

    assert [(s["post_id"], s["kind"], s["status"], s["passage"]) for s in exported] == [
        (post.pk, "editing", "pending", PASSAGE)
    ]


def test_the_edit_page_buttons_accept_for_the_author_only_and_go_back(author, other_author, post):
    suggestion = record(client_for(author), post).json()
    accept = f"/ai-disclosure/suggestions/{suggestion['id']}/accept/?next=/posts/{post.pk}/edit/"
    stranger, owner = Client(), Client()
    stranger.force_login(other_author)
    owner.force_login(author)

    refused = stranger.post(accept, {"title": "ignored"})
    edit_page = owner.get(f"/posts/{post.pk}/edit/").content.decode()
    accepted = owner.post(accept, {"title": "ignored"})
    offsite = owner.post(
        f"/ai-disclosure/suggestions/{suggestion['id']}/dismiss/?next=https://evil.example/"
    )

    assert refused.status_code == 404
    assert f'data-suggestion="{suggestion["id"]}"' in edit_page
    assert accepted.status_code == 302 and accepted["Location"] == f"/posts/{post.pk}/edit/"
    assert offsite.status_code == 302 and offsite["Location"] == "/"
    assert ToolSuggestion.objects.get().status == "accepted"
    post.refresh_from_db()
    assert post.title != "ignored" and ":::ai-edited" in post.body
    assert "data-ai-tool-suggestions" not in stranger.get(f"/posts/{post.pk}/").content.decode()
