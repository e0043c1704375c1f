"""Policies: compile-on-save with clear errors, versioning, backtests, the defaults, and
what a policy that fails on some posts leaves behind."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from ai_disclosure.services import content_for
from moderation import services
from moderation.forms import PolicyForm
from moderation.models import Policy, PolicyVersion, ReviewItem, Screening
from moderation.policies.context import EXAMPLE
from tests.factories import PostFactory, UserFactory

from .triage_factories import make_moderator

pytestmark = pytest.mark.django_db

VALID = {"name": "Research by newcomers", "action": "flag", "priority": 50,
         "reason": "New author, AI research.", "enabled": "", "mode": "active",
         "expression": '"research" in disclosure.assistance && author.approved_posts < 3'}


def test_default_policies_cover_the_design():
    names = set(Policy.objects.filter(enabled=True).values_list("name", flat=True))
    assert {"Chat-assistant leftovers", "Strong AI style on a human-only post",
            "AI research not expert-reviewed, new author", "Mostly AI-written, new author",
            "Estimate far below measured AI share",
            "Disclosure changed after publishing"} <= names
    assert PolicyVersion.objects.filter(version=1).count() == Policy.objects.count()


def test_expression_that_does_not_parse_is_refused_with_its_position():
    form = PolicyForm(data={**VALID, "expression": "disclosure.human_only &&& scores.ngram"})
    assert not form.is_valid()
    [message] = form.errors["expression"]
    assert "line 1, column 25" in message


def test_expression_with_an_unknown_name_is_refused_naming_it():
    form = PolicyForm(data={**VALID, "expression": "scores.chat_artefacts > 0.5"})
    assert not form.is_valid()
    assert "chat_artefacts" in form.errors["expression"][0]


def test_expression_that_is_not_true_or_false_is_refused():
    form = PolicyForm(data={**VALID, "expression": "content.length * 2"})
    assert not form.is_valid()
    assert "must be true or false" in form.errors["expression"][0]


def test_every_policy_change_is_versioned_through_the_admin(client):
    admin = UserFactory(username="root", is_staff=True, is_superuser=True)
    client.force_login(admin)
    add = client.post(reverse("admin:moderation_policy_add"), {
        **VALID, "versions-TOTAL_FORMS": 0, "versions-INITIAL_FORMS": 0})
    assert add.status_code == 302, add.content.decode()[:2000]
    policy = Policy.objects.get(name=VALID["name"])
    client.post(reverse("admin:moderation_policy_change", args=[policy.pk]), {
        **VALID, "priority": 80, "versions-TOTAL_FORMS": 1, "versions-INITIAL_FORMS": 1,
        "versions-0-id": policy.versions.get().pk, "versions-0-policy": policy.pk})
    policy.refresh_from_db()
    assert (policy.version, policy.priority) == (2, 80)
    assert list(policy.versions.values_list("version", "priority", "changed_by")) == [
        (2, 80, admin.pk), (1, 50, admin.pk)]


def test_bad_expression_in_the_admin_shows_the_error_and_saves_nothing(client):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    response = client.post(reverse("admin:moderation_policy_add"), {
        **VALID, "expression": "author.approved_posts <", "versions-TOTAL_FORMS": 0,
        "versions-INITIAL_FORMS": 0})
    assert response.status_code == 200
    assert "does not parse" in response.content.decode()
    assert not Policy.objects.filter(name=VALID["name"]).exists()


def _screened(context_overrides):
    post = PostFactory()
    context = json.loads(json.dumps(EXAMPLE))
    for section, values in context_overrides.items():
        context[section].update(values)
    Screening.objects.create(
        content=content_for(post), key=str(post.pk), content_hash="x", context=context
    )
    return post


def test_backtest_lists_the_recent_posts_a_draft_would_match():
    flagged = _screened({"disclosure": {"human_only": True}, "scores": {"chat_artifacts": 1.0}})
    _screened({"disclosure": {"human_only": True}})
    _screened({"scores": {"chat_artifacts": 1.0}})
    result = services.backtest(expression="disclosure.human_only && scores.chat_artifacts > 0.9")
    assert result.screened == 3
    assert result.matched_content_ids == [content_for(flagged).pk]


def test_backtest_command_prints_json_and_refuses_bad_expressions(capsys):
    post = _screened({"author": {"approved_posts": 0}})
    call_command("backtest_policy", "--expression", "author.approved_posts == 0", "--json")
    printed = json.loads(capsys.readouterr().out)
    assert printed["screened"] == 1 and printed["content_ids"] == [content_for(post).pk]
    with pytest.raises(CommandError, match="does not parse"):
        call_command("backtest_policy", "--expression", "author.approved_posts ==")


# --- versions: only real changes -----------------------------------------------------------

def _admin_change(client, policy, **changes):
    data = {"name": policy.name, "expression": policy.expression, "action": policy.action,
            "priority": policy.priority, "reason": policy.reason,
            "enabled": "on" if policy.enabled else "", "mode": policy.mode,
            "versions-TOTAL_FORMS": 0, "versions-INITIAL_FORMS": 0, **changes}
    response = client.post(reverse("admin:moderation_policy_change", args=[policy.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    policy.refresh_from_db()
    return policy


def test_saving_a_policy_unchanged_keeps_its_version(client):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    policy = Policy.objects.get(name="No disclosure")

    _admin_change(client, policy)
    services.save_policy(policy=policy, user=None)

    assert policy.version == 1
    assert list(policy.versions.values_list("version", flat=True)) == [1]


def test_a_rename_keeps_the_version_and_a_new_priority_makes_one(client):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    policy = Policy.objects.get(name="No disclosure")

    _admin_change(client, policy, name="Published without a disclosure")
    assert policy.version == 1
    _admin_change(client, policy, priority=35)
    assert (policy.version, policy.priority) == (2, 35)


def test_rescreening_after_an_unchanged_save_reopens_no_decided_item(client):
    moderator = make_moderator("morgan")
    posts = [PostFactory(body=f"Undisclosed post number {n}.") for n in range(3)]
    for post in posts:
        services.screen_content(content_id=content_for(post).pk)
    items = list(
        ReviewItem.objects.filter(content__in=[content_for(p) for p in posts]).order_by("pk")
    )
    assert len(items) == 3  # "No disclosure" flags each of them
    for item, decision in zip(items, ["approve", "delist", "reject"], strict=True):
        services.claim_item(item=item, moderator=moderator)
        services.resolve_item(item=item, moderator=moderator, decision=decision,
                              message="Decided.")
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    for policy in Policy.objects.all():
        _admin_change(client, policy)

    call_command("screen_posts", "--all", "--sync", stdout=StringIO())

    assert list(
        ReviewItem.objects.filter(content__in=[content_for(p) for p in posts])
        .order_by("pk")
        .values_list("status", flat=True)
    ) == ["approved", "delisted", "rejected"]


# --- a policy that fails on some posts -----------------------------------------------------

def test_a_policy_failing_on_a_post_is_recorded_and_the_others_still_fire(client):
    failing = services.save_policy(policy=Policy(
        name="First model", expression='disclosure.models[0] == "GPT-2"', reason="r",
        enabled=True), user=None)
    post = PostFactory(body="No disclosure at all.")

    stored = services.screen_content(content_id=content_for(post).pk)

    [error] = stored.policy_errors
    assert (error["policy"], error["version"], error["name"]) == (failing.pk, 1, "First model")
    assert "index" in error["message"].lower()
    assert "No disclosure" in [match["name"] for match in stored.matched]
    assert ReviewItem.objects.filter(content=content_for(post)).exists()


def test_the_dashboard_lists_failing_policies_with_their_error_and_count(client):
    services.save_policy(policy=Policy(
        name="First model", expression='disclosure.models[0] == "GPT-2"', reason="r",
        enabled=True), user=None)
    for n in range(2):
        services.screen_content(content_id=content_for(PostFactory(body=f"Undisclosed {n}.")).pk)
    client.force_login(make_moderator("morgan"))

    page = client.get(reverse("moderation:dashboard"))

    assert page.status_code == 200
    [failure] = page.context["data"].policy_failures
    assert (failure.name, failure.versions, failure.posts) == ("First model", [1], 2)
    html = page.content.decode()
    assert "Policies that failed" in html and failure.message.split(":")[0] in html


def test_backtest_counts_the_posts_an_expression_fails_on():
    _screened({"disclosure": {"models": []}})
    with_model = _screened({"disclosure": {"models": ["GPT-2"]}})

    result = services.backtest(expression='disclosure.models[0] == "GPT-2"')

    assert result.matched_content_ids == [content_for(with_model).pk]
    [(message, count)] = result.failures.items()
    assert count == 1 and "index" in message.lower()
