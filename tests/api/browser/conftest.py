"""The browser fixtures of ``tests/browser`` (one Chromium, pages, screenshots, seeding)."""

from tests.browser.conftest import (  # noqa: F401  (fixtures, found by pytest by name)
    browser,
    page,
    screenshot,
    seeded_vocabularies,
)
