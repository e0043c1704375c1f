"""Include with ``path("api/ai-disclosure/v1/", include("ai_disclosure.api.urls"))``.

Content of any registered type is addressed as ``content/<type>/<id>/…``; ``posts/<id>/…``
stays for the first registered type (the plugin's routes before content types).
"""

from django.urls import path

from . import cosigning, provenance, suggestions, views

app_name = "ai_disclosure_api"

# Ids are captured as strings so a malformed id gets the API's JSON 404, not an HTML page.
urlpatterns = [
    path("schema/", views.FormSchemaView.as_view(), name="form-schema"),
    path("preview/", views.PreviewView.as_view(), name="preview"),
    path("check/", views.CheckView.as_view(), name="check"),
    path("content/<str:kind>/<str:object_id>/disclosure/", views.DisclosureView.as_view(),
         name="content-disclosure"),
    path("content/<str:kind>/<str:object_id>/disclosure/revisions/",
         views.RevisionListView.as_view(), name="content-revisions"),
    path("content/<str:kind>/<str:object_id>/provenance/", provenance.ProvenanceView.as_view(),
         name="content-provenance"),
    path("posts/<str:post_id>/disclosure/", views.PostDisclosureView.as_view(),
         name="disclosure"),
    path("posts/<str:post_id>/disclosure/revisions/", views.PostRevisionListView.as_view(),
         name="revisions"),
    path("posts/<str:post_id>/provenance/", provenance.PostProvenanceView.as_view(),
         name="provenance"),
    path(
        "posts/<str:post_id>/suggestions/",
        suggestions.SuggestionListView.as_view(),
        name="suggestions",
    ),
    path(
        "posts/<str:post_id>/suggestions/<str:suggestion_id>/accept/",
        suggestions.SuggestionAcceptView.as_view(),
        name="suggestion-accept",
    ),
    path(
        "posts/<str:post_id>/suggestions/<str:suggestion_id>/dismiss/",
        suggestions.SuggestionDismissView.as_view(),
        name="suggestion-dismiss",
    ),
    path("cosignatures/", cosigning.InvitationListView.as_view(), name="cosignatures"),
    path(
        "cosignatures/<str:cosignature_id>/confirm/",
        cosigning.ConfirmView.as_view(),
        name="cosignature-confirm",
    ),
    path(
        "cosignatures/<str:cosignature_id>/decline/",
        cosigning.DeclineView.as_view(),
        name="cosignature-decline",
    ),
]
