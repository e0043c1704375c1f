"""Browser tests: Playwright's sync API driving Debian's Chromium against ``live_server``.

No browser is ever downloaded: the tests use ``/usr/bin/chromium`` (``apt install chromium``)
and are skipped with a clear message when it is absent.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import seed_default_rows

CHROMIUM = Path(os.environ.get("BROWSER_TESTS_CHROMIUM", "/usr/bin/chromium"))
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
VIEWPORT = {"width": 1280, "height": 900}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
#: Generous for a loaded CI machine, yet a broken page fails in seconds rather than 30.
TIMEOUT_MS = 10_000


def chromium_missing_reason() -> str | None:
    """Why the browser tests cannot run here, or ``None`` when they can."""
    if not CHROMIUM.exists():
        return f"browser tests need Debian's Chromium at {CHROMIUM} (apt install chromium)"
    try:
        # A probe: the package may be missing, and that is a skip, not an error.
        import playwright.sync_api  # noqa: F401, PLC0415
    except ImportError:
        return "browser tests need the playwright package (pip install -e '.[dev]')"
    return None


@pytest.fixture(scope="package")
def browser() -> Iterator:
    """One headless Chromium for all browser tests.

    Playwright's sync API keeps an asyncio event loop running in the main thread while it is
    started, and Django refuses ORM calls from a thread with a running loop
    (``SynchronousOnlyOperation``) — including the factories in the tests and pytest-django's
    flush between tests. Nothing here is actually concurrent (the loop only waits on the
    browser), so we allow it, but only while Playwright runs: the variable is restored when
    the browser tests are done, so the rest of the suite keeps Django's safety check.
    """
    if reason := chromium_missing_reason():
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright  # noqa: PLC0415  (may be missing: see above)

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()
    finally:
        playwright.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(autouse=True)
def seeded_vocabularies(browser, transactional_db) -> None:
    """Re-create the rows of the data migration (assistance kinds, block types).

    Browser tests need ``transactional_db`` (the live server runs in another thread), and its
    flush after each test empties the tables the data migration seeded. ``serialized_rollback``
    does not help here: while Playwright's loop runs, Django hands this thread a fresh
    connection wrapper (connections are context-local), which lacks the serialized snapshot.
    So we run the migration's own idempotent seeding, after the browser has started, through
    the same connection the test and the live server use.
    """
    seed_default_rows()


#: The password ``tests.factories.UserFactory`` gives every user.
PASSWORD = "demo-password"


def log_in(page, live_server, username: str, next_url: str = "/moderation/") -> None:
    """Sign ``username`` in through the login form, landing on ``next_url``."""
    page.goto(f"{live_server.url}/accounts/login/?next={next_url}")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")


def _new_page(browser, *, javascript: bool):
    context = browser.new_context(viewport=VIEWPORT, java_script_enabled=javascript)
    context.set_default_timeout(TIMEOUT_MS)
    return context, context.new_page()


@pytest.fixture
def page(browser) -> Iterator:
    """A fresh page (own cookies) with JavaScript on."""
    context, page = _new_page(browser, javascript=True)
    yield page
    context.close()


@pytest.fixture
def nojs_page(browser) -> Iterator:
    """A fresh page with JavaScript off, as for readers who block scripts."""
    context, page = _new_page(browser, javascript=False)
    yield page
    context.close()


@pytest.fixture
def screenshot():
    """``screenshot(page, "name")`` saves a full-page PNG under ``test-artifacts/screenshots``."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        # Filling fields scrolls the page; from the top, sticky parts sit where they belong.
        page.evaluate(
            "window.scrollTo(0, 0);"
            "document.querySelectorAll('textarea').forEach((area) => { area.scrollTop = 0; });"
        )
        page.screenshot(path=str(path), full_page=True)
        return path

    return take
