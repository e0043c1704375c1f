"""The dashboard in a real browser: a shadow policy's agreement with moderators, precision
per policy version, and the warning of a policy below its target precision. A screenshot is
saved to ``test-artifacts/screenshots/``."""

from __future__ import annotations

import pytest

from ai_disclosure import services as disclosure_services
from ai_disclosure.rules import DisclosureData
from ai_disclosure.services import content_for
from moderation import services
from moderation.models import Policy, PolicyMode, ReviewItem
from tests.factories import PostFactory
from tests.moderation.test_screening import PASTED_ANSWER
from tests.moderation.triage_factories import make_moderator

from .conftest import chromium_missing_reason, log_in

if reason := chromium_missing_reason():
    pytest.skip(reason, allow_module_level=True)

from playwright.sync_api import expect  # noqa: E402  (only importable when not skipped)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_dashboard_shows_shadow_agreement_versions_and_a_precision_warning(
    page, live_server, screenshot
):
    # given a shadow policy on GPT-5, and "Chat-assistant leftovers" aiming at 90% precision
    shadow = services.save_policy(policy=Policy(
        name="Trial: names GPT-5", expression='"GPT-5" in disclosure.models', reason="Trial.",
        enabled=True, mode=PolicyMode.SHADOW), user=None)
    leftovers = Policy.objects.get(name="Chat-assistant leftovers")
    leftovers.target_precision = 0.9
    services.save_policy(policy=leftovers, user=None)  # not a new version: same rule
    moderator = make_moderator("morgan")
    posts = []
    for models in (["GPT-5"], ["GPT-5"], []):
        post = PostFactory(body=PASTED_ANSWER)
        disclosure_services.save_disclosure(content=post, user=post.author, data=DisclosureData(
            assistance={"editing"}, models_used=models, ai_share_estimate="lt10"))
        posts.append(post)
    services.screen_contents(content_ids=[content_for(post).pk for post in posts])
    for post, decision in zip(posts, ["delist", "approve", "delist"], strict=True):
        services.resolve_item(
            item=ReviewItem.objects.get(content=content_for(post)),
            moderator=moderator,
            decision=decision,
            message="Undisclosed AI text.",
        )

    log_in(page, live_server, moderator.username, next_url="/moderation/dashboard/")

    warning = page.locator(f"[data-precision-warning='{leftovers.pk}']")
    expect(warning).to_contain_text("below its target precision")
    expect(warning).to_contain_text("67% were upheld; the target is 90%")
    row = page.locator(f"[data-shadow-policy='{shadow.pk}']")
    expect(row).to_contain_text("50% of its decided matches upheld")
    expect(page.locator(f"[data-policy-version='{leftovers.pk}-1']")).to_contain_text("67%")
    screenshot(page, "moderation-dashboard-policy-quality")
