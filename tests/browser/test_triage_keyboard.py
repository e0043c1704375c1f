"""The triage pages' keyboard in a real browser: a moderator types a request for information
full of shortcut letters and nothing is decided until they submit it with Ctrl+Enter; picking
a reason template fills the message; every shortcut still works from the page itself; and no
text box of the item or queue page lets a typed letter act as a shortcut."""

from __future__ import annotations

import re
from urllib.parse import parse_qs

import pytest

from moderation import services
from moderation.models import AuthorMessage, Decision, ReasonTemplate, ReviewItem, ReviewStatus
from tests.moderation.triage_factories import first_policy, make_item, make_moderator

from .conftest import chromium_missing_reason, log_in

if reason := chromium_missing_reason():
    pytest.skip(reason, allow_module_level=True)

from playwright.sync_api import expect  # noqa: E402  (only importable when not skipped)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

#: Contains every letter shortcut of both pages (a d r j k e u n q o x, Shift+X) and ? and /.
QUESTION = ("Which paragraphs did you draft with AI? Are the quotes real? Just asking; kindly "
            "explain X and Y. Next steps/quick notes?")
NOTE = "Quotes look invented; ask before deciding. Next: check the journal/DOI."
#: What every text box and list of the two pages gets typed into it.
TYPED = "a d r j k e u n q o x X / ? Which paragraphs did you draft?"
ACTIVE = (ReviewStatus.OPEN, ReviewStatus.CLAIMED)


@pytest.fixture
def moderator():
    return make_moderator("morgan")


@pytest.fixture
def actions(page):
    """Every navigation and every non-GET request the page makes, as it makes them: a shortcut
    that fires submits a form or follows a link, so this list shows it even before the server
    has answered."""
    made = []
    page.on("request", lambda request: made.append(request)
            if request.is_navigation_request() or request.method != "GET" else None)
    return made


def claim_and_open(page, live_server, item: ReviewItem, moderator) -> None:
    """Claim ``item`` for ``moderator`` (as the queue's claim action does) and show its page,
    with the mouse off the page and nothing focused."""
    services.claim_item(item=item, moderator=moderator)
    page.goto(f"{live_server.url}/moderation/items/{item.pk}/")
    expect(page.locator("[data-decide-form]")).to_be_visible()
    page.mouse.move(0, 0)


def item_url(item: ReviewItem) -> re.Pattern:
    return re.compile(rf"/moderation/items/{item.pk}/(\?.*)?$")


def posted_form(request) -> dict[str, list[str]]:
    return parse_qs(request.post_data or "")


def type_into_each(page, fields) -> None:
    """Focus each field, type ``TYPED`` as key presses, and leave it with Esc. A list gets the
    letters only: Space would open its popup, which takes the keys away from the page."""
    for index in range(fields.count()):
        field = fields.nth(index)
        field.focus()
        is_list = field.evaluate("(element) => element.tagName === 'SELECT'")
        page.keyboard.type(TYPED.replace(" ", "") if is_list else TYPED)
        page.keyboard.press("Escape")
        expect(field).not_to_be_focused()


def test_typing_a_request_for_information_decides_nothing_until_ctrl_enter(
    page, live_server, moderator, actions, screenshot
):
    item = make_item(title="Sleep and memory")
    log_in(page, live_server, moderator.username)
    claim_and_open(page, live_server, item, moderator)
    actions.clear()

    # `r` puts the cursor in the message box, whatever else carries a data attribute.
    page.keyboard.press("r")
    box = page.locator("#decision-message")
    expect(box).to_be_focused()
    expect(page.locator("[data-field-keys]")).to_contain_text("Request info")

    page.keyboard.type(QUESTION)
    page.keyboard.press("Tab")  # to the internal note, by keyboard
    expect(page.locator("#decision-note")).to_be_focused()
    page.keyboard.type(NOTE)

    # Nothing fired: no request, still this page, the help stayed shut, the item undecided.
    expect(box).to_have_value(QUESTION)
    expect(page.locator("#decision-note")).to_have_value(NOTE)
    expect(page).to_have_url(item_url(item))
    expect(page.locator("#shortcut-help")).to_be_hidden()
    expect(page.locator("[data-undo]")).to_have_count(0)
    expect(page.locator(".item-status-row .status")).to_have_text("Claimed")
    assert actions == []
    item.refresh_from_db()
    assert item.status == ReviewStatus.CLAIMED and item.claimed_by == moderator
    assert not AuthorMessage.objects.filter(item=item).exists()
    screenshot(page, "moderation-item-request-info")

    # Ctrl+Enter (from either box) sends it, as a request for information.
    page.keyboard.press("Control+Enter")
    page.wait_for_url(lambda url: not item_url(item).search(url))
    [post] = [request for request in actions if request.method == "POST"]
    assert posted_form(post)["decision"] == ["request_info"]
    item.refresh_from_db()
    assert item.status == ReviewStatus.INFO_REQUESTED
    assert item.decision_note == NOTE
    assert AuthorMessage.objects.get(item=item).body == QUESTION
    expect(page.locator("[data-undo]")).to_contain_text("Request information")


def test_a_reason_template_fills_the_message_box_and_ctrl_enter_submits_its_decision(
    page, live_server, moderator
):
    item = make_item()
    ask = ReasonTemplate.objects.create(
        title="Which parts", decision=Decision.REQUEST_INFO,
        message="Please tell us which parts of your post an AI wrote.")
    any_decision = ReasonTemplate.objects.create(
        title="Guidelines", message="Please read the forum's guidelines on AI help.")
    delist = ReasonTemplate.objects.create(
        title="Undisclosed AI", decision=Decision.DELIST,
        message="Your post was delisted: large parts read as AI-written and were not disclosed.")
    log_in(page, live_server, moderator.username)
    claim_and_open(page, live_server, item, moderator)
    box = page.locator("#decision-message")
    template = page.locator("#decision-template")

    template.select_option(str(ask.pk))
    expect(box).to_have_value(ask.message)
    template.select_option(str(any_decision.pk))  # an untouched text follows the template
    expect(box).to_have_value(any_decision.message)
    template.select_option(index=0)  # "None"
    expect(box).to_have_value("")

    # Text the moderator wrote is replaced only when they agree to it.
    template.select_option(str(ask.pk))
    box.press("End")
    box.press_sequentially(" And are the quotes real?")
    edited = ask.message + " And are the quotes real?"
    page.once("dialog", lambda dialog: dialog.dismiss())
    template.select_option(str(any_decision.pk))
    expect(box).to_have_value(edited)
    page.once("dialog", lambda dialog: dialog.accept())
    template.select_option(str(delist.pk))
    expect(box).to_have_value(delist.message)

    # The template is for delisting, so Ctrl+Enter delists, with the message as edited.
    expect(page.locator("[data-pending-label]")).to_have_text("Delist")
    box.press("End")
    box.press_sequentially(" See the guidelines.")
    item.refresh_from_db()
    assert item.status == ReviewStatus.CLAIMED
    box.press("Control+Enter")
    page.wait_for_url(lambda url: not item_url(item).search(url))
    item.refresh_from_db()
    assert item.status == ReviewStatus.DELISTED
    assert AuthorMessage.objects.get(item=item).body == delist.message + " See the guidelines."


def test_r_after_a_delist_template_asks_for_information_instead(page, live_server, moderator):
    item = make_item()
    delist = ReasonTemplate.objects.create(
        title="Undisclosed AI", decision=Decision.DELIST, message="Delisted: undisclosed AI.")
    log_in(page, live_server, moderator.username)
    claim_and_open(page, live_server, item, moderator)

    page.locator("#decision-template").select_option(str(delist.pk))
    page.keyboard.press("Escape")  # leave the list; the page's keys work again
    page.keyboard.press("r")
    expect(page.locator("#decision-message")).to_be_focused()
    expect(page.locator("#decision-template")).to_have_value("")
    expect(page.locator("#decision-message")).to_have_value("")
    page.keyboard.type("Which paragraphs did you draft with AI?")
    page.keyboard.press("Meta+Enter")  # Cmd+Enter, as on a Mac
    page.wait_for_url(lambda url: not item_url(item).search(url))
    item.refresh_from_db()
    assert item.status == ReviewStatus.INFO_REQUESTED
    assert item.author_message == "Which paragraphs did you draft with AI?"


def test_no_text_box_of_the_item_page_turns_typing_into_shortcuts(
    page, live_server, moderator, actions
):
    ReasonTemplate.objects.create(title="Any", message="Please read the guidelines.")
    items = [make_item(priority=90 - index) for index in range(3)]
    item = items[1]  # with a previous and a next item, so j and k have somewhere to go
    log_in(page, live_server, moderator.username)
    claim_and_open(page, live_server, item, moderator)
    actions.clear()

    fields = page.locator("[data-decide-form] :is(textarea, select, input:not([type=hidden]))")
    assert fields.count() == 3  # the template list, the message and the note
    type_into_each(page, fields)
    expect(page.locator("#decision-note")).to_have_value(TYPED)

    expect(page).to_have_url(item_url(item))
    expect(page.locator("#shortcut-help")).to_be_hidden()
    assert actions == []
    assert ReviewItem.objects.filter(pk__in=[i.pk for i in items], status__in=ACTIVE).count() == 3


def test_every_item_shortcut_works_from_the_page(page, live_server, moderator):
    # Flagged by a real policy, whose reason a one-key delist can give the author.
    first, second, third, fourth = (
        make_item(priority=90 - index, title=f"Post {index}", policies=[first_policy()])
        for index in range(4)
    )
    log_in(page, live_server, moderator.username)
    claim_and_open(page, live_server, second, moderator)

    page.keyboard.press("?")
    help_overlay = page.locator("#shortcut-help")
    expect(help_overlay).to_be_visible()
    expect(help_overlay).to_contain_text("Leave the text box")
    page.keyboard.press("Escape")
    expect(help_overlay).to_be_hidden()

    page.keyboard.press("e")
    expect(page.locator("[data-post-body] mark.evidence").first).to_be_focused()
    page.keyboard.press("j")  # focus on the evidence mark is not typing: keys still work
    page.wait_for_url(item_url(third))
    page.keyboard.press("k")
    page.wait_for_url(item_url(second))
    page.keyboard.press("q")
    page.wait_for_url(re.compile(r"/moderation/(\?.*)?$"))

    # n skips: the item is released and the most urgent unclaimed one opens.
    claim_and_open(page, live_server, fourth, moderator)
    page.keyboard.press("n")
    page.wait_for_url(item_url(first))
    fourth.refresh_from_db()
    assert fourth.status == ReviewStatus.OPEN and fourth.claimed_by is None

    claim_and_open(page, live_server, second, moderator)
    page.keyboard.press("a")
    page.wait_for_url(lambda url: not item_url(second).search(url))
    second.refresh_from_db()
    assert second.status == ReviewStatus.APPROVED
    page.keyboard.press("u")
    page.wait_for_url(item_url(second))
    expect(page.locator(".mod-message")).to_contain_text("Undone")
    second.refresh_from_db()
    assert second.status in ACTIVE

    claim_and_open(page, live_server, first, moderator)
    page.keyboard.press("d")
    page.wait_for_url(lambda url: not item_url(first).search(url))
    first.refresh_from_db()
    assert first.status == ReviewStatus.DELISTED

    # Reject with a note: type it, leave the box with Esc, then Shift+X.
    claim_and_open(page, live_server, third, moderator)
    page.locator("#decision-note").fill("Spam: the same text as three earlier posts.")
    page.locator("#decision-note").press("Escape")
    page.keyboard.press("Shift+X")
    page.wait_for_url(lambda url: not item_url(third).search(url))
    third.refresh_from_db()
    assert third.status == ReviewStatus.REJECTED
    assert third.decision_note == "Spam: the same text as three earlier posts."


def test_queue_text_boxes_take_typing_and_its_shortcuts_work_from_the_page(
    page, live_server, moderator, actions
):
    ReasonTemplate.objects.create(title="Any", message="Please read the guidelines.")
    items = [make_item(priority=90 - index, title=f"Queue post {index}") for index in range(3)]
    log_in(page, live_server, moderator.username)
    rows = page.locator("[data-row]")
    expect(rows).to_have_count(3)
    page.mouse.move(0, 0)
    actions.clear()

    typed_into = page.locator(
        ":is(input:not([type=hidden]):not([type=checkbox]), textarea, select)")
    # search, 2 scores, 4 filter lists (type, status, policy, kind), bulk decision/template/note
    assert typed_into.count() == 10
    type_into_each(page, typed_into)  # Esc also empties a search box: Chromium's own habit
    expect(page.locator("[data-bulk-bar] input[name=note]")).to_have_value(TYPED)
    expect(page.locator("tr.is-current")).to_have_count(0)
    expect(page.locator("[data-row-check]:checked")).to_have_count(0)
    expect(page.locator("#shortcut-help")).to_be_hidden()
    assert actions == []
    assert ReviewItem.objects.filter(status=ReviewStatus.OPEN).count() == 3

    # From the page (or a row's checkbox, which is not a text box) the keys work.
    page.keyboard.press("j")
    expect(rows.nth(0)).to_have_class(re.compile("is-current"))
    page.keyboard.press("j")
    expect(rows.nth(1)).to_have_class(re.compile("is-current"))
    page.keyboard.press("x")
    expect(rows.nth(1).locator("[data-row-check]")).to_be_checked()
    expect(page.locator("[data-selected-count]")).to_have_text("1")
    rows.nth(2).locator("[data-row-check]").click()
    page.keyboard.press("k")
    expect(rows.nth(1)).to_have_class(re.compile("is-current"))
    page.keyboard.press("x")
    expect(page.locator("[data-selected-count]")).to_have_text("1")
    page.keyboard.press("/")
    expect(page.locator("[data-search]")).to_be_focused()
    expect(page.locator("[data-search]")).to_have_value("")  # the slash was not typed
    page.keyboard.press("Escape")

    page.keyboard.press("o")
    page.wait_for_url(item_url(items[1]))
    page.go_back()
    page.mouse.move(0, 0)
    page.keyboard.press("j")
    page.keyboard.press("Enter")
    page.wait_for_url(item_url(items[0]))
    page.go_back()
    page.keyboard.press("n")  # claim the most urgent unclaimed item
    page.wait_for_url(re.compile(r"/moderation/items/\d+/"))

    # Ctrl+Enter in the search box filters, as Enter does.
    page.goto(f"{live_server.url}/moderation/")
    page.locator("[data-search]").fill("Queue post 2")
    page.locator("[data-search]").press("Control+Enter")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Queue post 2")


UNNAMED_CONTROLS = """() => Array.from(document.querySelectorAll(
    "input:not([type=hidden]), select, textarea, button, a[href]"))
  .filter((control) => !(control.labels && control.labels.length)
    && !control.getAttribute("aria-label") && !control.getAttribute("aria-labelledby")
    && !control.textContent.trim())
  .map((control) => control.outerHTML)"""


def test_every_control_of_the_triage_pages_has_a_name(page, live_server, moderator):
    ReasonTemplate.objects.create(title="Any", message="Please read the guidelines.")
    item = make_item()
    log_in(page, live_server, moderator.username)
    expect(page.locator("[data-row]")).to_have_count(1)
    assert page.evaluate(UNNAMED_CONTROLS) == []
    claim_and_open(page, live_server, item, moderator)
    assert page.evaluate(UNNAMED_CONTROLS) == []
    page.goto(f"{live_server.url}/moderation/dashboard/")
    assert page.evaluate(UNNAMED_CONTROLS) == []


def test_the_shortcut_help_keeps_the_focus_and_returns_it(page, live_server, moderator):
    item = make_item()
    log_in(page, live_server, moderator.username)
    claim_and_open(page, live_server, item, moderator)
    page.locator("[data-queue-link]").focus()

    page.keyboard.press("?")
    close = page.locator("[data-help-close]")
    expect(close).to_be_focused()
    page.keyboard.press("Tab")  # a modal dialog: Tab does not wander to the page behind it
    expect(close).to_be_focused()
    page.keyboard.press("a")  # nor do the page's shortcuts act behind it
    page.keyboard.press("Escape")
    expect(page.locator("#shortcut-help")).to_be_hidden()
    expect(page.locator("[data-queue-link]")).to_be_focused()
    item.refresh_from_db()
    assert item.status == ReviewStatus.CLAIMED
