import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def fresh_limits():
    """Posting-rate counts live in the cache; every test starts with none."""
    cache.clear()
    yield
    cache.clear()
