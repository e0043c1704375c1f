"""Include with ``path("ai-disclosure/", include("ai_disclosure.urls"))``."""

from django.urls import path

from . import views

app_name = "ai_disclosure"

urlpatterns = [
    path("preferences/", views.reader_preference, name="reader-preference"),
]
