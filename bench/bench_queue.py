"""The moderation queue page at 100,000 review items on PostgreSQL: p50 and p95 latency.

Run ``DATABASE_URL=postgres://… python -m bench queue``. The database named by
``DATABASE_URL`` is migrated and, when it holds fewer review items than asked
(``BENCH_QUEUE_ITEMS``, default 100,000), topped up with ``seed_demo`` (a few minutes, once).
Use a database of its own: the synthetic posts stay. Skipped without PostgreSQL. Goal: p95
under 150 ms for a full page (50 rows, rendered) through Django's test client.
"""

from __future__ import annotations

import os
import statistics
import time


def main() -> None:
    """Time the queue page: first page, deep pages (keyset), and filtered views."""
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor != "postgresql":
        print("skipped: the queue benchmark needs PostgreSQL (DATABASE_URL=postgres://…)")
        return
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse

    from moderation import selectors
    from moderation.models import Policy, ReviewItem

    settings.DEBUG = False
    target = int(os.environ.get("BENCH_QUEUE_ITEMS", "100000"))
    call_command("migrate", verbosity=0)
    existing = ReviewItem.objects.count()
    if existing < target:
        missing = target - existing  # with --flagged 1.0 every post gets a review item
        print(f"seeding about {missing} posts (once) …")
        started = time.perf_counter()
        call_command("seed_demo", posts=missing, flagged=1.0, verbosity=0)
        print(f"  seeded in {time.perf_counter() - started:.0f} s")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    total = ReviewItem.objects.count()

    User = get_user_model()
    moderator, _created = User.objects.get_or_create(username="bench_moderator",
                                                     defaults={"is_superuser": True})
    client = Client()
    client.force_login(moderator)
    url = reverse("moderation:queue")

    cursors = []
    cursor = None
    for _ in range(40):  # walk 40 pages deep to collect keyset cursors
        page = selectors.queue(filters=selectors.QueueFilters(), after=cursor, limit=50)
        cursor = page.next_cursor
        if not cursor:
            break
        cursors.append(cursor)
    policy = Policy.objects.order_by("-priority").values_list("pk", flat=True).first()
    scenarios = {
        "first page": [{}],
        "deep pages (keyset)": [{"after": c} for c in cursors],
        "filtered": [{"policy": policy}, {"score_min": "0.9"}, {"new_authors": "1"},
                     {"assistance": "research"}, {"status": "all"}, {"status": "delisted"}],
        "search": [{"q": "soil"}, {"q": "synth_mira"}],
    }
    print(f"{total} review items; 50 rows per page, rendered, via the test client")
    print(f"  {'scenario':<22}{'requests':>9}{'p50 ms':>9}{'p95 ms':>9}")
    everything = []
    for name, variants in scenarios.items():
        timings = []
        for round_ in range(max(1, 60 // len(variants))):
            for params in variants:
                started = time.perf_counter()
                response = client.get(url, params)
                elapsed = (time.perf_counter() - started) * 1000
                assert response.status_code == 200
                if round_ or len(variants) > 1:  # the very first request warms caches
                    timings.append(elapsed)
        everything += timings if name != "search" else []
        print(f"  {name:<22}{len(timings):>9}{_p(timings, 50):>9.1f}{_p(timings, 95):>9.1f}")
    print(f"  {'all but search':<22}{len(everything):>9}{_p(everything, 50):>9.1f}"
          f"{_p(everything, 95):>9.1f}   (goal: p95 < 150 ms)")


def _p(values: list[float], percentile: int) -> float:
    if not values:
        return 0.0
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[percentile - 1]


if __name__ == "__main__":
    from bench import setup_django

    setup_django()
    main()
