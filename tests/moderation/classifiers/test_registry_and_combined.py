"""Registry loading by dotted path, the Result contract, and the combined score."""

import pytest

from moderation.classifiers import (
    DEFAULT_CLASSIFIERS,
    ClassifierLoadError,
    Result,
    load_classifiers,
)
from moderation.classifiers.combined import CombinedClassifier


def test_default_classifiers_load_with_names_and_versions():
    classifiers = load_classifiers(DEFAULT_CLASSIFIERS)
    names = [c.name for c in classifiers]
    assert names == ["chat_artifacts", "style_lexicon", "ngram", "combined", "consistency"]
    assert all(c.version and 0 < c.flag_threshold <= 1 for c in classifiers)


@pytest.mark.parametrize("path", ["nodots", "moderation.classifiers.nowhere.Thing",
                                  "moderation.classifiers.base.Missing",
                                  "moderation.classifiers.base.Evidence"])
def test_bad_classifier_path_fails_naming_the_path(path):
    with pytest.raises(ClassifierLoadError, match=path.rpartition(".")[2] or path):
        load_classifiers([path])


def test_result_refuses_scores_outside_unit_interval():
    with pytest.raises(ValueError):
        Result(1.5)


def test_combined_reuses_scores_from_context_and_flags_artifacts():
    combined = CombinedClassifier()
    scores = {"chat_artifacts": 0.99, "style_lexicon": 0.1, "ngram": 0.2}
    result = combined.score("text is not rescored", {"other_scores": scores})
    assert result.score >= combined.flag_threshold


def test_combined_flags_every_post_the_chat_artifact_classifier_flags():
    # A pasted answer with one leftover scores just over the artifact threshold (0.9), below
    # the combined one; the combined score must flag it all the same, and keep the order.
    combined = CombinedClassifier()
    post = ("I asked about the sensor drift and got this.\n\nThe drift comes from the reference "
            "voltage warming up; give it ten minutes before you calibrate.\n\n"
            "Let me know if you'd like me to write a calibration script for it!")
    artifacts = combined.classifiers["chat_artifacts"]
    assert artifacts.score(post).score >= artifacts.flag_threshold
    assert combined.score(post).score >= combined.flag_threshold
    low = {"chat_artifacts": 0.5, "style_lexicon": 0.01, "ngram": 0.01}
    high = {**low, "chat_artifacts": 0.95}
    assert combined.combine(low) < combined.flag_threshold <= combined.combine(high)


def test_combined_does_not_flag_plain_human_text():
    combined = CombinedClassifier()
    text = ("Went to the market on Sunday, the fish guy was gone again. Ended up making soup "
            "from whatever was left in the fridge, which honestly turned out great.")
    assert combined.score(text).score < combined.flag_threshold
