"""Limits on volume: preview and check per user and per IP, posting per author (stricter for
new authors), with 429 and ``Retry-After``; counts in Django's cache, shared through Redis."""

import os
from datetime import timedelta

import pytest
import redis
from django.core.cache import caches
from django.utils import timezone

from tests.factories import UserFactory

from .conftest import client_for

V1 = "/api/ai-disclosure/v1"
REDIS_URL = os.environ.get("INTEGRATION_REDIS_URL", "redis://127.0.0.1:6379/15")
HUMAN_POST = {"title": "Mine", "body": "All my own words.", "disclosure": {"human_only": True}}


@pytest.fixture
def rates(settings):
    """Set throttle rates by scope for one test."""

    def set_rates(**scopes):
        settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": scopes}

    return set_rates


def preview(user, text="Draft."):
    return client_for(user).post(f"{V1}/preview/", {"body": text}, format="json")


def test_preview_is_throttled_per_user_with_retry_after(rates, author, other_author):
    rates(ai_disclosure_preview="2/minute", ai_disclosure_preview_ip="100/minute")

    statuses = [preview(author).status_code for _ in range(3)]

    assert statuses == [200, 200, 429]
    refused = preview(author)
    assert refused.json()["code"] == "throttled"
    assert 0 < int(refused["Retry-After"]) <= 60
    assert preview(other_author).status_code == 200


def test_preview_is_throttled_per_ip_address_across_accounts(rates, db):
    rates(ai_disclosure_preview="100/minute", ai_disclosure_preview_ip="3/minute")
    accounts = [UserFactory() for _ in range(4)]

    statuses = [preview(user).status_code for user in accounts]

    assert statuses == [200, 200, 200, 429]


def test_check_is_throttled_per_ip_address_across_accounts(rates, db):
    rates(ai_disclosure_check="100/minute", ai_disclosure_check_ip="2/minute")
    payload = {"body": "Mine.", "disclosure": {"human_only": True}}

    statuses = [
        client_for(UserFactory()).post(f"{V1}/check/", payload, format="json").status_code
        for _ in range(3)
    ]

    assert statuses == [200, 200, 429]


def post_as(user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return client_for(user).post("/api/forum/v1/posts/", HUMAN_POST, format="json")


def test_new_author_gets_429_after_the_new_author_posting_rate(
    django_capture_on_commit_callbacks, settings, db
):
    settings.AI_DISCLOSURE_NEW_AUTHOR_POSTING_RATE = "3/hour"
    newcomer = UserFactory()

    statuses = [post_as(newcomer, django_capture_on_commit_callbacks).status_code
                for _ in range(4)]

    assert statuses == [201, 201, 201, 429]
    refused = post_as(newcomer, django_capture_on_commit_callbacks)
    assert refused.json()["code"] == "posting_rate_limited"
    assert "You can post again in" in refused.json()["detail"]
    assert 0 < int(refused["Retry-After"]) <= 3600


def test_established_author_has_the_more_generous_rate(
    django_capture_on_commit_callbacks, settings, db
):
    settings.AI_DISCLOSURE_NEW_AUTHOR_POSTING_RATE = "1/hour"
    settings.AI_DISCLOSURE_POSTING_RATE = "3/hour"
    regular = UserFactory(date_joined=timezone.now() - timedelta(days=30))

    statuses = [post_as(regular, django_capture_on_commit_callbacks).status_code
                for _ in range(4)]

    assert statuses == [201, 201, 201, 429]


def test_posting_rate_none_means_no_limit(django_capture_on_commit_callbacks, settings, db):
    settings.AI_DISCLOSURE_NEW_AUTHOR_POSTING_RATE = None
    newcomer = UserFactory()

    statuses = {post_as(newcomer, django_capture_on_commit_callbacks).status_code
                for _ in range(5)}

    assert statuses == {201}


@pytest.fixture
def redis_cache(settings):
    """Django's default cache on Redis, as in production with several processes."""
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip(f"needs Redis at {REDIS_URL} (INTEGRATION_REDIS_URL)")
    prefix = f"limits-test-{os.getpid()}"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    }
    yield redis.Redis.from_url(REDIS_URL), prefix
    server = redis.Redis.from_url(REDIS_URL)
    for key in server.scan_iter(f"{prefix}:*"):
        server.delete(key)
    caches["default"].close()


def test_counts_in_redis_are_shared_by_every_process(
    redis_cache, rates, author, django_capture_on_commit_callbacks, settings
):
    server, prefix = redis_cache
    rates(ai_disclosure_preview="2/minute", ai_disclosure_preview_ip="100/minute")
    settings.AI_DISCLOSURE_NEW_AUTHOR_POSTING_RATE = "1/hour"

    assert [preview(author).status_code for _ in range(2)] == [200, 200]
    assert post_as(author, django_capture_on_commit_callbacks).status_code == 201
    # Another process starts with fresh connections and sees the same counts.
    caches["default"].close()
    del caches["default"]

    assert preview(author).status_code == 429
    assert post_as(author, django_capture_on_commit_callbacks).status_code == 429
    keys = {key.decode() for key in server.scan_iter(f"{prefix}:*")}
    assert any("throttle_ai_disclosure_preview_" in key for key in keys)
    assert any(":ai_disclosure:posts:" in key for key in keys)
