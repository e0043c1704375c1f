"""An author's email through Django's SMTP backend to a real SMTP server (aiosmtpd) started by
the test; the Celery task runs eagerly after the decision commits."""

import pytest
from django.urls import reverse

from demo.celery import app as celery_app
from moderation import services
from moderation.models import AuthorMessage
from tests.factories import UserFactory
from tests.smtp_server import smtp_server, use_smtp

from .triage_factories import make_item, make_moderator

pytestmark = pytest.mark.django_db

PORT = 19901
SITE = "https://forum.example"


@pytest.fixture
def inbox(settings):
    use_smtp(settings, PORT)
    settings.AI_MODERATION_SITE_URL = SITE
    settings.DEFAULT_FROM_EMAIL = "Forum moderators <moderators@forum.example>"
    controller, inbox = smtp_server(PORT)
    controller.start()
    celery_app.conf.task_always_eager = True
    yield inbox
    celery_app.conf.task_always_eager = False
    controller.stop()


def test_a_delist_reaches_the_authors_mailbox_as_text_and_html_with_the_link(
    inbox, django_capture_on_commit_callbacks
):
    # given an author's post in the queue
    author = UserFactory(username="ada", email="ada@example.org")
    item = make_item(author=author, title="Sleep and memory")

    # when a moderator delists it and the decision commits
    with django_capture_on_commit_callbacks(execute=True):
        services.resolve_item(item=item, moderator=make_moderator(), decision="delist",
                              message="The summary was written by an AI & not disclosed.")

    # then the SMTP server received one message for the author
    [(recipients, message)] = inbox.wait_for(1)
    assert recipients == ["ada@example.org"]
    assert message["To"] == "ada@example.org"
    assert message["From"] == "Forum moderators <moderators@forum.example>"
    # Django folds a long non-ASCII subject onto the next line; unfolding leaves one space.
    assert message["Subject"].strip() == "A moderator decided about your post “Sleep and memory”"
    assert message["Auto-Submitted"] == "auto-generated"
    assert message["Message-ID"] and message["Date"]
    assert message.get_content_type() == "multipart/alternative"
    text = message.get_body(preferencelist=("plain",))
    html = message.get_body(preferencelist=("html",))
    assert text.get_content_charset() == "utf-8"
    link = f"{SITE}{item.content.obj.get_absolute_url()}"
    assert link in text.get_content()
    assert "The summary was written by an AI & not disclosed." in text.get_content()
    assert f'href="{link}"' in html.get_content()
    assert "written by an AI &amp; not disclosed." in html.get_content()
    assert f"{SITE}{reverse('moderation:email-preferences')}" in text.get_content()
    assert AuthorMessage.objects.get(item=item).emailed_at is not None
