"""The demo forum's writes: a post (a comment) and its disclosure are saved together, or not
at all.
"""

from django.db import transaction
from django.utils import timezone

from ai_disclosure import ratelimits
from ai_disclosure import services as disclosure_services
from ai_disclosure.rules import DisclosureData
from moderation import services as moderation_services

from .models import Comment, Post


@transaction.atomic
def publish_post(*, author, title: str, body: str, disclosure: DisclosureData) -> Post:
    """Create and publish a post with its (already validated) disclosure.

    Raises ``ratelimits.PostingRateLimited`` when the author has posted as often as allowed.
    """
    ratelimits.check_posting_rate(author)
    post = Post.objects.create(author=author, title=title, body=body, published_at=timezone.now())
    if not disclosure.is_empty():  # only possible with AI_DISCLOSURE_REQUIRED = False
        disclosure_services.save_disclosure(content=post, user=author, data=disclosure)
    disclosure_services.rendered_content(post)  # stored now, not on the first view
    # An escalated author's post is held at once; screening adds its review item.
    moderation_services.hold_if_escalated(content=post)
    transaction.on_commit(lambda: ratelimits.record_post(author))
    return post


@transaction.atomic
def edit_post(*, post: Post, editor, title: str, body: str, disclosure: DisclosureData) -> Post:
    """Change a post's text and disclosure; the disclosure keeps its revision history."""
    post.title = title
    post.body = body
    post.save(update_fields=["title", "body", "updated_at"])
    if not disclosure.is_empty():
        disclosure_services.save_disclosure(content=post, user=editor, data=disclosure)
    disclosure_services.rendered_content(post)
    # Moderators asked this author for information: the edit is an answer.
    moderation_services.note_content_edited(content=post, editor=editor)
    return post


@transaction.atomic
def publish_comment(*, post: Post, author, body: str, disclosure: DisclosureData) -> Comment:
    """Publish a comment under ``post`` with its (already validated, compact) disclosure;
    screened like a post once the transaction commits.

    Raises ``ratelimits.PostingRateLimited`` when the author has posted as often as allowed.
    """
    ratelimits.check_posting_rate(author)
    comment = Comment.objects.create(post=post, author=author, body=body,
                                     published_at=timezone.now())
    if not disclosure.is_empty():
        disclosure_services.save_disclosure(content=comment, user=author, data=disclosure)
    disclosure_services.rendered_content(comment)
    moderation_services.hold_if_escalated(content=comment)
    transaction.on_commit(lambda: ratelimits.record_post(author))
    return comment
