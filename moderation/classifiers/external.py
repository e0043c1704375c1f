"""An external AI-text detector (a service of the Pangram / GPTZero kind) as a classifier.

The classifier posts the author's own text to an HTTP endpoint and turns the answer into a
score and evidence spans. It is off unless listed in ``AI_MODERATION_CLASSIFIERS`` and given
a URL; every limit lives in the ``AI_MODERATION_EXTERNAL_DETECTOR_*`` settings.

Wire format (modelled on Pangram's public text API; a small adapter service can translate
for another vendor)::

    POST <URL>
    Content-Type: application/json
    x-api-key: <API_KEY>                      (omitted when no key is set)

    {"text": "the text to classify"}

    200 OK
    {"ai_likelihood": 0.93,                   overall probability the text is AI-written
     "windows": [                             optional; per-window scores
        {"start_index": 0, "end_index": 412,  character offsets into the text sent
         "ai_likelihood": 0.97},
        ...]}

A window may give ``"text"`` instead of offsets; it is then located in the text sent, in
order. Offsets are mapped back to the text the classifier was given, so moderators see the
passage highlighted where the author wrote it.

What is sent: declared AI blocks, fenced code, block quotes and inline code are removed
first (disclosed or quoted text is not the author's claim). The screening pipeline already
passes only the author's own text; the stripping here keeps raw Markdown safe too.

Failure handling, shared by every worker through Django's cache:

* each request has a timeout; timeouts, connection errors, 429 and 5xx answers are retried a
  bounded number of times with a short exponential backoff; other 4xx answers are not;
* after ``BREAKER_FAILURES`` posts in a row that could not be scored, the circuit opens and
  nothing is sent for ``BREAKER_SECONDS``; then one post is tried again (half-open);
* a daily budget caps the requests (retries included) per UTC day;
* answers are cached per text, so re-screening after a disclosure change costs nothing.

A post that is not sent (condition false, circuit open, budget spent, service failing) scores
0.0 with one evidence item saying why: this detector is a hint for moderators, never a verdict.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from django.core.cache import caches

from ai_disclosure.blocks import DEFAULT_BLOCK_TYPES, parse

from ..app_settings import app_settings
from .base import Evidence, Result, gettext_noop, import_string

logger = logging.getLogger(__name__)

_CACHE_PREFIX = "ai_moderation:external_detector"
_FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_QUOTE_RE = re.compile(r"^ {0,3}>")
_INLINE_CODE_RE = re.compile(r"`[^`\n]+`")
_RETRIED_STATUSES = frozenset({429, 500, 502, 503, 504})
#: Windows scoring at least this are shown to moderators as evidence.
_EVIDENCE_FLOOR = 0.5


# -- what is sent, and mapping the answer back ------------------------------------------------


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of kept characters: ``length`` characters at ``source`` in the original text
    appear at ``sent`` in the text sent.
    """

    source: int
    sent: int
    length: int


def sendable_text(text: str) -> tuple[str, list[Segment]]:
    """The text to send (no AI blocks, fenced code, block quotes or inline code) and the
    segments that map its offsets back to ``text``.
    """
    block_lines: set[int] = set()
    for block in parse(text, DEFAULT_BLOCK_TYPES).blocks:
        block_lines.update(range(block.start_line, (block.end_line or block.start_line) + 1))

    pieces: list[tuple[int, str]] = []  # (offset in text, kept characters)
    fence: str | None = None
    offset = 0
    for number, line in enumerate(text.split("\n"), start=1):
        start, offset = offset, offset + len(line) + 1
        opener = _FENCE_RE.match(line)
        if fence is not None:
            if opener and opener.group(1).startswith(fence):
                fence = None
            continue
        if number in block_lines or _QUOTE_RE.match(line):
            continue
        if opener:
            fence = opener.group(1)
            continue
        position = 0
        for code in _INLINE_CODE_RE.finditer(line):
            pieces.append((start + position, line[position : code.start()]))
            position = code.end()
        pieces.append((start + position, line[position:]))

    sent: list[str] = []
    segments: list[Segment] = []
    length = 0
    previous_end = None
    for source, piece in pieces:
        if not piece.strip():
            continue
        if previous_end is not None:
            # Keep the text's own line break between adjacent lines, a blank line elsewhere.
            separator = "\n" if source == previous_end + 1 else "\n\n"
            sent.append(separator)
            length += len(separator)
        segments.append(Segment(source, length, len(piece)))
        sent.append(piece)
        length += len(piece)
        previous_end = source + len(piece)
    return "".join(sent), segments


def source_spans(segments: list[Segment], start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the original text that the sent-text span ``[start, end)`` covers."""
    spans = []
    for segment in segments:
        low = max(start, segment.sent)
        high = min(end, segment.sent + segment.length)
        if low < high:
            shift = segment.source - segment.sent
            spans.append((low + shift, high + shift))
    return spans


# -- shared failure state -----------------------------------------------------------------------


class CircuitBreaker:
    """Stops calling a failing service for a while; its state lives in a Django cache so all
    workers agree.
    """

    def __init__(self, cache, *, failures: int, seconds: float, prefix: str = _CACHE_PREFIX):
        self.cache = cache
        self.failures = failures
        self.seconds = seconds
        self.count_key = f"{prefix}:failures"
        self.open_key = f"{prefix}:open_until"

    def is_open(self) -> bool:
        """True while the circuit is open (nothing is sent)."""
        return time.time() < (self.cache.get(self.open_key) or 0)

    def record_success(self) -> None:
        """A post was scored: the failure count starts again and the circuit closes."""
        self.cache.delete_many([self.count_key, self.open_key])

    def record_failure(self) -> None:
        """Count a post that could not be scored; open the circuit at the limit. A failed
        trial after the open period (half-open) opens it again at once.
        """
        self.cache.add(self.count_key, 0, timeout=None)
        try:
            count = self.cache.incr(self.count_key)
        except ValueError:  # evicted between add and incr
            count = 1
            self.cache.set(self.count_key, count, timeout=None)
        if count >= self.failures:
            self.cache.set(self.open_key, time.time() + self.seconds,
                           timeout=int(self.seconds) + 1)
            logger.warning("External detector failed %d times in a row; not calling it for "
                           "%d s.", count, self.seconds)


class DailyBudget:
    """At most ``limit`` requests per UTC day, counted in a Django cache."""

    def __init__(self, cache, *, limit: int, prefix: str = _CACHE_PREFIX):
        self.cache = cache
        self.limit = limit
        self.prefix = prefix

    def _key(self) -> str:
        return f"{self.prefix}:budget:{datetime.now(UTC).date().isoformat()}"

    def take(self) -> bool:
        """Spend one request; False (and nothing spent) when the day's budget is used up."""
        key = self._key()
        self.cache.add(key, 0, timeout=2 * 24 * 3600)
        try:
            used = self.cache.incr(key)
        except ValueError:
            used = 1
            self.cache.set(key, used, timeout=2 * 24 * 3600)
        if used > self.limit:
            self.cache.decr(key)
            return False
        return True

    def used(self) -> int:
        """Requests sent so far today (UTC)."""
        return self.cache.get(self._key()) or 0


# -- the classifier -----------------------------------------------------------------------------


class DetectorError(Exception):
    """The service could not score the text (after the retries allowed)."""


class ExternalDetectorClassifier:
    """Scores text with an external detection service (see the module docstring).

    Every argument defaults to its ``AI_MODERATION_EXTERNAL_DETECTOR_*`` setting.
    """

    name = "external_detector"
    version = "1"

    def __init__(
        self,
        *,
        url: str | None = None,
        api_key: str | None = None,
        timeout: float | None = None,
        retries: int | None = None,
        backoff: float | None = None,
        breaker_failures: int | None = None,
        breaker_seconds: float | None = None,
        daily_budget: int | None = None,
        condition: str | Callable[[Mapping], bool] | None = None,
        min_words: int | None = None,
        flag_threshold: float | None = None,
        cache=None,
    ) -> None:
        s = app_settings
        self.url = url if url is not None else s.EXTERNAL_DETECTOR_URL
        self.api_key = api_key if api_key is not None else s.EXTERNAL_DETECTOR_API_KEY
        self.timeout = timeout if timeout is not None else s.EXTERNAL_DETECTOR_TIMEOUT
        self.retries = retries if retries is not None else s.EXTERNAL_DETECTOR_RETRIES
        self.backoff = backoff if backoff is not None else s.EXTERNAL_DETECTOR_BACKOFF
        self.min_words = min_words if min_words is not None else s.EXTERNAL_DETECTOR_MIN_WORDS
        self.flag_threshold = (flag_threshold if flag_threshold is not None
                               else s.EXTERNAL_DETECTOR_FLAG_THRESHOLD)
        condition = condition if condition is not None else s.EXTERNAL_DETECTOR_CONDITION
        self.condition = import_string(condition) if isinstance(condition, str) else condition
        self.cache = cache if cache is not None else caches[s.EXTERNAL_DETECTOR_CACHE]
        self.breaker = CircuitBreaker(
            self.cache,
            failures=breaker_failures if breaker_failures is not None
            else s.EXTERNAL_DETECTOR_BREAKER_FAILURES,
            seconds=breaker_seconds if breaker_seconds is not None
            else s.EXTERNAL_DETECTOR_BREAKER_SECONDS,
        )
        self.budget = DailyBudget(
            self.cache,
            limit=daily_budget if daily_budget is not None else s.EXTERNAL_DETECTOR_DAILY_BUDGET,
        )

    def score(self, text: str, context: Mapping | None = None) -> Result:
        """Send the author's own part of ``text`` (if allowed) and score it."""
        if not self.url:
            return _not_sent(gettext_noop("external detector not consulted: no URL is configured"))
        if self.condition is not None and not self.condition(context or {}):
            return _not_sent(gettext_noop(
                "external detector not consulted: the post does not meet the sending condition"))
        sent, segments = sendable_text(text)
        if len(sent.split()) < self.min_words:
            return _not_sent(gettext_noop(
                "external detector not consulted: fewer than %(count)s words of the author's "
                "own text"), count=str(self.min_words))
        cache_key = f"{_CACHE_PREFIX}:answer:{self.version}:" + hashlib.sha256(
            f"{self.url}\0{sent}".encode()).hexdigest()
        answer = self.cache.get(cache_key)
        if answer is None:
            if self.breaker.is_open():
                return _not_sent(gettext_noop(
                    "external detector not consulted: the service failed repeatedly; the "
                    "circuit is open"))
            try:
                answer = self._request(sent)
            except DetectorError as error:
                self.breaker.record_failure()
                logger.warning("External detector could not score a text: %s", error)
                return _not_sent(gettext_noop(
                    "external detector not consulted: the service failed: %(error)s"),
                    error=str(error))
            except BudgetSpent:
                return _not_sent(gettext_noop(
                "external detector not consulted: today's request budget is spent"))
            self.breaker.record_success()
            self.cache.set(cache_key, answer, timeout=7 * 24 * 3600)
        return _result(answer, sent, segments)

    def _request(self, sent: str) -> dict:
        """POST ``sent`` with bounded retries; the validated answer, or ``DetectorError``."""
        body = json.dumps({"text": sent}).encode("utf-8")
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if self.api_key:
            headers["x-api-key"] = self.api_key
        last_error = "no attempt"
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(self.backoff * 2 ** (attempt - 1))
            if not self.budget.take():
                raise BudgetSpent
            request = urllib.request.Request(self.url, data=body, headers=headers, method="POST")
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    return _validated(json.loads(response.read(1_000_000)))
            except urllib.error.HTTPError as error:
                last_error = f"HTTP {error.code}"
                if error.code not in _RETRIED_STATUSES:
                    break
            except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
                last_error = f"{type(error).__name__}: {getattr(error, 'reason', error)}"
            except (ValueError, UnicodeDecodeError) as error:  # not JSON, or not our shape
                last_error = f"unreadable answer: {error}"
                break
        raise DetectorError(last_error)


class BudgetSpent(Exception):
    """The daily request budget is used up."""


def new_authors_only(context: Mapping) -> bool:
    """A sending condition: only posts by authors with few approved posts (fewer than
    ``AI_MODERATION_NEW_AUTHOR_APPROVED_POSTS``), as Discourse's spam scanner does.
    """
    approved = (context.get("author") or {}).get("approved_posts", 0)
    return approved < app_settings.NEW_AUTHOR_APPROVED_POSTS


def _not_sent(why: str, **args: str) -> Result:
    return Result(0.0, (Evidence(0, 0, why, 0.0, args or None),))


def _validated(answer: object) -> dict:
    """The answer if it has the documented shape, else ``ValueError``."""
    if not isinstance(answer, dict):
        raise ValueError("expected a JSON object")
    overall = answer.get("ai_likelihood")
    if not isinstance(overall, int | float) or not 0 <= overall <= 1:
        raise ValueError("ai_likelihood must be a number in [0, 1]")
    windows = answer.get("windows") or []
    if not isinstance(windows, list) or not all(isinstance(w, dict) for w in windows):
        raise ValueError("windows must be a list of objects")
    return {"ai_likelihood": float(overall), "windows": windows}


def _result(answer: dict, sent: str, segments: list[Segment]) -> Result:
    evidence = []
    search_from = 0
    for window in answer["windows"]:
        likelihood = window.get("ai_likelihood")
        start, end = window.get("start_index"), window.get("end_index")
        if not isinstance(start, int) or not isinstance(end, int):
            text = window.get("text")
            found = sent.find(text, search_from) if isinstance(text, str) and text else -1
            if found < 0:
                continue
            start, end = found, found + len(text)
        search_from = max(search_from, end)
        if not isinstance(likelihood, int | float) or likelihood < _EVIDENCE_FLOOR:
            continue
        start, end = max(0, start), min(len(sent), end)
        for low, high in source_spans(segments, start, end):
            evidence.append(Evidence(
                low, high, gettext_noop("external detector: window scored %(score)s"),
                round(float(likelihood), 4), {"score": f"{likelihood:.2f}"}))
    return Result(min(max(answer["ai_likelihood"], 0.0), 1.0), tuple(evidence))
