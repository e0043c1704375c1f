"""App config: connects checks, signal receivers and the data-export section at start-up."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    """The ``moderation`` app: screening, policies and the review queue."""

    name = "moderation"
    verbose_name = _("AI moderation")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        """Register checks and receivers, and this app's section of a user's data export."""
        # Imported here, not at the top: they import models, which must wait for the app
        # registry to be ready.
        from . import checks, receivers  # noqa: F401, PLC0415  (registers checks and receivers)

        receivers.connect()

        from ai_disclosure.data_rights import register_export_section  # noqa: PLC0415
        from ai_disclosure.nudges import register_nudge_source  # noqa: PLC0415

        from .selectors import moderation_section  # noqa: PLC0415
        from .selectors.drafts import policy_nudges  # noqa: PLC0415

        # Before submitting, authors are told whether a moderator will review their post.
        register_nudge_source("moderation", policy_nudges)

        register_export_section(
            "moderation", moderation_section,
            description=_("the moderators' decisions on your posts as you see them, their "
                          "messages to you, your replies and appeals, and what you did as a "
                          "moderator"),
        )
