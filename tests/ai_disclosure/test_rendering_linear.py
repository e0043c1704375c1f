"""``render()`` does work linear in the size of its input, whatever the input.

A property-based fuzzer repeats short runs of Markdown's special characters (the shape of every
known quadratic input: brackets, images, emphasis, quotes, lists, backticks, block markers)
to 64 KB and checks the CPU time against a generous budget per KB; a quadratic path costs
seconds there. The speed goals themselves are in ``python -m bench render``.
"""

from __future__ import annotations

import re
import time
from itertools import accumulate

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ai_disclosure.rendering import (
    MAX_LINE_CONTAINERS,
    MAX_NESTING,
    MIN_TAG_BUDGET,
    cap_nesting,
    render,
)
from ai_disclosure.sanitizers import BleachSanitizer, NH3Sanitizer

SIZE = 64_000
#: CPU seconds per KB allowed, and a constant; linear rendering needs well under a tenth.
BUDGET_PER_KB = 0.010
BUDGET_BASE = 0.1

KNOWN = ["[", "![", "[a](", "*a_", "**_", "> ", ">>>>>>>> x\n\n", "- ", "1. ", "`a``",
         ":::ai-written\n", '%%% llm-output model="', "```\n:::\n", "<div><b>", "|a", "&#",
         "<a href=\"", "~~", "  - x\n", "\\", "<!--", "[x]: /u\n"]
units = st.one_of(
    st.sampled_from(KNOWN),
    st.text(alphabet="[]()!*_`>-+1.:~|<&#\\ \n{}%\"=ai", min_size=1, max_size=12),
)


def cpu_seconds(text: str) -> float:
    started = time.process_time()
    render(text, sanitizer=SANITIZER)
    return time.process_time() - started


SANITIZER = NH3Sanitizer()


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck),
          database=None)
@given(unit=units)
def test_rendering_any_repeated_run_stays_within_a_linear_work_budget(unit):
    text = (unit * (SIZE // len(unit) + 1))[:SIZE]

    seconds = cpu_seconds(text)

    assert seconds <= BUDGET_BASE + BUDGET_PER_KB * SIZE / 1000, (repr(unit), seconds)


@pytest.mark.parametrize(
    "text",
    ["- " * 4000, "> " * 20000, "1. " * 4000, "*_" * 20000 + "x", "[" * 60000 + "x](y)",
     "![" * 8000, "<div>" * 20000, "\ud800 lone surrogate", "`" * 10000 + "x"],
    ids=["list-markers", "quotes", "ordered", "emphasis", "brackets", "images", "raw-divs",
         "surrogate", "backticks"],
)
def test_pathological_bodies_render_without_an_exception(text):
    rendered = render(text)

    assert isinstance(rendered.html, str)


def test_quotes_opened_on_one_line_past_the_limit_are_shown_as_text():
    html = render("> " * (MAX_NESTING + 10) + "deep").html

    assert html.count("<blockquote>") == MAX_LINE_CONTAINERS
    assert "&gt; &gt;" in html and "deep" in html


def test_nesting_deeper_than_the_cap_is_shown_as_text():
    html = render("<em>" * (MAX_NESTING + 10) + "deep").html

    assert max(accumulate(1 if tag == "" else -1 for tag in re.findall(r"<(/?)[a-z]", html))) <= (
        MAX_NESTING
    )
    assert "&lt;em&gt;" in html and "deep" in html


def test_capping_leaves_shallow_html_untouched_and_counts_only_matching_end_tags():
    shallow = "<p>" + "<em>x</em>" * 200 + "</p>"
    # A stray end tag must not lower the count: an HTML parser would ignore it.
    sneaky = "<span><div></span>" * 5

    assert cap_nesting(shallow, limit=4) == shallow
    assert cap_nesting(sneaky, limit=4).count("&lt;div") == 3


def test_a_post_with_a_tag_for_every_few_characters_is_shown_as_text_with_its_blocks():
    quotes = "> > > > > > x\n\n" * MIN_TAG_BUDGET
    body = ':::ai-written{model="GPT-4o"}\n' + quotes + ":::\n<b>end</b>"
    rendered = render(body, sanitizer=SANITIZER)
    assert "<blockquote>" not in rendered.html
    assert "&gt; &gt; &gt; &gt; &gt; &gt; x" in rendered.html
    assert "&lt;b&gt;end&lt;/b&gt;" in rendered.html
    assert [block.model for block in rendered.blocks] == ["GPT-4o"]
    assert rendered.html.count('<section class="ai-block ai-written"') == 1
    assert 0.9 < rendered.ai_share < 1.0
    assert any("plain text" in warning.message for warning in rendered.warnings)


def test_an_ordinary_post_with_much_markup_keeps_its_formatting():
    body = "\n\n".join(f"> quote *{i}* and [a link](https://example.org/{i})" for i in range(400))
    rendered = render(body, sanitizer=SANITIZER)
    assert rendered.html.count("<blockquote>") == 400
    assert not rendered.warnings


@pytest.mark.parametrize("sanitizer", [NH3Sanitizer(), BleachSanitizer()])
def test_long_runs_of_character_references_keep_their_text(sanitizer):
    body = "&#" * 5000 + " <b>&lt;&amp;</b>" + "&#" * 300
    html = render(body, sanitizer=sanitizer).html
    assert html == "<p>" + "&amp;#" * 5000 + " <b>&lt;&amp;</b>" + "&amp;#" * 300 + "</p>\n"
