"""End-to-end screening on PostgreSQL, the database included: posts/s and queries per post.

Run ``DATABASE_URL=postgres://… CELERY_BROKER_URL=redis://… python -m bench screening_db``.
Posts are made by ``seed_demo`` (synthetic posts with disclosures, stored renders, and the
review items moderators decided) in the database named by ``DATABASE_URL`` — use one of its
own — and deleted again at the end. Each scenario screens its own fresh posts:

- ``sync, re-screen``: ``screen_posts --sync`` over seeded posts whose screening is out of
  date (what ``screen_posts --all`` does after a policy change; the issue's 41 posts/s);
- ``sync, first``: the same for posts never screened (review items opened, audit written);
- ``worker, batches``: ``screen_posts`` (no ``--sync``) queues the posts on Redis in batches
  and one Celery worker process (``--pool=solo``: one core) drains the queue;
- ``worker, 1 per task``: one task per post, as publishing queues them.

The worker keeps its database connection (``bench/screening_worker_settings.py``), as a
production worker should; the demo's settings close it after every task.

Wall-clock figures depend on how busy the machine is, so the CPU seconds of the screening
process (and, in-process, of its PostgreSQL backend) are printed too. Last, a duplicate
delivery (a post already screened) is timed. Goals: >= 200 posts/s on one core; a duplicate
under 1 ms. Skipped without PostgreSQL; the worker scenarios are skipped without a Redis
broker.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOAL = 200.0


def main() -> None:
    """Seed, screen each way, print a table, delete what was seeded."""
    # Lazy: Django is set up (bench/__main__.py or below) after this module is imported.
    from django.conf import settings  # noqa: PLC0415
    from django.contrib.auth import get_user_model  # noqa: PLC0415
    from django.core.management import call_command  # noqa: PLC0415
    from django.db import connection  # noqa: PLC0415

    if connection.vendor != "postgresql":
        print("skipped: the end-to-end screening benchmark needs PostgreSQL "
              "(DATABASE_URL=postgres://…)")
        return
    # Lazy, as in main(): Django is set up after import.
    from demo.forum.models import Post  # noqa: PLC0415
    from moderation import scoring  # noqa: PLC0415

    settings.DEBUG = False
    scoring.classifiers()  # loaded once per process: not part of any scenario's time
    count = int(os.environ.get("BENCH_SCREENING_POSTS", "1000"))
    call_command("migrate", verbosity=0)
    first_post = (Post.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    first_user = (get_user_model().objects.order_by("-pk").values_list("pk", flat=True)
                  .first() or 0) + 1
    redis = settings.CELERY_BROKER_URL.startswith("redis://")
    scenarios = [("sync, re-screen", _sync, False), ("sync, first", _sync, True)]
    if redis:
        scenarios += [("worker, batches", _worker_batches, False),
                      ("worker, 1 per task", _worker_single, True)]
    try:
        print(f"{count} seeded posts per scenario; PostgreSQL; "
              f"broker {settings.CELERY_BROKER_URL if redis else 'none (worker skipped)'}")
        print(f"  {'scenario':<20}{'wall s':>8}{'posts/s':>9}{'cpu s':>7}{'posts/cpu-s':>12}"
              f"{'pg cpu s':>9}{'queries/post':>13}")
        for name, run, first in scenarios:
            post_ids = _seed(count + (run is not _sync), unscreened=first)
            wall, cpu, pg_cpu, queries = run(post_ids)
            print(f"  {name:<20}{wall:>8.1f}{count / wall:>9.0f}{cpu:>7.1f}{count / cpu:>12.0f}"
                  f"{_or_dash(pg_cpu, '.1f'):>9}{_or_dash(queries and queries / count, '.1f'):>13}")
        _duplicates(post_ids)
        if not redis:
            print("  (set CELERY_BROKER_URL=redis://… for the worker scenarios)")
        print(f"  goal: >= {GOAL:.0f} posts/s on one core")
    finally:
        Post.objects.filter(pk__gte=first_post).delete()
        get_user_model().objects.filter(pk__gte=first_user, username__startswith="synth_").delete()


def _or_dash(value, spec: str) -> str:
    return "—" if value is None else format(value, spec)


def _seed(count: int, *, unscreened: bool) -> list[int]:
    """``count`` new posts; their seeded screenings are out of date (their keys are not real
    ones) or, with ``unscreened``, gone together with their review items.
    """
    # Lazy, as in main(): Django is set up after import.
    from django.core.management import call_command  # noqa: PLC0415

    from ai_disclosure.models import Content  # noqa: PLC0415
    from demo.forum.models import Post  # noqa: PLC0415
    from moderation.models import ReviewItem, Screening  # noqa: PLC0415

    before = Post.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    call_command("seed_demo", posts=count, verbosity=0)
    post_ids = Post.objects.filter(pk__gt=before).values("pk")
    content_ids = list(Content.objects.filter(kind="post", object_id__in=post_ids)
                       .order_by("pk").values_list("pk", flat=True))
    if unscreened:
        Screening.objects.filter(content_id__in=content_ids).delete()
        ReviewItem.objects.filter(content_id__in=content_ids).delete()
    return content_ids


def _backend_cpu() -> tuple[int, float]:
    # Lazy, as in main(): Django is set up after import.
    from django.db import connection  # noqa: PLC0415

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    return pid, _process_cpu(pid)


def _process_cpu(pid: int) -> float:
    """User + system CPU seconds of a process on this machine (from /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _sync(post_ids: list[int]) -> tuple[float, float, float, int]:
    """``screen_posts --post … --sync`` in this process, with every query counted."""
    # Lazy, as in main(): Django is set up after import.
    from django.core.management import call_command  # noqa: PLC0415
    from django.db import connection  # noqa: PLC0415

    from ai_disclosure.models import Content  # noqa: PLC0415

    post_ids = list(Content.objects.filter(pk__in=post_ids).order_by("pk")
                    .values_list("object_id", flat=True))

    queries = 0

    def count(execute, sql, params, many, context):
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    pid, pg_before = _backend_cpu()
    started, cpu = time.perf_counter(), time.process_time()
    with connection.execute_wrapper(count):
        call_command("screen_posts", "--post", *map(str, post_ids), "--sync",
                     stdout=io.StringIO(), stderr=io.StringIO())
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    return wall, cpu, _process_cpu(pid) - pg_before, queries


def _worker_batches(post_ids: list[int]) -> tuple[float, float, None, None]:
    # Lazy, as in main(): Django is set up after import.
    from moderation.tasks import enqueue_screening  # noqa: PLC0415

    return _drain(post_ids, lambda: enqueue_screening(post_ids[1:], backfill=True))


def _worker_single(post_ids: list[int]) -> tuple[float, float, None, None]:
    # Lazy, as in main(): Django is set up after import.
    from moderation.app_settings import app_settings  # noqa: PLC0415
    from moderation.tasks import screen_contents  # noqa: PLC0415

    def enqueue():
        for post_id in post_ids[1:]:
            screen_contents.apply_async(([post_id],), queue=app_settings.SCREENING_QUEUE)

    return _drain(post_ids, enqueue)


def _drain(post_ids: list[int], enqueue) -> tuple[float, float, None, None]:
    """Start one worker process, queue the posts, wait until all are screened. The first
    post warms the worker up (loading the classifiers) and is not counted.
    """
    # Lazy, as in main(): Django is set up after import.
    from django.conf import settings  # noqa: PLC0415
    from django.db import connection  # noqa: PLC0415

    from demo.celery import app  # noqa: PLC0415
    from moderation.app_settings import app_settings  # noqa: PLC0415
    from moderation.models import Screening  # noqa: PLC0415
    from moderation.tasks import screen_contents  # noqa: PLC0415

    with app.connection_for_write() as broker:  # no leftover messages
        for queue in (app_settings.SCREENING_QUEUE, app_settings.BACKFILL_QUEUE):
            broker.SimpleQueue(queue).clear()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.screening_worker_settings",
           "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
           "DATABASE_URL": _database_url(connection.settings_dict)}
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "demo", "worker", "--pool=solo",
         "--queues=screening,backfill", "--without-mingle", "--without-gossip",
         "--loglevel=warning"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not app.control.ping(timeout=0.5):
            if time.monotonic() > deadline or worker.poll() is not None:
                raise RuntimeError("the Celery worker did not start")
        screened = Screening.objects.exclude(key__startswith="seed-")
        screen_contents.apply_async((post_ids[:1],), queue=app_settings.SCREENING_QUEUE)
        _wait(lambda: screened.filter(content_id=post_ids[0]).exists())
        cpu_before = _process_cpu(worker.pid)
        started = time.perf_counter()
        enqueue()
        _wait(lambda: screened.filter(content_id__in=post_ids).count() == len(post_ids))
        wall = time.perf_counter() - started
        cpu = _process_cpu(worker.pid) - cpu_before
    finally:
        worker.terminate()
        worker.wait(30)
    return wall, cpu, None, None


def _wait(done) -> None:
    deadline = time.monotonic() + 600
    while not done():
        if time.monotonic() > deadline:
            raise RuntimeError("the worker did not screen the posts within 10 minutes")
        time.sleep(0.05)


def _database_url(settings_dict: dict) -> str:
    return (f"postgres://{settings_dict['USER']}@{settings_dict['HOST'] or '127.0.0.1'}:"
            f"{settings_dict['PORT'] or 5432}/{settings_dict['NAME']}")


def _duplicates(post_ids: list[int]) -> None:
    """Deliver already-screened posts again, one task each: ms per duplicate."""
    # Lazy, as in main(): Django is set up after import.
    from moderation import services  # noqa: PLC0415

    sample = post_ids[:200]
    started = time.perf_counter()
    for post_id in sample:
        services.screen_content(content_id=post_id)
    per_post = 1000 * (time.perf_counter() - started) / len(sample)
    print(f"  duplicate delivery (one post, already screened): {per_post:.2f} ms "
          f"(goal: under 1 ms)")


if __name__ == "__main__":
    from bench import setup_django

    setup_django()
    main()
