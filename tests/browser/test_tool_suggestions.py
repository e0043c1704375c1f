"""AI tools' suggestions in the author's edit page: accept one, dismiss another."""

from __future__ import annotations

import re

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from ai_disclosure import services as disclosure_services
from ai_disclosure.models import ToolSuggestion
from ai_disclosure.rules import DisclosureData
from tests.factories import PostFactory, UserFactory

from .conftest import chromium_missing_reason

if reason := chromium_missing_reason():
    pytest.skip(reason, allow_module_level=True)

from playwright.sync_api import expect  # noqa: E402  (only importable when not skipped)

from .test_post_pages import log_in  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BODY = (
    "I measured the bridge myself.\n\n"
    "The load test shows a safety margin of 40% under the heaviest trucks.\n\n"
    "My conclusion follows.\n"
)
PASSAGE = "The load test shows a safety margin of 40% under the heaviest trucks."


def test_author_accepts_one_tool_suggestion_and_dismisses_another(page, live_server, screenshot):
    # given a human-only post, and an editor's assistant that recorded two suggestions with
    # the author's token
    author = UserFactory(username="ada")
    post = PostFactory(author=author, title="The bridge", body=BODY)
    disclosure_services.save_disclosure(
        content=post, user=author, data=DisclosureData(human_only=True)
    )
    tool = APIClient()
    tool.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=author).key}")
    url = f"/api/ai-disclosure/v1/posts/{post.pk}/suggestions/"
    edit = tool.post(url, {"kind": "editing", "model": "GPT-5", "tool": "Rephraser",
                           "passage": PASSAGE, "block_type": "ai-edited"}, format="json")
    research = tool.post(url, {"kind": "research", "model": "Gemini 2.5 Pro",
                               "tool": "Source finder"}, format="json")
    assert edit.status_code == research.status_code == 201

    # the edit page lists both; the form still says human-written and the text is unmarked
    log_in(page, live_server, author, next_url=f"/posts/{post.pk}/edit/")
    expect(page).to_have_url(re.compile(rf"/posts/{post.pk}/edit/$"))
    cards = page.locator("[data-suggestion]")
    expect(cards).to_have_count(2)
    expect(page.locator("input[name=human_only]")).to_be_checked()
    expect(page.locator("#id_body")).not_to_have_value(re.compile(":::"))
    screenshot(page, "tool-suggestions-pending")

    # when the author accepts the edit
    rephrased = page.locator(f"[data-suggestion='{edit.json()['id']}']")
    with page.expect_navigation():
        rephrased.locator("[data-accept]").click()

    # then the passage is marked, and the disclosure names the kind and the model
    expect(page).to_have_url(re.compile(rf"/posts/{post.pk}/edit/$"))
    expect(page.locator("#id_body")).to_have_value(
        re.compile(re.escape(f':::ai-edited{{model="GPT-5"}}\n{PASSAGE}\n:::'))
    )
    expect(page.locator("input[name=human_only]")).not_to_be_checked()
    expect(page.locator("input[name=assistance][value=editing]")).to_be_checked()
    expect(page.locator("#id_models_used")).to_have_value("GPT-5")
    expect(page.locator(".messages")).to_contain_text("Your disclosure still needs")
    expect(cards).to_have_count(1)

    # when the author dismisses the research suggestion, nothing else changes
    with page.expect_navigation():
        page.locator(f"[data-suggestion='{research.json()['id']}'] [data-dismiss]").click()
    expect(page.locator(".messages")).to_contain_text("Dismissed")
    expect(page.locator("[data-ai-tool-suggestions]")).to_have_count(0)
    expect(page.locator("input[name=assistance][value=research]")).not_to_be_checked()
    expect(page.locator("#id_models_used")).to_have_value("GPT-5")
    screenshot(page, "tool-suggestions-decided")

    statuses = dict(ToolSuggestion.objects.values_list("kind", "status"))
    assert statuses == {"editing": "accepted", "research": "dismissed"}
