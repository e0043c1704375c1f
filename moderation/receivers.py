"""Signal receivers: screen a post after it is published, edited, re-disclosed, co-signed
or reported; settle readers' reports when moderators decide; email an author a
moderator's message and a reviewer an invitation to co-sign; send webhooks of disclosure
changes; forget a deleted user's name and words; drop the cached model
registry when an admin changes it.

The two screening receivers run inside the author's transaction and hand the post to
``tasks.screen_on_commit``, which queues it once when the transaction commits, however many
of them fired (publishing saves the post and a disclosure revision together). The
disclosure's ``disclosure_saved`` signal comes after the commit, too late to join the two.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.db.models.signals import post_delete, post_save, pre_delete

from ai_disclosure import content_types
from ai_disclosure.models import CoSignature, Disclosure, DisclosureRevision
from ai_disclosure.services import content_for
from ai_disclosure.signals import cosignature_requested

from .models import AIModel, Report, ReviewItem, WebhookEndpoint
from .selectors import forget_model_registry
from .selectors.reports import contents_reported_by
from .services import anonymise_user, settle_reports
from .signals import author_messaged, review_reopened, review_resolved, webhooks_queued
from .tasks import (
    enqueue_author_email,
    enqueue_cosignature_invitation,
    enqueue_screening,
    enqueue_webhook_delivery,
    screen_on_commit,
)
from .webhooks import forget_subscriptions, record_disclosure_revision


def screen_saved_content(sender, instance, raw=False, **kwargs) -> None:
    """Screen published content of a registered type once its transaction commits.

    Rows loaded from fixtures (``raw``) are left to the sweeper or ``screen_posts``.
    """
    if not raw and content_types.adapter_for(instance).is_published(instance):
        screen_on_commit(content_for(instance).pk)


def screen_after_disclosure_change(sender, instance, created=False, raw=False, **kwargs) -> None:
    """Every disclosure save appends a revision: screen the post again once it commits."""
    if created and not raw:
        screen_on_commit(instance.disclosure.content_id)


def screen_after_cosignature_change(sender, instance, raw=False, **kwargs) -> None:
    """A reviewer confirmed or declined (policies see ``disclosure.cosigned``): screen again."""
    if not raw:
        content_id = (Disclosure.objects.filter(pk=instance.disclosure_id)
                      .values_list("content_id", flat=True).first())
        if content_id is not None:
            screen_on_commit(content_id)


def email_cosignature_invitation(sender, cosignature, **kwargs) -> None:
    """``cosignature_requested`` is sent after commit already."""
    enqueue_cosignature_invitation(cosignature.pk)


def screen_after_report(sender, instance, created=False, raw=False, **kwargs) -> None:
    """A reader reported the post: screen it again once the report commits."""
    if created and not raw:
        screen_on_commit(instance.content_id)


def settle_item_reports(sender, item, **kwargs) -> None:
    """A decision on an item, or its return to the queue (both sent after commit): give the
    post's reports their outcome, then screen again the post and every post the affected
    readers reported and that still waits, since their weight changed.
    """
    reporters = settle_reports(item=item)
    if reporters:
        enqueue_screening(sorted({item.content_id, *contents_reported_by(reporters)}))


def email_author(sender, message, **kwargs) -> None:
    """``author_messaged`` is sent after commit already."""
    enqueue_author_email(message.pk)


def queue_disclosure_webhook(sender, instance, created, raw=False, **kwargs) -> None:
    """A new disclosure revision: write ``disclosure.changed`` to the webhook outbox, in the
    disclosure's transaction (``disclosure_saved`` comes only after commit).
    """
    if created and not raw:
        record_disclosure_revision(instance)


def enqueue_webhook_deliveries(sender, delivery_ids, **kwargs) -> None:
    """``webhooks_queued`` is sent after commit already."""
    for delivery_id in delivery_ids:
        enqueue_webhook_delivery(delivery_id)


def anonymise_deleted_user(sender, instance, **kwargs) -> None:
    """Before an account is deleted (and its rows unlinked), anonymise its moderation data."""
    anonymise_user(user=instance)


def connect() -> None:
    """Connect the receivers (from ``AppConfig.ready()``, once the models are loaded)."""
    try:
        registered_types = content_types.registry().values()
    except (LookupError, ImproperlyConfigured):
        registered_types = ()  # reported by the system checks
    for registered in registered_types:
        post_save.connect(screen_saved_content, sender=registered.model,
                          dispatch_uid=f"moderation-content-{registered.kind}")
    post_save.connect(screen_after_disclosure_change, sender=DisclosureRevision,
                      dispatch_uid="moderation-disclosure")
    post_save.connect(screen_after_report, sender=Report, dispatch_uid="moderation-report")
    review_resolved.connect(settle_item_reports, sender=ReviewItem,
                            dispatch_uid="moderation-report-outcomes")
    review_reopened.connect(settle_item_reports, sender=ReviewItem,
                            dispatch_uid="moderation-report-reopened")
    author_messaged.connect(email_author, dispatch_uid="moderation-email-author")
    post_save.connect(screen_after_cosignature_change, sender=CoSignature,
                      dispatch_uid="moderation-cosignature")
    cosignature_requested.connect(email_cosignature_invitation,
                                  dispatch_uid="moderation-cosignature-email")
    post_save.connect(queue_disclosure_webhook, sender=DisclosureRevision,
                      dispatch_uid="moderation-disclosure-webhook")
    webhooks_queued.connect(enqueue_webhook_deliveries, dispatch_uid="moderation-webhooks")
    post_save.connect(forget_subscriptions, sender=WebhookEndpoint,
                      dispatch_uid="moderation-webhook-endpoint-saved")
    post_delete.connect(forget_subscriptions, sender=WebhookEndpoint,
                        dispatch_uid="moderation-webhook-endpoint-deleted")
    post_save.connect(forget_model_registry, sender=AIModel,
                      dispatch_uid="moderation-ai-model-saved")
    post_delete.connect(forget_model_registry, sender=AIModel,
                        dispatch_uid="moderation-ai-model-deleted")
    pre_delete.connect(anonymise_deleted_user, sender=get_user_model(),
                       dispatch_uid="moderation-user-deleted")
