"""Webhooks against a real HTTP receiver on a local port: signed, sent once, retried with
backoff, never sent for a rolled-back change, disabled after failures, replayed from the admin.

Retries are driven deterministically: ``deliver_pending(now)`` runs the delivery service on
every due outbox row, as the Celery task and the sweep do, with the clock (``now``) moved past
each backoff instead of waiting for it.
"""

from datetime import timedelta

import pytest
from celery import current_app
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from ai_disclosure import services as disclosure_services
from ai_disclosure.rules import DisclosureData
from ai_disclosure.services import content_for
from moderation import services, tasks
from moderation.models import DeliveryState, ReviewItem, WebhookDelivery, WebhookEndpoint
from moderation.services.webhooks import backoff
from tests.factories import PostFactory

from .test_screening import PASTED_ANSWER
from .triage_factories import make_item, make_moderator
from .webhook_receiver import Receiver, signature_is_valid

pytestmark = pytest.mark.django_db

SECRET = "test-secret-shared-with-the-receiver"


@pytest.fixture
def receiver():
    receiver = Receiver()
    receiver.up()
    yield receiver
    receiver.down()


@pytest.fixture
def endpoint(receiver):
    return WebhookEndpoint.objects.create(name="Chat bot", url=receiver.url, secret=SECRET)


def deliver_pending(now=None) -> int:
    """One round of the worker: attempt every delivery due at ``now``; how many were tried."""
    tried = 0
    for delivery_id in services.due_webhook_delivery_ids(now=now):
        tried += services.deliver_webhook(delivery_id=delivery_id, now=now) is not None
    return tried


def flag_claim_and_decide(moderator):
    """Three item events (flagged, claimed, decided) through the real services."""
    post = PostFactory(body=PASTED_ANSWER)
    disclosure_services.save_disclosure(content=post, user=post.author,
                                        data=DisclosureData(human_only=True))
    services.screen_content(content_id=content_for(post).pk)
    item = ReviewItem.objects.get(content=content_for(post))
    item = services.claim_item(item=item, moderator=moderator)
    services.resolve_item(item=item, moderator=moderator, decision="delist",
                          note="Internal: the author's alt account.", message="Please disclose.")
    return post, item


def test_events_are_signed_with_the_endpoints_secret_and_carry_no_notes(receiver, endpoint,
                                                                        settings):
    settings.AI_MODERATION_SITE_URL = "https://forum.example"
    moderator = make_moderator()
    post, item = flag_claim_and_decide(moderator)
    assert deliver_pending() == 4

    assert sorted(e["type"] for e in receiver.events()) == [
        "disclosure.changed", "item.claimed", "item.decided", "item.flagged"]
    for request in receiver.received:
        assert signature_is_valid(SECRET, request["headers"], request["body"])
        assert not signature_is_valid("another secret", request["headers"], request["body"])
        assert b"alt account" not in request["body"] and b"Please disclose" not in request["body"]
    decided = next(e for e in receiver.events() if e["type"] == "item.decided")
    assert decided["data"] == decided["data"] | {
        "item_id": item.pk, "type": "post", "object_id": post.pk, "status": "delisted",
        "decision": "delist", "url": "https://forum.example" + post.get_absolute_url()}
    changed = next(e for e in receiver.events() if e["type"] == "disclosure.changed")
    assert changed["data"]["revision"] == 1 and "human_only" in changed["data"]["changed_fields"]
    assert deliver_pending(timezone.now() + timedelta(days=1)) == 0  # nothing is sent twice


def test_an_endpoint_gets_only_the_events_it_subscribed_to(receiver):
    WebhookEndpoint.objects.create(name="Appeals", url=receiver.url, events=["item.decided"])
    flag_claim_and_decide(make_moderator())
    deliver_pending()
    assert [e["type"] for e in receiver.events()] == ["item.decided"]


def test_a_batch_screening_sends_one_item_flagged_per_item_it_opened(receiver):
    WebhookEndpoint.objects.create(name="Flags", url=receiver.url, events=["item.flagged"])
    posts = PostFactory.create_batch(3, body=PASTED_ANSWER)
    services.screen_contents(content_ids=[content_for(post).pk for post in posts])
    # already screened: no event
    services.screen_contents(content_ids=[content_for(post).pk for post in posts])
    assert deliver_pending() == 3
    flagged = sorted((e["data"]["object_id"], e["data"]["item_id"]) for e in receiver.events())
    assert flagged == sorted(
        (post.pk, ReviewItem.objects.get(content=content_for(post)).pk) for post in posts)


def test_a_receiver_down_for_three_attempts_gets_each_event_exactly_once_after(receiver,
                                                                            endpoint):
    receiver.down()  # attempt 1: connection refused
    flag_claim_and_decide(make_moderator())
    now = timezone.now()
    assert deliver_pending(now) == 4
    receiver.up()
    receiver.answer = 500  # attempts 2 and 3: HTTP 500
    for attempt in (1, 2):
        assert deliver_pending(now + backoff(attempt) - timedelta(seconds=1)) == 0  # not yet
        now += backoff(attempt)
        assert deliver_pending(now) == 4
    assert receiver.received == [] and receiver.refused == 8
    receiver.answer = 204  # recovered: attempt 4 succeeds
    now += backoff(3)
    assert deliver_pending(now) == 4
    for later in range(1, 5):  # and nothing comes again, however long the worker runs
        assert deliver_pending(now + timedelta(hours=later * 10)) == 0

    ids = [e["id"] for e in receiver.events()]
    assert len(ids) == len(set(ids)) == 4
    assert all(signature_is_valid(SECRET, r["headers"], r["body"]) for r in receiver.received)
    delivery = WebhookDelivery.objects.get(event="item.decided")
    assert delivery.state == DeliveryState.DELIVERED and delivery.attempts == 4
    log = list(delivery.attempt_log.values_list("status_code", flat=True))
    assert log == [None, 500, 500, 204]
    assert "refused" in delivery.attempt_log.first().error.lower()


def test_a_rolled_back_change_sends_nothing(receiver, endpoint, django_capture_on_commit_callbacks):
    moderator = make_moderator()
    item = make_item()
    with (django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError),
          transaction.atomic()):
        services.claim_item(item=item, moderator=moderator)
        raise RuntimeError("the view failed after the claim")
    assert not WebhookDelivery.objects.exists()
    assert deliver_pending(timezone.now() + timedelta(days=1)) == 0
    assert receiver.received == []


@override_settings(AI_MODERATION_WEBHOOK_MAX_ATTEMPTS=2,
                   AI_MODERATION_WEBHOOK_DISABLE_AFTER_FAILURES=2)
def test_an_endpoint_is_disabled_after_n_failed_deliveries_and_says_why(receiver, endpoint,
                                                                         admin_client):
    receiver.answer = 500
    for name in ("first", "second"):
        services.claim_item(item=make_item(), moderator=make_moderator(name))
    now = timezone.now()
    deliver_pending(now)  # attempt 1 of both
    services.claim_item(item=make_item(), moderator=make_moderator("third"))
    now += timedelta(days=1)
    deliver_pending(now)  # attempt 1 of the third; the first two fail their last attempt
    endpoint.refresh_from_db()
    assert not endpoint.active and endpoint.consecutive_failures == 2
    assert "2 deliveries in a row failed" in endpoint.disabled_reason
    assert "HTTP 500" in endpoint.disabled_reason
    assert deliver_pending(now + timedelta(days=1)) == 0  # a disabled endpoint gets nothing
    services.claim_item(item=make_item(), moderator=make_moderator("fourth"))
    assert WebhookDelivery.objects.count() == 3  # and no new events are queued for it
    page = admin_client.get(reverse("admin:moderation_webhookendpoint_change",
                                    args=[endpoint.pk]))
    assert "2 deliveries in a row failed" in page.content.decode()

    # Re-enabled in the admin: the reason is cleared and the waiting event is sent.
    receiver.answer = 204
    admin_client.post(reverse("admin:moderation_webhookendpoint_change", args=[endpoint.pk]), {
        "name": endpoint.name, "url": endpoint.url, "secret": SECRET,
        "events": endpoint.events, "active": "on",
    })
    endpoint.refresh_from_db()
    assert endpoint.active and endpoint.disabled_reason == ""
    assert endpoint.consecutive_failures == 0
    assert deliver_pending(now + timedelta(days=1)) == 1
    assert len(receiver.received) == 1 and receiver.refused == 5
    waited = WebhookDelivery.objects.get(state=DeliveryState.DELIVERED)
    assert list(waited.attempt_log.values_list("status_code", flat=True)) == [500, 204]


@override_settings(AI_MODERATION_WEBHOOK_MAX_ATTEMPTS=2)
def test_a_failed_delivery_is_replayed_from_the_admin(receiver, endpoint, admin_client,
                                                      django_capture_on_commit_callbacks):
    receiver.answer = 500
    services.claim_item(item=make_item(), moderator=make_moderator())
    delivery = WebhookDelivery.objects.get()
    deliver_pending()
    deliver_pending(timezone.now() + timedelta(days=1))
    delivery.refresh_from_db()
    assert delivery.state == DeliveryState.FAILED
    assert deliver_pending(timezone.now() + timedelta(days=2)) == 0  # attempts are bounded

    receiver.answer = 204
    with django_capture_on_commit_callbacks() as callbacks:
        response = admin_client.post(reverse("admin:moderation_webhookdelivery_changelist"), {
            "action": "replay", "_selected_action": [delivery.pk]}, follow=True)
    assert "1 deliveries queued again" in response.content.decode()
    assert len(callbacks) == 1  # the delivery task is enqueued once the replay commits
    assert deliver_pending() == 1
    assert [e["id"] for e in receiver.events()] == [str(delivery.event_id)]
    delivery.refresh_from_db()
    assert delivery.state == DeliveryState.DELIVERED
    assert list(delivery.attempt_log.values_list("status_code", flat=True)) == [500, 500, 204]
    page = admin_client.get(reverse("admin:moderation_webhookdelivery_change",
                                    args=[delivery.pk]))
    assert page.status_code == 200 and "HTTP 500" in page.content.decode()


def test_a_redirect_is_a_failed_attempt_and_is_not_followed(receiver, endpoint):
    receiver.answer = 302  # to /elsewhere on the same server, which would accept it
    services.claim_item(item=make_item(), moderator=make_moderator())
    assert deliver_pending() == 1
    assert receiver.refused == 1 and receiver.received == []
    delivery = WebhookDelivery.objects.get()
    assert delivery.state == DeliveryState.PENDING
    assert delivery.attempt_log.get().error.startswith("HTTP 302")


def test_the_delivery_task_runs_when_the_change_commits(receiver, endpoint,
                                                       django_capture_on_commit_callbacks):
    eager = current_app.conf.task_always_eager
    current_app.conf.task_always_eager = True
    try:
        with django_capture_on_commit_callbacks(execute=True):
            services.claim_item(item=make_item(), moderator=make_moderator())
    finally:
        current_app.conf.task_always_eager = eager
    assert [e["type"] for e in receiver.events()] == ["item.claimed"]


def test_the_sweep_finds_deliveries_the_broker_lost(receiver, endpoint):
    services.claim_item(item=make_item(), moderator=make_moderator())  # on_commit never ran
    eager = current_app.conf.task_always_eager
    current_app.conf.task_always_eager = True
    try:
        assert tasks.sweep_webhooks() == 1
    finally:
        current_app.conf.task_always_eager = eager
    assert [e["type"] for e in receiver.events()] == ["item.claimed"]
    assert tasks.sweep_webhooks() == 0


@pytest.mark.parametrize("page", ["webhookendpoint", "webhookdelivery"])
def test_webhook_admin_loads_for_a_superuser_and_is_refused_to_a_moderator(client, admin_client,
                                                                           page, endpoint):
    url = reverse(f"admin:moderation_{page}_changelist")
    assert admin_client.get(url).status_code == 200
    moderator = make_moderator()
    get_user_model().objects.filter(pk=moderator.pk).update(is_staff=True)
    client.force_login(moderator)
    assert client.get(url).status_code == 403
    assert client.get(reverse("admin:moderation_webhookendpoint_add")).status_code == 403
