"""The disclosure form's rules (DESIGN §3), as an author meets them."""

import pytest
from django.test import override_settings

from ai_disclosure.forms import DisclosureForm
from ai_disclosure.models import FormWording

pytestmark = pytest.mark.django_db

AI_BODY = """Intro I wrote.

:::ai-written{model="Claude Opus 4.6"}
A paragraph the AI wrote.
:::

:::ai-edited{model="GPT-5"}
My paragraph, polished by the AI.
:::
"""

COMPLETE = {
    "assistance": ["drafting", "editing"],
    "models_used": "Claude Opus 4.6, GPT-5",
    "ai_share_estimate": "30-60",
    "description": "Claude drafted the second paragraph from my notes; GPT-5 fixed my grammar.",
    "verification": "I checked every claim against the cited papers.",
    "expertise": "author",
}


def form(data, body=""):
    return DisclosureForm(data=data, body=body)


def test_human_only_tick_alone_is_a_complete_disclosure():
    assert form({"human_only": "on"}, body="All mine.").is_valid()


def test_complete_ai_disclosure_is_accepted():
    submitted = form(COMPLETE, body=AI_BODY)
    assert submitted.is_valid(), submitted.errors
    data = submitted.to_data()
    assert data.assistance == {"drafting", "editing"}
    assert data.models_used == ["Claude Opus 4.6", "GPT-5"]


def test_neither_tick_nor_details_is_refused_with_a_way_forward():
    submitted = form({}, body="Some text.")
    assert not submitted.is_valid()
    assert "Tick “100% human-written”, or tell readers below how AI was used." in (
        submitted.errors["human_only"]
    )


def test_human_only_post_with_ai_blocks_is_refused_naming_each_block_and_line():
    submitted = form({"human_only": "on"}, body=AI_BODY)
    assert not submitted.is_valid()
    [message] = submitted.errors["human_only"]
    assert "ai-written on line 3" in message
    assert "ai-edited on line 7" in message
    assert "not 100% human-written" in message


def test_details_given_with_the_human_only_tick_are_refused_not_dropped():
    submitted = form({"human_only": "on", "models_used": "GPT-5", "description": "x"})
    assert not submitted.is_valid()
    [message] = submitted.errors["human_only"]
    assert "also filled in: models, what the AI did." in message


@override_settings(AI_DISCLOSURE_DESCRIPTION_MIN_LENGTH=60)
def test_too_short_description_says_how_long_it_must_be():
    submitted = form({**COMPLETE, "description": "AI helped."}, body=AI_BODY)
    assert not submitted.is_valid()
    assert submitted.errors["description"] == [
        "Describe what the AI did in at least 60 characters (you wrote 10)."
    ]


def test_verification_is_required_for_drafting_research_and_analysis():
    submitted = form(
        {**COMPLETE, "assistance": ["drafting", "editing", "research"], "verification": ""},
        body=AI_BODY,
    )
    assert not submitted.is_valid()
    [message] = submitted.errors["verification"]
    assert "Drafting, Research" in message


def test_verification_is_optional_for_editing_only():
    body = ":::ai-edited\nPolished.\n:::\n"
    data = {**COMPLETE, "assistance": ["editing"], "verification": ""}
    assert form(data, body=body).is_valid()


def test_kind_implied_by_an_ai_block_must_be_ticked():
    submitted = form({**COMPLETE, "assistance": ["editing"]}, body=AI_BODY)
    assert not submitted.is_valid()
    assert submitted.errors["assistance"] == [
        "Your post has ai-written on line 3, so tick “Drafting” too."
    ]


def test_ai_blocks_prefill_their_kinds_and_models_on_a_new_form():
    unbound = DisclosureForm(body=AI_BODY)
    assert sorted(unbound.initial["assistance"]) == ["drafting", "editing"]
    assert unbound.initial["models_used"] == ["Claude Opus 4.6", "GPT-5"]
    assert unbound.initial.get("human_only") is None


def test_each_missing_detail_gets_its_own_message():
    submitted = form({"description": "The AI wrote the conclusion of this post for me."})
    assert not submitted.is_valid()
    assert set(submitted.errors) == {"assistance", "models_used", "ai_share_estimate", "expertise"}


def test_unknown_assistance_kind_is_refused():
    submitted = form({**COMPLETE, "assistance": ["drafting", "telepathy"]}, body=AI_BODY)
    assert not submitted.is_valid()
    assert "telepathy" in str(submitted.errors["assistance"])


def test_model_list_is_cleaned_and_deduplicated():
    submitted = form({**COMPLETE, "models_used": " GPT-5 ,GPT-5,\n Claude  Opus 4.6 ,"},
                     body=AI_BODY)
    assert submitted.is_valid(), submitted.errors
    assert submitted.to_data().models_used == ["GPT-5", "Claude Opus 4.6"]


def test_too_many_models_are_refused():
    names = ", ".join(f"Model {i}" for i in range(11))
    submitted = form({**COMPLETE, "models_used": names}, body=AI_BODY)
    assert submitted.errors["models_used"] == ["Name at most 10 models."]


def test_admin_wording_replaces_the_default_label():
    FormWording.objects.create(pk=1, human_only_label="I wrote every word of this myself")
    assert DisclosureForm().fields["human_only"].label == "I wrote every word of this myself"
    FormWording.objects.filter(pk=1).update(human_only_label="")
    assert DisclosureForm().fields["human_only"].label == (
        "This post is unambiguously 100% human-written"
    )


@override_settings(AI_DISCLOSURE_REQUIRED=False)
def test_an_empty_disclosure_is_allowed_when_the_site_does_not_require_one():
    submitted = form({}, body="Some text.")
    assert submitted.is_valid()
    assert submitted.to_data().is_empty()


@override_settings(AI_DISCLOSURE_REQUIRED=False)
def test_optional_disclosure_still_applies_its_rules_once_started():
    submitted = form({"models_used": "GPT-5"}, body="Some text.")
    assert not submitted.is_valid()
    assert "description" in submitted.errors
