"""The moderation pages in a real browser: a moderator filters the queue, opens and claims an
item, approves it with a keyboard shortcut and sees it leave the queue; a second moderator
cannot take the item meanwhile. Screenshots of the queue, an item and the dashboard are
saved to ``test-artifacts/screenshots/``."""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command

from ai_disclosure import services as disclosure_services
from ai_disclosure.rules import DisclosureData
from ai_disclosure.services import content_for
from moderation import services
from moderation.models import ReviewItem, ReviewStatus
from tests.factories import PostFactory
from tests.moderation.triage_factories import make_moderator

from .conftest import chromium_missing_reason, log_in

if reason := chromium_missing_reason():
    pytest.skip(reason, allow_module_level=True)

from playwright.sync_api import expect  # noqa: E402  (only importable when not skipped)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASTED = """Certainly! Here's a short post about sleep and memory.

Sleep plays a crucial role in memory consolidation. During deep sleep, the brain replays the
day's experiences, strengthening the connections that matter. It's important to note that
this intricate process is a testament to the rich tapestry of human cognition.

I kept a sleep diary for three months; my recall was worse after short nights.

:::ai-written{model="GPT-5"}
A summary of the literature on sleep spindles, written by the model.
:::

I hope this helps! Let me know if you'd like any changes.
"""


@pytest.fixture
def flagged_post():
    post = PostFactory(title="Sleep and memory: what my diary showed", body=PASTED)
    disclosure_services.save_disclosure(content=post, user=post.author,
                                        data=DisclosureData(human_only=True))
    services.screen_content(content_id=content_for(post).pk)
    return ReviewItem.objects.get(content=content_for(post))


def test_moderator_filters_claims_and_approves_with_a_key(browser, page, live_server,
                                                           flagged_post, screenshot):
    call_command("seed_demo", posts=60, seed=11, verbosity=0)
    moderator = make_moderator("morgan")
    other = make_moderator("riley")

    log_in(page, live_server, moderator.username)
    expect(page.locator("h1")).to_have_text("Review queue")
    expect(page.locator("[data-row]").first).to_be_visible()
    screenshot(page, "moderation-queue")

    # filter: search for the post
    page.fill("[data-search]", "sleep and memory: what")
    page.keyboard.press("Enter")
    rows = page.locator("[data-row]")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Chat-assistant leftovers")

    # open, then claim (opening alone never claims)
    page.click(".row-title")
    expect(page.locator("[data-claim-form]")).to_be_visible()
    page.click("[data-claim-form] button")
    expect(page.locator("[data-claimed-by-me]")).to_be_visible()
    expect(page.locator("mark.evidence").first).to_be_visible()
    expect(page.locator("section.ai-block")).to_have_count(1)
    flagged_post.refresh_from_db()
    assert flagged_post.status == ReviewStatus.CLAIMED and flagged_post.claimed_by == moderator
    page.locator("[data-post-body] mark.evidence").nth(1).focus()  # shows its reason
    screenshot(page, "moderation-item")

    # a second moderator, in another browser context, cannot take it
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    second = context.new_page()
    log_in(second, live_server, other.username, next_url=f"/moderation/items/{flagged_post.pk}/")
    expect(second.locator("[data-conflict]")).to_contain_text("morgan")
    expect(second.locator("[data-decide-form]")).to_have_count(0)
    context.close()
    flagged_post.refresh_from_db()
    assert flagged_post.claimed_by == moderator

    # the help overlay, then approve with the keyboard
    page.mouse.move(0, 0)
    page.keyboard.press("?")
    expect(page.locator("#shortcut-help")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator("#shortcut-help")).to_be_hidden()
    page.keyboard.press("a")
    page.wait_for_url(re.compile(r"/moderation/(\?|items/)"))
    expect(page.locator("[data-undo]")).to_contain_text("Approve")
    flagged_post.refresh_from_db()
    assert flagged_post.status == ReviewStatus.APPROVED

    page.goto(f"{live_server.url}/moderation/")
    expect(page.locator("[data-row]").first).to_be_visible()
    expect(page.locator("[data-row]", has_text="Sleep and memory: what my")).to_have_count(0)

    page.goto(f"{live_server.url}/moderation/dashboard/")
    expect(page.locator("svg.chart")).to_have_count(2)
    page.evaluate("document.querySelector('[data-undo]')?.remove()")  # keep the charts clear
    screenshot(page, "moderation-dashboard")


def test_non_moderators_are_turned_away(page, live_server, flagged_post):
    log_in(page, live_server, flagged_post.content.obj.author.username, next_url="/")
    response = page.goto(f"{live_server.url}/moderation/")
    assert response.status == 403
