"""The moderation API: queue, items, claim/release/resolve and policies, through the services
the moderator pages use (same rules, same audit log)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ai_disclosure.services import content_for
from moderation.models import AuditEntry, Policy, PolicyVersion, ReviewItem, Screening
from tests.api.conftest import client_for, make_moderator
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db
MOD = "/api/moderation/v1"


def make_item(priority: int = 50, **fields) -> ReviewItem:
    post = PostFactory()
    return ReviewItem.objects.create(
        content=content_for(post), author=post.author, post_title=post.title, priority=priority,
        reasons=[{"name": "Chat leftovers", "reason": "Looks pasted.", "priority": priority}],
        **fields,
    )


def test_queue_pages_with_a_cursor_most_urgent_first(moderator):
    low, high, middle = make_item(10), make_item(90), make_item(50)
    client = client_for(moderator)

    first = client.get(f"{MOD}/queue/", {"limit": 2}).json()
    second = client.get(f"{MOD}/queue/", {"limit": 2, "after": first["next_cursor"]}).json()

    assert [row["id"] for row in first["results"]] == [high.pk, middle.pk]
    assert [row["id"] for row in second["results"]] == [low.pk]
    assert second["next_cursor"] is None
    assert first["results"][0]["reasons"] == ["Chat leftovers"]


def test_queue_costs_the_same_queries_for_any_page_length(moderator):
    client = client_for(moderator)
    make_item()
    client.get(f"{MOD}/queue/")  # warm the moderator's permission cache

    with CaptureQueriesContext(connection) as one_item:
        client.get(f"{MOD}/queue/")
    for priority in range(5):
        make_item(priority)
    with CaptureQueriesContext(connection) as six_items:
        assert len(client.get(f"{MOD}/queue/").json()["results"]) == 6

    assert len(six_items.captured_queries) == len(one_item.captured_queries)


def test_queue_filters_are_validated(moderator):
    response = client_for(moderator).get(f"{MOD}/queue/", {"score_min": "high", "sort": "x"})

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"sort"}


def test_item_detail_has_evidence_scores_and_the_caveat(moderator):
    item = make_item(evidence={"chat_artifacts": [{"start": 0, "end": 4, "reason": "phrase",
                                                   "weight": 0.9}]})
    Screening.objects.create(content=item.content, key="k", content_hash="h",
                             scores={"chat_artifacts": 0.9})

    detail = client_for(moderator).get(f"{MOD}/items/{item.pk}/").json()

    assert detail["scores"] == {"chat_artifacts": 0.9}
    assert detail["evidence"][0]["classifier"] == "chat_artifacts"
    assert "never a verdict" in detail["note"]
    assert detail["disclosure_summary"] == "No AI disclosure"


def test_second_moderator_claiming_gets_409_and_the_claim_is_audited(moderator):
    item = make_item()
    rival = make_moderator("rival")

    claimed = client_for(moderator).post(f"{MOD}/items/{item.pk}/claim/")
    conflict = client_for(rival).post(f"{MOD}/items/{item.pk}/claim/")

    assert claimed.status_code == 200 and claimed.json()["claimed_by"] == "mod"
    assert conflict.status_code == 409
    assert conflict.json()["code"] == "claim_conflict"
    assert "mod is reviewing this item" in conflict.json()["detail"]
    assert list(AuditEntry.objects.filter(item=item).values_list("action", flat=True)) == [
        "claimed"
    ]


def test_resolve_decides_once_then_conflicts(moderator):
    item = make_item()
    client = client_for(moderator)

    decided = client.post(f"{MOD}/items/{item.pk}/resolve/",
                          {"decision": "delist", "note": "Undisclosed AI."}, format="json")
    again = client.post(f"{MOD}/items/{item.pk}/resolve/", {"decision": "approve"},
                        format="json")

    assert decided.status_code == 200 and decided.json()["status"] == "delisted"
    assert decided.json()["audit"][-1]["decision"] == "delist"
    assert again.status_code == 409 and again.json()["code"] == "invalid_transition"


def test_resolve_refuses_unknown_decisions_and_templates(moderator):
    item = make_item()
    client = client_for(moderator)

    bad_decision = client.post(f"{MOD}/items/{item.pk}/resolve/", {"decision": "ban"},
                               format="json")
    bad_template = client.post(f"{MOD}/items/{item.pk}/resolve/",
                               {"decision": "reject", "template": 999}, format="json")

    assert bad_decision.status_code == 400 and "decision" in bad_decision.json()["errors"]
    assert bad_template.status_code == 400 and "template" in bad_template.json()["errors"]


def test_moderators_get_403_for_claiming_or_deciding_their_own_post(moderator):
    item = make_item()
    ReviewItem.objects.filter(pk=item.pk).update(author=moderator)
    client = client_for(moderator)

    claim = client.post(f"{MOD}/items/{item.pk}/claim/")
    resolve = client.post(f"{MOD}/items/{item.pk}/resolve/", {"decision": "approve"},
                          format="json")

    for response in (claim, resolve):
        assert response.status_code == 403
        assert "your own post" in response.json()["detail"]
    assert ReviewItem.objects.get(pk=item.pk).status == "open"
    assert not AuditEntry.objects.filter(item=item).exists()


def test_self_review_allowed_by_the_setting_is_marked_in_the_items_audit(moderator, settings):
    settings.AI_MODERATION_ALLOW_SELF_REVIEW = True
    item = make_item()
    ReviewItem.objects.filter(pk=item.pk).update(author=moderator)

    decided = client_for(moderator).post(f"{MOD}/items/{item.pk}/resolve/",
                                         {"decision": "approve"}, format="json")

    assert decided.status_code == 200 and decided.json()["status"] == "approved"
    assert AuditEntry.objects.get(item=item).data["self_review"] is True
    assert decided.json()["audit"][-1]["self_review"] is True


def test_a_reject_without_a_reason_is_a_400_naming_the_message(moderator):
    item = make_item()

    response = client_for(moderator).post(f"{MOD}/items/{item.pk}/resolve/",
                                          {"decision": "reject"}, format="json")

    assert response.status_code == 400
    assert "Tell the author why" in response.json()["errors"]["message"][0]


def test_admin_creates_a_versioned_policy_and_a_bad_expression_is_explained(admin_user):
    client = client_for(admin_user)
    policy = {"name": "Long", "expression": "content.length > 4000", "reason": "Long post."}

    created = client.post(f"{MOD}/policies/", policy, format="json")
    broken = client.post(f"{MOD}/policies/", {**policy, "name": "Broken",
                                              "expression": "content.lenght >"}, format="json")

    assert created.status_code == 201 and created.json()["enabled"] is False
    assert PolicyVersion.objects.filter(policy_id=created.json()["id"], version=1).exists()
    assert broken.status_code == 400
    assert "does not parse" in broken.json()["errors"]["expression"][0]


def test_backtest_reports_what_a_draft_expression_would_match(moderator):
    policy = Policy.objects.create(name="Any", expression="content.length > 0", reason="r")
    long_post, short_post = PostFactory(), PostFactory()
    Screening.objects.create(content=content_for(long_post), key="a", content_hash="a",
                             context={"content": {"length": 5000}})
    Screening.objects.create(content=content_for(short_post), key="b", content_hash="b",
                             context={"content": {"length": 100}})

    result = client_for(moderator).post(
        f"{MOD}/policies/{policy.pk}/backtest/", {"expression": "content.length > 1000"},
        format="json",
    ).json()

    assert result["screened"] == 2
    assert result["matched_content_ids"] == [content_for(long_post).pk]
