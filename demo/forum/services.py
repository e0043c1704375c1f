"""The demo forum's writes: a post and its disclosure are saved together, or not at all."""

from django.db import transaction
from django.utils import timezone

from ai_disclosure import ratelimits
from ai_disclosure import services as disclosure_services
from ai_disclosure.rules import DisclosureData
from moderation import services as moderation_services

from .models import Post


@transaction.atomic
def publish_post(*, author, title: str, body: str, disclosure: DisclosureData) -> Post:
    """Create and publish a post with its (already validated) disclosure.

    Raises ``ratelimits.PostingRateLimited`` when the author has posted as often as allowed.
    """
    ratelimits.check_posting_rate(author)
    post = Post.objects.create(author=author, title=title, body=body, published_at=timezone.now())
    if not disclosure.is_empty():  # only possible with AI_DISCLOSURE_REQUIRED = False
        disclosure_services.save_disclosure(post=post, user=author, data=disclosure)
    disclosure_services.rendered_post(post)  # stored now, not on the first view
    # An escalated author's post is held at once; screening adds its review item.
    moderation_services.hold_if_escalated(post=post)
    transaction.on_commit(lambda: ratelimits.record_post(author))
    return post


@transaction.atomic
def edit_post(*, post: Post, editor, title: str, body: str, disclosure: DisclosureData) -> Post:
    """Change a post's text and disclosure; the disclosure keeps its revision history."""
    post.title = title
    post.body = body
    post.save(update_fields=["title", "body", "updated_at"])
    if not disclosure.is_empty():
        disclosure_services.save_disclosure(post=post, user=editor, data=disclosure)
    disclosure_services.rendered_post(post)
    # Moderators asked this author for information: the edit is an answer.
    moderation_services.note_post_edited(post=post, editor=editor)
    return post
