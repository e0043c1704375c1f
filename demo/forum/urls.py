"""URLs of the demo forum: post list, detail, writing and editing."""

from django.urls import path
from django.views.generic import TemplateView

from . import views

app_name = "forum"

urlpatterns = [
    path("", views.post_list, name="post-list"),
    path("posts/new/", views.post_create, name="post-create"),
    path("ai-policy/", TemplateView.as_view(template_name="forum/ai_policy.html"),
         name="ai-policy"),
    path("posts/<int:pk>/", views.post_detail, name="post-detail"),
    path("posts/<int:pk>/edit/", views.post_edit, name="post-edit"),
    path("posts/<int:pk>/comments/", views.comment_create, name="comment-create"),
    path("me/posts/", views.my_posts, name="my-posts"),
    path("me/reviews/<int:item_id>/reply/", views.reply_to_moderators, name="review-reply"),
    path("me/reviews/<int:item_id>/appeal/", views.appeal_decision, name="review-appeal"),
]
