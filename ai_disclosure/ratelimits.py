"""Per-author posting rate limits, stricter for new authors (DESIGN §8).

A host calls :func:`check_posting_rate` before it creates a post and :func:`record_post`
after; a refused author gets :class:`PostingRateLimited`, which says when they may post again
(the API answers 429 with ``Retry-After``). Rates are ``"count/period"`` strings (period
``second``, ``minute``, ``hour`` or ``day``), set by ``AI_DISCLOSURE_POSTING_RATE`` and
``AI_DISCLOSURE_NEW_AUTHOR_POSTING_RATE``; an author is new for
``AI_DISCLOSURE_NEW_AUTHOR_DAYS`` days after joining.

Counts are fixed windows of one period in Django's default cache, added to atomically
(``cache.incr``). With several web processes the cache must be shared (Redis, Memcached):
with the default per-process memory cache each process counts on its own.

:func:`wait_for` and :func:`count` are the same counter for any other action a user may do
only so often (``scope`` names the action: ``moderation`` limits reader reports with it).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import ngettext

from .app_settings import app_settings

_PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True)
class Rate:
    """``count`` posts per ``seconds``."""

    count: int
    seconds: int

    @classmethod
    def parse(cls, text: str, setting: str) -> Rate:
        """Read ``"10/hour"``; a malformed value is an error naming the setting."""
        count, _slash, period = str(text).partition("/")
        try:
            return cls(int(count), _PERIODS[period.strip()[:1]])
        except (KeyError, ValueError) as error:
            raise ImproperlyConfigured(
                f"AI_DISCLOSURE_{setting} = {text!r}: write it as \"count/period\", "
                "e.g. \"10/hour\" (period second, minute, hour or day)."
            ) from error


class PostingRateLimited(Exception):
    """The author posted as often as their rate allows; ``wait`` seconds until the next."""

    def __init__(self, wait: int, allowed_at: datetime):
        self.wait = wait
        self.allowed_at = allowed_at
        minutes = max(1, -(-wait // 60))
        super().__init__(
            ngettext(
                "You have reached the posting limit. You can post again in %(minutes)d minute "
                "(at %(time)s).",
                "You have reached the posting limit. You can post again in %(minutes)d minutes "
                "(at %(time)s).",
                minutes,
            )
            % {"minutes": minutes, "time": time_format(timezone.localtime(allowed_at), "H:i")}
        )


def is_new_author(user) -> bool:
    """Whether ``user`` joined less than ``AI_DISCLOSURE_NEW_AUTHOR_DAYS`` days ago."""
    joined = getattr(user, "date_joined", None)
    return joined is not None and timezone.now() - joined < timedelta(
        days=app_settings.NEW_AUTHOR_DAYS
    )


def posting_rate(user) -> Rate | None:
    """The rate that applies to ``user``, or ``None`` when posting is not limited."""
    if is_new_author(user):
        text, setting = app_settings.NEW_AUTHOR_POSTING_RATE, "NEW_AUTHOR_POSTING_RATE"
    else:
        text, setting = app_settings.POSTING_RATE, "POSTING_RATE"
    return Rate.parse(text, setting) if text else None


def check_posting_rate(user) -> None:
    """Raise :class:`PostingRateLimited` when ``user`` may not post now."""
    limited = wait_for(user, posting_rate(user), scope="posts")
    if limited is not None:
        raise PostingRateLimited(*limited)


def record_post(user) -> None:
    """Count a post ``user`` just made."""
    count(user, posting_rate(user), scope="posts")


def wait_for(user, rate: Rate | None, *, scope: str) -> tuple[int, datetime] | None:
    """``(seconds to wait, when)`` if ``user`` used up ``rate`` for ``scope`` in the current
    window, else ``None`` (also when ``rate`` is ``None``: not limited).
    """
    if rate is None:
        return None
    now = time.time()
    if (cache.get(_key(user, rate, now, scope)) or 0) < rate.count:
        return None
    window_end = (int(now // rate.seconds) + 1) * rate.seconds
    return max(1, int(window_end - now + 0.999)), datetime.fromtimestamp(window_end, tz=UTC)


def count(user, rate: Rate | None, *, scope: str) -> None:
    """Count one use of ``scope`` by ``user`` in the current window of ``rate``."""
    if rate is None:
        return
    key = _key(user, rate, time.time(), scope)
    cache.add(key, 0, timeout=rate.seconds + 60)
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=rate.seconds + 60)


def _key(user, rate: Rate, now: float, scope: str) -> str:
    return f"ai_disclosure:{scope}:{user.pk}:{rate.seconds}:{int(now // rate.seconds)}"
