"""Test settings: the demo forum, with fast password hashing.

The database is SQLite unless ``DATABASE_URL`` is set (``.ci/run`` also runs the suite on
PostgreSQL).
"""

from demo.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
