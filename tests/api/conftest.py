"""Fixtures of the API tests: the five kinds of caller and posts to act on."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from rest_framework.test import APIClient

from ai_disclosure import services
from ai_disclosure.models import Disclosure
from ai_disclosure.rules import DisclosureData
from moderation.models import ReviewItem
from tests.factories import PostFactory, UserFactory

HUMAN_ONLY = DisclosureData(human_only=True)

AI_BODY = """\
My notes on replication, with one section the model wrote.

:::ai-written{model="Claude Opus 4.6"}
## A checklist

1. Pin every dependency.
2. Re-run the original code first.
:::

The rest is mine.
"""

AI_DISCLOSURE = {
    "human_only": False,
    "assistance": ["drafting"],
    "models_used": ["Claude Opus 4.6"],
    "ai_share_estimate": "30-60",
    "description": "Claude turned my rough notes into the checklist; I wrote the rest myself.",
    "verification": "I checked each item against my lab notebook.",
    "expertise": "author",
}


def permission(app_label: str, codename: str, model) -> Permission:
    """The permission, created if its app's migrations have not made it (yet)."""
    found, _created = Permission.objects.get_or_create(
        codename=codename,
        content_type=ContentType.objects.get_for_model(model),
        defaults={"name": codename},
    )
    return found


def make_moderator(username: str = "mod"):
    """A moderator: triages the queue (``moderation.moderate``) and reads disclosures."""
    user = UserFactory(username=username, is_staff=True)
    user.user_permissions.add(
        permission("moderation", "moderate", ReviewItem),
        permission("ai_disclosure", "view_disclosure", Disclosure),
    )
    return user


@pytest.fixture
def author(db):
    return UserFactory(username="author")


@pytest.fixture
def other_author(db):
    return UserFactory(username="other")


@pytest.fixture
def moderator(db):
    return make_moderator()


@pytest.fixture
def admin_user(db):
    return UserFactory(username="root", is_staff=True, is_superuser=True)


@pytest.fixture
def published_post(author):
    post = PostFactory(author=author, body=AI_BODY)
    services.save_disclosure(
        content=post, user=author,
        data=DisclosureData(**{**AI_DISCLOSURE, "assistance": {"drafting"}}),
    )
    return post


@pytest.fixture
def draft_post(author):
    post = PostFactory(author=author, published_at=None)
    services.save_disclosure(content=post, user=author, data=HUMAN_ONLY)
    return post


def client_for(user) -> APIClient:
    """An API client logged in as ``user`` (anonymous for ``None``)."""
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


@pytest.fixture
def api():
    return client_for
