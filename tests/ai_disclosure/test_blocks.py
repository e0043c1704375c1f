"""AI blocks: the container syntax, the LessWrong form, block records and total parsing.

Whatever the author writes, parsing yields a render and warnings naming the line to fix; these
tests pin each kind of mistake to its warning and line. ``render()`` needs no database.
"""

from __future__ import annotations

import html
import re

import pytest

from ai_disclosure.blocks import DEFAULT_BLOCK_TYPES, BlockType, parse
from ai_disclosure.rendering import render

from .test_sanitizers import elements, unsafe_constructs


def sections(html: str) -> list[dict[str, str]]:
    return [attrs for tag, attrs in elements(html) if tag == "section"]


def warning_lines(rendered) -> list[int]:
    return [warning.line for warning in rendered.warnings]


def only_warning(rendered):
    assert len(rendered.warnings) == 1, rendered.warnings
    return rendered.warnings[0]


# --- the syntax --------------------------------------------------------------------------------


@pytest.mark.parametrize("block_type", DEFAULT_BLOCK_TYPES, ids=lambda t: t.slug)
def test_each_registered_type_renders_as_a_labelled_section(block_type):
    rendered = render(f':::{block_type.slug}{{model="Claude Opus 4.6"}}\nBody text.\n:::\n')

    [section] = sections(rendered.html)
    assert section["class"] == f"ai-block {block_type.slug}"
    assert section["data-model"] == "Claude Opus 4.6"
    assert (
        f'<header class="ai-block-label" title="Marked by the author as {block_type.label}">'
        f"{block_type.label} · Claude Opus 4.6</header>"
    ) in rendered.html
    assert rendered.warnings == ()


def test_block_label_includes_the_note():
    rendered = render(':::ai-edited{model="GPT-4o" note="grammar only"}\nText.\n:::')

    assert ">AI-edited · GPT-4o · grammar only</header>" in rendered.html


def test_block_without_attributes_is_labelled_with_its_type_only():
    rendered = render(":::ai-written\nText.\n:::")

    assert sections(rendered.html)[0]["data-model"] == ""
    assert ">AI-written</header>" in rendered.html


def test_blocks_record_type_model_note_lines_and_text_length():
    text = (
        "Intro paragraph.\n"  # 1
        "\n"  # 2
        ':::ai-written{model="Claude Opus 4.6" note="first draft"}\n'  # 3
        "Twelve chars\n"  # 4: 11 visible characters
        ":::\n"  # 5
        "\n"  # 6
        ":::ai-translated{model='DeepL'}\n"  # 7
        "- a\n"  # 8
        "- bc\n"  # 9
        ":::\n"  # 10
    )

    blocks = render(text).blocks

    assert [(b.type, b.model, b.note, b.start_line, b.end_line, b.text_length) for b in blocks] == [
        ("ai-written", "Claude Opus 4.6", "first draft", 3, 5, 11),
        ("ai-translated", "DeepL", "", 7, 10, 3),
    ]


def test_lesswrong_llm_output_block_is_read_as_ai_written():
    text = 'Mine.\n\n%%% llm-output model="Claude 3.5 Sonnet"\nTheirs **bold**.\n%%% /llm-output\n'

    rendered = render(text)

    [block] = rendered.blocks
    assert (block.type, block.model, block.start_line, block.end_line) == (
        "ai-written", "Claude 3.5 Sonnet", 3, 5,
    )
    [section] = sections(rendered.html)
    assert section["class"] == "ai-block ai-written"
    assert section["data-model"] == "Claude 3.5 Sonnet"
    assert "<strong>bold</strong>" in rendered.html
    assert "%%%" not in rendered.html
    assert rendered.warnings == ()


def test_lesswrong_block_may_be_closed_with_the_directive_closer():
    rendered = render("%%% llm-output\nText.\n:::\n")

    assert [(b.type, b.end_line) for b in rendered.blocks] == [("ai-written", 3)]
    assert rendered.warnings == ()


def test_attribute_values_may_be_single_quoted_or_bare():
    blocks = render(":::ai-edited{model=GPT-4o note='two words'}\nx\n:::").blocks

    assert (blocks[0].model, blocks[0].note) == ("GPT-4o", "two words")


def test_remark_directive_label_before_attributes_is_ignored():
    rendered = render(':::ai-written[Draft]{model="M"}\nx\n:::')

    assert rendered.blocks[0].model == "M"
    assert rendered.warnings == ()


def test_longer_marker_runs_and_indentation_up_to_three_spaces_are_accepted():
    rendered = render('   ::::ai-written {model="M"}\nx\n::::::\n')

    assert [(b.type, b.model, b.end_line) for b in rendered.blocks] == [("ai-written", "M", 3)]


def test_admin_added_block_type_is_recognised():
    types = (*DEFAULT_BLOCK_TYPES, BlockType("ai-summarised", "AI-summarised", "summarising"))

    rendered = render(':::ai-summarised{model="M"}\nx\n:::', block_types=types)

    assert sections(rendered.html)[0]["class"] == "ai-block ai-summarised"
    assert ">AI-summarised · M</header>" in rendered.html


# --- totality: mistakes become warnings naming their line ------------------------------------


def test_unclosed_block_runs_to_end_with_warning_naming_its_line():
    rendered = render('Intro.\n\n:::ai-written{model="M"}\nDraft.\n\nMore draft.')

    [block] = rendered.blocks
    assert (block.start_line, block.end_line) == (3, 6)
    assert rendered.html.rstrip().endswith("</section>")
    warning = only_warning(rendered)
    assert warning.line == 3
    assert "never closed" in warning.message
    assert rendered.ai_share > 0.5


def test_nested_block_is_part_of_the_outer_block_with_warning_naming_the_inner_line():
    text = (
        ':::ai-written{model="A"}\nouter\n:::ai-edited{model="B"}\ninner\n:::\nafter inner\n:::\n'
    )

    rendered = render(text)

    [block] = rendered.blocks
    assert (block.type, block.model, block.start_line, block.end_line) == ("ai-written", "A", 1, 7)
    assert len(sections(rendered.html)) == 1
    assert "inner" in rendered.html and "after inner" in rendered.html
    warning = only_warning(rendered)
    assert warning.line == 3
    assert "ai-edited" in warning.message and "line 1" in warning.message
    assert rendered.ai_share == 1.0


def test_unknown_block_type_is_shown_as_text_with_warning_naming_it():
    rendered = render("Intro.\n\n:::spoiler\nHidden?\n:::\n")

    assert rendered.blocks == ()
    assert sections(rendered.html) == []
    assert "Hidden?" in rendered.html
    warning = only_warning(rendered)
    assert warning.line == 3
    assert "“spoiler”" in warning.message
    assert "ai-written" in warning.message  # says what would have worked


def test_stray_closer_is_kept_as_text_with_warning():
    rendered = render("Text.\n\n:::\n\n%%% /llm-output\n")

    assert rendered.blocks == ()
    assert warning_lines(rendered) == [3, 5]
    assert all("no block is open" in warning.message for warning in rendered.warnings)


@pytest.mark.parametrize("fence", ["```", "~~~", "````"])
def test_block_marker_inside_fenced_code_is_code_not_a_block(fence):
    text = f'Example:\n\n{fence}markdown\n:::ai-written{{model="M"}}\ncode\n:::\n{fence}\n'

    rendered = render(text)

    assert rendered.blocks == ()
    assert rendered.warnings == ()
    [code] = re.findall(r"<pre><code>(.*?)</code></pre>", rendered.html, re.S)
    assert html.unescape(code) == ':::ai-written{model="M"}\ncode\n:::\n'


def test_fenced_code_inside_a_block_keeps_its_markers_as_code():
    text = ':::ai-written{model="M"}\n```\n:::\n%%% /llm-output\n```\nstill in block\n:::\n'

    rendered = render(text)

    [block] = rendered.blocks
    assert (block.start_line, block.end_line) == (1, 7)
    assert rendered.warnings == ()
    assert "<pre><code>:::\n%%% /llm-output\n</code></pre>" in rendered.html


def test_fence_is_only_closed_by_the_same_fence():
    rendered = render("````\n```\n:::ai-written\n```\n````\n")

    assert rendered.blocks == ()
    assert rendered.warnings == ()


def test_unclosed_fence_warns_and_runs_to_the_end_as_code():
    # CommonMark shows the rest of the post as code, so markers after it are code too.
    rendered = render("Intro.\n\n```python\nprint(1)\n\n:::ai-written\nx\n:::\n")

    warning = only_warning(rendered)
    assert warning.line == 3
    assert "never closed" in warning.message and "```" in warning.message
    assert rendered.blocks == ()
    assert ":::ai-written\nx\n:::" in rendered.html


def test_fence_is_closed_by_a_longer_run_of_the_same_character():
    rendered = render("~~~\n:::ai-written\n~~~~~\n:::ai-edited\nx\n:::\n")

    assert [(b.type, b.start_line) for b in rendered.blocks] == [("ai-edited", 4)]
    assert rendered.warnings == ()


@pytest.mark.parametrize(
    "text, lines",
    [
        ("> :::ai-written\n> quoted\n> :::\n", [1, 3]),
        ("> > %%% llm-output\n> > x\n> > %%% /llm-output\n", [1, 3]),
        ("- :::ai-written\n  x\n  :::\n", [1, 3]),
        ("1. %%% llm-output\n   x\n", [1]),
        ("- item\n  :::ai-written\n  x\n  :::\n- next\n", [2, 4]),
        ("- item\n\n    :::ai-written\n    x\n    :::\n", [3, 5]),
    ],
    ids=["quote", "nested-quote", "bullet", "ordered", "list-continuation", "list-paragraph"],
)
def test_block_inside_a_quote_or_list_is_not_recognised_and_warns(text, lines):
    rendered = render(text)

    assert rendered.blocks == ()
    assert sections(rendered.html) == []
    assert warning_lines(rendered) == lines
    assert all("quote or list" in warning.message for warning in rendered.warnings)


def test_block_right_after_a_list_is_recognised():
    rendered = render("- a\n- b\n\n:::ai-written\nx\n:::\n")

    assert [(b.start_line, b.end_line) for b in rendered.blocks] == [(4, 6)]
    assert "<li>b</li>" in rendered.html
    assert rendered.warnings == ()


def test_indented_code_block_marker_is_code_without_warning():
    rendered = render("Code:\n\n    :::ai-written\n    x\n")

    assert rendered.blocks == ()
    assert rendered.warnings == ()


def test_unknown_attribute_is_ignored_with_warning_naming_it():
    rendered = render(':::ai-written{model="M" temperature="0.7"}\nx\n:::')

    assert rendered.blocks[0].model == "M"
    warning = only_warning(rendered)
    assert warning.line == 1
    assert "“temperature”" in warning.message


@pytest.mark.parametrize(
    "attributes",
    ['{model="M}', "{model='M}", '{model="M" note="x}', '{model="M"', ' model="M"', "{=}"],
)
def test_unreadable_attributes_warn_and_the_block_still_renders(attributes):
    rendered = render(f"Intro.\n\n:::ai-written{attributes}\nx\n:::\n")

    [block] = rendered.blocks
    assert (block.type, block.start_line) == ("ai-written", 3)
    assert len(sections(rendered.html)) == 1
    assert warning_lines(rendered) == [3]
    assert "attributes" in rendered.warnings[0].message


def test_every_warning_points_at_the_offending_line():
    text = "\n".join(
        [
            "Intro.",  # 1
            ":::",  # 2 stray closer
            ":::mystery",  # 3 unknown type
            "x",  # 4
            ":::",  # 5
            ':::ai-written{model="M" colour="red"}',  # 6 unknown attribute
            ":::ai-edited",  # 7 nested
            ":::",  # 8
            ":::",  # 9
            "> :::ai-written",  # 10 in a quote
            ":::ai-translated{model='M}",  # 11 bad attributes
            "text",  # 12
            ":::",  # 13
            "%%% llm-output",  # 14 never closed
            "```",  # 15 unclosed fence
            "end",  # 16
        ]
    )

    rendered = render(text)

    assert warning_lines(rendered) == [2, 3, 6, 7, 10, 11, 14, 15]
    source_lines = text.split("\n")
    for warning in rendered.warnings:
        assert any(mark in source_lines[warning.line - 1] for mark in (":::", "%%%", "```"))


def test_parse_never_raises_and_keeps_every_line():
    text = ":::\n:::ai-written{\n```\n%%% llm-output model=\"\n> :::\n"

    result = parse(text, DEFAULT_BLOCK_TYPES)

    kept = [item for item in result.items if isinstance(item, str)]
    assert len(kept) + 2 * len(result.blocks) >= len(text.split("\n")) - 2
    assert all(warning.line >= 1 for warning in result.warnings)


def test_output_of_broken_blocks_is_still_sanitized():
    text = ':::ai-written{model="<b>M"\n<script>alert(1)</script>\n:::nested\n<img src=x onerror=y>'

    rendered = render(text)

    assert unsafe_constructs(rendered.html) == []
