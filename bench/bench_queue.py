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
    """Time the queue page: first page, deep pages (keyset), every filter, and search."""
    # Lazy: Django is set up (bench/__main__.py or below) after this module is imported.
    from django.conf import settings  # noqa: PLC0415
    from django.core.management import call_command  # noqa: PLC0415
    from django.db import connection  # noqa: PLC0415

    if connection.vendor != "postgresql":
        print("skipped: the queue benchmark needs PostgreSQL (DATABASE_URL=postgres://…)")
        return
    # Lazy: Django is set up (bench/__main__.py or below) after this module is imported.
    from django.contrib.auth import get_user_model  # noqa: PLC0415
    from django.db.models import Count  # noqa: PLC0415
    from django.test import Client  # noqa: PLC0415
    from django.urls import reverse  # noqa: PLC0415

    from moderation import selectors  # noqa: PLC0415
    from moderation.models import Policy, ReviewItem  # noqa: PLC0415

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
        cursor.execute("VACUUM ANALYZE")  # the steady state autovacuum keeps a live database in
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
    rare_policy = (
        Policy.objects.annotate(n=Count("review_items")).filter(n__gt=0).order_by("n")
        .values_list("pk", flat=True).first()
    )
    # Every view the filter bar offers, one by one; each is timed on its own and in its group.
    views = {
        "first page": ("first page", {}),
        "deep pages (keyset)": ("deep pages", None),
        "policy (top)": ("filtered", {"policy": policy}),
        "policy (rarest)": ("filtered", {"policy": rare_policy}),
        "score >= 0.9": ("filtered", {"score_min": "0.9"}),
        "score <= 0.3": ("filtered", {"score_max": "0.3"}),
        "new authors": ("filtered", {"new_authors": "1"}),
        "assistance research": ("filtered", {"assistance": "research"}),
        "assistance drafting": ("filtered", {"assistance": "drafting"}),
        "status all": ("filtered", {"status": "all"}),
        "status delisted": ("filtered", {"status": "delisted"}),
        "status info_req.": ("filtered", {"status": "info_requested"}),
        "research + new": ("filtered", {"assistance": "research", "new_authors": "1"}),
        "search title": ("search", {"q": "soil"}),
        "search author": ("search", {"q": "synth_mira"}),
        "search rare": ("search", {"q": "volcanic winters"}),
        "search + status all": ("search", {"q": "soil", "status": "all"}),
    }
    rounds = int(os.environ.get("BENCH_QUEUE_ROUNDS", "30"))
    print(f"{total} review items; 50 rows per page, rendered, via the test client")
    print(f"  {'view':<24}{'requests':>9}{'p50 ms':>9}{'p95 ms':>9}")
    groups: dict[str, list[float]] = {}
    for name, (group, params) in views.items():
        requests = [{"after": c} for c in cursors] if params is None else [params]
        client.get(url, requests[0])  # warm caches and the plan for this view
        timings = []
        for _round in range(max(1, rounds // len(requests))):
            for query in requests:
                started = time.perf_counter()
                response = client.get(url, query)
                timings.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200
        groups.setdefault(group, []).extend(timings)
        print(f"  {name:<24}{len(timings):>9}{_p(timings, 50):>9.1f}{_p(timings, 95):>9.1f}")
    print("  by group")
    for group, timings in groups.items():
        print(f"  {group:<24}{len(timings):>9}{_p(timings, 50):>9.1f}{_p(timings, 95):>9.1f}")
    every = [t for timings in groups.values() for t in timings]
    but_search = [t for group, timings in groups.items() if group != "search" for t in timings]
    print(f"  {'all but search':<24}{len(but_search):>9}{_p(but_search, 50):>9.1f}"
          f"{_p(but_search, 95):>9.1f}")
    print(f"  {'all views':<24}{len(every):>9}{_p(every, 50):>9.1f}"
          f"{_p(every, 95):>9.1f}   (goal: p95 < 150 ms)")


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
