"""A small host forum that shows the plugin working end to end (not part of the package)."""

from .celery import app as celery_app

__all__ = ["celery_app"]
