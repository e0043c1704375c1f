"""Email a forum user the author's invitation to co-sign a post as its expert reviewer.

The author-email flow (``author_email``) is about moderators' messages on review items, so
this is its own small flow: ``ai_disclosure`` sends ``cosignature_requested`` after commit,
``receivers`` queues ``tasks.send_cosignature_invitation``, which calls
:func:`send_cosignature_invitation`. The invitation is also listed on the reviewer's
"Co-signing" page, so an email lost to a broker or SMTP outage loses nothing.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from ai_disclosure.content_types import adapter_for
from ai_disclosure.models import CoSignature, CoSignatureStatus

from ..links import absolute_url

logger = logging.getLogger(__name__)


def _invitations_url() -> str:
    try:
        return absolute_url(reverse("ai_disclosure:cosignatures"))
    except NoReverseMatch:  # the host did not include ai_disclosure's URLs
        return ""


def send_cosignature_invitation(*, cosignature_id: int) -> bool:
    """Email the reviewer their invitation, unless it is gone, answered already, or they have
    no address. Returns whether an email was sent.
    """
    cosignature = (
        CoSignature.objects.select_related("reviewer", "disclosure__content")
        .filter(pk=cosignature_id, status=CoSignatureStatus.INVITED).first()
    )
    if cosignature is None or not cosignature.reviewer.email:
        return False
    post = cosignature.disclosure.content.obj
    adapter = adapter_for(post)
    author = adapter.get_author(post)
    context = {
        "reviewer": cosignature.reviewer,
        "author_name": author.get_username() if author else "",
        "post_title": adapter.get_title(post),
        "invitations_url": _invitations_url(),
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("moderation/email/cosignature_subject.txt", context)
        body = render_to_string("moderation/email/cosignature.txt", context)
    EmailMessage(
        subject=" ".join(subject.split()), body=body, to=[cosignature.reviewer.email],
        headers={"Auto-Submitted": "auto-generated"},
    ).send()
    logger.info("Emailed co-signing invitation %s to user %s.", cosignature.pk,
                cosignature.reviewer_id)
    return True
