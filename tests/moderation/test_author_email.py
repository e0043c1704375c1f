"""Emails to authors (issue 11): what they say, when they leave, who can switch them off.

Django's locmem backend collects the emails; the Celery task runs eagerly, so a decision's
on-commit callbacks send them. The real SMTP server is in ``test_author_email_smtp``.
"""

import pytest
from django.core import mail
from django.core.checks import run_checks
from django.db import transaction
from django.urls import reverse

from demo.celery import app as celery_app
from moderation import services, tasks
from moderation.models import AuthorEmailPreferences, AuthorMessage
from moderation.selectors import moderation_section
from tests.factories import UserFactory

from .test_triage_workflow import RecordingAdapter
from .triage_factories import make_item, make_moderator

pytestmark = pytest.mark.django_db

SITE = "https://forum.example"


@pytest.fixture(autouse=True)
def eager_tasks(settings):
    settings.AI_MODERATION_SITE_URL = SITE
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = False


@pytest.fixture
def mod():
    return make_moderator("morgan")


@pytest.fixture
def author():
    return UserFactory(username="ada", email="ada@example.org")


def decide(item, moderator, decision, capture, **kwargs):
    """Decide ``item`` and run what waits for the commit (the email task among it)."""
    with capture(execute=True):
        services.resolve_item(item=item, moderator=moderator, decision=decision, **kwargs)


# --- content ---------------------------------------------------------------------------------


def test_request_for_information_email_has_text_and_html_parts_with_the_posts_link(
    mod, author, django_capture_on_commit_callbacks
):
    item = make_item(author=author, title="Sleep and memory")
    decide(item, mod, "request_info", django_capture_on_commit_callbacks,
           message="Which tool wrote the <b>summary</b>?")

    [email] = mail.outbox
    link = f"{SITE}{item.content.obj.get_absolute_url()}"
    assert email.to == ["ada@example.org"]
    assert email.subject == "A moderator asks about your post “Sleep and memory”"
    assert "Which tool wrote the <b>summary</b>?" in email.body  # plain text: verbatim
    assert link in email.body
    assert f"{SITE}{reverse('moderation:email-preferences')}" in email.body
    [(html, mimetype)] = email.alternatives
    assert mimetype == "text/html"
    assert f'href="{link}"' in html
    assert "Which tool wrote the &lt;b&gt;summary&lt;/b&gt;?" in html  # escaped, not markup
    assert "<b>" not in html


def test_decision_email_names_the_decision_and_the_reason(
    mod, author, django_capture_on_commit_callbacks
):
    item = make_item(author=author, title="Sleep and memory")
    decide(item, mod, "delist", django_capture_on_commit_callbacks,
           message="The disclosure leaves out the AI-written summary.")

    [email] = mail.outbox
    assert email.subject == "A moderator decided about your post “Sleep and memory”"
    assert "Decision: Delisted." in email.body
    assert "The disclosure leaves out the AI-written summary." in email.body
    assert AuthorMessage.objects.get(item=item).emailed_at is not None


def test_a_decision_after_an_appeal_is_emailed_as_the_appeals_outcome(
    mod, author, django_capture_on_commit_callbacks
):
    item = make_item(author=author, title="Sleep and memory")
    decide(item, mod, "delist", django_capture_on_commit_callbacks, message="Undisclosed AI.")
    services.appeal(item=item, author=author, message="I wrote it myself.")

    decide(item, make_moderator("riley"), "approve", django_capture_on_commit_callbacks,
           message="You are right; sorry.")

    assert [email.subject for email in mail.outbox] == [
        "A moderator decided about your post “Sleep and memory”",
        "Your appeal about “Sleep and memory” was decided",
    ]
    assert "Decision: Approved." in mail.outbox[1].body


def test_emails_are_written_in_the_sites_language_from_the_shipped_catalog(
    mod, author, settings, django_capture_on_commit_callbacks
):
    settings.LANGUAGE_CODE = "de"

    item = make_item(author=author, title="Schlaf")
    decide(item, mod, "reject", django_capture_on_commit_callbacks, message="Kopiert.")

    [email] = mail.outbox
    assert email.subject == "Die Moderation hat über Ihren Beitrag „Schlaf“ entschieden"
    assert "Guten Tag ada," in email.body
    assert "Entscheidung: Abgelehnt." in email.body
    assert "Kopiert." in email.body  # the moderator's own words, as written
    [(html, _mimetype)] = email.alternatives
    assert '<html lang="de">' in html
    assert "Ihren Beitrag ansehen</a>" in html
    assert "See your post" not in email.body + html


def test_an_author_who_chose_german_gets_german_emails_on_an_english_site(
    mod, author, settings, django_capture_on_commit_callbacks
):
    settings.LANGUAGE_CODE = "en"
    services.save_email_preferences(user=author, request=True, decision=True, appeal=True,
                                    language="de")
    other = UserFactory(username="grace", email="grace@example.org")

    decide(make_item(author=author, title="Schlaf"), mod, "request_info",
           django_capture_on_commit_callbacks, message="Welches Werkzeug?")
    decide(make_item(author=other, title="Sleep"), mod, "request_info",
           django_capture_on_commit_callbacks, message="Which tool?")

    german, english = mail.outbox
    assert german.subject == "Die Moderation hat eine Frage zu Ihrem Beitrag „Schlaf“"
    assert "Wählen Sie, welche Moderations-E-Mails Sie erhalten" in german.body
    assert english.subject == "A moderator asks about your post “Sleep”"


def test_authors_pick_the_language_of_their_emails_on_the_settings_page(client, author):
    client.force_login(author)
    page = client.get(reverse("moderation:email-preferences")).content.decode()
    assert '<option value="de">Deutsch</option>' in page

    client.post(reverse("moderation:email-preferences"),
                {"request": "on", "decision": "on", "appeal": "on", "language": "de"})
    assert AuthorEmailPreferences.objects.get(user=author).language == "de"

    response = client.post(reverse("moderation:email-preferences"), {"language": "xx"})
    assert response.status_code == 200  # refused with the field's message, nothing saved
    assert AuthorEmailPreferences.objects.get(user=author).language == "de"


# --- when nothing is sent --------------------------------------------------------------------


def test_an_approval_with_only_an_internal_note_sends_no_email(
    mod, author, django_capture_on_commit_callbacks
):
    item = make_item(author=author)
    decide(item, mod, "approve", django_capture_on_commit_callbacks,
           note="Looked fine; the author is a known expert.")
    assert mail.outbox == []
    assert not AuthorMessage.objects.filter(item=item).exists()


@pytest.mark.parametrize("kind, decisions", [
    ("request", ["request_info"]),
    ("decision", ["delist"]),
])
def test_an_author_who_switched_a_kind_off_gets_no_email_of_that_kind(
    mod, author, kind, decisions, django_capture_on_commit_callbacks
):
    AuthorEmailPreferences.objects.create(user=author, **{kind: False})
    item = make_item(author=author)
    for decision in decisions:
        decide(item, mod, decision, django_capture_on_commit_callbacks, message="Why?")
    assert mail.outbox == []
    assert AuthorMessage.objects.get(item=item).emailed_at is None


def test_switching_off_decisions_keeps_requests_for_information(
    mod, author, django_capture_on_commit_callbacks
):
    AuthorEmailPreferences.objects.create(user=author, decision=False)
    item = make_item(author=author, title="Sleep")
    decide(item, mod, "request_info", django_capture_on_commit_callbacks, message="Which tool?")
    assert [email.subject for email in mail.outbox] == ["A moderator asks about your post “Sleep”"]


def test_switching_off_appeal_outcomes_keeps_first_decisions(
    mod, author, django_capture_on_commit_callbacks
):
    AuthorEmailPreferences.objects.create(user=author, appeal=False, language="de")
    item = make_item(author=author)
    decide(item, mod, "reject", django_capture_on_commit_callbacks, message="Copied.")
    services.appeal(item=item, author=author, message="It is mine.")
    decide(item, make_moderator("riley"), "reject", django_capture_on_commit_callbacks,
           message="Still copied.")
    assert len(mail.outbox) == 1
    assert "Copied." in mail.outbox[0].body


def test_no_email_leaves_before_the_decision_commits(
    mod, author, django_capture_on_commit_callbacks
):
    item = make_item(author=author)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.resolve_item(item=item, moderator=mod, decision="delist", message="Bye.")
        assert mail.outbox == []
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 1


def test_a_decision_that_rolls_back_emails_nobody(mod, author, django_capture_on_commit_callbacks):
    item = make_item(author=author)
    with (django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError),
          transaction.atomic()):
        services.resolve_item(item=item, moderator=mod, decision="delist", message="Bye.")
        raise RuntimeError("the request failed after the decision")
    assert mail.outbox == []
    assert not AuthorMessage.objects.exists()


def test_a_task_delivered_twice_sends_one_email(mod, author, django_capture_on_commit_callbacks):
    item = make_item(author=author)
    decide(item, mod, "delist", django_capture_on_commit_callbacks, message="Undisclosed.")
    message = AuthorMessage.objects.get(item=item)

    tasks.send_author_email.apply(args=(message.pk,))  # the broker redelivers it
    tasks.send_author_email.apply(args=(message.pk,))

    assert len(mail.outbox) == 1


def test_a_task_for_an_undone_decision_returns_quietly(mod, author):
    item = make_item(author=author)
    services.resolve_item(item=item, moderator=mod, decision="delist", message="Oops.")
    message_id = AuthorMessage.objects.get(item=item).pk
    services.undo_resolution(item=item, moderator=mod)  # withdraws the message

    assert tasks.send_author_email.apply(args=(message_id,)).get() is False
    assert mail.outbox == []


def test_turning_emails_off_globally_keeps_the_adapters_hook(
    mod, author, settings, django_capture_on_commit_callbacks
):
    settings.AI_MODERATION_EMAIL_AUTHORS = False
    settings.AI_MODERATION_ADAPTER = f"{RecordingAdapter.__module__}.RecordingAdapter"
    RecordingAdapter.sent = []
    item = make_item(author=author)
    decide(item, mod, "delist", django_capture_on_commit_callbacks, message="Undisclosed.")
    assert mail.outbox == []
    assert RecordingAdapter.sent == [(item.content.object_id, "Undisclosed.")]


def test_links_fall_back_to_a_warning_when_the_site_address_is_unknown(settings):
    settings.AI_MODERATION_SITE_URL = ""
    assert "moderation.W001" in [message.id for message in run_checks()]
    settings.AI_MODERATION_EMAIL_AUTHORS = False
    assert "moderation.W001" not in [message.id for message in run_checks()]


# --- the author's settings page --------------------------------------------------------------


def test_an_author_switches_off_decision_emails_on_their_settings_page(client, author):
    client.force_login(author)
    url = reverse("moderation:email-preferences")
    page = client.get(url)
    assert page.status_code == 200
    assert b'name="decision"' in page.content

    response = client.post(url, {"request": "on", "appeal": "on"})

    assert response.status_code == 302
    preferences = AuthorEmailPreferences.objects.get(user=author)
    assert (preferences.request, preferences.decision, preferences.appeal) == (True, False, True)


def test_a_stranger_is_sent_to_log_in_and_cannot_change_anyones_choices(client, author):
    AuthorEmailPreferences.objects.create(user=author)
    url = reverse("moderation:email-preferences")

    response = client.post(url, {})
    assert response.status_code == 302
    assert reverse("login") in response["Location"]

    client.force_login(UserFactory(username="mallory"))
    client.post(f"{url}?user={author.pk}", {"user": author.pk})  # only ever their own row
    preferences = AuthorEmailPreferences.objects.get(user=author)
    assert (preferences.request, preferences.decision, preferences.appeal) == (True, True, True)


def test_the_demos_navigation_links_to_the_email_settings(client, author):
    client.force_login(author)
    page = client.get(reverse("forum:post-list"))
    assert reverse("moderation:email-preferences").encode() in page.content


def test_the_authors_data_export_holds_their_email_choices_and_when_they_were_emailed(
    mod, author, django_capture_on_commit_callbacks
):
    AuthorEmailPreferences.objects.create(user=author, appeal=False, language="de")
    decide(make_item(author=author), mod, "delist", django_capture_on_commit_callbacks,
           message="Undisclosed.")

    section = moderation_section(author)

    assert section["email_preferences"] == {"request": True, "decision": True, "appeal": False,
                                            "language": "de"}
    assert section["reviews"][0]["messages"][0]["emailed_at"] is not None
    assert moderation_section(mod)["email_preferences"] is None
