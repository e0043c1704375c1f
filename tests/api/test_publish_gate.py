"""The publish gate through the API: the same messages as the page, and a 422 an AI agent can
act on without a person reading the docs."""

from __future__ import annotations

import pytest
from django.test import override_settings
from django.urls import reverse
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.test import APIRequestFactory, force_authenticate
from rest_framework.views import APIView

from ai_disclosure.api.gate import DisclosureGateSerializerMixin
from ai_disclosure.models import AIShareEstimate, Expertise
from ai_disclosure.selectors import disclosure_for
from demo.forum.models import Post
from tests.api.conftest import AI_BODY, client_for

pytestmark = pytest.mark.django_db
URL = "/api/forum/v1/posts/"
KINDS = ["drafting", "editing", "translation", "research", "analysis", "ideation"]


def publish(user, **payload):
    return client_for(user).post(URL, {"title": "Thread summary", **payload}, format="json")


def choices(answer: dict, field: str) -> list[str]:
    return [choice["value"] for choice in answer["fields"][f"disclosure.{field}"]["choices"]]


def test_post_without_a_disclosure_gets_the_same_messages_on_the_page_and_in_the_api(
    author, client
):
    client.force_login(author)
    page = client.post(reverse("forum:post-create"), {"title": "Hi", "body": "Mine."})
    api = publish(author, body="Mine.")

    assert page.status_code == 200 and api.status_code == 422
    on_page = page.context["disclosure_form"].errors
    assert api.json()["errors"] == {
        f"disclosure.{field}": messages for field, messages in on_page.items()
    }
    html = page.content.decode()
    assert "Choose at least one kind of AI help." in html  # shown next to its field
    assert not Post.objects.exists()


def test_refusal_lists_the_allowed_values_of_each_field(author):
    answer = publish(author, body="Mine.").json()

    assert answer["code"] == "disclosure_incomplete"
    assert choices(answer, "assistance") == KINDS
    assert choices(answer, "ai_share_estimate") == AIShareEstimate.values
    assert choices(answer, "expertise") == Expertise.values
    assert answer["fields"]["disclosure.description"]["min_length"] == 40
    assert answer["fields"]["disclosure.autonomous"]["kind"] == "boolean"
    assert set(answer["errors"]) <= set(answer["fields"])
    assert answer["schema_url"] == "http://testserver/api/ai-disclosure/v1/schema/"


def test_refusal_links_the_forums_ai_policy_only_when_it_has_one(author):
    with override_settings(AI_DISCLOSURE_POLICY_URL=None):
        assert publish(author, body="Mine.").json()["policy_url"] is None

    answer = publish(author, body="Mine.").json()  # the demo's page, made absolute

    assert answer["policy_url"] == "http://testserver/ai-policy/"


def test_refusal_names_the_kinds_the_posts_blocks_imply(author):
    answer = publish(author, body=AI_BODY, disclosure={"assistance": ["research"]}).json()

    assert answer["fields"]["disclosure.assistance"]["required_choices"] == ["drafting"]


def test_refusal_of_an_agent_post_narrows_expert_review_to_not_reviewed(author):
    answer = publish(
        author, body="Mine.", disclosure={"autonomous": True, "expertise": "author"}
    ).json()

    assert choices(answer, "expertise") == ["none"]
    assert answer["fields"]["disclosure.assistance"]["required_choices"] == ["drafting"]
    assert "Nobody reviews a post an AI agent publishes" in answer["errors"][
        "disclosure.expertise"][0]


def agent_disclosure(answer: dict, *, model: str, summary: str) -> dict:
    """What a simple agent that wrote and posts a text on its own makes of a 422: only the
    body's ``fields`` and ``rules`` are read, nothing of this project's docs or code."""
    fields = {path.removeprefix("disclosure."): field for path, field in answer["fields"].items()}
    rules = {rule["id"]: rule for rule in answer["rules"]}
    agent_rule = rules["autonomous_posting"]
    kinds = sorted(set(agent_rule["kinds"]) | set(fields["assistance"]["required_choices"]))
    disclosure = {
        "human_only": False,
        "autonomous": True,
        "assistance": kinds,
        "models_used": [model],
        # The agent wrote all of it: the buckets go up, so the last is the largest.
        "ai_share_estimate": fields["ai_share_estimate"]["choices"][-1]["value"],
        "expertise": agent_rule["values"]["expertise"][0],
        "description": summary.ljust(fields["description"]["min_length"], "."),
    }
    if set(kinds) & set(rules["verification_required"]["kinds"]):
        disclosure["verification"] = "Each quoted figure was re-read in its source.".ljust(
            fields["verification"]["min_length"], "."
        )
    return disclosure


def test_an_agent_reading_only_the_422_publishes_on_its_second_request(author):
    body = "A summary of this week's thread on sleep research, with links to each paper."
    first = publish(author, body=body)
    assert first.status_code == 422

    second = publish(author, body=body, disclosure=agent_disclosure(
        first.json(), model="Claude Opus 4.6", summary="I summarised the thread."
    ))

    assert second.status_code == 201, second.json()
    assert second.json()["disclosure_summary"].startswith("Posted by an AI agent · AI: drafting")
    post = Post.objects.get()
    assert disclosure_for(post).autonomous and disclosure_for(post).expertise == "none"


def test_disclosure_put_refuses_with_the_same_fields_and_allowed_values(author, published_post):
    response = client_for(author).put(
        f"/api/ai-disclosure/v1/posts/{published_post.pk}/disclosure/",
        {"autonomous": True, "human_only": True}, format="json",
    )

    assert response.status_code == 422
    answer = response.json()
    assert "posted by an AI agent" in answer["errors"]["human_only"][0]
    assert [c["value"] for c in answer["fields"]["expertise"]["choices"]] == ["none"]


class ArticleSerializer(DisclosureGateSerializerMixin, serializers.Serializer):
    """A host serializer: another body field name, DRF's own exception handler."""

    body_field = "text"
    text = serializers.CharField()


class ArticleView(APIView):
    def post(self, request):
        incoming = ArticleSerializer(data=request.data, context={"request": request})
        incoming.is_valid(raise_exception=True)
        return Response(status=201)


def test_serializer_mixin_answers_the_same_422_under_drfs_default_exception_handler(author):
    request = APIRequestFactory().post("/articles/", {"text": "Mine."}, format="json")
    force_authenticate(request, author)
    view = ArticleView.as_view()

    with override_settings(REST_FRAMEWORK={}):  # the host's defaults, not the demo's handler
        response = view(request)

    assert response.status_code == 422
    assert response.data == publish(author, body="Mine.").json()
