"""Settings of the API load test (``bench_api``): the demo's, on a throw-away database.

SQLite (a file in ``BENCH_VAR_DIR``) unless ``BENCH_DATABASE_URL`` names another database.
SQLite transactions start ``IMMEDIATE`` so concurrent writers queue for the lock instead of
failing to upgrade it. Celery messages go to an in-memory broker: screening is not measured.
"""

import os

import dj_database_url

from demo.settings import *  # noqa: F403

DEBUG = False
_url = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{os.environ['BENCH_VAR_DIR']}/bench.sqlite3"
DATABASES = {"default": dj_database_url.parse(_url, conn_max_age=60)}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"]["OPTIONS"] = {"transaction_mode": "IMMEDIATE", "timeout": 30}
CELERY_BROKER_URL = "memory://"
CELERY_BROKER_TRANSPORT_OPTIONS = {}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "ERROR"}}
# The load test measures speed, not the limits: 20 clients on one address would be throttled.
REST_FRAMEWORK = {  # noqa: F405
    **REST_FRAMEWORK,  # noqa: F405
    "DEFAULT_THROTTLE_RATES": {
        scope: None for scope in ("ai_disclosure_preview", "ai_disclosure_preview_ip",
                                  "ai_disclosure_check", "ai_disclosure_check_ip")
    },
}
AI_DISCLOSURE_POSTING_RATE = AI_DISCLOSURE_NEW_AUTHOR_POSTING_RATE = None
