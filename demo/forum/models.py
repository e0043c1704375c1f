"""The demo forum's post: the host model the two apps are configured to work with."""

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
        """Everything a listing row shows, in a fixed number of queries."""
        return self.select_related("author", "ai_disclosure", "ai_render").prefetch_related(
            "ai_disclosure__assistance"
        )


class Post(models.Model):
    """The host forum's post: the plugin links to it through AI_DISCLOSURE_POST_MODEL."""

    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    title = models.CharField(max_length=200)
    body = models.TextField(help_text="Markdown.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True)
    visibility = models.CharField(
        max_length=10, choices=Visibility.choices, default=Visibility.VISIBLE, blank=True
    )

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at"]
        indexes = [models.Index(fields=["-published_at"], name="forum_post_published_idx")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        """The post's page, linked from the queue and the admin."""
        return reverse("forum:post-detail", args=[self.pk])
