"""Helpers for the triage tests: moderators, authors and review items without screening."""

from __future__ import annotations

from importlib import import_module

from django.apps import apps
from django.contrib.auth.models import Group
from django.utils import timezone

from ai_disclosure.services import content_for
from moderation.models import Policy, QueueFacet, ReviewItem, ReviewStatus
from tests.factories import PostFactory, UserFactory

EVIDENCE = {
    "chat_artifacts": [
        {"start": 0, "end": 17, "reason": "chat-assistant greeting", "weight": 1.0,
         "text": "Certainly! Here's"},
        {"start": 60, "end": 77, "reason": "chat-assistant sign-off", "weight": 1.0,
         "text": "I hope this helps"},
    ],
    "style_lexicon": [
        {"start": 30, "end": 35, "reason": "excess AI vocabulary: delve", "weight": 0.4,
         "text": "delve"},
    ],
}
BODY = ("Certainly! Here's a short post. We delve into sleep.\n\nI hope this helps with "
        "your research.")


def moderators_group() -> Group:
    """The "Moderators" group with its permission (re-created after a flush)."""
    import_module("moderation.migrations.0003_moderators_group_permission").grant(apps, None)
    return Group.objects.get(name="Moderators")


def make_moderator(username: str = "mod"):
    user = UserFactory(username=username)
    user.groups.add(moderators_group())
    return type(user).objects.get(pk=user.pk)  # fresh: no stale permission cache


def make_item(*, author=None, priority: int = 50, top_score: float = 0.7, title=None,
              status=ReviewStatus.OPEN, created_at=None, policies=(), held=False,
              approved_posts: int = 5, body: str = BODY) -> ReviewItem:
    post = PostFactory(author=author or UserFactory(), body=body,
                       **({"title": title} if title else {}))
    reasons = [
        {"policy": p.pk, "name": p.name, "version": p.version, "action": p.action,
         "priority": p.priority, "reason": p.reason}
        for p in policies
    ] or [{"policy": None, "name": "Test reason", "version": 1, "action": "flag",
           "priority": priority, "reason": "Because a test said so."}]
    item = ReviewItem.objects.create(
        content=content_for(post),
        author=post.author,
        post_title=post.title,
        author_name=post.author.username,
        priority=priority,
        top_score=top_score,
        status=status,
        reasons=reasons,
        evidence=EVIDENCE,
        held=held,
        classifier_versions={"chat_artifacts": "1.0", "style_lexicon": "1.0"},
        created_at=created_at or timezone.now(),
        author_approved_posts=approved_posts,
    )
    item.policies.set(policies)
    # The queue facets screening writes with an item (this post has no disclosure).
    QueueFacet.objects.write(item, assistance={item.pk: []})
    return item


def first_policy() -> Policy:
    return Policy.objects.order_by("-priority").first()
