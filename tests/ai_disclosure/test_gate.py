"""The publish gate (``ai_disclosure.gate`` and the form mixin) and the autonomous-agent level."""

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import override_settings

from ai_disclosure import gate, selectors, services
from ai_disclosure.forms import DisclosureGateFormMixin
from ai_disclosure.models import Disclosure
from ai_disclosure.rules import DisclosureData
from ai_disclosure.services import content_for
from demo.forum.models import Post
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db

AI_BODY = 'Mine.\n\n:::ai-written{model="Claude Opus 4.6"}\nThe AI wrote this.\n:::\n'

AGENT = DisclosureData(
    autonomous=True,
    assistance={"drafting"},
    models_used=["Claude Opus 4.6"],
    ai_share_estimate="gt90",
    description="An agent wrote this summary of the thread and posted it without review.",
    verification="The agent re-read each linked message before posting.",
    expertise="none",
)


class ArticleForm(DisclosureGateFormMixin, forms.Form):
    """A host's own post form that is not the demo's: the mixin is all it adds."""

    body_field = "text"
    headline = forms.CharField()
    text = forms.CharField(widget=forms.Textarea)


class PostEditForm(DisclosureGateFormMixin, forms.ModelForm):
    class Meta:
        model = Post
        fields = ["title", "body"]


def refusal(body: str, data: DisclosureData) -> dict[str, list[str]]:
    with pytest.raises(gate.DisclosureIncomplete) as refused:
        gate.check_publishable(body=body, disclosure=data)
    return refused.value.message_dict


# --- the service ------------------------------------------------------------------------


def test_post_without_a_disclosure_is_refused_naming_each_missing_field():
    errors = refusal("Mine.", DisclosureData())

    assert set(errors) == {
        "human_only", "assistance", "models_used", "ai_share_estimate", "description",
        "expertise",
    }


def test_complete_disclosure_passes_the_gate_with_the_bodys_render():
    rendered = gate.check_publishable(body="Every word mine.", disclosure=DisclosureData(
        human_only=True))

    assert "Every word mine." in rendered.html


def test_gate_checks_the_disclosure_against_the_bodys_ai_blocks():
    errors = refusal(AI_BODY, DisclosureData(human_only=True))

    assert "ai-written on line 3" in errors["human_only"][0]


@override_settings(AI_DISCLOSURE_MAX_BODY_BYTES=100)
def test_oversize_body_is_refused_before_anything_is_rendered():
    with pytest.raises(ValidationError) as refused:
        gate.check_publishable(body="word " * 50, disclosure=DisclosureData(human_only=True))

    assert refused.value.code == "too_large"


@override_settings(AI_DISCLOSURE_REQUIRED=False)
def test_gate_lets_a_post_without_disclosure_through_when_the_site_does_not_require_one():
    gate.check_publishable(body="Mine.", disclosure=DisclosureData())

    assert refusal("Mine.", DisclosureData(models_used=["GPT-5"]))  # started: rules apply


# --- the form mixin ---------------------------------------------------------------------


def test_form_mixin_refuses_a_host_form_with_the_services_messages():
    form = ArticleForm({"headline": "Hi", "text": "Mine."})

    assert not form.is_valid()
    assert form.errors == {}  # the host's own fields are fine
    assert form.disclosure_form.errors == refusal("Mine.", DisclosureData())


def test_form_mixin_checks_the_body_field_the_host_names():
    form = ArticleForm({"headline": "Hi", "text": AI_BODY, "human_only": "on"})

    assert not form.is_valid()
    assert "ai-written on line 3" in form.disclosure_form.errors["human_only"][0]


def test_form_mixin_gives_the_disclosure_of_a_complete_post():
    form = ArticleForm({"headline": "Hi", "text": "Mine.", "human_only": "on"})

    assert form.is_valid()
    assert form.disclosure_data() == DisclosureData(human_only=True)


def test_form_mixin_does_not_render_a_body_above_the_size_limit():
    with override_settings(AI_DISCLOSURE_MAX_BODY_BYTES=100):
        form = ArticleForm({"headline": "Hi", "text": ":::ai-written\n" + "x " * 100,
                            "human_only": "on"})
        form.fields["text"].validators.append(services.validate_body)

        assert not form.is_valid()
    assert "the limit is" in form.errors["text"][0]
    assert form.disclosure_form.rendered is None  # nothing rendered, no block error either
    assert "human_only" not in form.disclosure_form.errors


def test_editing_a_post_starts_from_its_saved_disclosure():
    post = PostFactory(body=AI_BODY)
    services.save_disclosure(content=post, user=post.author, data=AGENT)

    form = PostEditForm(instance=post)

    assert form.disclosure_form.initial["autonomous"] is True
    assert form.disclosure_form.initial["assistance"] == ["drafting"]


# --- an AI agent posting on its own -----------------------------------------------------


def test_complete_agent_disclosure_passes_and_readers_see_posted_by_an_ai_agent():
    gate.check_publishable(body="A summary.", disclosure=AGENT)
    post = PostFactory(body="A summary.")

    disclosure = services.save_disclosure(content=post, user=post.author, data=AGENT)

    assert selectors.summarize(disclosure).startswith("Posted by an AI agent · AI: drafting")
    assert selectors.is_mostly_ai(disclosure, measured_ai_share=0.0)
    assert disclosure.revisions.get().data["autonomous"] is True


def test_agent_post_cannot_be_ticked_human_only():
    errors = refusal("A summary.", DisclosureData(human_only=True, autonomous=True))

    assert "posted by an AI agent" in errors["human_only"][0]


def test_agent_post_implies_drafting():
    errors = refusal("A summary.", DisclosureData(**{**vars(AGENT), "assistance": {"research"}}))

    assert errors["assistance"] == ["An AI agent wrote this post, so tick “Drafting” too."]


@pytest.mark.parametrize("expertise", ["author", "other"])
def test_agent_post_cannot_claim_a_persons_expert_review(expertise):
    errors = refusal("A summary.", DisclosureData(**{**vars(AGENT), "expertise": expertise}))

    assert "Not reviewed by someone with relevant expertise" in errors["expertise"][0]


def test_database_refuses_an_agent_post_ticked_human_only():
    post = PostFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        Disclosure.objects.create(content=content_for(post), human_only=True, autonomous=True)


def test_disclosure_form_offers_the_agent_tick_and_reads_it():
    form = ArticleForm({"headline": "Hi", "text": "A summary.", "autonomous": "on",
                        "assistance": ["drafting"], "models_used": "Claude Opus 4.6",
                        "ai_share_estimate": "gt90", "description": AGENT.description,
                        "verification": AGENT.verification, "expertise": "none"})

    assert form.is_valid(), form.disclosure_form.errors
    assert form.disclosure_data() == AGENT
    assert "An AI agent wrote and posted this on its own" in str(
        form.disclosure_form["autonomous"].label
    )
