"""App config of the demo forum."""

from django.apps import AppConfig


class ForumConfig(AppConfig):
    """The demo forum, installed under the label ``forum``."""

    name = "demo.forum"
    label = "forum"
    verbose_name = "Demo forum"
    default_auto_field = "django.db.models.BigAutoField"
