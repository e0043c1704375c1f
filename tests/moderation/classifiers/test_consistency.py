"""Consistency classifier: contradictions between the disclosure and the content."""

from moderation.classifiers.consistency import ConsistencyClassifier

classifier = ConsistencyClassifier()


def test_human_only_post_with_ai_block_is_flagged():
    result = classifier.score("", {"human_only": True, "ai_block_count": 2})
    assert result.score >= classifier.flag_threshold
    assert "AI blocks (2)" in result.evidence[0].message


def test_human_only_post_with_strong_artifact_evidence_is_flagged():
    context = {"human_only": True, "other_scores": {"chat_artifacts": 0.97}}
    assert classifier.score("", context).score >= classifier.flag_threshold


def test_estimate_far_below_measured_share_is_flagged_but_close_one_is_not():
    far = {"ai_share_estimate_max": 0.1, "measured_ai_share": 0.7}
    close = {"ai_share_estimate_max": 0.25, "measured_ai_share": 0.4}
    assert classifier.score("", far).score >= classifier.flag_threshold
    assert classifier.score("", close).score == 0


def test_edit_after_publish_alone_is_noted_but_not_flagged():
    result = classifier.score("", {"edited_after_publish": True})
    assert 0 < result.score < classifier.flag_threshold
    assert (result.evidence[0].start, result.evidence[0].end) == (0, 0)


def test_no_context_means_no_contradiction():
    assert classifier.score("anything").score == 0
