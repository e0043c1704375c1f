"""Settings of the demo forum. Everything is read from the environment with a default.

Defaults are the embedded setup: SQLite in ``var/`` and a file-system Celery broker, so the
demo needs no server. ``DATABASE_URL`` (``sqlite:///path``, ``postgres://…``) and
``CELERY_BROKER_URL`` (``redis://…``, ``amqp://…``) switch to real services.
"""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("DEMO_VAR_DIR", BASE_DIR / "var"))

# Demo only: never deploy with this key or with DEBUG on.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "demo-only-insecure-secret-key")
DEBUG = os.environ.get("DJANGO_DEBUG", "1") == "1"
ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI's files, served locally (no CDN)
    "ai_disclosure",
    "moderation",
    "demo.forum",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The reader's language: the one picked in the footer (a cookie), else the browser's.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "ai_disclosure.middleware.DatabaseBusyMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "demo.urls"
WSGI_APPLICATION = "demo.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "demo" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'demo.sqlite3'}"),
        conn_max_age=0,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Concurrent writers on SQLite: each transaction takes the write lock when it begins
    # (a deferred one that upgrades later fails at once with "database is locked"), waits up
    # to 5 s for it, and readers do not block the writer (WAL). Should the wait run out, the
    # request gets 503 with Retry-After (ai_disclosure.middleware.DatabaseBusyMiddleware).
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 5,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "en"
# The languages both apps and the demo ship translations for (README, "Translations").
LANGUAGES = [("en", "English"), ("de", "Deutsch")]
# The demo's own catalog (templates and forum app); the apps bring theirs in <app>/locale/.
LOCALE_PATHS = [BASE_DIR / "demo" / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "demo" / "static"]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "forum:post-list"
LOGOUT_REDIRECT_URL = "forum:post-list"

# --- the plugin -------------------------------------------------------------------------
# The content types that carry disclosures and screening. Adapters say who may read an
# object (held and removed ones are hidden from other readers); comments use the compact form.
AI_DISCLOSURE_CONTENT_TYPES = {
    "post": {"model": "forum.Post", "adapter": "demo.forum.adapter.ForumPostAdapter"},
    "comment": {
        "model": "forum.Comment",
        "adapter": "demo.forum.adapter.ForumCommentAdapter",
        "form": "compact",
    },
}
# Linked from the disclosure form and from the API's refusals (a page of the demo).
AI_DISCLOSURE_POLICY_URL = "/ai-policy/"
# How moderators' decisions reach the forum: hide held, delisted and rejected posts.
AI_MODERATION_ADAPTER = "demo.forum.adapter.ForumModerationAdapter"

# --- Celery -----------------------------------------------------------------------------
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "filesystem://")
if CELERY_BROKER_URL == "filesystem://":
    # Embedded broker: messages are files in var/celery/, shared by the web and the worker.
    _queue_dir = VAR_DIR / "celery" / "queue"
    _queue_dir.mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_queue_dir),
        "data_folder_out": str(_queue_dir),
        "control_folder": str(VAR_DIR / "celery" / "control"),
    }
CELERY_TASK_IGNORE_RESULT = True
# Screening of new posts and re-screening of old ones run on separate queues, so a backfill
# never delays a new post; webhooks have their own, so a slow receiver delays neither. The
# sweepers re-enqueue anything the broker lost.
CELERY_TASK_ROUTES = {
    "moderation.screen_contents": {"queue": "screening"},
    "moderation.sweep_unscreened": {"queue": "backfill"},
    "moderation.deliver_webhook": {"queue": "webhooks"},
    "moderation.sweep_webhooks": {"queue": "webhooks"},
}
CELERY_BEAT_SCHEDULE = {
    "moderation-sweep-unscreened": {"task": "moderation.sweep_unscreened", "schedule": 300.0},
    "moderation-sweep-webhooks": {"task": "moderation.sweep_webhooks", "schedule": 60.0},
}
CELERY_WORKER_HIJACK_ROOT_LOGGER = False

# --- Email to authors ----------------------------------------------------------------------
# The demo writes emails as files into var/emails/ (set EMAIL_BACKEND to send real ones);
# links in them point at the demo's address.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
EMAIL_FILE_PATH = VAR_DIR / "emails"
DEFAULT_FROM_EMAIL = "Agora moderators <moderators@agora.example>"
AI_MODERATION_SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")

# --- REST API (DESIGN §7) ---------------------------------------------------------------
REST_FRAMEWORK = {
    # Token first: an unauthenticated request then gets 401 with ``WWW-Authenticate: Token``
    # (with session first, DRF answers 403). Browsers use the session (and CSRF).
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    # A safety net: every API view names its own permission classes.
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "ai_disclosure.api.base.AutoSchema",
    "EXCEPTION_HANDLER": "ai_disclosure.api.exceptions.exception_handler",
    "DEFAULT_THROTTLE_RATES": {
        # The check endpoint explains refusals precisely; limit it per user.
        "ai_disclosure_check": os.environ.get("AI_DISCLOSURE_CHECK_RATE", "30/minute"),
    },
}
SPECTACULAR_SETTINGS = {
    "TITLE": "django-ai-disclosure API",
    "DESCRIPTION": (
        "Disclosure form schema, draft preview and check, disclosures and their revisions "
        "(``/api/ai-disclosure/v1/``); moderation queue, triage actions and policies "
        "(``/api/moderation/v1/``); the demo forum's post API (``/api/forum/v1/``). "
        "Authenticate with the session (browsers, plus the CSRF header) or "
        "``Authorization: Token <key>``. Every error is JSON: "
        "``{detail, code, errors: {field: [messages]}}``."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}
