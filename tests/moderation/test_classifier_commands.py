"""``manage.py train_classifier`` and ``evaluate_classifier`` on small JSONL files."""

import importlib.util
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

HUMAN = [
    "We drove up on Friday and the campsite was already full, so we slept in the car.",
    "My landlord finally fixed the boiler after three weeks of cold showers.",
    "The bus was late again and I missed the first half of the match, typical.",
    "Grandma's recipe says a pinch of salt but she always used a fistful.",
]
AI = [
    "Certainly! Here's an overview. It's important to note that this plays a pivotal role. "
    "I hope this helps! Let me know if you'd like me to expand on any section.",
    "In today's fast-paced world, fostering collaboration can unlock the full potential of "
    "teams, underscoring the intricate interplay of trust and seamless communication.",
]


def write_jsonl(path, lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def data(tmp_path):
    lines = [json.dumps({"text": f"{text} Day {i}.", "label": "human", "source": "diary"})
             for i in range(6) for text in HUMAN]
    lines += [json.dumps({"text": f"{text} Point {i}.", "label": "ai", "generator": "x"})
              for i in range(6) for text in AI]
    return write_jsonl(tmp_path / "eval.jsonl", lines)


def run(*args):
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.mark.parametrize("command", ["evaluate_classifier", "train_classifier"])
def test_malformed_line_is_refused_naming_the_file_and_line(tmp_path, command):
    path = write_jsonl(tmp_path / "bad.jsonl",
                       ['{"text": "fine", "label": "human"}', "", '{"text": "cut off", "lab'])
    with pytest.raises(CommandError, match=r"bad\.jsonl:3: not valid JSON"):
        run(command, "--data", str(path))


def test_unknown_label_is_refused_naming_the_line(tmp_path):
    path = write_jsonl(tmp_path / "labels.jsonl",
                       ['{"text": "a", "label": "ai"}', '{"text": "b", "label": "robot"}'])
    with pytest.raises(CommandError, match=r"labels\.jsonl:2: 'label' must be 'human' or 'ai'"):
        run("evaluate_classifier", "--data", str(path))


def test_missing_file_is_a_command_error(tmp_path):
    with pytest.raises(CommandError, match="cannot read"):
        run("evaluate_classifier", "--data", str(tmp_path / "nowhere.jsonl"))


def test_json_output_is_one_object_with_the_documented_keys_and_types(data):
    report = json.loads(run("evaluate_classifier", "--data", str(data), "--json"))
    assert set(report) == {"n", "n_human", "n_ai", "auroc", "tpr_at_1pct_fpr", "flagged_human",
                           "flagged_ai", "classifiers"}
    assert (report["n"], report["n_human"], report["n_ai"]) == (36, 24, 12)
    assert set(report["classifiers"]) == {"chat_artifacts", "style_lexicon", "ngram"}
    for row in [report, *report["classifiers"].values()]:
        assert isinstance(row["auroc"], float) and 0 <= row["auroc"] <= 1
        assert isinstance(row["tpr_at_1pct_fpr"], float) and 0 <= row["tpr_at_1pct_fpr"] <= 1
        assert isinstance(row["flagged_human"], int) and isinstance(row["flagged_ai"], int)
    # The pasted answer carries chat artifacts; the diary entries flag nothing.
    assert report["classifiers"]["chat_artifacts"]["flagged_ai"] == 6
    assert report["flagged_human"] == 0


def test_table_output_has_a_row_per_score(data):
    lines = run("evaluate_classifier", "--data", str(data), "--data", str(data)).splitlines()
    assert lines[0] == "72 texts: 48 human, 24 AI"
    assert "AUROC" in lines[1] and "TPR at 1% FPR" in lines[1]
    assert [line.split()[0] for line in lines[2:6]] == [
        "combined", "chat_artifacts", "style_lexicon", "ngram"]


@pytest.fixture
def domain_data(tmp_path):
    # Two human domains: diaries flag nothing; "bot-quotes" holds one pasted answer labelled
    # human (a mislabelled line), which the chat-artifact score flags.
    lines = [json.dumps({"text": f"{text} Day {i}.", "label": "human", "domain": "diary"})
             for i in range(5) for text in HUMAN]
    lines += [json.dumps({"text": f"{HUMAN[i]} Week {i}.", "label": "human",
                          "domain": "bot-quotes"}) for i in range(3)]
    lines.append(json.dumps({"text": AI[0], "label": "human", "domain": "bot-quotes"}))
    lines += [json.dumps({"text": f"{text} Point {i}.", "label": "ai", "domain": "answers"})
              for i in range(3) for text in AI]
    return write_jsonl(tmp_path / "domains.jsonl", lines)


def test_json_output_counts_flagged_texts_per_domain(domain_data):
    report = json.loads(run("evaluate_classifier", "--data", str(domain_data), "--json"))
    domains = report["domains"]
    assert set(domains) == {"diary", "bot-quotes", "answers"}
    assert (domains["diary"]["n_human"], domains["diary"]["n_ai"]) == (20, 0)
    assert domains["diary"]["flagged_human"]["chat_artifacts"] == 0
    assert domains["diary"]["false_positive_rate"]["combined"] == 0.0
    assert domains["bot-quotes"]["flagged_human"]["chat_artifacts"] == 1
    assert domains["bot-quotes"]["false_positive_rate"]["chat_artifacts"] == 0.25
    assert domains["answers"]["false_positive_rate"]["combined"] is None
    assert domains["answers"]["flagged_ai"]["chat_artifacts"] == 3


def test_table_output_prints_the_false_positive_rate_of_each_domain(domain_data):
    out = run("evaluate_classifier", "--data", str(domain_data))
    rows = {line.split()[0]: line.split() for line in out.splitlines()[7:] if line.strip()}
    assert "False-positive rate by domain" in out
    # domain, human, AI, then combined, chat_artifacts, style_lexicon, ngram
    assert rows["bot-quotes"][1:3] == ["4", "0"] and rows["bot-quotes"][4] == "25.00%"
    assert rows["diary"][3:] == ["0.00%"] * 4
    assert rows["answers"][3:] == ["-"] * 4


def test_report_has_no_domain_section_without_domain_keys(data):
    report = json.loads(run("evaluate_classifier", "--data", str(data), "--json"))
    assert "domains" not in report


@pytest.mark.skipif(importlib.util.find_spec("matplotlib") is not None,
                    reason="matplotlib is installed")
def test_plot_without_matplotlib_is_a_clear_error(data, tmp_path):
    with pytest.raises(CommandError, match="--plot needs matplotlib"):
        run("evaluate_classifier", "--data", str(data), "--plot", str(tmp_path / "roc.png"))


@pytest.mark.skipif(importlib.util.find_spec("matplotlib") is None,
                    reason="matplotlib is not installed")
def test_plot_writes_a_png(data, tmp_path):
    target = tmp_path / "roc.png"
    run("evaluate_classifier", "--data", str(data), "--plot", str(target))
    assert target.read_bytes().startswith(b"\x89PNG")


def test_train_writes_a_model_the_evaluation_reads_and_is_deterministic(data, tmp_path):
    lexicon = tmp_path / "words.csv"
    lexicon.write_text(',"word","type"\n0,"pivotal","style"\n1,"seamless","style"\n',
                       encoding="utf-8")
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    out = run("train_classifier", "--data", str(data), "--out", str(first),
              "--lexicon", str(lexicon))
    run("train_classifier", "--data", str(data), "--out", str(second), "--lexicon", str(lexicon))
    assert "from 36 texts (24 human, 12 AI)" in out
    assert first.read_bytes() == second.read_bytes()
    report = json.loads(run("evaluate_classifier", "--data", str(data), "--model", str(first),
                            "--json"))
    assert report["n"] == 36


def test_with_lm_says_what_is_missing_instead_of_failing_later(data, settings):
    settings.AI_MODERATION_LANGUAGE_MODEL_PATH = "/nowhere/model.gguf"
    with pytest.raises(CommandError, match=r"--with-lm: .*/nowhere/model\.gguf does not exist"):
        run("evaluate_classifier", "--data", str(data), "--with-lm")


def test_a_token_cap_below_one_is_refused(data):
    with pytest.raises(CommandError, match="--lm-max-tokens"):
        run("evaluate_classifier", "--data", str(data), "--with-lm", "--lm-max-tokens", "0")
