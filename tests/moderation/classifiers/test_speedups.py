"""The speed-ups change no answer: keyword prefilters, word-start search, the n-gram model's
arithmetic."""

import json
import math
from pathlib import Path

import pytest

from moderation.classifiers import chat_artifacts, ngram, style_lexicon
from moderation.classifiers._text import (
    MAX_CHARS,
    ascii_lower,
    compile_lower,
    scored_part,
    word_matches,
)
from moderation.classifiers.chat_artifacts import ChatArtifactsClassifier
from moderation.classifiers.combined import CombinedClassifier

SAMPLES = [json.loads(line)["text"] for line in (
    Path(style_lexicon.__file__).parent / "data" / "assistant_style.jsonl"
).read_text(encoding="utf-8").splitlines()]
EXTRA = [
    "Certainly! Here's a revised version of your post. I hope this helps! Let me know if "
    "you'd like me to add more. As an AI language model, I don't have personal opinions. "
    "[Your Name] 【4:0†source】 citeturn0search1 ?utm_source=chatgpt.com x\u200by",
    "In today's digital landscape it is crucial to note that, not only X but also Y, this plays "
    "a vital role. Overall, it's not just a tool — it's a testament to ever-evolving craft.",
    "Rain the realm of; plain the way; Tin the world of ideas in the realm of art.",
]
TEXTS = [ascii_lower(text) for text in SAMPLES + EXTRA]


@pytest.mark.parametrize("pattern", chat_artifacts.PATTERNS, ids=lambda p: p.reason[:40])
def test_every_chat_artifact_match_contains_one_of_its_keywords(pattern):
    for text in TEXTS:
        for match in pattern.regex.finditer(text):
            assert any(k in match.group() for k in pattern.keywords), match.group()


@pytest.mark.parametrize("template", style_lexicon.PHRASE_TEMPLATES, ids=lambda t: t[2][:40])
def test_every_phrase_match_contains_a_keyword_and_word_start_search_agrees(template):
    source, _weight, reason = template
    [(regex, word_start, keywords)] = [
        (regex, word_start, keywords)
        for regex, word_start, _, name, keywords in style_lexicon.PHRASES if name == reason]
    plain = compile_lower(source)
    for text in TEXTS:
        expected = [m.span() for m in plain.finditer(text)]
        assert [m.span() for m in word_matches(regex, text, word_start)] == expected
        for start, end in expected:
            assert any(k in text[start:end] for k in keywords), text[start:end]


def test_ngram_log_table_matches_math_log():
    assert all(ngram._ONE_PLUS_LOG[count] == 1.0 + math.log(count)
               for count in range(1, ngram._LOG_TABLE_SIZE))


def test_style_scores_read_a_bounded_part_of_a_long_post_but_artifacts_read_all():
    head = "The committee met on Tuesday and agreed on the budget. " * 30
    long_post = (head + "Additionally, it is important to note the pivotal role. " * 400
                 + "Let me know if you'd like me to shorten it.")
    part = scored_part(long_post)
    assert len(part) <= MAX_CHARS and part.endswith(".")
    combined = CombinedClassifier()
    for name in ("style_lexicon", "ngram"):
        model = combined.classifiers[name]
        assert model.score(long_post) == model.score(part)
    artifacts = ChatArtifactsClassifier()
    assert artifacts.score(long_post).score > artifacts.score(part).score
