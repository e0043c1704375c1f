"""Signal receivers: screen a post after it is published, edited or re-disclosed; forget a
deleted user's name and words."""

from __future__ import annotations

from functools import partial

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models.signals import post_save, pre_delete

from ai_disclosure.adapter import get_adapter, get_post_model
from ai_disclosure.signals import disclosure_saved

from .services import anonymise_user
from .tasks import enqueue_screening


def screen_saved_post(sender, instance, raw=False, **kwargs) -> None:
    """Queue a published post for screening once its transaction commits.

    Rows loaded from fixtures (``raw``) are left to the sweeper or ``screen_posts``.
    """
    if not raw and get_adapter().is_published(instance):
        transaction.on_commit(partial(enqueue_screening, instance.pk))


def screen_after_disclosure_change(sender, disclosure, **kwargs) -> None:
    """``disclosure_saved`` is sent after commit already."""
    enqueue_screening(disclosure.post_id)


def anonymise_deleted_user(sender, instance, **kwargs) -> None:
    """Before an account is deleted (and its rows unlinked), anonymise its moderation data."""
    anonymise_user(user=instance)


def connect() -> None:
    post_save.connect(screen_saved_post, sender=get_post_model(), dispatch_uid="moderation-post")
    disclosure_saved.connect(screen_after_disclosure_change, dispatch_uid="moderation-disclosure")
    pre_delete.connect(anonymise_deleted_user, sender=get_user_model(),
                       dispatch_uid="moderation-user-deleted")
