"""Abusive input gets a clear 4xx, never a 500: deep JSON, odd ids."""

import pytest

from ai_disclosure.api.base import json_depth
from tests.moderation.triage_factories import make_item

DEEP = "[" * 3000 + "]" * 3000


@pytest.mark.parametrize(
    "method, url",
    [
        ("post", "/api/ai-disclosure/v1/preview/"),
        ("post", "/api/ai-disclosure/v1/check/"),
        ("put", "/api/ai-disclosure/v1/posts/{post}/disclosure/"),
        ("post", "/api/forum/v1/posts/"),
        ("post", "/api/moderation/v1/items/{item}/resolve/"),
        ("post", "/api/moderation/v1/policies/"),
    ],
)
def test_json_nested_3000_deep_is_refused_with_a_400_naming_the_limit(
    api, moderator, admin_user, published_post, method, url
):
    item = make_item(author=published_post.author)
    caller = {"disclosure": published_post.author, "policies": admin_user}
    client = api(next((u for part, u in caller.items() if part in url), moderator))

    response = getattr(client, method)(
        url.format(post=published_post.pk, item=item.pk), DEEP, content_type="application/json"
    )

    assert response.status_code == 400
    assert "nested deeper than 32 levels" in response.json()["detail"]


def test_json_within_the_depth_limit_is_parsed(api, author):
    body = {"body": "text", "extra": [[[["deep but allowed"]]]]}

    response = api(author).post("/api/ai-disclosure/v1/preview/", body, format="json")

    assert response.status_code == 400
    assert "extra" in response.json()["errors"]  # refused as an unknown field, not for depth


@pytest.mark.parametrize(
    "text, depth",
    [
        ("{}", 1),
        ('{"a": [1, {"b": []}]}', 4),
        ('{"a": "[[[[{{{{"}', 1),  # brackets inside strings do not count
        ('["\\"[[[", [[]]]', 3),  # nor after an escaped quote
        ('"[[[[', 0),  # an unterminated string runs to the end
        ("", 0),
    ],
)
def test_json_depth_counts_only_brackets_outside_strings(text, depth):
    assert json_depth(text) == depth


@pytest.mark.parametrize("odd_id", ["1%20", "%20" + "1", "%D9%A3", "+1", "1.0", "0x1"])
def test_ids_must_be_plain_ascii_digits(api, moderator, published_post, odd_id):
    make_item(author=published_post.author)
    client = api(moderator)

    item = client.get(f"/api/moderation/v1/items/{odd_id}/")
    disclosure = client.get(f"/api/ai-disclosure/v1/posts/{odd_id}/disclosure/")

    assert (item.status_code, disclosure.status_code) == (404, 404)
    assert item.json()["code"] == "not_found"
