"""Moving data linked to the one host model of 0.1.0 onto ``Content`` rows (migrations only).

Used by the data migrations of both apps with their historical models: each row's ``post_id``
becomes a ``content`` pointing at the (created once) ``Content`` row of that post.
"""

from __future__ import annotations

from .app_settings import app_settings


def legacy_kind() -> str:
    """The registry's slug for the legacy model (``"post"`` when it is not registered)."""
    label = (app_settings.LEGACY_MODEL or "").lower()
    for kind, entry in app_settings.CONTENT_TYPES.items():
        if entry.get("model", "").lower() == label:
            return kind
    return "post"


def link_to_content(apps, app_label: str, model_name: str) -> None:
    """Point every row of ``app_label.model_name`` at the ``Content`` row of its post."""
    model = apps.get_model(app_label, model_name)
    post_ids = set(model._default_manager.values_list("post_id", flat=True).distinct())
    if not post_ids:
        return
    content_model = apps.get_model("ai_disclosure", "Content")
    content_type_model = apps.get_model("contenttypes", "ContentType")
    legacy_app, legacy_model = app_settings.LEGACY_MODEL.lower().split(".")
    content_type, _created = content_type_model.objects.get_or_create(
        app_label=legacy_app, model=legacy_model
    )
    known = dict(
        content_model.objects.filter(content_type=content_type, object_id__in=post_ids)
        .values_list("object_id", "pk")
    )
    kind = legacy_kind()
    content_model.objects.bulk_create(
        [content_model(kind=kind, content_type=content_type, object_id=post_id)
         for post_id in sorted(post_ids - set(known))]
    )
    known = dict(
        content_model.objects.filter(content_type=content_type, object_id__in=post_ids)
        .values_list("object_id", "pk")
    )
    for post_id, content_id in known.items():
        model._default_manager.filter(post_id=post_id).update(content_id=content_id)
