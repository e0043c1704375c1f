"""The demo site's URLs: the forum, both apps' pages and APIs, and the admin."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.urls import include, path
from django.views.decorators.csrf import ensure_csrf_cookie
from django.views.generic import TemplateView
from django.views.i18n import JavaScriptCatalog, set_language
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

urlpatterns = [
    path("admin/", admin.site.urls),
    # The language switcher in the footer posts here (Django's view: a cookie, then redirect).
    path("i18n/setlang/", set_language, name="set_language"),
    # The translations of the demo's scripts (gettext() in demo/static/demo/editor.js; the
    # djangojs catalog in LOCALE_PATHS).
    path("i18n/js/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("ai-disclosure/", include("ai_disclosure.urls")),
    path("moderation/", include("moderation.urls")),
    path("api/ai-disclosure/v1/", include("ai_disclosure.api.urls")),
    path("api/moderation/v1/", include("moderation.api.urls")),
    path("api/forum/v1/", include("demo.forum.api")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    # The API editor: a static page whose script uses only the public API (demo/static/demo/).
    path(
        "editor/",
        login_required(ensure_csrf_cookie(TemplateView.as_view(template_name="forum/editor.html"))),
        name="api-editor",
    ),
    path("", include("demo.forum.urls")),
]
