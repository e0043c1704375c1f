"""Chat-artifact classifier: catches pasted assistant answers, never flags people quoting them."""

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
    sign_off = "Let me know if you'd like me to add more examples."
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
