"""Reader reports in a real browser: three readers report a post from its page, a moderator
sees their reports with each reporter's accuracy and delists the post, the readers see their
reports upheld; then one report by an upheld reader flags a post while two by readers whose
reports were rejected do not (``reports.weighted`` 0.67 against 0.5, the default policy's
threshold 0.6). Screenshots go to ``test-artifacts/screenshots/``.
"""

from __future__ import annotations

import pytest

from ai_disclosure import services as disclosure_services
from ai_disclosure.rules import DisclosureData
from ai_disclosure.services import content_for
from moderation import services
from moderation.models import Report, ReportOutcome, ReviewItem, ReviewStatus, Screening
from tests.factories import PostFactory, UserFactory
from tests.moderation.triage_factories import make_moderator

from .conftest import TIMEOUT_MS, VIEWPORT, chromium_missing_reason, log_in

if reason := chromium_missing_reason():
    pytest.skip(reason, allow_module_level=True)

from playwright.sync_api import expect  # noqa: E402  (only importable when not skipped)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BODY = """I kept a sleep diary for three months last year, mostly out of stubbornness. My recall of
what I read the day before was worse after nights under six hours, but only for things I had
skimmed. Small sample, and I graded myself."""


def human_post(title: str):
    post = PostFactory(title=title, body=BODY, author=UserFactory(username="alice"))
    disclosure_services.save_disclosure(content=post, user=post.author,
                                        data=DisclosureData(human_only=True))
    return post


def screen(*posts) -> None:
    """What the worker does with the screening task each report queued (the tests' broker
    has no worker): screen the posts again with their reports."""
    services.screen_contents(content_ids=[content_for(post).pk for post in posts])


def weighted(post) -> float:
    return Screening.objects.get(content=content_for(post)).context["reports"]["weighted"]


def report_from_the_post_page(browser, live_server, username: str, post, reason: str):
    """``username`` signs in in their own browser, opens the post and reports it."""
    context = browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    log_in(page, live_server, username, next_url=f"/posts/{post.pk}/")
    page.click("[data-report-box] summary")
    page.fill("[data-report-form] textarea[name=reason]", reason)
    page.click("[data-report-form] button[type=submit]")
    expect(page.locator("[data-report-outcome]")).to_contain_text("Waiting for a moderator")
    return context, page


def test_readers_reports_are_weighted_by_how_often_moderators_upheld_them(
    browser, page, live_server, screenshot
):
    moderator = make_moderator("morgan")
    readers = [UserFactory(username=name) for name in ("ada", "ben", "cy")]
    first = human_post("A diary of sleep and memory")

    # three readers report the first post from its page
    pages = [report_from_the_post_page(browser, live_server, reader.username, first,
                                       f"{reader.username}: reads like a chat answer.")
             for reader in readers]
    open_reports = Report.objects.filter(content=content_for(first), outcome=ReportOutcome.OPEN)
    assert open_reports.count() == 3
    screen(first)
    assert weighted(first) == 1.5  # three readers without history, 0.5 each

    # the moderator sees the reports, who sent them and how accurate each reporter was
    log_in(page, live_server, moderator.username)
    item = ReviewItem.objects.get(content=content_for(first))
    page.goto(f"{live_server.url}/moderation/items/{item.pk}/")
    reports = page.locator("[data-reports] [data-report-by]")
    expect(reports).to_have_count(3)
    expect(page.locator("[data-report-by=ada] [data-accuracy]")).to_have_text(
        "0/0 upheld · weight 0.5")
    expect(page.locator("[data-reports]")).to_contain_text("ben: reads like a chat answer.")
    screenshot(page, "reader-reports-item")
    page.click("[data-decision=delist]")
    page.wait_for_url(lambda url: f"/items/{item.pk}/" not in url)
    item.refresh_from_db()
    assert item.status == ReviewStatus.DELISTED

    # each reporter sees the outcome on the post page and in their list of reports
    context, reader_page = pages[0]
    reader_page.reload()
    expect(reader_page.locator("[data-report-outcome]")).to_contain_text("Upheld")
    reader_page.goto(f"{live_server.url}/moderation/me/reports/")
    expect(reader_page.locator(f"[data-report='{first.pk}'] [data-outcome]")).to_have_text(
        "Upheld")
    screenshot(reader_page, "reader-reports-mine")
    for context, _page in pages:
        context.close()

    # the author sees the decision, never who reported the post
    log_in(page, live_server, "alice", next_url=f"/posts/{first.pk}/")
    expect(page.locator(".moderation-banner")).to_be_visible()
    expect(page.locator("[data-report-box]")).to_have_count(0)
    page.goto(f"{live_server.url}/me/posts/")
    for reader in readers:
        expect(page.locator("main")).not_to_contain_text(reader.username)

    # two readers whose reports moderators rejected twice each (weight 0.25)
    doubters = [UserFactory(username=name) for name in ("rex", "roy")]
    for n in range(2):
        approved = human_post(f"Fine post {n}")
        for doubter in doubters:
            services.file_report(post=approved, reader=doubter, reason="AI, surely.")
        screen(approved)
        services.resolve_item(
            item=ReviewItem.objects.get(content=content_for(approved)), moderator=moderator,
            decision="approve",
        )
    assert set(Report.objects.filter(reporter__in=doubters).values_list("outcome", flat=True)) \
        == {ReportOutcome.REJECTED}

    # one report by an upheld reader outweighs two by readers whose reports were rejected
    second, third = human_post("Notes on memory"), human_post("More notes on memory")
    report_from_the_post_page(browser, live_server, "ada", second, "Same style as before.")[0] \
        .close()
    for doubter in doubters:
        report_from_the_post_page(browser, live_server, doubter.username, third,
                                  "AI again.")[0].close()
    screen(second, third)
    assert weighted(second) == 0.6667  # (1 + 1) / (1 + 2)
    assert weighted(third) == 0.5  # 2 × (0 + 1) / (2 + 2)

    log_in(page, live_server, moderator.username)
    page.fill("[data-search]", "notes on memory")
    page.keyboard.press("Enter")
    rows = page.locator("[data-row]")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Notes on memory")
    expect(rows.first).to_contain_text("Reported by readers")
    assert not ReviewItem.objects.filter(content=content_for(third)).exists()
