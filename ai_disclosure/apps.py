from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AIDisclosureConfig(AppConfig):
    name = "ai_disclosure"
    verbose_name = _("AI disclosure")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from . import checks  # noqa: F401  (registers the system checks)
        from .data_rights import disclosure_section, register_export_section
        from .models import AIBlockType, AssistanceKind
        from .selectors import forget_vocabulary

        register_export_section(
            "ai_disclosure", disclosure_section,
            description=_("the AI disclosures of your posts with every revision, the disclosure "
                          "changes you made, and your reading preference"),
        )
        # The cached vocabulary is dropped whenever an admin edits it.
        for model in (AssistanceKind, AIBlockType):
            post_save.connect(forget_vocabulary, sender=model, dispatch_uid=f"vocab-{model}")
            post_delete.connect(forget_vocabulary, sender=model, dispatch_uid=f"vocab-{model}-d")
