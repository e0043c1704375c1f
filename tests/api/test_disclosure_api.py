"""The editor API: form schema, preview, check, disclosure GET/PUT and revisions."""

from __future__ import annotations

import pytest
from django.test import override_settings
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from ai_disclosure.models import FORM_VERSION, AIBlockType, DisclosureRevision, FormWording
from ai_disclosure.services import content_for
from tests.api.conftest import AI_BODY, AI_DISCLOSURE, client_for
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db
V1 = "/api/ai-disclosure/v1"


def test_form_schema_describes_fields_kinds_block_syntax_rules_and_version(author):
    FormWording.objects.create(pk=1, human_only_label="Written by me, no AI at all")

    schema = APIClient().get(f"{V1}/schema/").json()

    assert schema["form_version"] == FORM_VERSION
    fields = {field["name"]: field for field in schema["fields"]}
    assert fields["human_only"]["label"] == "Written by me, no AI at all"
    assert fields["assistance"]["kind"] == "multiple_choice"
    assert [c["value"] for c in fields["assistance"]["choices"]][:2] == ["drafting", "editing"]
    assert fields["description"]["min_length"] == 40
    assert "Claude Opus 4.6" in fields["models_used"]["suggestions"]
    assert fields["description"]["help_text"]
    written = next(b for b in schema["block_types"] if b["slug"] == "ai-written")
    assert written["opening"] == ':::ai-written{model="…"}' and written["closing"] == ":::"
    assert written["implies_assistance"] == "drafting"
    assert "llm-output" in schema["block_syntax"]["alternative"]
    verification = next(r for r in schema["rules"] if r["id"] == "verification_required")
    assert set(verification["kinds"]) == {"drafting", "research", "analysis"}
    assert schema["limits"]["max_body_bytes"] == 200_000
    assert fields["autonomous"]["kind"] == "boolean"
    assert schema["policy_url"] == "/ai-policy/"  # the demo's AI_DISCLOSURE_POLICY_URL


def test_preview_returns_sanitized_html_blocks_share_and_warnings_with_lines(author):
    body = "Mine <script>alert(1)</script>\n\n:::ai-written{model=\"GPT-5\"}\nThe AI's text.\n"

    response = client_for(author).post(f"{V1}/preview/", {"body": body}, format="json")

    result = response.json()
    assert response.status_code == 200
    assert "<script" not in result["html"]
    assert 'data-model="GPT-5"' in result["html"]
    assert result["blocks"] == [{"type": "ai-written", "model": "GPT-5", "note": "",
                                 "start_line": 3, "end_line": 5, "text_length": 12}]
    assert 0 < result["ai_share"] < 1
    assert result["warnings"][0]["line"] == 3
    assert "never closed" in result["warnings"][0]["message"]


@override_settings(AI_DISCLOSURE_MAX_BODY_BYTES=100)
def test_oversize_body_is_refused_with_413_giving_both_sizes(author):
    response = client_for(author).post(f"{V1}/preview/", {"body": "x" * 150}, format="json")

    assert response.status_code == 413
    assert response.json()["code"] == "too_large"
    assert "150\xa0bytes" in response.json()["errors"]["body"][0]
    assert "100\xa0bytes" in response.json()["detail"]


def test_check_reports_rule_errors_and_nudges_without_blocking_the_draft(author):
    disclosure = {**AI_DISCLOSURE, "models_used": ["GPT-5"], "ai_share_estimate": "gt90",
                  "assistance": ["editing"]}

    response = client_for(author).post(
        f"{V1}/check/", {"body": AI_BODY, "disclosure": disclosure}, format="json"
    )

    result = response.json()
    assert response.status_code == 200
    assert result["valid"] is False
    assert "tick “Drafting” too" in result["errors"]["assistance"][0]
    nudged = {nudge["field"]: nudge["message"] for nudge in result["nudges"]}
    assert set(nudged) == {"models_used", "ai_share_estimate", ""}
    # a new author's mostly-AI post: the default policies will have a moderator look at it
    assert nudged[""] == ("Posts like this by new authors are reviewed by a moderator after "
                          "they appear.")
    assert result["suggested_assistance"] == ["drafting"]
    assert result["suggested_models"] == ["Claude Opus 4.6"]


def test_check_of_a_complete_disclosure_is_valid(author):
    response = client_for(author).post(
        f"{V1}/check/", {"body": AI_BODY, "disclosure": AI_DISCLOSURE}, format="json"
    )

    assert response.json()["valid"] is True
    assert response.json()["errors"] == {}


def test_check_is_throttled_per_user(author, other_author, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"ai_disclosure_check": "2/minute"}
    }
    payload = {"body": "Mine.", "disclosure": {"human_only": True}}
    client = client_for(author)

    statuses = [client.post(f"{V1}/check/", payload, format="json").status_code
                for _ in range(3)]

    assert statuses == [200, 200, 429]
    refused = client.post(f"{V1}/check/", payload, format="json")
    assert refused.json()["code"] == "throttled"
    assert int(refused.headers["Retry-After"]) > 0
    # another user has their own allowance
    assert client_for(other_author).post(
        f"{V1}/check/", payload, format="json"
    ).status_code == 200


def test_unknown_fields_are_refused_naming_them(author):
    response = client_for(author).post(
        f"{V1}/check/",
        {"body": "x", "disclosure": {"human_onyl": True}, "draft": 1},
        format="json",
    )

    assert response.status_code == 400
    errors = response.json()["errors"]
    assert set(errors) == {"draft"}  # the outer level is checked first
    assert "Unknown field “draft”" in errors["draft"][0]
    response = client_for(author).post(
        f"{V1}/check/", {"body": "x", "disclosure": {"human_onyl": True}}, format="json"
    )
    assert "Unknown field “human_onyl”" in response.json()["errors"]["disclosure.human_onyl"][0]


def test_wrong_types_are_refused_field_by_field(author, published_post):
    response = client_for(author).put(
        f"{V1}/posts/{published_post.pk}/disclosure/",
        {"human_only": "yes", "models_used": ["ok", 7], "expertise": "maybe"},
        format="json",
    )

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"human_only", "models_used.1", "expertise"}


def test_malformed_json_and_unknown_ids_get_json_errors(author):
    client = client_for(author)

    malformed = client.post(f"{V1}/preview/", "{nope", content_type="application/json")
    huge_id = client.get(f"{V1}/posts/{10**30}/disclosure/")
    not_a_number = client.get(f"{V1}/posts/abc/disclosure/")

    assert malformed.status_code == 400 and malformed.json()["code"] == "parse_error"
    assert huge_id.status_code == 404 and huge_id.json()["code"] == "not_found"
    assert not_a_number.status_code == 404


def test_author_saves_the_disclosure_and_each_save_appends_a_revision(author, published_post):
    client = client_for(author)
    url = f"{V1}/posts/{published_post.pk}/disclosure/"
    changed = {**AI_DISCLOSURE, "models_used": ["Claude Opus 4.6", "DeepL"]}

    response = client.put(url, changed, format="json")

    assert response.status_code == 200
    assert response.json()["revision"] == 2
    assert response.json()["summary"] == (
        "AI: drafting · Claude Opus 4.6, DeepL · expert-reviewed by the author"
    )
    revisions = client.get(f"{url}revisions/").json()
    assert [r["number"] for r in revisions] == [1, 2]
    assert revisions[1]["changes"] == {
        "models_used": [["Claude Opus 4.6"], ["Claude Opus 4.6", "DeepL"]]
    }
    assert revisions[1]["changed_by"] == "author"


def test_first_disclosure_of_a_post_is_created_with_201(author):
    post = PostFactory(author=author)

    client = client_for(author)
    assert client.get(f"{V1}/posts/{post.pk}/disclosure/").status_code == 404
    response = client.put(f"{V1}/posts/{post.pk}/disclosure/", {"human_only": True},
                          format="json")
    assert response.status_code == 201
    assert client.get(f"{V1}/posts/{post.pk}/disclosure/").json()["human_only"] is True


def test_contradictory_disclosure_is_refused_with_422_listing_each_field(
    author, published_post
):
    response = client_for(author).put(
        f"{V1}/posts/{published_post.pk}/disclosure/",
        {"human_only": True, "description": "The AI wrote the checklist."},
        format="json",
    )

    body = response.json()
    assert response.status_code == 422
    assert body["code"] == "disclosure_incomplete"
    assert len(body["errors"]["human_only"]) == 2  # details given + AI blocks in the body
    assert "ai-written on line 3" in body["errors"]["human_only"][1]
    assert (
        DisclosureRevision.objects.filter(disclosure__content=content_for(published_post)).count()
        == 1
    )


def test_token_authentication_works_and_missing_credentials_get_401(author):
    token = Token.objects.create(user=author)
    client = APIClient()

    anonymous = client.post(f"{V1}/preview/", {"body": "hi"}, format="json")
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    authenticated = client.post(f"{V1}/preview/", {"body": "hi"}, format="json")

    assert anonymous.status_code == 401
    assert anonymous.headers["WWW-Authenticate"] == "Token"
    assert authenticated.status_code == 200


def test_session_clients_need_the_csrf_token(author):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(author)

    response = client.post(f"{V1}/preview/", {"body": "hi"}, format="json")

    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]


def test_saving_a_disclosure_takes_a_fixed_small_number_of_queries(
    published_post, author, django_assert_num_queries
):
    client = APIClient(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=author).key}")
    url = f"{V1}/posts/{published_post.pk}/disclosure/"
    client.put(url, AI_DISCLOSURE, format="json")  # the render and the vocabulary are stored
    edited = {**AI_DISCLOSURE, "description": AI_DISCLOSURE["description"] + " Checked twice."}

    # token + user, post, its content row, stored render, lock the content row, disclosure,
    # last revision, update, insert the revision (and a savepoint and its release, as the
    # test runs in a transaction)
    with django_assert_num_queries(11):
        response = client.put(url, edited, format="json")

    assert response.status_code == 200
    assert response.json()["revision"] == 3
    assert response.json()["summary"] == (
        "AI: drafting · Claude Opus 4.6 · expert-reviewed by the author"
    )


def test_preview_reads_no_block_types_from_the_database(author, django_assert_num_queries):
    client = client_for(author)
    client.post(f"{V1}/preview/", {"body": "warm-up"}, format="json")

    with django_assert_num_queries(0):
        response = client.post(
            f"{V1}/preview/", {"body": ":::ai-edited\nPolished.\n:::"}, format="json"
        )

    assert response.json()["blocks"][0]["type"] == "ai-edited"


def test_a_block_type_added_in_the_admin_is_used_by_the_next_preview(author):
    client = client_for(author)
    client.post(f"{V1}/preview/", {"body": "warm-up"}, format="json")
    AIBlockType.objects.create(slug="ai-summarised", label="AI summary")

    response = client.post(
        f"{V1}/preview/", {"body": ":::ai-summarised\nShort.\n:::"}, format="json"
    )

    assert [block["type"] for block in response.json()["blocks"]] == ["ai-summarised"]
