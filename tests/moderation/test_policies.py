"""Policies: compile-on-save with clear errors, versioning, backtests, the defaults."""

import json

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from moderation import services
from moderation.forms import PolicyForm
from moderation.models import Policy, PolicyVersion, Screening
from moderation.policies.context import EXAMPLE
from tests.factories import PostFactory, UserFactory

pytestmark = pytest.mark.django_db

VALID = {"name": "Research by newcomers", "action": "flag", "priority": 50,
         "reason": "New author, AI research.", "enabled": "",
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
    Screening.objects.create(post=post, key=str(post.pk), content_hash="x", context=context)
    return post


def test_backtest_lists_the_recent_posts_a_draft_would_match():
    flagged = _screened({"disclosure": {"human_only": True}, "scores": {"chat_artifacts": 1.0}})
    _screened({"disclosure": {"human_only": True}})
    _screened({"scores": {"chat_artifacts": 1.0}})
    result = services.backtest(expression="disclosure.human_only && scores.chat_artifacts > 0.9")
    assert result.screened == 3
    assert result.matched_post_ids == [flagged.pk]


def test_backtest_command_prints_json_and_refuses_bad_expressions(capsys):
    post = _screened({"author": {"approved_posts": 0}})
    call_command("backtest_policy", "--expression", "author.approved_posts == 0", "--json")
    printed = json.loads(capsys.readouterr().out)
    assert printed["screened"] == 1 and printed["post_ids"] == [post.pk]
    with pytest.raises(CommandError, match="does not parse"):
        call_command("backtest_policy", "--expression", "author.approved_posts ==")
