"""Chat-artifact classifier: catches pasted assistant answers, never flags people quoting them."""

import json
from pathlib import Path

import pytest

from moderation.classifiers.chat_artifacts import ChatArtifactsClassifier

classifier = ChatArtifactsClassifier()


def flagged(text: str) -> bool:
    return classifier.score(text).score >= classifier.flag_threshold


@pytest.mark.parametrize("text", [
    'people keep posting "As an AI language model" replies and it drives me nuts',
    "Mods, please ban answers that start with 'Certainly! Here's' — they are all pasted.",
    "Every reply that starts with As an AI language model, I cannot... gets downvoted here.",
    "> As an AI language model, I cannot help with that.\n\nThis is what the bot told me. Useless.",
    "Thanks for the tips! I hope this helps someone else too.",
    "Hi, thanks for the question. See a cardiologist soon. Hope I have answered your query. "
    "If you have any other questions, feel free to ask.",
    "Our family emoji 👨\u200d👩\u200d👧 renders fine on every phone.",
    "I'm an AI researcher and I think the hype is overblown.",
])
def test_quoted_chat_phrase_in_human_comment_is_not_flagged(text):
    assert not flagged(text)


@pytest.mark.parametrize("text", [
    "Certainly! Here's a short overview of the history of the bridge. It was built in 1890. "
    "I hope this helps! Let me know if you'd like me to expand on any section.",
    "As an AI language model, I don't have personal opinions, but here are some points to weigh.",
    "Dear neighbours, the garden party is on Saturday at noon. Best regards, [Your Name]",
    "The river was first dammed in 1931 ([source](https://example.org/dam?utm_source=chatgpt.com)).",
    "The treaty was signed in 1648 【4:0†source】 and ended the war.",
    "Prices rose 4% last year. citeturn0search1 Analysts expect the same this year.",
    "The bridge opened in 1890.[oaicite:2] It is still in use.",
])
def test_pasted_answer_with_sign_off_is_flagged(text):
    assert flagged(text)


def test_sign_off_counts_more_at_the_end_than_in_the_middle():
    sign_off = "I hope this helps."
    body = "The committee met twice. " * 30
    at_end = classifier.score(body + sign_off).score
    in_middle = classifier.score(body + sign_off + " " + body).score
    assert at_end > in_middle


def test_evidence_points_at_the_artifact():
    text = "Great post. Sincerely, [Your Name]"
    result = classifier.score(text)
    spans = [text[e.start:e.end] for e in result.evidence]
    assert "[Your Name]" in spans
    assert all("placeholder" in e.reason for e in result.evidence)


def test_zero_width_characters_add_up():
    one = classifier.score("plain\u200btext").score
    three = classifier.score("plain\u200btext\u200bwith\u200bmore").score
    assert 0 < one < three


# Pasted answers (one kind of leftover each) and human texts that quote or discuss the same
# leftovers, or use look-alike formulas of their own (a doctor's "Hope I have answered your
# query", a forum "Hope this helps!").
CASES = [json.loads(line) for line in
         (Path(__file__).parent / "data" / "artifact_cases.jsonl").read_text("utf-8").splitlines()
         if line.strip()]


@pytest.mark.parametrize("case", [c for c in CASES if c["label"] == "human"],
                         ids=lambda case: case["text"][:40])
def test_human_text_quoting_or_discussing_leftovers_is_not_flagged(case):
    assert not flagged(case["text"])


def test_nine_in_ten_pasted_answers_are_caught_whatever_leftover_they_keep():
    pasted = [c for c in CASES if c["label"] == "ai"]
    caught = [c for c in pasted if flagged(c["text"])]
    assert len(caught) >= 0.9 * len(pasted)
    kinds = {c["kind"] for c in pasted}
    assert kinds == {"opener", "preamble", "offer", "sign-off", "greeting", "placeholder",
                     "tracking", "citation", "self"}
    # Every kind except the softest sign-offs is caught every time.
    for kind in kinds - {"sign-off"}:
        assert all(flagged(c["text"]) for c in pasted if c["kind"] == kind), kind


@pytest.mark.parametrize("text", [
    "Sure — here’s a polished version:\n\nWe meet on Thursdays.",
    "Some context first. Let me know if you’d like me to shorten it. Then the rest follows, "
    "and the post goes on for a while about the meeting schedule and the venue.",
    "Here is my question about the schedule.\n\nIf you’d like, I can also draft a reply.",
])
def test_curly_apostrophes_and_mid_post_offers_are_caught(text):
    assert flagged(text)


def test_fenced_code_block_hides_a_quoted_answer():
    text = "The bot said:\n\n```\nCertainly! Here's a revised version:\n```\n\nUseless."
    assert classifier.score(text).score == 0.0
