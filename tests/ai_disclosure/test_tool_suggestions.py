"""Marking a tool's passage as an AI block, and the services behind the recorder API."""

from __future__ import annotations

import pytest

from ai_disclosure import selectors, services
from ai_disclosure.blocks import DEFAULT_BLOCK_TYPES, wrap_passage
from ai_disclosure.rendering import render
from ai_disclosure.rules import DisclosureData
from ai_disclosure.suggestions import (
    SuggestionConflict,
    accept_suggestion,
    dismiss_suggestion,
    record_suggestion,
)
from tests.factories import PostFactory


@pytest.mark.parametrize(
    ("body", "passage", "expected"),
    [
        ("Mine.\n\nAI text.\n\nMine.", "AI text.",
         'Mine.\n\n:::ai-written{model="GPT-5"}\nAI text.\n:::\n\nMine.'),
        ("Mine. AI text. Mine.", "AI text.",
         'Mine. \n:::ai-written{model="GPT-5"}\nAI text.\n:::\n Mine.'),
        ("AI text.\nMine.", "AI text.\n",
         ':::ai-written{model="GPT-5"}\nAI text.\n:::\nMine.'),
        ("Mine.\nAI text.", "AI text.", 'Mine.\n:::ai-written{model="GPT-5"}\nAI text.\n:::'),
    ],
)
def test_passage_is_wrapped_on_lines_of_its_own_and_nothing_else_changes(
    body, passage, expected
):
    wrapped = wrap_passage(body, passage, block_type="ai-written", model="GPT-5")

    assert wrapped == expected
    rendered = render(wrapped, block_types=DEFAULT_BLOCK_TYPES)
    assert [(b.type, b.model) for b in rendered.blocks] == [("ai-written", "GPT-5")]
    assert rendered.warnings == ()


def test_a_passage_that_is_not_there_is_not_wrapped():
    assert wrap_passage("Mine.", "AI text.", block_type="ai-written", model="GPT-5") is None


@pytest.mark.django_db
def test_windows_line_endings_in_the_body_do_not_hide_the_passage():
    post = PostFactory(body="Mine.\r\n\r\nAI line one.\r\nAI line two.\r\n")
    suggestion = record_suggestion(
        post=post, user=post.author, kind="drafting", model="GPT-5",
        passage="AI line one.\r\nAI line two.", block_type="ai-written",
    )

    accept_suggestion(suggestion=suggestion, user=post.author)

    post.refresh_from_db()
    assert post.body == 'Mine.\n\n:::ai-written{model="GPT-5"}\nAI line one.\nAI line two.\n:::\n'


@pytest.mark.django_db
def test_accepting_clears_the_human_only_tick_and_keeps_what_the_author_wrote():
    post = PostFactory()
    services.save_disclosure(content=post, user=post.author, data=DisclosureData(
        assistance={"research"}, models_used=["Perplexity"], description="x" * 50,
        verification="Checked every source myself.", ai_share_estimate="none",
        expertise="author",
    ))
    suggestion = record_suggestion(post=post, user=post.author, kind="editing", model="GPT-5")

    accepted = accept_suggestion(suggestion=suggestion, user=post.author)

    data = accepted.revision.data
    assert data["assistance"] == ["editing", "research"]
    assert data["models_used"] == ["Perplexity", "GPT-5"]
    assert data["description"] == "x" * 50 and data["expertise"] == "author"
    assert accepted.revision.changes == {
        "assistance": [["research"], ["editing", "research"]],
        "models_used": [["Perplexity"], ["Perplexity", "GPT-5"]],
    }


@pytest.mark.django_db
def test_a_decided_suggestion_cannot_be_decided_again():
    post = PostFactory()
    suggestion = record_suggestion(post=post, user=post.author, kind="editing", model="GPT-5")
    dismiss_suggestion(suggestion=suggestion)

    with pytest.raises(SuggestionConflict) as refused:
        accept_suggestion(suggestion=suggestion, user=post.author)

    assert refused.value.code == "already_decided"
    assert not selectors.disclosure_for(post)
