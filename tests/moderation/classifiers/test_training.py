"""JSONL loading, metrics, evaluation report and a deterministic model-file round trip."""

import json

import pytest

from moderation.classifiers.evaluation import (
    DataFormatError,
    Record,
    auroc,
    evaluate,
    load_jsonl,
    tpr_at_fpr,
)
from moderation.classifiers.ngram import NgramClassifier
from moderation.classifiers.style_lexicon import StyleLexiconClassifier
from moderation.classifiers.training import main, train

HUMAN = [
    "We drove up on Friday and the campsite was already full, so we slept in the car. {}",
    "My landlord finally fixed the boiler after three weeks of cold showers. {}",
    "The bus was late again and I missed the first half of the match. {}",
    "Grandma's recipe says a pinch of salt but she always used a fistful. {}",
]
AI = [
    "Additionally, it's important to note that this approach plays a pivotal role. {}",
    "Ultimately, fostering collaboration can unlock the full potential of teams. {}",
    "In today's fast-paced world, seamless communication is crucial for success. {}",
    "This comprehensive overview underscores the intricate interplay of factors. {}",
]


def small_records():
    records = []
    for i in range(12):
        for template in HUMAN:
            records.append(Record(template.format(f"It rained {i} times."), "human", "blog"))
        for template in AI:
            text = template.format(f"It offers {i} valuable insights.")
            records.append(Record(text, "ai", "blog"))
    return records


@pytest.fixture
def lexicon_csv(tmp_path):
    path = tmp_path / "words.csv"
    path.write_text(',"word","type"\n0,"pivotal","style"\n1,"crucial","style"\n'
                    '2,"underscores","style"\n', encoding="utf-8")
    return path


def test_malformed_jsonl_line_is_reported_with_its_number(tmp_path):
    path = tmp_path / "data.jsonl"
    path.write_text('{"text": "fine", "label": "human"}\n\n{"text": "broken", "label": \n',
                    encoding="utf-8")
    with pytest.raises(DataFormatError, match=r"data\.jsonl:3: not valid JSON"):
        load_jsonl(path)


def test_unknown_label_is_reported_with_its_number(tmp_path):
    path = tmp_path / "data.jsonl"
    path.write_text('{"text": "a", "label": "ai"}\n{"text": "b", "label": "robot"}\n',
                    encoding="utf-8")
    with pytest.raises(DataFormatError, match=r":2: 'label' must be"):
        load_jsonl(path)


def test_metrics_on_a_known_ranking():
    scores = [0.1, 0.2, 0.3, 0.9, 0.8, 0.25]
    labels = [0, 0, 0, 1, 1, 1]
    assert auroc(scores, labels) == pytest.approx(8 / 9)
    assert tpr_at_fpr(scores, labels) == pytest.approx(2 / 3)


def test_evaluate_reports_every_score_with_the_documented_keys():
    report = evaluate(small_records()[:16])
    assert set(report) == {"n", "n_human", "n_ai", "auroc", "tpr_at_1pct_fpr", "flagged_human",
                           "flagged_ai", "classifiers", "domains"}
    assert set(report["domains"]) == {"blog"}
    assert set(report["classifiers"]) == {"chat_artifacts", "style_lexicon", "ngram"}
    for row in report["classifiers"].values():
        assert set(row) == {"auroc", "tpr_at_1pct_fpr", "flagged_human", "flagged_ai"}
    assert (report["n"], report["n_human"], report["n_ai"]) == (16, 8, 8)


def test_trained_model_file_round_trips_deterministically(tmp_path, lexicon_csv):
    records = small_records()
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    train(records, first, lexicon_csv)
    train(records, second, lexicon_csv)
    assert first.read_bytes() == second.read_bytes()
    assert json.loads(first.read_text())["trained_on"]["records"] == len(records)
    ngram = NgramClassifier(first)
    ai_text = AI[0].format("More text follows.")
    human_text = HUMAN[0].format("More text follows.")
    assert ngram.score(ai_text).score > ngram.score(human_text).score
    assert StyleLexiconClassifier(first).word_weights["pivotal"] == 3.0


def test_command_line_evaluate_prints_json(tmp_path, capsys):
    path = tmp_path / "data.jsonl"
    path.write_text("\n".join(json.dumps({"text": r.text, "label": r.label})
                              for r in small_records()[:8]), encoding="utf-8")
    assert main(["evaluate", "--data", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["n"] == 8


def test_command_line_reports_bad_data_without_a_traceback(tmp_path, capsys):
    path = tmp_path / "data.jsonl"
    path.write_text("not json\n", encoding="utf-8")
    assert main(["evaluate", "--data", str(path)]) == 2
    assert "data.jsonl:1" in capsys.readouterr().err
