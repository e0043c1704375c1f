"""The demo forum's post pages in a real browser, with and without JavaScript.

Each test writes full-page screenshots to ``test-artifacts/screenshots/`` so the pages can be
looked at after a run.
"""

from __future__ import annotations

import re

import pytest

from ai_disclosure import services as disclosure_services
from ai_disclosure.rules import DisclosureData
from tests.factories import PostFactory, UserFactory

from .conftest import chromium_missing_reason

if reason := chromium_missing_reason():
    pytest.skip(reason, allow_module_level=True)

from playwright.sync_api import expect  # noqa: E402  (only importable when not skipped)

# The live server runs in another thread, so tests commit their data; conftest re-seeds the
# data migration's rows that the flush between tests removes.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "demo-password"

AI_BODY = """\
Most failed replications fail quietly. Here is what I learned from three of them.

:::ai-written{model="Claude Opus 4.6"}
## A checklist before you start

1. Pin every dependency, including the **random seed**.
2. Re-run the original code *before* changing anything.
3. Write down which result would count as a failure to replicate.
:::

The checklist above is the model's summary of my notes; the stories below are mine.

In the first attempt the original authors had tuned the learning rate on the test set. Nobody
lied, but nobody wrote it down either, and it took me two weeks to find. When I asked a model
whether my fix was sound, it was more careful than I expected:

:::ai-transcript{model="Claude Opus 4.6"}
**Me:** Is tuning on the test set ever acceptable?

**Claude:** Only if you say so and keep a fresh test set for the final numbers.
:::
"""

DESCRIPTION = (
    "Claude turned my rough notes into the checklist in the marked block; "
    "I wrote everything else myself."
)
VERIFICATION = "I checked each checklist item against my lab notebook."


def log_in(page, live_server, user, *, next_url: str = "/") -> None:
    page.goto(f"{live_server.url}/accounts/login/?next={next_url}")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("main form button[type=submit]")


def publish(page) -> None:
    with page.expect_navigation():
        page.click("button[name=publish]")


def test_author_discloses_ai_help_and_readers_see_labelled_blocks(page, live_server, screenshot):
    # given an author on the new-post page, with JavaScript
    author = UserFactory(username="ada")
    log_in(page, live_server, author, next_url="/posts/new/")
    expect(page).to_have_url(re.compile(r"/posts/new/$"))
    human_only = page.locator("input[name=human_only]")
    details = page.locator("[data-ai-details]")
    suggestion = page.locator("[data-ai-suggestion]")

    # the details hide while "100% human-written" is ticked, and come back when it is not
    page.fill("#id_title", "What three failed replications taught me")
    page.fill("#id_body", "A post I wrote entirely myself, about replication.")
    human_only.check()
    expect(details).to_be_hidden()
    screenshot(page, "new-post-human-only")
    human_only.uncheck()
    expect(details).to_be_visible()

    # an AI block in the body suggests the kind it implies, without ticking it
    page.fill("#id_body", AI_BODY)
    expect(suggestion).to_be_visible()
    expect(suggestion).to_contain_text("Drafting")
    drafting = page.locator("input[name=assistance][value=drafting]")
    expect(page.locator("label.ai-suggested", has=drafting)).to_be_visible()
    expect(drafting).not_to_be_checked()
    page.fill("#id_models_used", "Claude Opus 4.6")
    page.check("input[name=ai_share_estimate][value='10-30']")
    page.fill("#id_description", DESCRIPTION)
    page.fill("#id_verification", VERIFICATION)
    page.check("input[name=expertise][value=author]")
    screenshot(page, "new-post-ai-details")
    suggestion.get_by_role("button").click()
    expect(drafting).to_be_checked()
    expect(suggestion).to_be_hidden()

    # when ticked human-only with an AI block, the post is refused, naming the block and line
    human_only.check()
    expect(suggestion).to_contain_text("ai-written")
    publish(page)
    expect(page).to_have_url(re.compile(r"/posts/new/$"))
    expect(page.locator(".ai-field-human-only .errorlist")).to_contain_text("ai-written on line 3")
    screenshot(page, "new-post-refused")

    # then, unticked, with the details kept from the refused attempt, it is published
    page.locator("input[name=human_only]").uncheck()
    expect(details).to_be_visible()
    expect(page.locator("#id_description")).to_have_value(DESCRIPTION)
    publish(page)

    # readers see the block labelled with its type and model, and the one-line summary
    expect(page).to_have_url(re.compile(r"/posts/\d+/$"))
    block = page.locator("section.ai-block.ai-written")
    expect(block).to_have_attribute("data-model", "Claude Opus 4.6")
    expect(block.locator(".ai-block-label")).to_have_text("AI-written · Claude Opus 4.6")
    expect(page.locator(".post .ai-disclosure-summary")).to_have_text(
        re.compile(r"^AI: drafting · Claude Opus 4\.6 · ")
    )
    expect(page.locator("section.ai-block.ai-transcript .ai-block-label")).to_have_text(
        "AI transcript · Claude Opus 4.6"
    )
    page.locator(".ai-disclosure-details-box summary").click()
    expect(page.locator(".ai-disclosure-details-box")).to_contain_text(VERIFICATION)
    screenshot(page, "post-detail")


def test_form_works_without_javascript(nojs_page, live_server, screenshot):
    page = nojs_page
    author = UserFactory(username="grace")
    log_in(page, live_server, author, next_url="/posts/new/")

    # given no JavaScript, the whole form shows, the tick and every detail
    expect(page.locator("[data-ai-details]")).to_be_visible()
    expect(page.locator("#id_description")).to_be_visible()

    # a too-short description says how long it must be
    page.fill("#id_title", "A short note")
    page.fill("#id_body", "Some text an AI polished.")
    page.check("input[name=assistance][value=editing]")
    page.fill("#id_models_used", "Grammarly")
    page.check("input[name=ai_share_estimate][value=lt10]")
    page.fill("#id_description", "Fixed typos.")
    page.check("input[name=expertise][value=none]")
    publish(page)
    expect(page.locator(".ai-field-description .errorlist")).to_contain_text(
        "at least 40 characters (you wrote 12)"
    )
    screenshot(page, "new-post-no-js-error")

    # a human-only post is published with one tick
    page.goto(f"{live_server.url}/posts/new/")
    page.fill("#id_title", "Notes from the reading group")
    page.fill("#id_body", "We read the paper twice and disagreed about section 4.")
    page.check("input[name=human_only]")
    publish(page)
    expect(page).to_have_url(re.compile(r"/posts/\d+/$"))
    expect(page.locator(".post .ai-disclosure-summary")).to_have_text("Human-written")


def _disclose(post, **fields) -> None:
    disclosure_services.save_disclosure(
        content=post, user=post.author, data=DisclosureData(**fields)
    )
    disclosure_services.rendered_content(post)


def test_reader_can_collapse_mostly_ai_posts_in_listing(page, live_server, screenshot):
    # given human-written posts, AI-assisted ones and a mostly AI-written one
    author = UserFactory(username="author")
    other = UserFactory(username="author2")
    human = PostFactory(author=author, title="Why I still read papers on paper")
    _disclose(human, human_only=True)
    translated = PostFactory(
        author=other,
        title="A Japanese result on induction heads, translated",
        body=(
            "I read this paper in Japanese and summarise it below; the abstract is a machine "
            "translation that I corrected by hand where the terms were off.\n\n"
            ':::ai-translated{model="DeepL"}\nInduction heads form early in training.\n:::\n'
        ),
    )
    _disclose(
        translated,
        assistance={"translation"},
        models_used=["DeepL"],
        ai_share_estimate="10-30",
        description="DeepL translated the abstract from Japanese; I corrected the terminology.",
        expertise="other",
    )
    edited = PostFactory(
        author=author,
        title="Notes on calibration, lightly edited",
        body=(
            "I kept a forecasting diary for a year and scored it every month. Most of what I "
            "learned is about how badly I remember my own predictions.\n\n"
            ':::ai-edited{model="Claude Sonnet 4.5"}\nA paragraph it tidied.\n:::\n'
        ),
    )
    _disclose(
        edited,
        assistance={"editing"},
        models_used=["Claude Sonnet 4.5"],
        ai_share_estimate="lt10",
        description="Claude fixed the grammar of one paragraph; the ideas and text are mine.",
        expertise="author",
    )
    mostly_ai = PostFactory(
        author=author,
        title="A survey of sparse autoencoders",
        body=':::ai-written{model="GPT-5"}\nThe whole survey, written by the model.\n:::\n',
    )
    _disclose(
        mostly_ai,
        assistance={"drafting", "research"},
        models_used=["GPT-5"],
        ai_share_estimate="gt90",
        description="GPT-5 wrote the survey from a list of papers I gave it.",
        verification="I skimmed the cited papers for the main claims.",
        expertise="none",
    )
    legacy = PostFactory(author=other, title="Reading group: week 12 notes")
    _disclose(legacy, human_only=True)
    reader = UserFactory(username="reader")
    log_in(page, live_server, reader)
    expect(page.locator(".post-row")).to_have_count(5)
    expect(page.locator(".post-row.collapsed")).to_have_count(0)

    # when the reader asks to collapse mostly AI-written posts
    page.check(".preference input[name=collapse_mostly_ai]")
    with page.expect_navigation():
        page.click(".preference button[type=submit]")

    # then only that post is collapsed
    collapsed = page.locator(".post-row.collapsed")
    expect(collapsed).to_have_count(1)
    expect(collapsed).to_contain_text(mostly_ai.title)
    expect(page.locator(".post-row:not(.collapsed)")).to_have_count(4)
    expect(page.locator(".preference input[name=collapse_mostly_ai]")).to_be_checked()
    screenshot(page, "post-list")
