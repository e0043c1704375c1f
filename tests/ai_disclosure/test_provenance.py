"""The machine-readable forms of each disclosure shape: IPTC digital source type, the
``AI-Disclosure`` header (draft-abaris-aicdh) and the IBM AI Attribution statement.

Pure functions: no database. The header is parsed by ``http_sf``, the RFC 9651 reference
parser, so a client reading it sees what these tests see.
"""

from __future__ import annotations

from datetime import UTC, datetime

import http_sf
import pytest

from ai_disclosure import provenance
from ai_disclosure.provenance import DisclosureShape, Level

IPTC = "http://cv.iptc.org/newscodes/digitalsourcetype/"
WHEN = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)

# The five shapes the issue names, as an author would fill in the form.
HUMAN_ONLY = DisclosureShape(human_only=True)
EDITING_ONLY = DisclosureShape(
    kinds=frozenset({"editing"}), models=("Grammarly",), share_estimate="none",
    expertise="author",
)
DRAFTING_WITH_BLOCK = DisclosureShape(
    kinds=frozenset({"drafting"}), models=("Claude Opus 4.6",), share_estimate="10-30",
    expertise="author", measured_written_share=0.22,
)
NOVICE_RESEARCH = DisclosureShape(
    kinds=frozenset({"research"}), models=("GPT-5",), share_estimate="none", expertise="none",
)
FULLY_AI = DisclosureShape(  # a person posted it; an agent: test_autonomous_provenance
    kinds=frozenset({"drafting"}), models=("Claude Opus 4.6",), share_estimate="gt90",
    expertise="none", measured_written_share=0.97,
)

SHAPES = {
    "human-only": HUMAN_ONLY,
    "editing-only": EDITING_ONLY,
    "drafting-with-block": DRAFTING_WITH_BLOCK,
    "novice-research": NOVICE_RESEARCH,
    "fully-ai": FULLY_AI,
}


def parse_header(value: str) -> dict:
    parsed = http_sf.parse(value.encode("ascii"), tltype="dictionary")
    return {key: item for key, (item, _params) in parsed.items()}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("human-only", Level.HUMAN_ONLY),
        ("editing-only", Level.AI_EDITED),
        ("drafting-with-block", Level.AI_PARTLY_WRITTEN),
        ("novice-research", Level.AI_INFORMED),
        ("fully-ai", Level.AI_WRITTEN),
    ],
)
def test_each_shape_is_graded_into_its_level(name, expected):
    assert provenance.level(SHAPES[name]) == expected


@pytest.mark.parametrize(
    ("name", "source_type"),
    [
        ("human-only", "digitalCreation"),
        ("editing-only", "compositeWithTrainedAlgorithmicMedia"),
        ("drafting-with-block", "compositeWithTrainedAlgorithmicMedia"),
        ("novice-research", "digitalCreation"),
        ("fully-ai", "trainedAlgorithmicMedia"),
    ],
)
def test_digital_source_type_is_the_iptc_uri_for_the_shape(name, source_type):
    assert provenance.digital_source_type(SHAPES[name]) == IPTC + source_type


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("human-only", {"mode": "none"}),
        ("editing-only", {"mode": "ai-modified", "model": "Grammarly", "reviewed-by": "author",
                          "date": WHEN}),
        ("drafting-with-block", {"mode": "ai-modified", "model": "Claude Opus 4.6",
                                 "reviewed-by": "author", "date": WHEN}),
        ("novice-research", {"mode": "ai-modified", "model": "GPT-5", "date": WHEN}),
        ("fully-ai", {"mode": "machine-generated", "model": "Claude Opus 4.6", "date": WHEN}),
    ],
)
def test_ai_disclosure_header_is_a_structured_dictionary_with_the_drafts_keys(name, expected):
    header = provenance.disclosure_header(SHAPES[name], generated_at=WHEN)

    parsed = parse_header(header)

    assert {key: str(value) if isinstance(value, http_sf.Token) else value
            for key, value in parsed.items()} == expected
    assert isinstance(parsed["mode"], http_sf.Token)


def test_header_says_ai_originated_when_the_ai_wrote_most_and_an_expert_reviewed_it():
    mostly = DisclosureShape(kinds=frozenset({"drafting"}), models=("GPT-5",),
                             share_estimate="60-90", expertise="other")
    reviewed_all = DisclosureShape(kinds=frozenset({"drafting"}), share_estimate="gt90",
                                   expertise="other")

    assert parse_header(provenance.disclosure_header(mostly))["mode"] == "ai-originated"
    assert parse_header(provenance.disclosure_header(mostly))["reviewed-by"] == "expert"
    assert parse_header(provenance.disclosure_header(reviewed_all))["mode"] == "ai-originated"


def test_header_carries_only_printable_ascii_whatever_the_model_names():
    shape = DisclosureShape(kinds=frozenset({"editing"}), share_estimate="none",
                            models=('Modèle "X"\r\nSet-Cookie: a=b', "深度求索 R2", "back\\slash"))

    header = provenance.disclosure_header(shape)

    assert all(" " <= char <= "~" for char in header)
    assert parse_header(header)["model"] == 'Modele "X"Set-Cookie: a=b,  R2, back\\slash'


@pytest.mark.parametrize(
    ("name", "statement"),
    [
        ("human-only", "AIA No AI v1.0"),
        ("editing-only", "AIA Ph Se Hin R Grammarly v1.0"),
        ("drafting-with-block", "AIA Ph Nc Hin R Claude Opus 4.6 v1.0"),
        ("novice-research", "AIA Ph Ce Hin R GPT-5 v1.0"),
        ("fully-ai", "AIA EAI Hin Nr Claude Opus 4.6 v1.0"),
    ],
)
def test_attribution_statement_uses_the_ibm_codes(name, statement):
    assert provenance.attribution_statement(SHAPES[name]) == statement


@pytest.mark.parametrize(
    ("estimate", "proportion"),
    [("10-30", "Ph"), ("30-60", "HAb"), ("60-90", "PAI"), ("gt90", "EAI")],
)
def test_attribution_proportion_follows_the_share_the_ai_wrote(estimate, proportion):
    shape = DisclosureShape(kinds=frozenset({"drafting"}), share_estimate=estimate,
                            expertise="author")

    assert provenance.attribution_statement(shape).split()[1] == proportion


def test_measured_ai_blocks_outweigh_a_low_estimate():
    shape = DisclosureShape(kinds=frozenset({"drafting"}), share_estimate="10-30",
                            expertise="author", measured_written_share=0.72)

    assert provenance.level(shape) == Level.AI_MOSTLY_WRITTEN
    assert provenance.attribution_statement(shape).startswith("AIA PAI Nc ")


def test_contributions_are_concatenated_in_the_toolkits_order():
    shape = DisclosureShape(kinds=frozenset({"analysis", "editing", "ideation"}),
                            share_estimate="none", expertise="author")

    assert provenance.attribution_statement(shape) == "AIA Ph SeCeNc Hin R v1.0"


def test_an_ai_edited_block_is_an_edit_not_ai_writing():
    shape = provenance.shape_of(
        human_only=False, kinds=["editing"], models=["DeepL"], share_estimate="none",
        expertise="none", blocks=[{"type": "ai-edited", "text_length": 950}], text_length=1000,
        block_kinds={"ai-edited": "editing", "ai-written": "drafting"},
    )

    assert provenance.level(shape) == Level.AI_EDITED
    assert provenance.digital_source_type(shape) == IPTC + "compositeWithTrainedAlgorithmicMedia"


def test_json_ld_is_a_forum_posting_with_its_source_type_and_models():
    data = provenance.json_ld(
        DRAFTING_WITH_BLOCK, headline="Notes", url="https://forum.example/posts/1/",
        author="ada", published=WHEN, modified=WHEN,
    )

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "DiscussionForumPosting"
    assert data["digitalSourceType"] == IPTC + "compositeWithTrainedAlgorithmicMedia"
    assert data["contributor"] == [{"@type": "SoftwareApplication", "name": "Claude Opus 4.6"}]
    assert data["datePublished"] == WHEN.isoformat()


def test_explanation_spells_out_the_statement_for_readers():
    text = provenance.attribution_explanation(FULLY_AI)

    assert "entirely AI-generated" in text
    assert "not reviewed" in text
    assert "Claude Opus 4.6" in text
