from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AIDisclosureConfig(AppConfig):
    name = "ai_disclosure"
    verbose_name = _("AI disclosure")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the system checks)
        from .data_rights import disclosure_section, register_export_section

        register_export_section(
            "ai_disclosure", disclosure_section,
            description=_("the AI disclosures of your posts with every revision, the disclosure "
                          "changes you made, and your reading preference"),
        )
