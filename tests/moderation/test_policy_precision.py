"""Precision as moderators judge it: per policy version, and against a policy's target."""

from datetime import timedelta

import pytest
from django.core.checks import run_checks
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from moderation import selectors, services
from moderation.models import Policy, PolicyMode, ReviewItem, ReviewStatus
from tests.api.conftest import client_for

from .triage_factories import make_item, make_moderator

pytestmark = pytest.mark.django_db

MOD = "/api/moderation/v1"
#: The dashboard's queries: flags per day, the score histogram, the policies' counts, three
#: status counts, decided, screened, failures, appeals, escalations (11); precision per
#: version (2), warnings (2) and shadow agreement (3).
DASHBOARD_QUERIES = 18
DELISTED, REJECTED, APPROVED, OPEN = (ReviewStatus.DELISTED, ReviewStatus.REJECTED,
                                      ReviewStatus.APPROVED, ReviewStatus.OPEN)


def policy(name: str = "Long posts", target: float | None = None) -> Policy:
    return services.save_policy(policy=Policy(
        name=name, expression="content.length > 4000", reason="Long.", enabled=True,
        target_precision=target), user=None)


def flagged(by: Policy, *statuses: str) -> None:
    """Items the policy (as it is now) flagged, decided one after the other, the last newest."""
    start = timezone.now() - timedelta(hours=len(statuses))
    for offset, status in enumerate(statuses):
        item = make_item(policies=[by], status=status)
        if status != OPEN:
            ReviewItem.objects.filter(pk=item.pk).update(
                resolved_at=start + timedelta(hours=offset))


def new_version(of: Policy) -> Policy:
    of.expression = f"content.length > {4000 + of.version}"
    return services.save_policy(policy=of, user=None)


def test_precision_is_counted_per_policy_version():
    # given version 1: two upheld, one approved, one waiting; version 2: one of two upheld
    long_posts = policy()
    flagged(long_posts, DELISTED, REJECTED, APPROVED, OPEN)
    flagged(new_version(long_posts), DELISTED, APPROVED)

    versions = selectors.precision_by_version(since=timezone.now() - timedelta(days=1))

    assert [(v.version, v.flagged, v.decided, v.upheld) for v in versions] == [
        (2, 2, 2, 1), (1, 4, 3, 2)]
    assert [round(v.precision, 3) for v in versions] == [0.5, 0.667]


@pytest.mark.parametrize("versions", [1, 3])
def test_precision_per_version_takes_two_queries_however_many_versions(
    versions, django_assert_num_queries
):
    long_posts = policy()
    for _ in range(versions):
        flagged(long_posts, DELISTED, APPROVED)
        long_posts = new_version(long_posts)

    with django_assert_num_queries(2):  # policy names, flagged items
        found = selectors.precision_by_version(since=timezone.now() - timedelta(days=1))

    assert len(found) == versions


def test_the_dashboard_warns_when_recent_precision_falls_below_the_target(client, settings):
    # given the last 4 decisions count; "Long posts" aims at 75% but its last four decided
    # items were half approved (after four upheld); "Short posts" aims at 50% and made it
    settings.AI_MODERATION_PRECISION_RECENT_DECISIONS = 4
    long_posts, short_posts = policy(target=0.75), policy("Short posts", target=0.5)
    flagged(long_posts, DELISTED, DELISTED, DELISTED, DELISTED,
            DELISTED, APPROVED, REJECTED, APPROVED)
    flagged(short_posts, APPROVED, DELISTED, DELISTED, REJECTED)
    client.force_login(make_moderator())

    page = client.get(reverse("moderation:dashboard"))

    [warning] = page.context["data"].precision_warnings
    assert (warning.name, warning.precision, warning.decisions) == ("Long posts", 0.5, 4)
    html = page.content.decode()
    assert f'data-precision-warning="{long_posts.pk}"' in html
    assert "Of its last 4 decided items, 50% were upheld; the target is 75%." in html
    assert f'data-precision-warning="{short_posts.pk}"' not in html


def test_no_warning_at_or_above_the_target_or_without_one(settings):
    settings.AI_MODERATION_PRECISION_RECENT_DECISIONS = 2
    flagged(policy(target=0.5), APPROVED, DELISTED)
    flagged(policy("No target"), APPROVED, APPROVED)
    assert selectors.precision_warnings() == []


def test_precision_warnings_take_two_queries(settings, django_assert_num_queries):
    settings.AI_MODERATION_PRECISION_RECENT_DECISIONS = 3
    for n in range(3):
        flagged(policy(f"Policy {n}", target=0.9), APPROVED, APPROVED, DELISTED, APPROVED)
    with django_assert_num_queries(2):  # the targets, the recent decisions of all policies
        warnings = selectors.precision_warnings()
    assert [round(w.precision, 3) for w in warnings] == [0.333] * 3


@pytest.mark.parametrize("policies", [1, 3])
def test_the_dashboard_takes_the_same_queries_however_many_policies_and_items(
    policies, django_assert_num_queries
):
    for n in range(policies):
        flagged(policy(f"Policy {n}", target=0.9), APPROVED, DELISTED, OPEN)
        shadow = policy(f"Shadow {n}")
        shadow.mode = PolicyMode.SHADOW
        services.save_policy(policy=shadow, user=None)
    with django_assert_num_queries(DASHBOARD_QUERIES):
        selectors.dashboard(days=30)


def test_target_precision_must_be_between_0_and_1():
    long_posts = Policy(name="Long", expression="true", reason="r", target_precision=1.5)
    with pytest.raises(ValidationError, match="target_precision"):
        long_posts.full_clean()
    with pytest.raises(IntegrityError):
        Policy.objects.create(name="Long", expression="true", reason="r", target_precision=-0.1)


def test_the_api_takes_a_target_precision_and_a_mode_and_refuses_bad_ones(admin_user):
    client = client_for(admin_user)
    body = {"name": "Long", "expression": "content.length > 4000", "reason": "Long post."}

    created = client.post(f"{MOD}/policies/", {**body, "target_precision": 0.8,
                                               "mode": "shadow"}, format="json")
    too_high = client.post(f"{MOD}/policies/", {**body, "name": "B", "target_precision": 1.5},
                           format="json")
    text = client.post(f"{MOD}/policies/", {**body, "name": "C", "target_precision": "0.5"},
                       format="json")
    mode = client.post(f"{MOD}/policies/", {**body, "name": "D", "mode": "dry-run"},
                       format="json")

    assert created.status_code == 201, created.json()
    assert (created.json()["target_precision"], created.json()["mode"]) == (0.8, "shadow")
    assert [r.status_code for r in (too_high, text, mode)] == [400, 400, 400]
    assert "target_precision" in too_high.json()["errors"]
    assert "mode" in mode.json()["errors"]


@pytest.mark.parametrize("value", [0, "20", 2.5])
def test_a_recent_decisions_setting_that_is_not_a_positive_count_fails_the_checks(
    settings, value
):
    settings.AI_MODERATION_PRECISION_RECENT_DECISIONS = value
    assert "moderation.E020" in [message.id for message in run_checks()]
    settings.AI_MODERATION_PRECISION_RECENT_DECISIONS = 5
    assert "moderation.E020" not in [message.id for message in run_checks()]
