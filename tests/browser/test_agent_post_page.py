"""A post an AI agent wrote, disclosed on the demo's page in a real browser."""

from __future__ import annotations

import re

import pytest

from tests.factories import UserFactory

from .conftest import chromium_missing_reason
from .test_post_pages import log_in, publish

if reason := chromium_missing_reason():
    pytest.skip(reason, allow_module_level=True)

from playwright.sync_api import expect  # noqa: E402  (only importable when not skipped)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_agent_post_is_refused_until_it_says_drafting_then_readers_see_it(
    page, live_server, screenshot
):
    log_in(page, live_server, UserFactory(username="digest"), next_url="/posts/new/")
    page.fill("#id_title", "This week's threads")
    page.fill("#id_body", "A digest of the week's threads, written by my agent.")
    page.check("input[name=autonomous]")
    page.check("input[name=assistance][value=research]")
    page.fill("#id_models_used", "GPT-5")
    page.check("input[name=ai_share_estimate][value=gt90]")
    page.fill("#id_description", "My agent read the week's threads and wrote this digest.")
    page.fill("#id_verification", "It links every thread it summarises.")
    page.check("input[name=expertise][value=none]")
    expect(page.locator("a.ai-policy-link")).to_have_attribute("href", "/ai-policy/")
    publish(page)

    expect(page.locator(".ai-field-assistance .errorlist")).to_contain_text(
        "An AI agent wrote this post, so tick “Drafting” too."
    )
    expect(page.locator("input[name=autonomous]")).to_be_checked()
    screenshot(page, "agent-post-refused")
    page.check("input[name=assistance][value=drafting]")
    publish(page)

    expect(page).to_have_url(re.compile(r"/posts/\d+/$"))
    expect(page.locator(".ai-disclosure-summary")).to_contain_text(
        "Posted by an AI agent · AI: drafting, research · GPT-5"
    )
    screenshot(page, "agent-post")
