"""SQLite under contention: concurrent moderators get 409 or 503 with a retry hint, never 500.

The demo's SQLite connections begin every transaction with ``BEGIN IMMEDIATE`` and wait up
to a few seconds for the lock (``demo/settings.py``). Threads use their own connections to
the same database file (``tests/settings.py``), so the locks are SQLite's real ones.
"""

import sqlite3
import threading

import pytest
from django.db import connection, connections
from django.test import Client
from rest_framework.test import APIClient

from tests.conftest import seed_default_rows
from tests.moderation.triage_factories import make_item, make_moderator

pytestmark = pytest.mark.django_db(transaction=True)

THREADS = 4
ROUNDS = 8


@pytest.fixture(autouse=True)
def needs_sqlite():
    if connection.vendor != "sqlite":
        pytest.skip("this test is about SQLite's locking")
    seed_default_rows()


def together(requests):
    """Run each zero-argument callable in its own thread at once; their results in order."""
    barrier = threading.Barrier(len(requests))
    results = [None] * len(requests)

    def run(index):
        try:
            barrier.wait()
            results[index] = requests[index]()
        except Exception as error:  # noqa: BLE001  (a 500 would surface here; reported below)
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(requests))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results


def api_client(user):
    client = APIClient(raise_request_exception=False)
    client.force_authenticate(user)
    return client


def test_moderators_claiming_one_item_at_once_get_one_200_and_409s():
    moderators = [make_moderator(f"m{i}") for i in range(THREADS)]
    clients = [api_client(moderator) for moderator in moderators]

    for _round in range(ROUNDS):
        item = make_item()
        url = f"/api/moderation/v1/items/{item.pk}/claim/"

        responses = together([lambda c=c, u=url: c.post(u) for c in clients])

        statuses = sorted(getattr(r, "status_code", repr(r)) for r in responses)
        assert statuses == [200] + [409] * (THREADS - 1), statuses


def test_concurrent_next_item_and_item_pages_never_fail():
    moderators = [make_moderator(f"n{i}") for i in range(THREADS)]
    items = [make_item() for _ in range(THREADS * 2)]
    clients = []
    for moderator in moderators:
        client = Client(raise_request_exception=False)
        client.force_login(moderator)
        clients.append(client)
    # A real navigation claims the item it opens (Sec-Fetch-Dest: document).
    page = {"HTTP_SEC_FETCH_DEST": "document"}

    for _round in range(ROUNDS // 2):
        requests = [lambda c=c: c.post("/moderation/next/") for c in clients[:2]] + [
            lambda c=c, pk=item.pk: c.get(f"/moderation/items/{pk}/", **page)
            for c, item in zip(clients[2:], items, strict=False)
        ]

        responses = together(requests)

        assert all(getattr(r, "status_code", 500) < 500 for r in responses), responses


def test_a_lock_held_past_the_wait_answers_503_with_retry_after():
    moderator = make_moderator()
    item = make_item()
    holder = sqlite3.connect(connection.settings_dict["NAME"], isolation_level=None)
    options = connection.settings_dict["OPTIONS"]
    connection.close()
    original_timeout, options["timeout"] = options["timeout"], 0.2
    try:
        holder.execute("BEGIN IMMEDIATE")  # another process writing, for longer than the wait

        response = api_client(moderator).post(f"/api/moderation/v1/items/{item.pk}/claim/")
    finally:
        holder.rollback()
        holder.close()
        connection.close()
        options["timeout"] = original_timeout

    assert response.status_code == 503
    assert response["Retry-After"] == "2"
    assert response.json()["code"] == "database_busy"
