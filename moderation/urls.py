"""Moderator pages, the authors' email preferences and the readers' reports; include at a
prefix of your choice, e.g. ``path("moderation/", …)``.
"""

from django.urls import path

from . import author_views, reader_views, views

app_name = "moderation"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("next/", views.next_item, name="next"),
    path("bulk/", views.bulk, name="bulk"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("audit/", views.audit_log, name="audit"),
    path("items/<int:pk>/", views.item_detail, name="item"),
    path("items/<int:pk>/claim/", views.claim, name="claim"),
    path("items/<int:pk>/release/", views.release, name="release"),
    path("items/<int:pk>/resolve/", views.resolve, name="resolve"),
    path("items/<int:pk>/undo/", views.undo, name="undo"),
    path("me/emails/", author_views.email_preferences, name="email-preferences"),
    path("posts/<int:post_id>/report/", reader_views.report_post, name="report"),
    path("me/reports/", reader_views.my_reports, name="my-reports"),
]
