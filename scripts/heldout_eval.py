"""Held-out evaluation of the text classifiers: unseen domains and unseen generators, worst case.

The shipped model is trained on ``../shared/data/ai_text/train.jsonl`` (three domains, five old
generators), the assistant-style texts of ``moderation/classifiers/data/assistant_style.jsonl``
and real human prose read from this machine (``scripts/human_prose.py``), and its default
thresholds are set on that same data: figures on the training data say little. This script
trains temporary models with parts left out and scores only what each model never saw:

* **Leave one domain out**: one fold per domain of ``assistant_style.jsonl``; each fold also
  leaves out its share of the human sources (whole sources, assigned round-robin), so both the
  AI domain and the human registers a model is scored on are unseen.
* **Leave one generator out**: one fold per AI generator (the training file's five and the
  assistant-style texts), each again with its share of the human sources left out.

Figures: per held-out AI domain (and generator) the combined score's AUROC and true-positive rate
at 1% false positives against every held-out human text, and the *worst* of them; per human
source the share flagged at its fold's default threshold, and the worst. With ``--no-human-
training`` the machine's human prose is only scored, never trained on. The chat-artifact
classifier (not trained) is also checked on each of ``tests/moderation/classifiers/data/
artifact_cases*.jsonl`` (pasted answers vs. people quoting them; the ``_paraphrased`` file with
rewritten leftovers anywhere in forum posts) and on all human prose.

Usage, from the repository root (``../shared/data/`` beside it; Django is not needed)::

    .venv/bin/python scripts/heldout_eval.py [--json] [--max-per-source N] [--npm DIR]
        [--human-data FILE.jsonl] [--protocol lodo|logo|both] [--no-human-training]

See ``scripts/human_prose.py`` for the human sources and the ``--npm`` option (the npm-packaged
corpora: Brown Corpus, SpamAssassin ham email, State of the Union addresses). Sampling is
seeded, so a machine with the same files gives the same figures. Progress goes to stderr.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from human_prose import SEED, collect_humans  # noqa: E402
from npm_corpora import NPM_ENV, npm_directory  # noqa: E402

from moderation.classifiers.chat_artifacts import ChatArtifactsClassifier  # noqa: E402
from moderation.classifiers.evaluation import (  # noqa: E402
    SCORES,
    Record,
    auroc,
    load_jsonl,
    score_records,
    tpr_at_fpr,
)
from moderation.classifiers.training import DEFAULT_LEXICON_CSV, train  # noqa: E402

TRAIN_DATA = Path("../shared/data/ai_text/train.jsonl")
STYLE_DATA = Path("moderation/classifiers/data/assistant_style.jsonl")
ARTIFACT_CASES = (Path("tests/moderation/classifiers/data/artifact_cases.jsonl"),
                  Path("tests/moderation/classifiers/data/artifact_cases_paraphrased.jsonl"))


@dataclass
class Fold:
    """One model: what it is trained on and the unseen texts it scores."""

    name: str
    train: list[Record]
    test: list[Record]


@dataclass
class Scores:
    """Held-out scores of every fold of one protocol, concatenated."""

    records: list[Record] = field(default_factory=list)
    scores: dict[str, list[float]] = field(default_factory=lambda: {n: [] for n in SCORES})
    flagged: list[bool] = field(default_factory=list)  # combined ≥ its fold's threshold
    folds: dict[str, float] = field(default_factory=dict)  # fold → combined threshold


def source_group(domain: str) -> str:
    """A human source without its ``~flat`` variant suffix."""
    return domain.split("~", 1)[0]


def human_folds(humans: Sequence[Record], count: int) -> dict[str, int]:
    """Each human source's fold: whole sources, shuffled (seeded), dealt round-robin."""
    groups = sorted({source_group(r.domain) for r in humans})
    random.Random(SEED).shuffle(groups)
    return {group: i % count for i, group in enumerate(groups)}


def make_folds(protocol: str, base: Sequence[Record], style: Sequence[Record],
               humans: Sequence[Record], human_training: bool) -> list[Fold]:
    """The folds of ``protocol`` ("lodo" or "logo"); see the module docstring."""
    if protocol == "lodo":
        held = sorted({r.domain for r in style})

        def is_held(record: Record, key: str) -> bool:
            return record in style_set and record.domain == key
    else:
        held = sorted({r.generator for r in (*base, *style) if r.label == "ai"})

        def is_held(record: Record, key: str) -> bool:
            return record.label == "ai" and record.generator == key
    style_set = set(style)
    assignment = human_folds(humans, len(held))
    folds = []
    for index, key in enumerate(held):
        unseen_humans = [r for r in humans if assignment[source_group(r.domain)] == index]
        seen_humans = [r for r in humans if assignment[source_group(r.domain)] != index]
        training = [r for r in (*base, *style) if not is_held(r, key)]
        if human_training:
            training += seen_humans
        folds.append(Fold(key, training,
                          [*(r for r in (*base, *style) if is_held(r, key)), *unseen_humans]))
    return folds


def run(folds: Sequence[Fold], workdir: Path) -> Scores:
    """Train one model per fold and score its unseen texts."""
    result = Scores()
    for fold in folds:
        model_path = workdir / f"model_{len(result.folds)}.json"
        train(fold.train, model_path)
        scored = score_records(fold.test, model_path)
        threshold = scored.thresholds["combined"]
        result.folds[fold.name] = threshold
        result.records += fold.test
        result.flagged += [s >= threshold for s in scored.scores["combined"]]
        for name in SCORES:
            result.scores[name] += scored.scores[name]
        ai = [s for s, y in zip(scored.scores["combined"], scored.labels, strict=True) if y]
        print(f"fold {fold.name}: {len(ai)} AI texts, threshold {threshold:.3f}",
              file=sys.stderr)
    return result


def _rates(scores: Sequence[float], labels: Sequence[int]) -> dict[str, float]:
    return {"auroc": round(auroc(scores, labels), 4),
            "tpr_at_1pct_fpr": round(tpr_at_fpr(scores, labels), 4)}


def summarise(result: Scores, key: str) -> dict[str, Any]:
    """Figures of one protocol; ``key`` is the record attribute its folds hold out."""
    combined = result.scores["combined"]
    labels = [int(r.label == "ai") for r in result.records]
    human_scores = [s for s, y in zip(combined, labels, strict=True) if not y]
    held: dict[str, Any] = {}
    for name in result.folds:
        ai_scores = [s for s, r in zip(combined, result.records, strict=True)
                     if r.label == "ai" and getattr(r, key) == name]
        flagged = sum(f for f, r in zip(result.flagged, result.records, strict=True)
                      if r.label == "ai" and getattr(r, key) == name)
        held[name] = {"n": len(ai_scores), "flagged": flagged,
                      **_rates([*ai_scores, *human_scores],
                               [1] * len(ai_scores) + [0] * len(human_scores))}
    sources: dict[str, Any] = {}
    ai_combined = [s for s, y in zip(combined, labels, strict=True) if y]
    for source in sorted({r.domain for r in result.records if r.label == "human"}):
        rows = [i for i, r in enumerate(result.records)
                if r.label == "human" and r.domain == source]
        source_scores = [combined[i] for i in rows]
        sources[source] = {
            "n": len(rows),
            "share_flagged": round(sum(result.flagged[i] for i in rows) / len(rows), 4),
            "auroc": round(auroc([*ai_combined, *source_scores],
                                 [1] * len(ai_combined) + [0] * len(source_scores)), 4),
        }
    return {
        "pooled": {name: _rates(scores, labels) for name, scores in result.scores.items()},
        "held_out": held,
        "worst_held_out": {
            "auroc": min(row["auroc"] for row in held.values()),
            "tpr_at_1pct_fpr": min(row["tpr_at_1pct_fpr"] for row in held.values()),
        },
        "human_sources": sources,
        "max_human_share_flagged": max(row["share_flagged"] for row in sources.values()),
    }


def artifact_check(humans: Sequence[Record]) -> dict[str, Any]:
    """The chat-artifact classifier on the pasted/quoting cases and on all human prose."""
    classifier = ChatArtifactsClassifier()

    def flagged(text: str) -> bool:
        return classifier.score(text).score >= classifier.flag_threshold

    case_files = {}
    for path in ARTIFACT_CASES:
        cases = load_jsonl(path)
        caught = sum(flagged(r.text) for r in cases if r.label == "ai")
        false = sum(flagged(r.text) for r in cases if r.label == "human")
        pasted = sum(r.label == "ai" for r in cases)
        case_files[path.name] = {
            "pasted": pasted, "caught": caught, "quoting_or_human": len(cases) - pasted,
            "flagged_human_cases": false,
            "precision": round(caught / (caught + false), 4) if caught + false else None,
            "recall": round(caught / pasted, 4)}
    return {"case_files": case_files,
            "human_prose_flagged": sum(flagged(r.text) for r in humans),
            "human_prose": len(humans)}


def format_report(result: dict[str, Any]) -> str:
    """The summary as plain-text tables."""
    lines: list[str] = []
    for protocol, title in (("lodo", "Leave one AI domain out"),
                            ("logo", "Leave one generator out")):
        if protocol not in result:
            continue
        part = result[protocol]
        worst = part["worst_held_out"]
        lines += [f"== {title} (human sources left out with each fold) ==",
                  f"{'score':<16}{'AUROC':>8}{'TPR at 1% FPR':>15}   (pooled)"]
        lines += [f"{name:<16}{row['auroc']:>8.3f}{row['tpr_at_1pct_fpr']:>15.3f}"
                  for name, row in part["pooled"].items()]
        lines += ["", f"{'held out':<28}{'n':>5}{'AUROC':>8}{'TPR@1%':>8}{'flagged':>9}"]
        lines += [f"{name[:27]:<28}{row['n']:>5}{row['auroc']:>8.3f}"
                  f"{row['tpr_at_1pct_fpr']:>8.3f}{row['flagged']:>9}"
                  for name, row in part["held_out"].items()]
        lines += [f"WORST held out: AUROC {worst['auroc']:.3f}, "
                  f"TPR at 1% FPR {worst['tpr_at_1pct_fpr']:.3f}",
                  "", f"{'human source':<24}{'n':>6}{'flagged':>9}{'AUROC':>8}"]
        lines += [f"{name:<24}{row['n']:>6}{row['share_flagged']:>9.2%}{row['auroc']:>8.3f}"
                  for name, row in part["human_sources"].items()]
        lines += [f"WORST human source flagged: {part['max_human_share_flagged']:.2%}", ""]
    art = result["chat_artifacts"]
    lines += ["== Chat artifacts (not trained) =="]
    lines += [f"{name}: pasted answers caught {row['caught']}/{row['pasted']} (recall "
              f"{row['recall']:.1%}); quoting/human cases flagged {row['flagged_human_cases']}/"
              f"{row['quoting_or_human']}" for name, row in art["case_files"].items()]
    lines += [f"human prose flagged {art['human_prose_flagged']}/{art['human_prose']}"]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point (see the module docstring)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--max-per-source", type=int, default=300, metavar="N",
                        help="human texts sampled from each source (default: 300)")
    parser.add_argument("--npm", metavar="DIR",
                        help=f"node_modules directory with the npm corpora (default: ${NPM_ENV})")
    parser.add_argument("--human-data", metavar="FILE.jsonl",
                        help="human prose written by scripts/human_prose.py, instead of "
                             "collecting it again")
    parser.add_argument("--protocol", choices=("lodo", "logo", "both"), default="both")
    parser.add_argument("--no-human-training", action="store_true",
                        help="score the machine's human prose without training on it")
    args = parser.parse_args(argv)
    missing = [p for p in (TRAIN_DATA, STYLE_DATA, DEFAULT_LEXICON_CSV) if not p.is_file()]
    if missing:
        print(f"error: missing {', '.join(map(str, missing))}; run from the repository root "
              "with ../shared/data/ beside it", file=sys.stderr)
        return 2
    if args.human_data:
        humans = load_jsonl(args.human_data)
    else:
        humans = collect_humans(args.max_per_source, npm_directory(args.npm))
    if not humans:
        print("error: no human text found on this machine", file=sys.stderr)
        return 2
    base, style = load_jsonl(TRAIN_DATA), load_jsonl(STYLE_DATA)
    result: dict[str, Any] = {}
    protocols = ("lodo", "logo") if args.protocol == "both" else (args.protocol,)
    with tempfile.TemporaryDirectory(prefix="heldout-") as workdir:
        for protocol in protocols:
            folds = make_folds(protocol, base, style, humans, not args.no_human_training)
            scores = run(folds, Path(workdir))
            result[protocol] = summarise(scores, "domain" if protocol == "lodo" else "generator")
    result["chat_artifacts"] = artifact_check(humans)
    print(json.dumps(result, indent=2) if args.json else format_report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
