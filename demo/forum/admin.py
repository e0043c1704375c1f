"""Admin for the demo forum's posts and comments."""

from django.contrib import admin

from .models import Comment, Post


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    """Posts, searchable by title and body."""

    list_display = ["title", "author", "published_at"]
    list_select_related = ["author"]
    search_fields = ["title", "body"]


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    """Comments, searchable by body."""

    list_display = ["post", "author", "published_at", "visibility"]
    list_select_related = ["post", "author"]
    search_fields = ["body"]
