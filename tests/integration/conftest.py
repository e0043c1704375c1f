"""Production-like tests: PostgreSQL for the ORM and locking, Redis as the Celery broker,
real workers (in a thread, or as processes that can be killed).

Run with ``DATABASE_URL=postgres://…`` (``.ci/run`` does); Redis is taken from
``INTEGRATION_REDIS_URL`` (default ``redis://127.0.0.1:6379/15``). Without them the tests
are skipped with a message saying what is missing.
"""

import os

import pytest
import redis
from django.db import connections

from demo.celery import app
from moderation.app_settings import DEFAULT_CLASSIFIERS
from tests.conftest import seed_default_rows

REDIS_URL = os.environ.get("INTEGRATION_REDIS_URL", "redis://127.0.0.1:6379/15")
PAUSING = "tests.integration.slow_classifier.PausingClassifier"
#: Seconds after which Redis hands a killed worker's unacknowledged message to another worker.
VISIBILITY_TIMEOUT = 2


def _missing_service() -> str | None:
    if connections["default"].vendor != "postgresql":
        return "integration tests need PostgreSQL: set DATABASE_URL=postgres://…"
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        return f"integration tests need Redis at {REDIS_URL} (INTEGRATION_REDIS_URL)"
    return None


def pytest_collection_modifyitems(items):
    # Decided at collection, before any database set-up the tests would need.
    missing = _missing_service()
    for item in items:
        if "tests/integration" in str(item.fspath):
            item.add_marker(pytest.mark.integration)
            if missing:
                item.add_marker(pytest.mark.skip(reason=missing))


@pytest.fixture(autouse=True)
def seeded(transactional_db):
    seed_default_rows()


@pytest.fixture
def redis_broker():
    """A clean Redis database used as the broker, and the demo Celery app pointed at it."""
    redis.Redis.from_url(REDIS_URL).flushdb()
    saved = (app.conf.broker_url, app.conf.broker_transport_options)
    app.conf.broker_url = REDIS_URL
    app.conf.broker_transport_options = {"visibility_timeout": 2}
    app._pool = None  # drop connections made for the previous broker
    app.amqp._producer_pool = None
    yield app
    app.conf.broker_url, app.conf.broker_transport_options = saved
    app._pool = None
    app.amqp._producer_pool = None


@pytest.fixture
def signal_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("SCREENING_SIGNAL_DIR", str(tmp_path))
    return tmp_path


@pytest.fixture
def pausing_classifiers(settings):
    settings.AI_MODERATION_CLASSIFIERS = [*DEFAULT_CLASSIFIERS, PAUSING]
