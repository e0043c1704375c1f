from django.apps import AppConfig


class ForumConfig(AppConfig):
    name = "demo.forum"
    label = "forum"
    verbose_name = "Demo forum"
    default_auto_field = "django.db.models.BigAutoField"
