"""Writes of the author-email flow: email a moderator's message to the post's author, once.

The task ``moderation.send_author_email`` calls ``send_author_email`` after the decision
committed; the author's preferences (``AuthorEmailPreferences``) say which kinds they want.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation

from ai_disclosure import content_types

from ..links import absolute_url
from ..models import (
    DECIDED_STATUSES,
    AuthorEmailKind,
    AuthorEmailPreferences,
    AuthorMessage,
    MessageKind,
)
from ..selectors.authors import email_preferences

logger = logging.getLogger(__name__)

TEMPLATE_DIR = "moderation/email"


def email_kind(message: AuthorMessage) -> str | None:
    """Which ``AuthorEmailKind`` a moderator's message is, or None when it is not emailed
    (the author's own replies and appeals). A decision after the author appealed is the
    appeal's outcome.
    """
    if message.from_author:
        return None
    if message.kind == MessageKind.REQUEST:
        return AuthorEmailKind.REQUEST
    if message.kind != MessageKind.DECISION:
        return None
    appealed_at = message.item.appealed_at
    if appealed_at is not None and message.created_at >= appealed_at:
        return AuthorEmailKind.APPEAL
    return AuthorEmailKind.DECISION


def _content_url(content) -> str:
    obj = content.obj
    path = content_types.adapter_for(obj).get_url(obj) if obj is not None else ""
    return absolute_url(path) if path else ""


def _preferences_url() -> str:
    try:
        return absolute_url(reverse("moderation:email-preferences"))
    except NoReverseMatch:  # the host did not include moderation's URLs
        return ""


def build_author_email(message: AuthorMessage, kind: str) -> EmailMultiAlternatives:
    """The email (plain text and HTML) telling the author about ``message``, written in the
    language the author chose on their email settings page, else the site's
    (``LANGUAGE_CODE``): a worker has no request to take one from. The moderator's message
    itself is sent as written.
    """
    item = message.item
    language = email_preferences(message.author).language or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "kind": kind,
            "message": message,
            "author": message.author,
            "post_title": item.post_title,
            "post_url": _content_url(item.content),
            "content_type": item.content.kind,
            "decision": item.get_status_display() if item.status in DECIDED_STATUSES else "",
            "preferences_url": _preferences_url(),
        }
        subject = render_to_string(f"{TEMPLATE_DIR}/author_message_subject.txt", context)
        text = render_to_string(f"{TEMPLATE_DIR}/author_message.txt", context)
        html = render_to_string(f"{TEMPLATE_DIR}/author_message.html", context)
    email = EmailMultiAlternatives(
        subject=" ".join(subject.split()), body=text, to=[message.author.email],
        headers={"Auto-Submitted": "auto-generated"},
    )
    email.attach_alternative(html, "text/html")
    return email


@transaction.atomic
def send_author_email(*, message_id: int) -> bool:
    """Email the moderator's message ``message_id`` to the post's author, unless it is gone
    (undone, or the author deleted), was emailed already, or the author switched its kind
    off or has no address. Returns whether an email was sent.

    The row stays locked while sending, so a task delivered twice sends once; an SMTP error
    rolls back and the task retries.
    """
    message = (
        AuthorMessage.objects.select_for_update(of=("self",))
        .select_related("item__content", "author")
        .filter(pk=message_id, emailed_at__isnull=True)
        .first()
    )
    if message is None:
        return False
    kind = email_kind(message)
    author = message.author
    if kind is None or not author.email or not email_preferences(author).wants(kind):
        return False
    build_author_email(message, kind).send()
    message.emailed_at = timezone.now()
    message.save(update_fields=["emailed_at"])
    logger.info("Emailed message %s (%s) to author %s.", message.pk, kind, message.author_id)
    return True


@transaction.atomic
def save_email_preferences(*, user, request: bool, decision: bool, appeal: bool,
                           language: str = "") -> AuthorEmailPreferences:
    """Store which moderation emails ``user`` wants, and in which language (blank: the
    site's).
    """
    preferences, _created = AuthorEmailPreferences.objects.update_or_create(
        user=user, defaults={"request": request, "decision": decision, "appeal": appeal,
                             "language": language})
    return preferences
