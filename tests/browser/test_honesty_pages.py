"""Honesty that is cheap to keep, in a real browser: the human-only tick asked again after an
edit (the edit kept), and the form's nudges arriving as the author writes.
"""

from __future__ import annotations

import re

import pytest

from ai_disclosure import services as disclosure_services
from ai_disclosure.rules import DisclosureData
from tests.factories import PostFactory, UserFactory

from .conftest import chromium_missing_reason
from .test_post_pages import log_in, publish

if reason := chromium_missing_reason():
    pytest.skip(reason, allow_module_level=True)

from playwright.sync_api import expect  # noqa: E402  (only importable when not skipped)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ORIGINAL = "I walked the whole ridge in one day and wrote this the same evening."
ADDED = " The descent took longer than the climb."


def test_editing_a_post_ticked_human_only_asks_again_and_keeps_what_was_typed(
    page, live_server, screenshot
):
    # given: a post ticked 100% human-written
    author = UserFactory(username="walker")
    post = PostFactory(author=author, title="The ridge", body=ORIGINAL)
    disclosure_services.save_disclosure(content=post, user=author,
                                        data=DisclosureData(human_only=True))
    log_in(page, live_server, author, next_url=f"/posts/{post.pk}/edit/")
    tick = page.locator("input[name=human_only]")
    expect(tick).to_be_checked()

    # when: the author types more text and saves with the tick still on
    page.locator("#id_body").press("Control+End")
    page.locator("#id_body").press_sequentially(ADDED)
    publish(page)

    # then: the tick is shown unticked with a message, and the typed text is still there
    expect(page).to_have_url(re.compile(rf"/posts/{post.pk}/edit/$"))
    expect(tick).not_to_be_checked()
    expect(page.locator(".ai-field-human-only .errorlist")).to_contain_text(
        "You changed the text since you ticked")
    expect(page.locator("#id_body")).to_have_value(ORIGINAL + ADDED)
    screenshot(page, "edit-asks-for-the-tick-again")

    # when: the author ticks it again for the new text
    tick.check()
    publish(page)

    # then: the edit is published, still human-written
    expect(page).to_have_url(re.compile(rf"/posts/{post.pk}/$"))
    expect(page.locator(".post-body")).to_contain_text("The descent took longer than the climb.")
    expect(page.locator(".post .ai-disclosure-summary")).to_have_text("Human-written")


def test_the_form_tells_the_author_what_will_happen_before_they_submit(
    page, live_server, screenshot
):
    log_in(page, live_server, UserFactory(username="newcomer"), next_url="/posts/new/")
    page.fill("#id_title", "Sleep and memory")
    page.fill("#id_body", "One line of mine.\n\n:::ai-written{model=\"Claude Opus 4.6\"}\n"
              + "The model wrote this paragraph on sleep and memory consolidation. " * 5
              + "\n:::\n")
    page.check("input[name=assistance][value=drafting]")
    page.fill("#id_models_used", "Claude Opus 4.6")
    page.check("input[name=ai_share_estimate][value='10-30']")

    nudges = page.locator("[data-ai-nudges]")
    expect(nudges).to_contain_text("Your estimate (10–30%) is below the measured AI share")
    expect(nudges).to_contain_text("reviewed by a moderator after they appear")
    screenshot(page, "new-post-nudges")

    # an honest estimate: the share nudge goes away, the new-author one stays
    page.check("input[name=ai_share_estimate][value='gt90']")
    expect(nudges).not_to_contain_text("measured AI share")
    expect(nudges).to_contain_text("Posts like this by new authors are reviewed by a moderator")


def test_the_reviewer_field_appears_when_another_person_reviewed_it(page, live_server):
    log_in(page, live_server, UserFactory(username="analyst"), next_url="/posts/new/")
    reviewer = page.locator(".ai-field-reviewer")
    expect(reviewer).to_be_hidden()

    page.check("input[name=expertise][value=other]")

    expect(reviewer).to_be_visible()
    page.fill("#id_reviewer", "drlee")
    page.check("input[name=expertise][value=author]")
    expect(reviewer).to_be_visible()  # a name typed is never hidden away
