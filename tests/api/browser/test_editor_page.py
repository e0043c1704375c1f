"""The demo's API editor in a real browser: everything it does goes through the public API."""

from __future__ import annotations

import re

import pytest

from ai_disclosure.selectors import disclosure_for
from demo.forum.models import Post
from tests.browser.conftest import chromium_missing_reason
from tests.factories import UserFactory

if reason := chromium_missing_reason():
    pytest.skip(reason, allow_module_level=True)

from playwright.sync_api import expect  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

OWN_TEXT = "I measured the queue for three months.\n"
AI_TEXT = "The median wait fell from nine hours to two."


def test_editor_marks_ai_text_previews_it_and_publishes_with_a_disclosure(
    page, live_server, screenshot
):
    # given an author on the API editor, whose form comes from the schema endpoint
    author = UserFactory(username="ada")
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{live_server.url}/accounts/login/?next=/editor/")
    page.fill("#id_username", author.username)
    page.fill("#id_password", "demo-password")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    expect(page.locator("#editor-app")).to_have_attribute("data-ready", "")
    expect(page.locator("#editor-disclosure input[name=assistance]")).to_have_count(6)
    expect(page.locator("#editor-block-type option")).to_have_count(4)

    # when they select the AI's sentence and insert an AI section around it
    page.fill("#editor-title", "What the queue data says")
    page.fill("#editor-body", OWN_TEXT + AI_TEXT)
    page.evaluate(
        "([start, end]) => document.getElementById('editor-body').setSelectionRange(start, end)",
        [len(OWN_TEXT), len(OWN_TEXT) + len(AI_TEXT)],
    )
    page.select_option("#editor-block-type", "ai-written")
    page.fill("#editor-block-model", "Claude Opus 4.6")
    page.click("#editor-insert-ai")

    # then the selection is wrapped in a block, and the live preview labels it
    expect(page.locator("#editor-body")).to_have_value(
        OWN_TEXT + ':::ai-written{model="Claude Opus 4.6"}\n' + AI_TEXT + "\n:::"
    )
    section = page.locator("#editor-preview section.ai-block.ai-written")
    expect(section).to_have_attribute("data-model", "Claude Opus 4.6")
    expect(section).to_contain_text(AI_TEXT)
    expect(page.locator("#editor-ai-share")).to_contain_text("1 block")
    # the kind the block implies is pre-filled, visibly
    expect(page.locator("#editor-disclosure input[value=drafting]")).to_be_checked()

    # when they check the disclosure before filling it in
    page.click("#editor-check")
    # then each missing field shows its message
    expect(page.locator('[data-errors-for="disclosure.description"] li')).to_have_count(1)
    expect(page.locator('[data-errors-for="disclosure.expertise"] li')).to_have_count(1)
    screenshot(page, "api-editor-check")

    # when they complete the disclosure and publish
    page.fill(
        "#disclosure-description",
        "Claude summarised my measurements in one sentence; the rest is my own writing.",
    )
    page.fill("#disclosure-verification", "I compared the sentence with my spreadsheet.")
    page.check("#editor-disclosure input[name=ai_share_estimate][value='30-60']")
    page.check("#editor-disclosure input[name=expertise][value=author]")
    with page.expect_navigation():
        page.click("#editor-publish")

    # then the post exists with its disclosure, and the page only ever called the API
    expect(page).to_have_url(re.compile(r"/posts/\d+/$"))
    post = Post.objects.get(title="What the queue data says")
    assert disclosure_for(post).description.startswith("Claude summarised")
    assert list(disclosure_for(post).assistance.values_list("slug", flat=True)) == ["drafting"]
    fetched = [url for url in requests if "/api/" in url]
    assert fetched and all(
        re.search(r"/api/(ai-disclosure|forum)/v1/", url) for url in fetched
    ), fetched


def test_editor_shows_the_apis_field_errors_when_publishing_without_a_disclosure(
    page, live_server
):
    author = UserFactory(username="bea")
    page.goto(f"{live_server.url}/accounts/login/?next=/editor/")
    page.fill("#id_username", author.username)
    page.fill("#id_password", "demo-password")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    expect(page.locator("#editor-app")).to_have_attribute("data-ready", "")

    page.fill("#editor-title", "No disclosure")
    page.fill("#editor-body", "Just my words.")
    page.click("#editor-publish")

    expect(page.locator('[data-errors-for="disclosure.human_only"] li')).to_have_count(1)
    expect(page.locator("#editor-status")).to_contain_text("complete disclosure")
    assert not Post.objects.filter(title="No disclosure").exists()
