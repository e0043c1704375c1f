"""Include with ``path("api/moderation/v1/", include("moderation.api.urls"))``."""

from django.urls import path

from . import reports, views

app_name = "moderation_api"

# Ids are captured as strings so a malformed id gets the API's JSON 404, not an HTML page.
urlpatterns = [
    path("queue/", views.QueueView.as_view(), name="queue"),
    path("items/<str:item_id>/", views.ItemView.as_view(), name="item"),
    path("items/<str:item_id>/claim/", views.ClaimView.as_view(), name="claim"),
    path("items/<str:item_id>/release/", views.ReleaseView.as_view(), name="release"),
    path("items/<str:item_id>/resolve/", views.ResolveView.as_view(), name="resolve"),
    path("policies/", views.PolicyListView.as_view(), name="policies"),
    path("policies/<str:policy_id>/backtest/", views.BacktestView.as_view(), name="backtest"),
    path("posts/<str:post_id>/reports/", reports.PostReportView.as_view(), name="post-reports"),
    path("reports/", reports.MyReportsView.as_view(), name="my-reports"),
]
