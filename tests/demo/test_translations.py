"""The German locale as readers, authors and moderators meet it, and the language switcher.

Every page here is rendered through the shipped, compiled catalogs (``<app>/locale/de``): the
tests assert German text is shown and that known English strings are not — including the
texts stored in English in the database (shipped kinds, default policies, classifier
evidence), which are translated when shown.
"""

import pytest
from django.urls import reverse
from django.utils import translation

from ai_disclosure import services as disclosure_services
from ai_disclosure.rules import DisclosureData
from ai_disclosure.services import content_for
from moderation import services
from moderation.localize import evidence_reason
from moderation.models import Policy, ReviewItem
from tests.factories import PostFactory, UserFactory
from tests.moderation.test_screening import PASTED_ANSWER
from tests.moderation.triage_factories import make_moderator

pytestmark = pytest.mark.django_db

GERMAN = {"HTTP_ACCEPT_LANGUAGE": "de"}
AI_BODY = 'Mine.\n\n:::ai-written{model="Claude Opus 4.6"}\nThe AI wrote this part.\n:::\n'


def assert_german(page: str, german: list[str], english: list[str]) -> None:
    missing = [text for text in german if text not in page]
    leftover = [text for text in english if text in page]
    assert not missing, f"German text missing: {missing}"
    assert not leftover, f"English text left: {leftover}"


@pytest.fixture
def flagged_item():
    """A pasted chat answer on a human-only post, screened by the real classifiers."""
    post = PostFactory(body=PASTED_ANSWER, title="Schlaf und Gedächtnis")
    disclosure_services.save_disclosure(content=post, user=post.author,
                                        data=DisclosureData(human_only=True))
    services.screen_content(content_id=content_for(post).pk)
    return ReviewItem.objects.get(content=content_for(post))


def test_the_language_switcher_turns_the_forum_german_and_back(client):
    assert "Latest" in client.get("/").content.decode()

    response = client.post(reverse("set_language"), {"language": "de", "next": "/"})
    assert response.status_code == 302 and response["Location"] == "/"
    page = client.get("/").content.decode()
    assert '<html lang="de">' in page
    assert '<option value="de" lang="de" selected>Deutsch</option>' in page
    assert_german(page, ["Neueste", "Anmelden", "Sprache"], ["Latest posts", "Log in"])

    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert "Latest" in client.get("/").content.decode()


def test_disclosure_form_is_german_including_the_shipped_kinds_of_help(client):
    client.force_login(UserFactory(username="autorin"))
    page = client.get(reverse("forum:post-create"), **GERMAN).content.decode()
    assert_german(
        page,
        ["Wobei hat die KI geholfen?", "Verfassen", "Recherche", "Welche Modelle oder Werkzeuge?",
         "Dieser Beitrag ist eindeutig zu 100 % von Menschen geschrieben", "Mehr als 90 %"],
        ["What did the AI help with?", "Drafting", "Research", "Which models or tools?",
         "100% human-written", "More than 90%"],
    )


def test_reader_summary_is_german(client):
    post = PostFactory(body=AI_BODY)
    disclosure_services.save_disclosure(content=post, user=post.author, data=DisclosureData(
        assistance={"drafting"}, models_used=["Claude Opus 4.6"], ai_share_estimate="30-60",
        description="Claude wrote the second paragraph from my notes.",
        verification="I checked every claim against my sources.", expertise="author"))
    page = client.get(post.get_absolute_url(), **GERMAN).content.decode()
    assert_german(
        page,
        ["KI: verfassen", "Wie KI in diesem Beitrag genutzt wurde", "Arten der Hilfe",
         "vom Autor fachlich geprüft"],
        ["AI: drafting", "How AI was used in this post", "Kinds of help", "expert-reviewed by"],
    )


def test_queue_shows_the_default_policies_in_german(client, flagged_item):
    client.force_login(make_moderator("moderatorin"))
    page = client.get(reverse("moderation:queue"), **GERMAN).content.decode()
    assert_german(
        page,
        ["Prüfwarteschlange", "Reste eines Chat-Assistenten", "Nächsten Eintrag übernehmen"],
        ["Review queue", "Chat-assistant leftovers", "Claim next item"],
    )


def test_item_page_shows_policy_reasons_and_classifier_evidence_in_german(client, flagged_item):
    client.force_login(make_moderator("moderatorin"))
    page = client.get(reverse("moderation:item", args=[flagged_item.pk]), **GERMAN)
    page = page.content.decode()
    assert_german(
        page,
        ["Warum er markiert wurde", "Reste eines Chat-Assistenten",
         "Der eigene Text des Autors enthält Reste eines Chat-Assistenten",
         "Zur Prüfung markieren · 90", "Indizien der Klassifikatoren",
         "Schlussformel eines Chat-Assistenten", "nicht ausgefüllter Platzhalter wie"],
        ["Why it was flagged", "Chat-assistant leftovers", "leftovers of a chat assistant",
         "flag · 90", "Classifier evidence", "chat-assistant sign-off", "unfilled placeholder"],
    )


def test_a_policy_an_admin_rewrote_is_shown_as_written(client):
    Policy.objects.filter(name="Chat-assistant leftovers").update(
        name="Chatbot-Reste", reason="Eigene Begründung der Verwaltung.")
    post = PostFactory(body=PASTED_ANSWER)
    disclosure_services.save_disclosure(content=post, user=post.author,
                                        data=DisclosureData(human_only=True))
    services.screen_content(content_id=content_for(post).pk)
    client.force_login(make_moderator("moderatorin"))
    item = ReviewItem.objects.get(content=content_for(post))
    with translation.override("en"):
        page = client.get(reverse("moderation:item", args=[item.pk])).content.decode()
    assert "Chatbot-Reste" in page and "Eigene Begründung der Verwaltung." in page


def test_evidence_reasons_are_stored_in_english_and_read_in_each_language(flagged_item):
    entry = next(entry for entries in flagged_item.evidence.values() for entry in entries
                 if entry.get("args"))  # e.g. a lexicon word, with its values apart
    with translation.override("en"):
        english = evidence_reason(entry)
    with translation.override("de"):
        german = evidence_reason(entry)
    assert english == entry["reason"] % entry["args"]
    assert german != english
    assert all(str(value) in german for value in entry["args"].values())


def test_editor_script_strings_come_from_the_german_javascript_catalog(client):
    client.cookies["django_language"] = "de"
    catalog = client.get(reverse("javascript-catalog")).content.decode()
    # JSON-escaped: "Wird ver\u00f6ffentlicht …"
    assert "Bitte korrigieren Sie die markierten Felder." in catalog
    assert "Wird ver\\u00f6ffentlicht" in catalog
