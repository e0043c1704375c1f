"""Test settings: the demo forum, with fast password hashing.

The database is SQLite unless ``DATABASE_URL`` is set (``.ci/run`` also runs the suite on
PostgreSQL).
"""

from demo.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Unit tests screen posts in-process (services.screen_content); enqueued tasks go to an
# in-memory broker with no worker. Integration tests start a real worker on Redis.
CELERY_BROKER_URL = "memory://"
CELERY_BROKER_TRANSPORT_OPTIONS = {}

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not Django's shared in-memory database: SQLite's locking between connections
    # (what tests/demo/test_sqlite_contention.py provokes) only works as in production there.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}  # noqa: F405
