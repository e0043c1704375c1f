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
        transaction, so batches screen faster than single posts. Default 100."""
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
    def ESCALATION_DELISTS(self) -> int:
        """Delisted posts (for undisclosed or misdisclosed AI) after which all of an author's
        new posts are held for review. 0 turns escalation off. Default 3."""
        return self._setting("ESCALATION_DELISTS", 3)

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
        outcome (default True). Turn off when the adapter's ``notify_author`` does it instead."""
        return self._setting("EMAIL_AUTHORS", True)

    @property
    def EMAIL_QUEUE(self) -> str:
        """Celery queue of the task that emails authors (default "notifications")."""
        return self._setting("EMAIL_QUEUE", "notifications")

    @property
    def SITE_URL(self) -> str:
        """The site's address (``https://forum.example``) for links in emails, which are sent
        outside any request. Empty (default): the current ``django.contrib.sites`` Site, over
        https."""
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
        disabled, with the reason shown in the admin (default 5; 0 never disables)."""
        return self._setting("WEBHOOK_DISABLE_AFTER_FAILURES", 5)


app_settings = AppSettings()
