"""Issue 11's browser test: an author comments on a post with AI help (the compact form),
the comment is screened, a moderator decides it from the same queue as posts (its type
shown and filtered), and the author receives the decision on a real SMTP server.

Celery runs eagerly here, so the screening and email tasks queued after each commit run in
the live server's thread, as a worker would run them.
"""

from __future__ import annotations

import re

import pytest

from ai_disclosure import services as disclosure_services
from ai_disclosure.rules import DisclosureData
from demo.celery import app as celery_app
from demo.forum.models import Comment, Visibility
from moderation.models import ReviewItem, ReviewStatus
from tests.factories import PostFactory, UserFactory
from tests.moderation.triage_factories import make_moderator
from tests.smtp_server import smtp_server, use_smtp

from .conftest import chromium_missing_reason, log_in

if reason := chromium_missing_reason():
    pytest.skip(reason, allow_module_level=True)

from playwright.sync_api import expect  # noqa: E402  (only importable when not skipped)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PORT = 19911
COMMENT = ("Certainly! Here's a short reply about sleep diaries.\n\nKeeping a diary for a "
           "month is a reliable way to see patterns in your own sleep.\n\nI hope this helps! "
           "Let me know if you'd like any changes.")


@pytest.fixture
def inbox(settings, live_server):
    use_smtp(settings, PORT)
    settings.AI_MODERATION_SITE_URL = live_server.url
    controller, inbox = smtp_server(PORT)
    controller.start()
    celery_app.conf.task_always_eager = True
    yield inbox
    celery_app.conf.task_always_eager = False
    controller.stop()


def test_a_comment_with_ai_help_is_screened_decided_from_the_queue_and_emailed(
    page, live_server, inbox, screenshot
):
    # given someone else's post, and an author with an email address
    post = PostFactory(title="Sleep and memory: a diary")
    disclosure_services.save_disclosure(content=post, user=post.author,
                                        data=DisclosureData(human_only=True))
    author = UserFactory(username="cora", email="cora@example.org")
    moderator = make_moderator("morgan")

    # when the author comments with AI help, through the compact disclosure form
    log_in(page, live_server, author.username, next_url=post.get_absolute_url())
    page.fill("#id_comment-body", COMMENT)
    expect(page.locator("#id_comment-models_used")).to_have_count(0)  # the compact form
    page.check("input[name=comment-assistance][value=drafting]")
    page.fill("#id_comment-description", "ChatGPT wrote the reply from my notes.")
    screenshot(page, "comment-form-compact")
    page.click("[data-comment-form] button[type=submit]")
    expect(page).to_have_url(re.compile(r"/posts/\d+/#comment-\d+$"))
    comment = Comment.objects.get()
    expect(page.locator(f"#comment-{comment.pk} .ai-disclosure-summary")).to_have_text(
        re.compile(r"^AI: drafting"))

    # then it was screened after the commit and waits in the queue as a comment
    item = ReviewItem.objects.get(content__kind="comment")
    assert item.status == ReviewStatus.OPEN and item.author == author

    # a moderator filters the queue by type, opens the comment and delists it
    log_in(page, live_server, moderator.username, next_url="/moderation/?type=comment")
    rows = page.locator("[data-row]")
    expect(rows).to_have_count(1)
    expect(rows.first.locator("[data-content-type=comment]")).to_have_text("Comment")
    expect(rows.first).to_contain_text("Chat-assistant leftovers")
    screenshot(page, "moderation-queue-comments")
    page.click(".row-title")
    expect(page.locator(".content-type")).to_have_text("Comment")
    expect(page.locator(".byline")).to_contain_text("Sleep and memory: a diary")
    page.click("[data-claim-form] button")
    expect(page.locator("[data-claimed-by-me]")).to_be_visible()
    page.fill("#decision-message", "The greeting and sign-off are a chat assistant's.")
    page.click("[data-decide-form] button[data-decision=delist]")
    page.wait_for_url(re.compile(r"/moderation/"))

    # and the author gets the decision by email, with a link to the comment
    [(recipients, message)] = inbox.wait_for(1)
    assert recipients == ["cora@example.org"]
    text = message.get_body(preferencelist=("plain",)).get_content()
    assert "The greeting and sign-off are a chat assistant's." in text
    assert f"{live_server.url}{comment.get_absolute_url()}" in text
    item.refresh_from_db()
    comment.refresh_from_db()
    assert item.status == ReviewStatus.DELISTED and comment.visibility == Visibility.DELISTED
