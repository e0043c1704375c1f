from django.urls import path

from . import views

app_name = "forum"

urlpatterns = [
    path("", views.post_list, name="post-list"),
    path("posts/new/", views.post_create, name="post-create"),
    path("posts/<int:pk>/", views.post_detail, name="post-detail"),
    path("posts/<int:pk>/edit/", views.post_edit, name="post-edit"),
    path("me/posts/", views.my_posts, name="my-posts"),
    path("me/reviews/<int:item_id>/reply/", views.reply_to_moderators, name="review-reply"),
    path("me/reviews/<int:item_id>/appeal/", views.appeal_decision, name="review-appeal"),
]
