"""Admin for the demo forum's posts."""

from django.contrib import admin

from .models import Post


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    """Posts, searchable by title and body."""

    list_display = ["title", "author", "published_at"]
    list_select_related = ["author"]
    search_fields = ["title", "body"]
