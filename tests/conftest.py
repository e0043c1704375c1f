from pathlib import Path

import pytest

#: Read-only data shared by the project (training data, XSS corpus); not in this repository.
SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


@pytest.fixture
def shared_data() -> Path:
    """``../shared/data``, or skip the test with a clear message when it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared data not found at {SHARED_DATA}; clone the repo beside ../shared")
    return SHARED_DATA
