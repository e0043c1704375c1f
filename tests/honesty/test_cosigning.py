"""Expert co-signing: the author names a forum user as reviewer; readers and policies count
the review only once that user confirmed the post's current text (issue 12, part 5).
"""

import pytest
from django.core import mail
from django.urls import reverse

from ai_disclosure import selectors, services
from ai_disclosure.data_rights import export_user_data
from ai_disclosure.models import CoSignature, CoSignatureStatus
from ai_disclosure.rules import DisclosureData
from ai_disclosure.selectors import disclosure_for
from ai_disclosure.services import content_for
from demo.forum import services as forum_services
from moderation import services as moderation_services
from tests.api.conftest import client_for
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

BODY = "My analysis of the trial data; the regression code was written with Claude."
REVIEWED = {
    "assistance": ["analysis"], "models_used": "Claude Opus 4.6", "ai_share_estimate": "lt10",
    "description": "Claude wrote the regression code; I wrote every word of the text.",
    "verification": "Dr Lee re-ran the regression on the raw data.", "expertise": "other",
}


@pytest.fixture
def author():
    return UserFactory(username="writer")


@pytest.fixture
def expert():
    return UserFactory(username="drlee", email="lee@example.org")


def publish(client, author, reviewer="drlee", body=BODY):
    client.force_login(author)
    return client.post(reverse("forum:post-create"),
                       {"title": "Trial", "body": body, **REVIEWED, "reviewer": reviewer})


def summary(post):
    post.refresh_from_db()
    cosignature = selectors.confirmed_cosignature(disclosure_for(post), post=post)
    return selectors.summarize(disclosure_for(post), reviewed_by=cosignature.reviewer.username
                               if cosignature else "")


def test_the_reviewer_confirms_on_their_page_and_readers_then_see_reviewed_by(
    client, author, expert
):
    # given: the author names @drlee as the expert who reviewed the post
    assert publish(client, author).status_code == 302
    post = author.post_set.get()
    page = client.get(post.get_absolute_url()).content.decode()
    assert "reviewed by @drlee" not in page  # not before they confirm
    assert "expert-reviewed" in page

    # when: @drlee opens their co-signing page and confirms with a note
    client.force_login(expert)
    invitations = client.get(reverse("ai_disclosure:cosignatures")).content.decode()
    assert "Trial" in invitations and "Confirm I reviewed it" in invitations
    cosignature = CoSignature.objects.get()
    response = client.post(
        reverse("ai_disclosure:cosignature-answer", args=[cosignature.pk]),
        {"decision": "confirm", "note": "I re-ran the regression; the numbers hold."},
    )
    assert response.status_code == 302

    # then: readers see "reviewed by @drlee", and the note on request (the details box)
    page = client.get(post.get_absolute_url()).content.decode()
    assert "AI: analysis · Claude Opus 4.6 · reviewed by @drlee" in page
    assert "I re-ran the regression; the numbers hold." in page


def test_a_declined_invitation_is_never_shown_to_readers(client, author, expert):
    publish(client, author)
    client.force_login(expert)
    cosignature = CoSignature.objects.get()

    client.post(reverse("ai_disclosure:cosignature-answer", args=[cosignature.pk]),
                {"decision": "decline"})

    cosignature.refresh_from_db()
    assert cosignature.status == CoSignatureStatus.DECLINED
    assert "reviewed by" not in summary(author.post_set.get())


def test_another_user_cannot_answer_someone_elses_invitation(client, author, expert):
    publish(client, author)
    client.force_login(UserFactory(username="impostor"))

    response = client.post(
        reverse("ai_disclosure:cosignature-answer", args=[CoSignature.objects.get().pk]),
        {"decision": "confirm", "note": "Sure."},
    )

    assert response.status_code == 404
    assert CoSignature.objects.get().status == CoSignatureStatus.INVITED


def test_the_author_cannot_cosign_their_own_post(client, author):
    response = publish(client, author, reviewer="writer")

    assert response.status_code == 200
    assert "You cannot co-sign your own post" in response.context["disclosure_form"].errors[
        "reviewer"][0]
    assert not CoSignature.objects.exists()


def test_an_unknown_reviewer_or_one_named_without_another_expert_is_refused(
    client, author, expert
):
    unknown = publish(client, author, reviewer="nobody")
    assert "Nobody on this forum is called “nobody”" in unknown.context[
        "disclosure_form"].errors["reviewer"][0]

    client.force_login(author)
    wrong_answer = client.post(reverse("forum:post-create"), {
        "title": "Trial", "body": BODY, **REVIEWED, "expertise": "author", "reviewer": "drlee"})
    assert "Name a reviewer only when another person" in wrong_answer.context[
        "disclosure_form"].errors["reviewer"][0]


def test_an_edit_after_confirmation_invites_the_reviewer_again(client, author, expert):
    publish(client, author)
    post = author.post_set.get()
    services.answer_cosignature(cosignature=CoSignature.objects.get(), user=expert,
                                confirm=True, note="Checked.")
    assert "reviewed by @drlee" in summary(post)

    # when: the author changes the text
    data = DisclosureData(**{**REVIEWED, "assistance": {"analysis"},
                             "models_used": ["Claude Opus 4.6"], "reviewer": "drlee"})
    forum_services.edit_post(post=post, editor=author, title="Trial",
                             body=BODY + " Updated figures.", disclosure=data)

    # then: the confirmation was for an older version: asked again, not shown meanwhile
    cosignature = CoSignature.objects.get()
    assert cosignature.status == CoSignatureStatus.INVITED
    assert cosignature.note == "Checked."  # kept, to start from
    assert "reviewed by" not in summary(post)


def test_policies_see_cosigned_only_once_the_reviewer_confirmed_the_current_text(
    client, author, expert
):
    publish(client, author)
    post = author.post_set.get()
    before = moderation_services.screen_content(content_id=content_for(post).pk)
    assert before.context["disclosure"]["cosigned"] is False

    services.answer_cosignature(
        cosignature=CoSignature.objects.get(), user=expert, confirm=True, note="Checked."
    )
    after = moderation_services.screen_content(
        content_id=content_for(post).pk
    )  # a new key: screened again

    assert after is not None and after.context["disclosure"]["cosigned"] is True


def test_the_invitation_email_names_the_post_and_the_page_to_answer_on(client, author, expert):
    publish(client, author)

    sent = moderation_services.send_cosignature_invitation(
        cosignature_id=CoSignature.objects.get().pk)

    assert sent and len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["lee@example.org"]
    assert "writer named you as the expert who reviewed “Trial”" in email.subject
    assert "/ai-disclosure/me/cosigning/" in email.body


# --- the API ---------------------------------------------------------------------------------


def test_the_invitee_lists_and_confirms_through_the_api_and_a_second_answer_conflicts(
    client, author, expert
):
    publish(client, author)
    api = client_for(expert)

    listed = api.get("/api/ai-disclosure/v1/cosignatures/").json()
    assert [(row["post_title"], row["author"], row["answer"]) for row in listed] == [
        ("Trial", "writer", "invited")]

    url = f"/api/ai-disclosure/v1/cosignatures/{listed[0]['id']}/confirm/"
    confirmed = api.post(url, {"note": "Numbers hold."}, format="json")
    again = api.post(url, {"note": "Twice."}, format="json")

    assert confirmed.status_code == 200 and confirmed.json()["answer"] == "confirmed"
    assert again.status_code == 409
    disclosure = client_for(author).get(
        f"/api/ai-disclosure/v1/posts/{author.post_set.get().pk}/disclosure/").json()
    assert disclosure["reviewer"] == "drlee" and disclosure["reviewed_by"] == "drlee"
    assert disclosure["summary"].endswith("reviewed by @drlee")


def test_the_reviewers_answers_are_in_their_data_export(client, author, expert):
    publish(client, author)
    services.answer_cosignature(cosignature=CoSignature.objects.get(), user=expert,
                                confirm=True, note="Checked the regression.")

    exported = export_user_data(expert)["ai_disclosure"]["cosignatures"]

    assert [(row["status"], row["note"]) for row in exported] == [
        ("confirmed", "Checked the regression.")]
