"""Each reliability promise of screening (issue 3), on PostgreSQL + Redis + real workers."""

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import redis
from celery.contrib.testing.worker import start_worker
from django.core.management import call_command
from django.db import connection

from ai_disclosure.rendering import content_hash
from ai_disclosure.rules import DisclosureData
from ai_disclosure.services import content_for
from demo.forum import services as forum_services
from moderation import services
from moderation.app_settings import DEFAULT_CLASSIFIERS
from moderation.models import ACTIVE_STATUSES, ReviewItem, Screening
from moderation.tasks import sweep_unscreened
from tests.factories import PostFactory, UserFactory
from tests.moderation.triage_factories import make_moderator

from .conftest import REDIS_URL, VISIBILITY_TIMEOUT
from .slow_classifier import MARKER

pytestmark = pytest.mark.django_db(transaction=True)

REPO = Path(__file__).resolve().parents[2]
PASTED = ("Certainly! Here's a quick overview of the topic.\n\nThe results are robust.\n\n"
          "I hope this helps! Let me know if you'd like any changes.")


def wait_for(condition, timeout=20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if result := condition():
            return result
        time.sleep(0.1)
    raise AssertionError(f"condition not met within {timeout}s")


def publish(body, author=None):
    return forum_services.publish_post(
        author=author or UserFactory(), title="A post", body=body,
        disclosure=DisclosureData(human_only=True),
    )


def test_published_post_is_screened_by_a_worker_and_flagged(redis_broker):
    with start_worker(redis_broker, perform_ping_check=False, queues=["screening", "backfill"]):
        started = time.monotonic()
        post = publish(PASTED)
        item = wait_for(lambda: ReviewItem.objects.filter(content=content_for(post)).first())
        elapsed = time.monotonic() - started
    assert item.reasons[0]["name"] == "Chat-assistant leftovers"
    assert elapsed < 5, f"screening took {elapsed:.1f}s"


def test_post_published_while_the_broker_is_down_is_screened_after_it_returns(redis_broker):
    # given a broker that is down when the author submits
    redis_broker.conf.broker_url = "redis://127.0.0.1:1/0"
    redis_broker._pool = None
    redis_broker.amqp._producer_pool = None
    post = publish(PASTED)  # the author's request succeeds
    assert not Screening.objects.filter(content=content_for(post)).exists()

    # when the broker is back and the periodic sweeper runs
    redis_broker.conf.broker_url = REDIS_URL
    redis_broker._pool = None
    redis_broker.amqp._producer_pool = None
    with start_worker(redis_broker, perform_ping_check=False, queues=["screening", "backfill"]):
        sweep_unscreened.apply_async(queue="backfill")
        # then the post is screened and flagged
        wait_for(lambda: ReviewItem.objects.filter(content=content_for(post)).exists())


def start_worker_process(signal_dir):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.integration.worker_settings",
        "CELERY_BROKER_URL": REDIS_URL,
        "DATABASE_URL": _test_database_url(),
        "SCREENING_SIGNAL_DIR": str(signal_dir),
        "BASE_CLASSIFIERS": ",".join(DEFAULT_CLASSIFIERS),
        "VISIBILITY_TIMEOUT": str(VISIBILITY_TIMEOUT),
    }
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "demo", "worker", "--pool=solo",
         "--queues=screening,backfill", "--without-mingle", "--without-gossip",
         "--loglevel=warning"],
        cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )


def _test_database_url():
    settings = connection.settings_dict
    return (f"postgres://{settings['USER']}@{settings['HOST'] or '127.0.0.1'}:"
            f"{settings['PORT'] or 5432}/{settings['NAME']}")


def test_task_lost_with_a_killed_worker_is_redelivered_and_screened_once(
    redis_broker, signal_dir
):
    first = start_worker_process(signal_dir)
    try:
        post = publish(PASTED + "\n\n" + MARKER)
        wait_for(lambda: (signal_dir / "started").exists(), timeout=30)
        # when the worker dies in the middle of the task (acks_late: not acknowledged yet)
        first.send_signal(signal.SIGKILL)
        first.wait(10)
        assert not Screening.objects.filter(content=content_for(post)).exists()
    finally:
        first.kill()
    # kombu hands back unacknowledged messages older than the visibility timeout when the next
    # worker starts, and after that only every tenth poll (~100 s): start it once they are.
    time.sleep(VISIBILITY_TIMEOUT + 0.5)

    (signal_dir / "release").touch()
    second = start_worker_process(signal_dir)
    try:
        # then another worker gets the message again and screens the post, exactly once
        wait_for(lambda: Screening.objects.filter(content=content_for(post)).exists(), timeout=40)
        wait_for(lambda: ReviewItem.objects.filter(content=content_for(post)).exists())
    finally:
        second.terminate()
        second.wait(10)
    assert ReviewItem.objects.filter(content=content_for(post)).count() == 1


def test_concurrent_screening_of_one_post_opens_one_item():
    post = PostFactory(body=PASTED)
    errors = []
    barrier = threading.Barrier(6)

    def screen():
        try:
            barrier.wait()
            services.screen_content(content_id=content_for(post).pk)
        except Exception as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=screen) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    assert (
        ReviewItem.objects.filter(content=content_for(post), status__in=ACTIVE_STATUSES).count()
        == 1
    )
    assert Screening.objects.filter(content=content_for(post)).count() == 1


def test_edit_during_screening_keeps_the_newest_content(pausing_classifiers, signal_dir):
    post = PostFactory(body="Old draft. " + MARKER)
    results = []

    def screen_old():
        try:
            results.append(services.screen_content(content_id=content_for(post).pk))
        finally:
            connection.close()

    thread = threading.Thread(target=screen_old)
    thread.start()
    wait_for(lambda: (signal_dir / "started").exists())
    # while the old content is being screened, the author edits and the edit is screened
    post.body = PASTED
    post.save()
    newest = services.screen_content(content_id=content_for(post).pk)
    (signal_dir / "release").touch()
    thread.join(30)

    assert results == [None]  # the older screening found the content changed and gave way
    stored = Screening.objects.get(content=content_for(post))
    assert stored.key == newest.key
    assert stored.content_hash == content_hash(PASTED)


def test_a_worker_drains_a_backfill_queued_in_batches(redis_broker, settings):
    # given 25 published posts, none screened yet (what publishing queued is dropped), and
    # batches of 10
    settings.AI_MODERATION_SCREENING_BATCH_SIZE = 10
    posts = [PostFactory(body=PASTED if i % 5 == 0 else "A paragraph I wrote myself.")
             for i in range(25)]
    redis.Redis.from_url(REDIS_URL).flushdb()
    # when screen_posts queues them (three tasks) and a worker drains the queue
    call_command("screen_posts", "--all", verbosity=0)
    with start_worker(redis_broker, perform_ping_check=False, queues=["screening", "backfill"]):
        wait_for(lambda: Screening.objects.count() == len(posts))
    # then every post is screened, and the pasted answers were flagged as such
    leftovers = {item.content.object_id for item in ReviewItem.objects.all()
                 if "Chat-assistant leftovers" in [r["name"] for r in item.reasons]}
    assert leftovers == {post.pk for post in posts[::5]}


def test_a_claim_made_while_the_post_is_rescreened_survives_it(pausing_classifiers, signal_dir):
    # given a flagged post whose item waits for a moderator
    post = PostFactory(body=PASTED)
    services.screen_content(content_id=content_for(post).pk)
    item = ReviewItem.objects.get(content=content_for(post))
    moderator = make_moderator()
    # when the author edits it and, while the edit is screened, a moderator claims the item
    post.body = PASTED + "\n\n" + MARKER
    post.save()
    thread = threading.Thread(target=_screen_in_thread, args=(content_for(post).pk,))
    thread.start()
    wait_for(lambda: (signal_dir / "started").exists())
    services.claim_item(item=item, moderator=moderator)
    (signal_dir / "release").touch()
    thread.join(30)
    # then the item was updated with the new content and is still claimed by the moderator
    item.refresh_from_db()
    assert (item.status, item.claimed_by) == ("claimed", moderator)
    assert item.content_hash == content_hash(post.body)
    assert set(item.facets.values_list("status", flat=True)) == {"claimed"}


def _screen_in_thread(content_id):
    try:
        services.screen_content(content_id=content_id)
    finally:
        connection.close()
