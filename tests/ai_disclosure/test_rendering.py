"""``render()``: Markdown inside and around blocks, AI share, line endings, size and totality.

``render()`` needs no database, so none of these tests is marked ``django_db`` (pytest-django
would fail any test that touched it). The property-based test throws random mixes of markers,
fences, quotes, lists, raw HTML and text at the renderer and checks what must always hold.
"""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ai_disclosure.rendering import normalise, render
from ai_disclosure.sanitizers import BleachSanitizer, NH3Sanitizer

from .test_sanitizers import elements, unsafe_constructs


def tags_inside_section(html: str) -> list[str]:
    start, end = html.index("<section"), html.index("</section>")
    return [tag for tag, _ in elements(html[start:end])]


# --- Markdown --------------------------------------------------------------------------------


def test_full_markdown_works_inside_a_block():
    text = (
        ':::ai-written{model="Claude Opus 4.6"}\n'
        "## A heading\n\n"
        "Some *emphasis*, **strong**, `inline code` and a [link](https://example.com).\n\n"
        "- one\n- two\n  - nested\n\n"
        "1. first\n2. second\n\n"
        "> a quote\n\n"
        "```python\nprint('<b>not bold</b>')\n```\n\n"
        "| a | b |\n|---|--:|\n| 1 | 2 |\n"
        ":::\n"
    )

    rendered = render(text)

    tags = set(tags_inside_section(rendered.html))
    assert {"h2", "em", "strong", "code", "a", "ul", "ol", "li", "blockquote", "pre",
            "table", "td"} <= tags
    assert "&lt;b&gt;not bold&lt;/b&gt;" in rendered.html
    assert rendered.warnings == ()
    assert rendered.ai_share == 1.0


def test_reference_links_resolve_across_block_boundaries():
    text = ":::ai-written\nSee [the docs][docs].\n:::\n\n[docs]: https://example.com/docs\n"

    html = render(text).html

    assert [a["href"] for tag, a in elements(html) if tag == "a"] == ["https://example.com/docs"]


def test_text_around_blocks_is_markdown_too():
    html = render("# Title\n\n:::ai-edited\nx\n:::\n\n*after*\n").html

    assert html.startswith("<h1>Title</h1>")
    assert html.rstrip().endswith("<p><em>after</em></p>")


def test_consecutive_blocks_render_as_sibling_sections():
    rendered = render(":::ai-written\na\n:::\n:::ai-edited\nb\n:::\n")

    assert [attrs["class"] for tag, attrs in elements(rendered.html) if tag == "section"] == [
        "ai-block ai-written", "ai-block ai-edited",
    ]
    assert rendered.html.count("</section>") == 2


# --- AI share --------------------------------------------------------------------------------


def test_half_the_text_in_a_block_gives_an_ai_share_of_about_one_half():
    text = "Human words here.\n\n:::ai-written{model=\"M\"}\nRobot words here.\n:::\n"

    assert render(text).ai_share == pytest.approx(0.5, abs=0.01)


def test_no_blocks_gives_an_ai_share_of_zero():
    assert render("Just *my* own words.\n\n- and a list").ai_share == 0.0


def test_everything_in_blocks_gives_an_ai_share_of_one():
    text = ":::ai-written\nAll of it.\n:::\n%%% llm-output\nMore.\n%%% /llm-output"

    assert render(text).ai_share == 1.0


def test_empty_post_has_zero_ai_share_and_no_output():
    rendered = render("")

    assert (rendered.html, rendered.ai_share) == ("", 0.0)
    assert rendered.blocks == rendered.warnings == ()


def test_ai_share_counts_visible_text_not_markup_or_block_labels():
    # The block label ("AI-written · A long model name") and the URL are not the author's text.
    text = (
        "abcd\n\n"
        ':::ai-written{model="A long model name"}\n[abcd](https://example.com/a/long/url)\n:::\n'
    )

    rendered = render(text)

    assert rendered.ai_share == 0.5
    assert rendered.text_length == 8
    assert rendered.blocks[0].text_length == 4


def test_ai_share_ignores_whitespace():
    spaced = render("a  b\n\n\n:::ai-written\nc\td\n:::")
    tight = render("ab\n\n:::ai-written\ncd\n:::")

    assert spaced.ai_share == tight.ai_share == 0.5


# --- line endings, size, odd input ----------------------------------------------------------

SAMPLE = (
    "Intro with *emphasis*.\n\n"
    ':::ai-written{model="Claude"}\n# Title\n\n- a\n- b\n\n```\ncode\n:::\n```\n:::\n\n'
    ":::unknown\nx\n:::\n> :::ai-edited\n:::ai-edited\nunclosed\n"
)


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["windows", "old-mac"])
def test_other_line_endings_give_the_same_result_as_newlines(newline):
    assert render(SAMPLE.replace("\n", newline)) == render(SAMPLE)


def test_mixed_line_endings_give_the_same_result_as_newlines():
    mixed = "".join(
        # "\r" is never followed by "\n", which would make the two one line ending
        line + ("\r\n", "\n", "\r")[number % 3]
        for number, line in enumerate(SAMPLE.split("\n"))
    )

    assert render(mixed) == render(SAMPLE + "\n")


def test_nul_characters_are_dropped():
    with_nuls = render("a\x00b\n\n:::ai-written\x00\nx\n:::")

    assert with_nuls == render("ab\n\n:::ai-written\nx\n:::")


def test_text_that_looks_like_a_placeholder_is_left_alone():
    text = "aidisclosure0123456789abcdefo0x\n\naidisclosure0123456789abcdefc0x\n"

    rendered = render(text)

    assert "<section" not in rendered.html
    assert "aidisclosure0123456789abcdefo0x" in rendered.html


@pytest.mark.parametrize("container", ["p", "pre"])
def test_block_markers_carried_into_a_raw_html_attribute_never_splice_a_section_into_a_tag(
    container,
):
    # In CommonMark a <pre> HTML block runs to </pre>, so the markers stay inside the attribute.
    text = (
        f'<{container}><abbr title="\n:::ai-written\n<img src=x onerror=alert(1)>\n:::\n">A'
        f"</abbr></{container}>\n"
    )

    html = render(text).html

    assert "<section" not in html
    assert "aidisclosure" not in html
    assert unsafe_constructs(html) == []
    assert {tag for tag, _ in elements(html)} <= {container, "abbr"}


def test_one_megabyte_body_renders_without_exception():
    unit = (
        ':::ai-written{model="M"}\n## Heading\n\nProse with a [link](https://example.com) and '
        "`code`.\n\n- item\n- item\n\n```\n:::ai-edited\n```\n:::\n\n> quoted :::\n\n"
        "Plain human paragraph of text, long enough to be realistic in a forum post.\n\n"
    )
    body = (unit * (1_000_000 // len(unit) + 1))[:1_000_000] + "\n:::ai-edited\n```\n"
    started = time.perf_counter()

    rendered = render(body)

    assert len(body) >= 1_000_000
    assert time.perf_counter() - started < 30
    assert len(rendered.blocks) > 1000
    assert 0.0 < rendered.ai_share < 1.0
    line_count = len(body.split("\n"))
    assert all(1 <= warning.line <= line_count for warning in rendered.warnings)
    assert rendered.warnings[-1].line == line_count - 1  # the fence opened on the last line


def test_rendering_is_deterministic():
    assert render(SAMPLE) == render(SAMPLE)
    assert render(SAMPLE, sanitizer=BleachSanitizer()).html == render(
        SAMPLE, sanitizer=BleachSanitizer()
    ).html


# --- properties ------------------------------------------------------------------------------

FRAGMENTS = [
    ':::ai-written{model="Claude"}', ":::ai-edited", ":::ai-translated{model='x' note=\"y\"}",
    ":::ai-transcript{model=\"M", ":::ai-written{bogus=1}", ":::unknown", ":::", "::::", "  :::",
    '%%% llm-output model="GPT"', "%%% /llm-output", "```", "```python", "~~~", "````",
    "> quote", "> :::ai-written", "> > %%% llm-output", "- item", "  - nested", "1. :::ai-edited",
    "    indented code", "", "", "# Heading", "Paragraph with **bold** and `code`.",
    "[link](https://example.com)", "[bad](javascript:alert(1))", "<div>", "</div>",
    '<p><abbr title="', '">x</abbr></p>', "<script>alert(1)</script>", "<!--", "-->",
    "<img src=x onerror=alert(1)>", "| a | b |", "|---|---|", "aidisclosure0123456789abcdefo0x",
]
lines = st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30))
documents = st.tuples(
    st.lists(lines, max_size=25), st.sampled_from(["\n", "\r\n", "\r"])
).map(lambda parts: parts[1].join(parts[0]))


SANITIZERS = (NH3Sanitizer(), BleachSanitizer())


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=documents, sanitizer=st.sampled_from(SANITIZERS))
def test_any_mix_of_markers_fences_quotes_and_text_renders_safely(text, sanitizer):

    rendered = render(text, sanitizer=sanitizer)

    assert unsafe_constructs(rendered.html) == []
    source_lines = normalise(text).split("\n")
    for block in rendered.blocks:
        assert 1 <= block.start_line < block.end_line <= len(source_lines) or (
            block.start_line == block.end_line == len(source_lines)  # opened on the last line
        )
        assert block.text_length >= 0
    assert 0.0 <= rendered.ai_share <= 1.0
    for warning in rendered.warnings:
        assert 1 <= warning.line <= len(source_lines)
        assert any(mark in source_lines[warning.line - 1] for mark in (":::", "%%%", "```", "~~~"))
    assert render(text, sanitizer=sanitizer) == rendered
