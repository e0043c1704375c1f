from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    name = "moderation"
    verbose_name = _("AI moderation")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import checks, receivers  # noqa: F401  (registers checks and signal receivers)

        receivers.connect()

        from ai_disclosure.data_rights import register_export_section

        from .selectors import moderation_section

        register_export_section(
            "moderation", moderation_section,
            description=_("the moderators' decisions on your posts as you see them, their "
                          "messages to you, your replies and appeals, and what you did as a "
                          "moderator"),
        )
