"""Held-out evaluation of the text classifiers: leave one AI domain out, score real human prose.

The shipped model is trained on ``../shared/data/ai_text/train.jsonl`` plus the hand-written
assistant answers of ``moderation/classifiers/data/assistant_style.jsonl``, and its default
thresholds are set on that same data, so scores on the training data say little about texts of
other registers. This script measures generalisation in two directions:

* AI texts of an unseen domain: for each domain of ``assistant_style.jsonl`` (encyclopaedic,
  biomedical, abstracts, essays, forum, misc), a model is trained into a temporary directory on
  ``train.jsonl`` plus the *other* domains and then scores the held-out domain.
* Human texts of unseen registers: every fold also scores human-written prose read at run time
  from this machine (Python documentation, fortunes, standard-library docstrings,
  ``/usr/share/doc`` READMEs and NEWS, Debian changelog entries, man pages, package READMEs),
  each text also whitespace-collapsed (source ``NAME~flat``), as pasted text often is. None of
  that text is ever written into the repository; a source missing on this machine is skipped
  with a note.

It prints the AUROC and the true-positive rate at 1% false-positive rate of every score, pooled
over the folds; the AUROC and the texts flagged at the default threshold per held-out AI domain;
and per human source the share of its texts flagged at the default threshold (summed over the
folds) and the AUROC of the pooled held-out AI texts against it.

Usage, from the repository root (``../shared/data/`` must sit beside it; Django is not needed)::

    .venv/bin/python scripts/heldout_eval.py [--json] [--max-per-source N]

``--max-per-source`` (default 300) caps the human texts sampled from each source; sampling is
seeded, so a machine with the same files gives the same figures. Progress goes to stderr.
"""

from __future__ import annotations

import argparse
import ast
import glob
import gzip
import json
import os
import random
import re
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

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
SEED = 7
MAN_PAGES = 400  # man pages rendered (two chunks at most from each)
WORD_RE = re.compile(r"[A-Za-z]+")
MARKUP_CHARS = "{}[]<>=_|\\/$#@*`"


# --- turning documents into prose chunks -----------------------------------------------------

def read_text(path: str) -> str:
    """The file's text (gzip-aware), or "" when it cannot be read."""
    try:
        if path.endswith(".gz"):
            with gzip.open(path, "rt", encoding="utf-8", errors="replace") as handle:
                return handle.read()
        with open(path, encoding="utf-8", errors="replace") as handle:
            return handle.read()
    except OSError:
        return ""


def is_prose(paragraph: str) -> bool:
    """At least 12 words, mostly alphabetic, with little code or markup punctuation."""
    words = paragraph.split()
    if len(words) < 12:
        return False
    alphabetic = sum(bool(WORD_RE.fullmatch(w.strip(".,;:!?()\"'"))) for w in words)
    markup = sum(paragraph.count(c) for c in MARKUP_CHARS)
    return alphabetic / len(words) >= 0.7 and markup <= len(words) * 0.08


def prose_paragraphs(text: str) -> list[str]:
    """Blank-line separated paragraphs, each joined onto one line, that pass :func:`is_prose`."""
    paragraphs = (re.sub(r"[ \t]*\n[ \t]*", " ", p).strip() for p in re.split(r"\n\s*\n", text))
    return [p for p in paragraphs if is_prose(p)]


def chunks(paragraphs: Sequence[str], low: int = 60, high: int = 320) -> list[str]:
    """Consecutive paragraphs grouped into texts of at least ``low`` words.

    A paragraph longer than ``high`` words becomes a text of its own, cut at ``high`` words.
    """
    out: list[str] = []
    current: list[str] = []
    words = 0
    for paragraph in paragraphs:
        size = len(paragraph.split())
        if size > high:
            if words >= low:
                out.append("\n\n".join(current))
            current, words = [], 0
            out.append(" ".join(paragraph.split()[:high]))
            continue
        current.append(paragraph)
        words += size
        if words >= low:
            out.append("\n\n".join(current))
            current, words = [], 0
    if words >= low:
        out.append("\n\n".join(current))
    return out


def strip_rst(text: str) -> str:
    """reStructuredText without directives, literal blocks, section underlines and roles."""
    lines: list[str] = []
    skipping = False
    for line in text.splitlines():
        starts_block = line.rstrip().endswith("::")
        if re.match(r"^\s*\.\. ", line) or starts_block:
            skipping = True
            if starts_block and not line.strip().startswith(".."):
                lines.append(line.rstrip()[:-1])
            continue
        if skipping:
            if not line.strip() or line.startswith((" ", "\t")):
                continue
            skipping = False
        if re.match(r"^[=\-~^*#+]{3,}\s*$", line):
            continue
        line = re.sub(r":\w+:`~?([^`<]*?)(?:\s*<[^>]*>)?`", r"\1", line)
        line = re.sub(r"`+([^`]*)`+_?", r"\1", line)
        lines.append(line.replace("*", ""))
    return "\n".join(lines)


def strip_markdown(text: str) -> str:
    """Markdown without code blocks, HTML tags, images, link targets and heading marks."""
    text = re.sub(r"```.*?```", "\n", text, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"^#+\s*", "", text, flags=re.M)
    return text.replace("**", "").replace("`", "")


# --- human sources -----------------------------------------------------------------------------

def python_docs(_: random.Random) -> list[str]:
    """Python documentation sources (tutorial, HOWTOs, FAQ, library reference, what's new)."""
    files = sorted(glob.glob("/usr/share/doc/python3/html/_sources/**/*.txt", recursive=True))
    return [chunk for f in files if "/c-api/" not in f
            for chunk in chunks(prose_paragraphs(strip_rst(read_text(f))))]


def fortunes(_: random.Random) -> list[str]:
    """Fortune cookies of 40 words or more: quotations, anecdotes, jokes, literature."""
    texts: list[str] = []
    for f in sorted(glob.glob("/usr/share/games/fortunes/*")):
        if "." in os.path.basename(f) or os.path.basename(f) in ("art", "ascii-art"):
            continue
        for entry in read_text(f).split("\n%\n"):
            text = re.sub(r"\s*\n\s*", " ", entry).strip()
            if len(text.split()) >= 40 and is_prose(text):
                texts.append(text)
    return texts


def stdlib_docstrings(_: random.Random) -> list[str]:
    """Module, class and function docstrings of this interpreter's standard library."""
    stdlib = sysconfig.get_paths()["stdlib"]
    texts: list[str] = []
    for f in sorted(glob.glob(f"{stdlib}/*.py") + glob.glob(f"{stdlib}/*/*.py")):
        if "/test" in f or "/idlelib" in f:
            continue
        try:
            tree = ast.parse(read_text(f))
        except (SyntaxError, ValueError):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
                docstring = ast.get_docstring(node)
                if docstring:
                    texts += chunks(prose_paragraphs(docstring), low=40)
    return texts


def usr_share_doc(_: random.Random) -> list[str]:
    """READMEs, NEWS, FAQs, TODOs and other text files in /usr/share/doc."""
    prefixes = ("readme", "faq", "news", "thanks", "todo", "bugs")
    suffixes = (".md", ".md.gz", ".txt", ".txt.gz")
    texts: list[str] = []
    for f in sorted(glob.glob("/usr/share/doc/*/*")):
        name = os.path.basename(f).lower()
        if name.startswith(prefixes) or name.endswith(suffixes):
            text = read_text(f)
            texts += chunks(prose_paragraphs(strip_markdown(text) if ".md" in name else text))
    return texts


def debian_changelogs(_: random.Random) -> list[str]:
    """The six latest Debian changelog entries per package, 50-400 words each: terse, and by
    maintainers from everywhere, often writing English as a second language."""
    texts: list[str] = []
    for f in sorted(glob.glob("/usr/share/doc/*/changelog.Debian.gz")):
        for entry in re.split(r"\n(?=\S.*urgency=)", read_text(f))[:6]:
            lines = [line.strip() for line in entry.splitlines()[1:]
                     if line.strip() and not line.startswith(" --")]
            text = " ".join(line[1:].strip() if line.startswith(("*", "-", "+")) else line
                            for line in lines)
            if 50 <= len(text.split()) <= 400 and is_prose(text):
                texts.append(text)
    return texts


def man_pages(rng: random.Random) -> list[str]:
    """DESCRIPTION sections of ``MAN_PAGES`` randomly chosen section 1 and 8 man pages."""
    if not shutil.which("man"):
        return []
    pages = sorted(glob.glob("/usr/share/man/man[18]/*.gz"))
    rng.shuffle(pages)
    environment = {**os.environ, "MANWIDTH": "2000", "MAN_KEEP_FORMATTING": "0"}
    texts: list[str] = []
    for page in pages[:MAN_PAGES]:
        try:
            rendered = subprocess.run(["man", "-l", page], capture_output=True, text=True,
                                      timeout=5, env=environment, check=False).stdout
        except subprocess.TimeoutExpired:
            continue
        rendered = re.sub(r".\x08", "", rendered)  # overstrike bold and underline
        found = re.search(r"\nDESCRIPTION\n(.*?)(?:\n[A-Z][A-Z ]+\n|$)", rendered, re.S)
        if found:
            texts += chunks(prose_paragraphs(found.group(1)), low=40)[:2]
    return texts


def package_readmes(_: random.Random) -> list[str]:
    """Long descriptions of installed Python distributions (their PyPI READMEs)."""
    site_dirs = {sysconfig.get_paths()["purelib"],
                 sysconfig.get_paths(vars={"base": sys.base_prefix})["purelib"],
                 "/usr/lib/python3/dist-packages"}
    files = sorted({f for d in site_dirs for name in ("METADATA", "PKG-INFO")
                    for f in glob.glob(f"{d}/*-info/{name}")})
    texts: list[str] = []
    for f in files:
        _, _, body = read_text(f).partition("\n\n")
        texts += chunks(prose_paragraphs(strip_markdown(strip_rst(body))))[:4]
    return texts


HUMAN_SOURCES: dict[str, Callable[[random.Random], list[str]]] = {
    "pydocs": python_docs,
    "fortunes": fortunes,
    "docstrings": stdlib_docstrings,
    "usrdoc": usr_share_doc,
    "changelog": debian_changelogs,
    "man": man_pages,
    "pkgreadme": package_readmes,
}


def collect_humans(max_per_source: int) -> list[Record]:
    """Up to ``max_per_source`` distinct texts from each available source (seeded sample), and
    the whitespace-collapsed form of each sampled text that has line breaks."""
    records: list[Record] = []
    for name, collect in HUMAN_SOURCES.items():
        rng = random.Random(f"{SEED}/{name}")
        texts = list(dict.fromkeys(collect(rng)))
        if not texts:
            print(f"note: human source {name!r} skipped: nothing found on this machine",
                  file=sys.stderr)
            continue
        rng.shuffle(texts)
        sample = texts[:max_per_source]
        records += [Record(text, "human", name) for text in sample]
        records += [Record(" ".join(text.split()), "human", f"{name}~flat")
                    for text in sample if "\n" in text]
        print(f"{name}: {len(sample)} of {len(texts)} texts", file=sys.stderr)
    return records


# --- leave one domain out ----------------------------------------------------------------------

@dataclass
class Pool:
    """Scores and labels of every fold, concatenated."""

    labels: list[int]
    domains: list[str]
    scores: dict[str, list[float]]
    flagged: list[bool]  # combined score at or above its fold's default threshold


def leave_one_domain_out(base: Sequence[Record], style: Sequence[Record],
                         humans: Sequence[Record], workdir: Path) -> tuple[Pool, dict[str, Any]]:
    """Train one model per held-out AI domain of ``style``; score that domain and ``humans``."""
    pool = Pool([], [], {name: [] for name in SCORES}, [])
    folds: dict[str, Any] = {}
    for domain in sorted({r.domain for r in style}):
        model_path = workdir / f"model_without_{domain}.json"
        train([*base, *(r for r in style if r.domain != domain)], model_path)
        held_out = [r for r in style if r.domain == domain]
        scored = score_records([*held_out, *humans], model_path)
        threshold = scored.thresholds["combined"]
        combined = scored.scores["combined"]
        flagged = [s >= threshold for s in combined]
        folds[domain] = {
            "n": len(held_out),
            "auroc": round(auroc(combined, scored.labels), 4),
            "flagged": sum(flagged[:len(held_out)]),
            "threshold": threshold,
        }
        print(f"fold {domain}: AUROC {folds[domain]['auroc']:.3f}", file=sys.stderr)
        pool.labels += scored.labels
        pool.domains += [r.domain for r in (*held_out, *humans)]
        pool.flagged += flagged
        for name in SCORES:
            pool.scores[name] += scored.scores[name]
    return pool, folds


def summarise(pool: Pool, folds: dict[str, Any], n_folds: int) -> dict[str, Any]:
    """The pooled, per-AI-domain and per-human-source figures."""
    ai_combined = [s for s, y in zip(pool.scores["combined"], pool.labels, strict=True) if y]
    sources: dict[str, Any] = {}
    for source in dict.fromkeys(d for d, y in zip(pool.domains, pool.labels, strict=True) if not y):
        rows = [i for i, d in enumerate(pool.domains) if d == source and not pool.labels[i]]
        human_combined = [pool.scores["combined"][i] for i in rows]
        flagged = sum(pool.flagged[i] for i in rows)
        sources[source] = {
            "n": len(rows) // n_folds,
            "flagged": flagged,
            "share_flagged": round(flagged / len(rows), 4),
            "auroc": round(auroc([*ai_combined, *human_combined],
                                 [1] * len(ai_combined) + [0] * len(human_combined)), 4),
        }
    return {
        "pooled": {name: {"auroc": round(auroc(scores, pool.labels), 4),
                          "tpr_at_1pct_fpr": round(tpr_at_fpr(scores, pool.labels), 4)}
                   for name, scores in pool.scores.items()},
        "ai_domains": folds,
        "human_sources": sources,
        "n_folds": n_folds,
    }


def format_report(result: dict[str, Any]) -> str:
    """The summary as plain-text tables."""
    lines = ["Pooled over folds (held-out AI domain vs all human texts, every fold)",
             f"{'score':<16}{'AUROC':>8}{'TPR at 1% FPR':>15}"]
    lines += [f"{name:<16}{row['auroc']:>8.3f}{row['tpr_at_1pct_fpr']:>15.3f}"
              for name, row in result["pooled"].items()]
    lines += ["", "Held-out AI domains (combined score)",
              f"{'domain':<16}{'n':>5}{'AUROC':>8}{'flagged':>9}{'threshold':>11}"]
    lines += [f"{domain:<16}{row['n']:>5}{row['auroc']:>8.3f}{row['flagged']:>9}"
              f"{row['threshold']:>11.3f}" for domain, row in result["ai_domains"].items()]
    lines += ["", f"Human sources (combined score; flagged summed over {result['n_folds']} folds;"
              " AUROC of all held-out AI texts vs the source)",
              f"{'source':<18}{'n':>5}{'flagged':>9}{'share':>8}{'AUROC':>8}"]
    lines += [f"{source:<18}{row['n']:>5}{row['flagged']:>9}{row['share_flagged']:>8.2%}"
              f"{row['auroc']:>8.3f}" for source, row in result["human_sources"].items()]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point (see the module docstring)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--max-per-source", type=int, default=300, metavar="N",
                        help="human texts sampled from each source (default: 300)")
    args = parser.parse_args(argv)
    missing = [p for p in (TRAIN_DATA, STYLE_DATA, DEFAULT_LEXICON_CSV) if not p.is_file()]
    if missing:
        print(f"error: missing {', '.join(map(str, missing))}; run from the repository root "
              "with ../shared/data/ beside it", file=sys.stderr)
        return 2
    humans = collect_humans(args.max_per_source)
    if not humans:
        print("error: no human text found on this machine", file=sys.stderr)
        return 2
    style = load_jsonl(STYLE_DATA)
    with tempfile.TemporaryDirectory(prefix="heldout-") as workdir:
        pool, folds = leave_one_domain_out(load_jsonl(TRAIN_DATA), style, humans, Path(workdir))
    result = summarise(pool, folds, len(folds))
    print(json.dumps(result, indent=2) if args.json else format_report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
