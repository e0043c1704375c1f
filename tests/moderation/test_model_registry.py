"""The model registry: disclosed model names matched to it, what policies see of it, and
what moderators and the sweeper do when names are unknown or the registry changes."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ai_disclosure import services as disclosure_services
from ai_disclosure.rules import DisclosureData
from ai_disclosure.services import content_for
from moderation import selectors, services
from moderation.forms import AIModelForm, PolicyForm
from moderation.model_registry import ModelRegistry, RegisteredModel, normalize
from moderation.models import AIModel, Policy, ReviewItem
from moderation.selectors.screening import stale_content_ids
from tests.api.conftest import client_for
from tests.factories import PostFactory

from .test_screening import HUMAN_TEXT, PASTED_ANSWER
from .triage_factories import make_moderator

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 26)
REGISTRY = ModelRegistry((
    RegisteredModel("GPT-4o", "OpenAI", date(2024, 5, 13), ("frontier",), ("GPT-4 omni",)),
    RegisteredModel("GPT-4o mini", "OpenAI", date(2024, 7, 18), ("small",), ()),
    RegisteredModel("Claude Sonnet 4", "Anthropic", date(2025, 5, 22), ("frontier",),
                    ("Claude 4 Sonnet",)),
    RegisteredModel("Mistral 7B", "Mistral AI", date(2023, 9, 27),
                    ("open-weights", "small"), ()),
))


def test_names_match_ignoring_case_spaces_and_punctuation():
    assert normalize("Claude 3.5 Sonnet") == normalize("claude-3-5-sonnet") == "claude35sonnet"
    match = REGISTRY.match(["gpt 4o", "GPT4O", "Ｇｐｔ-4o mini"])
    assert [model.name for model in match.known] == ["GPT-4o", "GPT-4o mini"]
    assert match.unknown == []


def test_aliases_match_and_near_misses_are_unknown():
    match = REGISTRY.match(["claude 4 sonnet", "gpt-4 omni", "GPT-4o-turbo", "MysteryLM", "",
                            "MysteryLM"])
    assert [model.name for model in match.known] == ["Claude Sonnet 4", "GPT-4o"]
    assert match.unknown == ["GPT-4o-turbo", "MysteryLM"]


def test_the_context_gives_the_newest_models_age_its_tiers_and_unknown_names():
    assert REGISTRY.match(["Mistral 7B", "Claude Sonnet 4", "Bard 9"]).context(TODAY) == {
        "newest_model_age_days": (TODAY - date(2025, 5, 22)).days,
        "model_tiers": ["frontier", "open-weights", "small"],
        "unknown_models": ["Bard 9"],
    }
    assert REGISTRY.match(["Bard 9"]).context(TODAY)["newest_model_age_days"] == -1
    assert REGISTRY.match([]).context(TODAY) == {
        "newest_model_age_days": -1, "model_tiers": [], "unknown_models": []}


def test_the_registry_is_seeded_with_well_known_models():
    gpt_4o = AIModel.objects.get(name="GPT-4o")
    assert (gpt_4o.vendor, gpt_4o.release_date, gpt_4o.tiers) == (
        "OpenAI", date(2024, 5, 13), ["frontier"])
    deepseek = AIModel.objects.get(name="DeepSeek-R1")
    assert (deepseek.tiers, deepseek.aliases) == (["frontier", "open-weights"],
                                                  ["deepseek-reasoner"])


def disclosing(*models: str, body: str = HUMAN_TEXT):
    post = PostFactory(body=body)
    disclosure_services.save_disclosure(content=post, user=post.author, data=DisclosureData(
        assistance={"editing"}, models_used=list(models), ai_share_estimate="lt10"))
    return post


def test_policies_can_single_out_recent_and_frontier_models():
    # given a model released a month ago, and two policies over the registry's keys
    Policy.objects.update(enabled=False)
    AIModel.objects.create(name="Fresh 1", vendor="Lab", tiers=["small"],
                           release_date=timezone.localdate() - timedelta(days=30))
    for name, expression in [
        ("Recent model", "disclosure.newest_model_age_days >= 0 "
                         "&& disclosure.newest_model_age_days < 180"),
        ("Frontier model", '"frontier" in disclosure.model_tiers'),
        ("Unknown model", "size(disclosure.unknown_models) > 0"),
    ]:
        services.save_policy(policy=Policy(name=name, expression=expression, reason=name,
                                           enabled=True), user=None)
    posts = {"fresh": disclosing("fresh-1"), "old": disclosing("GPT 4"),
             "both": disclosing("Fresh 1", "gpt-4o"), "unknown": disclosing("MysteryLM")}

    screenings = services.screen_contents(
        content_ids=[content_for(post).pk for post in posts.values()])

    matched = {key: sorted(m["name"] for m in screenings[content_for(post).pk].matched)
               for key, post in posts.items()}
    assert matched == {"fresh": ["Recent model"], "old": ["Frontier model"],
                       "both": ["Frontier model", "Recent model"],
                       "unknown": ["Unknown model"]}
    unknown = screenings[content_for(posts["unknown"]).pk].context["disclosure"]
    assert (unknown["newest_model_age_days"], unknown["unknown_models"]) == (-1, ["MysteryLM"])


def test_the_policy_validator_knows_the_registry_keys():
    form = PolicyForm(data={
        "name": "Old model", "action": "flag", "priority": 50, "reason": "r", "mode": "active",
        "expression": 'disclosure.newest_model_age_days > 700 && "small" in '
                      "disclosure.model_tiers && disclosure.unknown_models.size() == 0"})
    assert form.is_valid(), form.errors
    typo = PolicyForm(data={**form.data, "expression": "disclosure.newest_model_age > 1"})
    assert not typo.is_valid() and "newest_model_age" in typo.errors["expression"][0]


def test_changing_the_registry_makes_screenings_stale():
    post = disclosing("MysteryLM")
    services.screen_content(content_id=content_for(post).pk)
    assert stale_content_ids() == []

    AIModel.objects.create(name="MysteryLM", vendor="Lab", release_date=date(2026, 1, 5))

    assert stale_content_ids() == [content_for(post).pk]
    screening = services.screen_content(content_id=content_for(post).pk)
    assert screening.context["disclosure"]["unknown_models"] == []


def test_the_item_page_and_the_api_show_model_names_not_in_the_registry(client):
    post = disclosing("GPT-4o", "MysteryLM", body=PASTED_ANSWER)
    services.screen_content(content_id=content_for(post).pk)
    item = ReviewItem.objects.get(content=content_for(post))
    moderator = make_moderator()
    client.force_login(moderator)

    page = client.get(reverse("moderation:item", args=[item.pk]))
    api = client_for(moderator).get(f"/api/moderation/v1/items/{item.pk}/").json()

    assert page.context["d"].unknown_models == ["MysteryLM"]
    html = page.content.decode()
    assert "Not in the model registry:" in html and "MysteryLM" in html
    assert api["unknown_models"] == ["MysteryLM"]


def test_the_admin_form_takes_tiers_as_ticks_and_aliases_one_per_line():
    form = AIModelForm(data={"name": "Mystery 2", "vendor": "Lab", "release_date": "2026-02-01",
                             "tiers": ["frontier", "small"],
                             "aliases": "mystery-2\n  Mystery Two , mystery-2\n"})
    assert form.is_valid(), form.errors
    model = form.save()
    assert (model.tiers, model.aliases) == (["frontier", "small"], ["mystery-2", "Mystery Two"])
    assert "Mystery Two" in [alias for m in selectors.model_registry().models
                             if m.name == "Mystery 2" for alias in m.aliases]
    assert not AIModelForm(data={**form.data, "name": "X", "tiers": ["huge"]}).is_valid()


def test_admins_add_a_model_in_the_admin_and_screening_sees_it_at_once(admin_client):
    added = admin_client.post(reverse("admin:moderation_aimodel_add"), {
        "name": "Mystery 3", "vendor": "Lab", "release_date": "2026-03-01",
        "tiers": ["frontier"], "aliases": "mystery-three"})
    assert added.status_code == 302, added.content.decode()[:2000]
    page = admin_client.get(reverse("admin:moderation_aimodel_changelist"))
    assert page.status_code == 200 and "Mystery 3" in page.content.decode()
    assert selectors.model_registry().match(["Mystery Three"]).known[0].tiers == ("frontier",)
