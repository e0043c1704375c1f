"""The OpenAPI 3 document and the Swagger UI, served without any CDN."""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


def test_document_is_valid_openapi_without_generator_warnings(tmp_path):
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", tmp_path / "api.yaml")


def test_document_lists_every_endpoint_with_its_errors_and_who_may_call_it():
    document = APIClient().get("/api/schema/?format=json").json()

    assert document["openapi"].startswith("3.")
    paths = document["paths"]
    put = paths["/api/ai-disclosure/v1/posts/{post_id}/disclosure/"]["put"]
    assert set(put["responses"]) == {"200", "201", "400", "401", "403", "404", "422"}
    assert put["responses"]["422"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Refusal"
    }
    refusal = document["components"]["schemas"]["Refusal"]["properties"]
    assert {"detail", "code", "errors", "fields", "rules", "policy_url", "schema_url"} <= set(
        refusal
    )
    create = paths["/api/forum/v1/posts/"]["post"]
    assert create["responses"]["422"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Refusal"
    }
    assert "**Who may call:** The post's author" in put["description"]
    claim = paths["/api/moderation/v1/items/{item_id}/claim/"]["post"]
    assert "409" in claim["responses"]
    assert "429" in paths["/api/ai-disclosure/v1/check/"]["post"]["responses"]
    write = document["components"]["schemas"]["DisclosureWriteRequest"]
    assert write["additionalProperties"] is False
    assert {"tokenAuth", "cookieAuth"} <= set(document["components"]["securitySchemes"])


def test_every_path_parameter_is_in_its_route_and_every_route_placeholder_is_documented():
    # A parameter the route does not have is one a client (or a fuzzer) sends for nothing:
    # the legacy posts/<id>/ routes must not inherit the content routes' kind and object_id.
    document = APIClient().get("/api/schema/?format=json").json()

    for path, operations in document["paths"].items():
        placeholders = set(re.findall(r"\{(\w+)\}", path))
        for method, operation in operations.items():
            documented = {parameter["name"] for parameter in operation.get("parameters", [])
                          if parameter["in"] == "path"}
            assert documented == placeholders, (method, path)


def test_swagger_ui_serves_its_assets_locally():
    page = APIClient().get("/api/docs/")

    assert page.status_code == 200
    html = page.content.decode()
    assert "drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower()


def test_recorder_endpoints_are_documented_as_the_authors_alone_with_their_conflicts():
    paths = APIClient().get("/api/schema/?format=json").json()["paths"]

    record = paths["/api/ai-disclosure/v1/posts/{post_id}/suggestions/"]["post"]
    accept = paths[
        "/api/ai-disclosure/v1/posts/{post_id}/suggestions/{suggestion_id}/accept/"
    ]["post"]

    assert "**Who may call:** The post's author only" in record["description"]
    assert {"201", "400", "409"} <= set(record["responses"])
    assert "passage_not_found" in accept["responses"]["409"]["description"]
