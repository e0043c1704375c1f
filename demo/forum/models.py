"""The demo forum's posts and comments: the host models the two apps are configured to work
with (``AI_DISCLOSURE_CONTENT_TYPES``).
"""

from django.conf import settings
from django.db import models
from django.urls import reverse


class Visibility(models.TextChoices):
    """How moderation left the post (set by ``demo.forum.adapter.ForumModerationAdapter``)."""

    VISIBLE = "", "Visible"
    HELD = "held", "Held for review"
    DELISTED = "delisted", "Delisted"
    REJECTED = "rejected", "Removed"


class PostQuerySet(models.QuerySet):
    """Reader-facing filters over posts."""

    def published(self):
        """Posts that went public (drafts excluded)."""
        return self.filter(published_at__isnull=False)

    def listed(self):
        """What readers see in listings: neither held, delisted nor removed."""
        return self.filter(visibility=Visibility.VISIBLE)

    def for_listing(self):
        """What a listing row shows from the post itself; the disclosures come with
        ``ai_disclosure.selectors.attach_contents`` (two more queries for the whole list).
        """
        return self.select_related("author")


class Writing(models.Model):
    """What posts and comments share: an author, a Markdown body, when it was written, edited
    and published, and what moderators decided about its visibility.
    """

    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    body = models.TextField(help_text="Markdown.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True)
    visibility = models.CharField(
        max_length=10, choices=Visibility.choices, default=Visibility.VISIBLE, blank=True
    )

    class Meta:
        abstract = True


class Post(Writing):
    """The host forum's post: registered as the ``post`` content type."""

    title = models.CharField(max_length=200)

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at"]
        indexes = [models.Index(fields=["-published_at"], name="forum_post_published_idx")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        """The post's page, linked from the queue and the admin."""
        return reverse("forum:post-detail", args=[self.pk])


class CommentQuerySet(models.QuerySet):
    """Reader-facing filters over comments."""

    def published(self):
        """Comments that went public."""
        return self.filter(published_at__isnull=False)

    def listed(self):
        """What readers see under a post: neither held, delisted nor removed."""
        return self.filter(visibility=Visibility.VISIBLE)


class Comment(Writing):
    """A comment under a post: registered as the ``comment`` content type, with the compact
    disclosure form (the tick, or kinds of AI help and one sentence).
    """

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="comments")

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["post", "created_at"], name="forum_comment_post_idx")]

    def __str__(self) -> str:
        return f"Comment by {self.author} on {self.post}"

    def get_absolute_url(self) -> str:
        """The comment's place on its post's page."""
        return f"{self.post.get_absolute_url()}#comment-{self.pk}"
