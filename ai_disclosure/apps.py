"""App config: connects the system checks, the data-export section and the vocabulary cache."""

from django.apps import AppConfig
from django.core.exceptions import ImproperlyConfigured
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class AIDisclosureConfig(AppConfig):
    """The ``ai_disclosure`` app: disclosures, AI blocks and their rendering."""

    name = "ai_disclosure"
    verbose_name = _("AI disclosure")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        """Register the checks, this app's part of a user's data export, and cache invalidation."""
        # Imported here, as Django expects: the checks register on import, and the other
        # modules import models, which need a ready app registry.
        from . import checks  # noqa: F401, PLC0415  (registers the system checks)
        from .content_types import registry  # noqa: PLC0415
        from .data_rights import disclosure_section, register_export_section  # noqa: PLC0415
        from .models import AIBlockType, AssistanceKind  # noqa: PLC0415
        from .selectors import forget_vocabulary  # noqa: PLC0415
        from .services import forget_deleted_content  # noqa: PLC0415

        register_export_section(
            "ai_disclosure", disclosure_section,
            description=_("the AI disclosures of your posts with every revision, the disclosure "
                          "changes you made, the suggestions AI tools recorded on your posts, "
                          "and your reading preference"),
        )
        # The cached vocabulary is dropped whenever an admin edits it.
        for model in (AssistanceKind, AIBlockType):
            post_save.connect(forget_vocabulary, sender=model, dispatch_uid=f"vocab-{model}")
            post_delete.connect(forget_vocabulary, sender=model, dispatch_uid=f"vocab-{model}-d")
        # Deleting a host object deletes what the plugin stored about it, as a database
        # cascade did when the plugin pointed at one host model.
        try:
            registered = registry().values()
        except (LookupError, ImproperlyConfigured):
            registered = ()  # reported by the system checks
        for content_type in registered:
            post_delete.connect(
                forget_deleted_content, sender=content_type.model,
                dispatch_uid=f"ai-content-{content_type.kind}",
            )
