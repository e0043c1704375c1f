"""Settings of the ``moderation`` app, read lazily from ``AI_MODERATION_*``."""

from __future__ import annotations

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


app_settings = AppSettings()
