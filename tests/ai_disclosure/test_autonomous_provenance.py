"""A post an AI agent wrote and posted on its own, in the forms other systems read."""

from __future__ import annotations

import pytest

from ai_disclosure import provenance
from ai_disclosure.compliance import label_decision
from ai_disclosure.provenance import DisclosureShape, Level
from tests.api.conftest import client_for
from tests.factories import UserFactory

#: An agent that under-estimates its share: it still wrote all of the text.
AGENT = DisclosureShape(
    kinds=frozenset({"drafting"}), models=("GPT-5",), share_estimate="30-60", expertise="none",
    autonomous=True,
)


def test_an_agents_post_is_ai_written_and_unreviewed_whatever_its_estimate():
    assert provenance.level(AGENT) == Level.AI_WRITTEN
    assert provenance.digital_source_type(AGENT) == provenance.TRAINED_ALGORITHMIC_MEDIA
    assert provenance.header_mode(AGENT) == "machine-generated"
    assert provenance.attribution_statement(AGENT) == "AIA EAI Hin Nr GPT-5 v1.0"


def test_an_agents_post_needs_the_eu_label():
    decision = label_decision(AGENT)

    assert (decision.required, decision.reason_code) == (True, "unreviewed")


@pytest.mark.django_db
def test_an_agent_post_published_through_the_api_carries_its_provenance():
    agent = client_for(UserFactory(username="bot"))
    created = agent.post("/api/forum/v1/posts/", {
        "title": "Weekly digest", "body": "This week's threads, summarised.",
        "disclosure": {
            "autonomous": True, "assistance": ["drafting"], "models_used": ["GPT-5"],
            "ai_share_estimate": "gt90", "expertise": "none",
            "description": "An agent summarised the week's threads and posted the digest.",
            "verification": "It re-read each thread it summarises.",
        },
    }, format="json").json()

    found = agent.get(f"/api/ai-disclosure/v1/posts/{created['id']}/provenance/").json()

    assert found["json_ld"]["digitalSourceType"] == provenance.TRAINED_ALGORITHMIC_MEDIA
    assert found["ai_disclosure_header"].startswith("mode=machine-generated")
