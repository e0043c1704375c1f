"""Include with ``path("ai-disclosure/", include("ai_disclosure.urls"))``."""

from django.urls import path

from . import views

app_name = "ai_disclosure"

urlpatterns = [
    path("preferences/", views.reader_preference, name="reader-preference"),
    path("me/data/", views.my_data, name="my-data"),
    path("me/data/export.json", views.my_data_download, name="my-data-download"),
    path("me/cosigning/", views.cosignatures, name="cosignatures"),
    path("me/cosigning/<int:cosignature_id>/answer/", views.answer_cosignature,
         name="cosignature-answer"),
    path("suggestions/<int:pk>/accept/", views.suggestion_accept, name="suggestion-accept"),
    path("suggestions/<int:pk>/dismiss/", views.suggestion_dismiss, name="suggestion-dismiss"),
]
