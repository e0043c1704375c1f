"""Who may call what: every endpoint × {anonymous, other author, author, moderator, admin}.

One table is the whole specification; the test cases are generated from it. "author" wrote
the posts; "other" is another logged-in user; the moderator triages (``moderation.moderate``)
and reads disclosures (``ai_disclosure.view_disclosure``); the admin is a superuser.
404 for "other" on a draft is deliberate: nobody learns that someone else's draft exists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import pytest
from drf_spectacular.generators import SchemaGenerator

from ai_disclosure import services
from ai_disclosure.rules import DisclosureData
from ai_disclosure.services import content_for
from ai_disclosure.suggestions import record_suggestion
from moderation.models import Policy, ReviewItem
from moderation.services import claim_item, save_policy
from tests.api.conftest import AI_BODY, AI_DISCLOSURE, client_for
from tests.factories import CommentFactory, PostFactory

ROLES = ("anonymous", "other", "author", "moderator", "admin")


@dataclass(frozen=True)
class Call:
    method: str
    url: str  # {published}, {draft}, {missing}, {item}, {claimed}, {policy}, {invitation}…
    payload: Any = field(default=None, hash=False)

    def __str__(self) -> str:
        return f"{self.method} {self.url}"


V1 = "/api/ai-disclosure/v1"
HUMAN_ONLY = {"human_only": True}
CHECK = {"body": "My own words.", "disclosure": HUMAN_ONLY}
NEW_POST = {"title": "Hello", "body": "My own words.", "disclosure": HUMAN_ONLY}
#: The compact form's disclosure, for a comment.
COMPACT = {"assistance": ["translation"], "description": "DeepL translated my comment."}
MOD = "/api/moderation/v1"
SUGGESTION = {"kind": "research", "model": "GPT-5", "tool": "Source finder"}
NEW_POLICY = {
    "name": "Long posts",
    "expression": "content.length > 4000",
    "reason": "Long posts deserve a second look.",
}
REPORT = {"reason": "Reads like a chat assistant's answer."}

#: endpoint → expected status for (anonymous, other, author, moderator, admin)
MATRIX: dict[Call, tuple[int, int, int, int, int]] = {
    Call("GET", f"{V1}/schema/"): (200, 200, 200, 200, 200),
    Call("POST", f"{V1}/preview/", {"body": "# Hi"}): (401, 200, 200, 200, 200),
    Call("POST", f"{V1}/check/", CHECK): (401, 200, 200, 200, 200),
    Call("GET", f"{V1}/posts/{{published}}/disclosure/"): (401, 403, 200, 200, 200),
    Call("PUT", f"{V1}/posts/{{published}}/disclosure/", AI_DISCLOSURE): (401, 403, 200, 403, 403),
    Call("GET", f"{V1}/posts/{{draft}}/disclosure/"): (401, 404, 200, 200, 200),
    Call("PUT", f"{V1}/posts/{{draft}}/disclosure/", HUMAN_ONLY): (401, 404, 200, 403, 403),
    Call("GET", f"{V1}/posts/{{missing}}/disclosure/"): (401, 404, 404, 404, 404),
    Call("PUT", f"{V1}/posts/{{missing}}/disclosure/", HUMAN_ONLY): (401, 404, 404, 404, 404),
    Call("GET", f"{V1}/posts/{{published}}/disclosure/revisions/"): (401, 403, 200, 200, 200),
    Call("GET", f"{V1}/posts/{{draft}}/disclosure/revisions/"): (401, 404, 200, 200, 200),
    Call("GET", f"{V1}/posts/{{published}}/provenance/"): (200, 200, 200, 200, 200),
    Call("GET", f"{V1}/posts/{{draft}}/provenance/"): (404, 404, 200, 200, 200),
    Call("GET", f"{V1}/posts/{{missing}}/provenance/"): (404, 404, 404, 404, 404),
    # The recorder API: the author's alone (a tool acts with the author's token); moderators
    # read suggestions in the item detail instead.
    Call("GET", f"{V1}/posts/{{published}}/suggestions/"): (401, 403, 200, 403, 403),
    Call("GET", f"{V1}/posts/{{draft}}/suggestions/"): (401, 404, 200, 403, 403),
    Call("GET", f"{V1}/posts/{{missing}}/suggestions/"): (401, 404, 404, 404, 404),
    Call("POST", f"{V1}/posts/{{published}}/suggestions/", SUGGESTION):
        (401, 403, 201, 403, 403),
    Call("POST", f"{V1}/posts/{{draft}}/suggestions/", SUGGESTION): (401, 404, 201, 403, 403),
    Call("POST", f"{V1}/posts/{{published}}/suggestions/{{suggestion}}/accept/", {}):
        (401, 403, 200, 403, 403),
    Call("POST", f"{V1}/posts/{{draft}}/suggestions/{{draft_suggestion}}/accept/", {}):
        (401, 404, 200, 403, 403),
    Call("POST", f"{V1}/posts/{{published}}/suggestions/{{suggestion}}/dismiss/"):
        (401, 403, 200, 403, 403),
    Call("POST", f"{V1}/posts/{{published}}/suggestions/{{draft_suggestion}}/dismiss/"):
        (401, 403, 404, 403, 403),
    Call("GET", f"{V1}/content/comment/{{comment}}/disclosure/"): (401, 403, 200, 200, 200),
    Call("PUT", f"{V1}/content/comment/{{comment}}/disclosure/", COMPACT):
        (401, 403, 200, 403, 403),
    Call("GET", f"{V1}/content/comment/{{comment}}/disclosure/revisions/"):
        (401, 403, 200, 200, 200),
    Call("GET", f"{V1}/content/comment/{{comment}}/provenance/"): (200, 200, 200, 200, 200),
    Call("GET", f"{V1}/content/nope/{{comment}}/provenance/"): (404, 404, 404, 404, 404),
    Call("POST", "/api/forum/v1/posts/", NEW_POST): (401, 201, 201, 201, 201),
    Call("PUT", "/api/forum/v1/posts/{published}/", NEW_POST): (401, 403, 200, 403, 403),
    Call("PUT", "/api/forum/v1/posts/{missing}/", NEW_POST): (401, 404, 404, 404, 404),
    # {invitation}: the author named "other" as the expert who reviewed a post
    Call("GET", f"{V1}/cosignatures/"): (401, 200, 200, 200, 200),
    Call("POST", f"{V1}/cosignatures/{{invitation}}/confirm/", {"note": "I checked the maths."}):
        (401, 200, 404, 404, 404),
    Call("POST", f"{V1}/cosignatures/{{invitation}}/decline/", {}): (401, 200, 404, 404, 404),
    Call("POST", f"{V1}/cosignatures/{{missing}}/confirm/", {}): (401, 404, 404, 404, 404),
    Call("GET", "/api/schema/"): (200, 200, 200, 200, 200),
    Call("GET", f"{MOD}/queue/"): (401, 403, 403, 200, 200),
    Call("GET", f"{MOD}/items/{{item}}/"): (401, 403, 403, 200, 200),
    Call("GET", f"{MOD}/items/{{missing}}/"): (401, 403, 403, 404, 404),
    Call("POST", f"{MOD}/items/{{item}}/claim/"): (401, 403, 403, 200, 200),
    Call("POST", f"{MOD}/items/{{claimed}}/claim/"): (401, 403, 403, 200, 200),
    Call("POST", f"{MOD}/items/{{claimed}}/release/"): (401, 403, 403, 200, 200),
    Call("POST", f"{MOD}/items/{{item}}/release/"): (401, 403, 403, 409, 409),
    Call("POST", f"{MOD}/items/{{item}}/resolve/", {"decision": "approve"}):
        (401, 403, 403, 200, 200),
    Call("GET", f"{MOD}/policies/"): (401, 403, 403, 200, 200),
    Call("POST", f"{MOD}/policies/", NEW_POLICY): (401, 403, 403, 403, 201),
    Call("POST", f"{MOD}/policies/{{policy}}/backtest/", {}): (401, 403, 403, 200, 200),
    Call("POST", f"{MOD}/posts/{{published}}/reports/", REPORT): (401, 201, 403, 201, 201),
    Call("POST", f"{MOD}/posts/{{draft}}/reports/", REPORT): (401, 404, 403, 404, 404),
    Call("POST", f"{MOD}/posts/{{missing}}/reports/", REPORT): (401, 404, 404, 404, 404),
    Call("GET", f"{MOD}/reports/"): (401, 200, 200, 200, 200),
}


@pytest.fixture
def callers(author, other_author, moderator, admin_user) -> dict[str, Any]:
    return {
        "anonymous": None,
        "other": other_author,
        "author": author,
        "moderator": moderator,
        "admin": admin_user,
    }


@pytest.mark.parametrize(
    ("call", "role", "expected"),
    [
        pytest.param(call, role, statuses[index], id=f"{call}-{role}")
        for call, statuses in MATRIX.items()
        for index, role in enumerate(ROLES)
    ],
)
def test_permission_matrix(call, role, expected, callers, published_post, draft_post):
    caller = callers[role]
    item = ReviewItem.objects.create(
        content=content_for(published_post), author=published_post.author,
        post_title=published_post.title,
    )
    comment = CommentFactory(post=published_post, author=published_post.author)
    services.save_disclosure(content=comment, user=comment.author, data=DisclosureData(
        human_only=True))
    # {claimed}: held by the caller when the caller moderates (so release works for them)
    holder = caller if role in ("moderator", "admin") else callers["moderator"]
    claimed = claim_item(
        item=ReviewItem.objects.create(content=content_for(draft_post), author=draft_post.author),
        moderator=holder,
    )
    policy = save_policy(
        policy=Policy(name="Chat leftovers", expression="scores.chat_artifacts > 0.5",
                      reason="Looks pasted from a chat."),
        user=None,
    )
    reviewed = PostFactory(author=published_post.author, body=AI_BODY)
    invitation = services.save_disclosure(
        content=reviewed, user=reviewed.author,
        data=DisclosureData(**{**AI_DISCLOSURE, "assistance": {"drafting"}, "expertise": "other",
                               "reviewer": callers["other"].username}),
    ).cosignature
    suggestion, draft_suggestion = (
        record_suggestion(post=post, user=post.author, kind="research", model="GPT-5")
        for post in (published_post, draft_post)
    )
    url = call.url.format(
        published=published_post.pk, draft=draft_post.pk, missing=987654, comment=comment.pk,
        item=item.pk, claimed=claimed.pk, policy=policy.pk, invitation=invitation.pk,
        suggestion=suggestion.pk, draft_suggestion=draft_suggestion.pk,
    )

    response = getattr(client_for(caller), call.method.lower())(
        url, call.payload, format="json"
    )

    assert response.status_code == expected, response.content[:500]
    if expected >= 400:
        assert set(response.json()) == {"detail", "code", "errors"}


def test_every_api_operation_is_in_the_matrix():
    document = SchemaGenerator().get_schema(request=None, public=True)
    documented = {
        (method.upper(), path)
        for path, item in document["paths"].items()
        for method in item
    }
    covered = set()
    for call in MATRIX:
        template = re.sub(r"posts/\{(published|draft|missing)\}/", "posts/{post_id}/", call.url)
        template = re.sub(r"content/\w+/\{comment\}/", "content/{kind}/{object_id}/", template)
        template = re.sub(r"items/\{\w+\}", "items/{item_id}", template)
        template = template.replace("{policy}", "{policy_id}")
        template = re.sub(r"cosignatures/\{\w+\}", "cosignatures/{cosignature_id}", template)
        template = re.sub(r"suggestions/\{\w+\}", "suggestions/{suggestion_id}", template)
        covered.add((call.method, template))
    assert documented <= covered, documented - covered
