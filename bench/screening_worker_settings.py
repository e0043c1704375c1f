"""Settings of the Celery worker that ``bench_screening_db`` starts: the demo's, with the
persistent database connection a production worker keeps. The demo closes its connection
after every task (``CONN_MAX_AGE = 0``), which costs a new PostgreSQL backend per task.
"""

from demo.settings import *  # noqa: F403

DEBUG = False
DATABASES["default"]["CONN_MAX_AGE"] = 600  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "ERROR"}}
