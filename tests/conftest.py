from importlib import import_module
from pathlib import Path

import pytest
from django.apps import apps
from django.core.cache import cache

#: Read-only data shared by the project (training data, XSS corpus); not in this repository.
SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


@pytest.fixture
def shared_data() -> Path:
    """``../shared/data``, or skip the test with a clear message when it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared data not found at {SHARED_DATA}; clone the repo beside ../shared")
    return SHARED_DATA


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test starts with an empty cache: throttle and posting counts, and the cached
    vocabulary (whose rows a test's rollback may have removed)."""
    cache.clear()
    yield
    cache.clear()


def seed_default_rows() -> None:
    """Re-create the rows the data migrations seed (assistance kinds, block types, default
    policies). Transactional tests need this: the flush after each of them empties those
    tables. The migrations' own idempotent functions are used, so the rows match."""
    import_module("ai_disclosure.migrations.0002_seed_assistance_kinds_and_block_types").seed(
        apps, None
    )
    import_module("moderation.migrations.0002_default_policies").load(apps, None)
    import_module("moderation.migrations.0013_reader_reports_policy").load(apps, None)
