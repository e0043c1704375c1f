"""The demo forum's writes: a post and its disclosure are saved together, or not at all."""

from django.db import transaction
from django.utils import timezone

from ai_disclosure import services as disclosure_services
from ai_disclosure.rules import DisclosureData

from .models import Post


@transaction.atomic
def publish_post(*, author, title: str, body: str, disclosure: DisclosureData) -> Post:
    """Create and publish a post with its (already validated) disclosure."""
    post = Post.objects.create(author=author, title=title, body=body, published_at=timezone.now())
    if not disclosure.is_empty():  # only possible with AI_DISCLOSURE_REQUIRED = False
        disclosure_services.save_disclosure(post=post, user=author, data=disclosure)
    disclosure_services.rendered_post(post)  # stored now, not on the first view
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
    return post
