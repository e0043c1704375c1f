"""Many moderators claiming at once on PostgreSQL: every item is claimed exactly once.

Needs PostgreSQL (``DATABASE_URL=postgres://…``); skipped with a message otherwise, like
``tests/integration``. Threads use their own database connections, so the test commits.
"""

import threading
from collections import Counter

import pytest
from django.db import connection, connections

from moderation import services
from moderation.models import AuditAction, AuditEntry, ReviewItem
from tests.conftest import seed_default_rows

from .triage_factories import make_item, make_moderator

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
]

THREADS = 8
ITEMS = 40


@pytest.fixture(autouse=True)
def needs_postgres():
    if connection.vendor != "postgresql":
        pytest.skip("the concurrency tests need PostgreSQL: set DATABASE_URL=postgres://…")
    seed_default_rows()


def run_together(target, count):
    barrier = threading.Barrier(count)
    errors = []

    def run(index):
        try:
            barrier.wait()
            target(index)
        except Exception as error:  # noqa: BLE001  (reported below)
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors, errors


def test_concurrent_claim_next_hands_out_each_item_exactly_once(settings):
    settings.AI_MODERATION_MAX_CLAIMS = 0  # each moderator keeps what they take
    items = {make_item(priority=i % 5 * 20).pk for i in range(ITEMS)}
    moderators = [make_moderator(f"m{i}") for i in range(THREADS)]
    claimed: dict[int, list[int]] = {i: [] for i in range(THREADS)}

    def work(index):
        while (item := services.claim_next(moderator=moderators[index])) is not None:
            claimed[index].append(item.pk)

    run_together(work, THREADS)
    everything = [pk for pks in claimed.values() for pk in pks]
    assert Counter(everything).most_common(1)[0][1] == 1
    assert set(everything) == items
    holders = dict(ReviewItem.objects.values_list("pk", "claimed_by_id"))
    for index, pks in claimed.items():
        assert all(holders[pk] == moderators[index].pk for pk in pks)
    assert AuditEntry.objects.filter(action=AuditAction.CLAIMED).count() == ITEMS
    assert sum(1 for pks in claimed.values() if pks) > 1  # really concurrent


def test_concurrent_claims_of_one_item_have_exactly_one_winner():
    item = make_item()
    moderators = [make_moderator(f"c{i}") for i in range(THREADS)]
    outcomes = []

    def work(index):
        try:
            services.claim_item(item=ReviewItem.objects.get(pk=item.pk),
                                moderator=moderators[index])
            outcomes.append(("won", index))
        except services.ClaimConflict:
            outcomes.append(("lost", index))

    run_together(work, THREADS)
    winners = [index for outcome, index in outcomes if outcome == "won"]
    assert len(winners) == 1 and len(outcomes) == THREADS
    assert ReviewItem.objects.get(pk=item.pk).claimed_by == moderators[winners[0]]


def test_moderators_claiming_next_again_and_again_each_end_up_holding_one_item():
    for i in range(ITEMS):
        make_item(priority=i % 5 * 20)
    moderators = [make_moderator(f"n{i}") for i in range(THREADS)]

    def work(index):
        for _ in range(5):
            services.claim_next(moderator=moderators[index])

    run_together(work, THREADS)
    held = list(ReviewItem.objects.filter(status="claimed").values_list("claimed_by_id", flat=True))
    assert sorted(held) == sorted(moderator.pk for moderator in moderators)
