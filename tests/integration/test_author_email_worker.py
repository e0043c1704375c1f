"""Authors' emails through a real Celery worker (Redis broker) and a real SMTP server that is
down when the decision is made and comes back later (issue 11)."""

import time

import pytest
from celery.contrib.testing.worker import start_worker
from celery.signals import task_retry

from moderation import services
from moderation.models import AuthorMessage
from tests.factories import UserFactory
from tests.moderation.triage_factories import make_item, make_moderator
from tests.smtp_server import smtp_server, use_smtp

pytestmark = pytest.mark.django_db(transaction=True)

PORT = 19902


@pytest.fixture
def retries():
    """The reasons of the task retries the worker schedules."""
    reasons = []

    def record(sender=None, reason=None, **kwargs):
        reasons.append(reason)

    task_retry.connect(record, weak=False)
    yield reasons
    task_retry.disconnect(record)


def test_an_email_refused_while_the_smtp_server_is_down_is_delivered_once_it_is_back(
    redis_broker, settings, retries
):
    # given an SMTP server that is down, and a worker on the notifications queue
    use_smtp(settings, PORT)
    settings.AI_MODERATION_SITE_URL = "https://forum.example"
    controller, inbox = smtp_server(PORT)
    author = UserFactory(username="ada", email="ada@example.org")
    item = make_item(author=author, title="Sleep and memory")
    with start_worker(redis_broker, perform_ping_check=False, queues=["notifications"]):
        # when a moderator asks the author for information
        services.resolve_item(item=item, moderator=make_moderator(), decision="request_info",
                              message="Which tool wrote the summary?")
        deadline = time.monotonic() + 20
        while not retries and time.monotonic() < deadline:
            time.sleep(0.05)
        assert isinstance(retries[0].exc, ConnectionRefusedError)  # the first attempt failed
        message = AuthorMessage.objects.get(item=item)
        assert message.emailed_at is None

        # then, once the server is up, a retry delivers the email exactly once
        controller.start()
        try:
            [(recipients, email)] = inbox.wait_for(1, timeout=40)
            time.sleep(1)  # no second copy arrives
        finally:
            controller.stop()
    assert recipients == ["ada@example.org"]
    assert len(inbox.messages) == 1
    assert email["Subject"].strip() == "A moderator asks about your post “Sleep and memory”"
    link = f"https://forum.example{item.content.obj.get_absolute_url()}"
    assert link in email.get_body(preferencelist=("plain",)).get_content()
    assert f'href="{link}"' in email.get_body(preferencelist=("html",)).get_content()
    message.refresh_from_db()
    assert message.emailed_at is not None
