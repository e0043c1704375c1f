"""Content types: screenings and review items move from the post they pointed at onto its
``ai_disclosure.Content`` row (the post link itself is dropped in 0007), and every item gets
the queue facet of its content type.
"""

import django.db.models.deletion
from django.db import migrations, models

from ai_disclosure.legacy import legacy_kind, link_to_content


def move_to_content(apps, schema_editor):
    for model_name in ("Screening", "ReviewItem"):
        link_to_content(apps, "moderation", model_name)
    # The type facet, as ``QueueFacet.objects.write`` names it (historical models have no
    # custom manager, so the rows are written here with the same name and copies).
    facet = apps.get_model("moderation", "QueueFacet")
    item_model = apps.get_model("moderation", "ReviewItem")
    facet.objects.bulk_create(
        facet(item_id=item.pk, name=f"type:{legacy_kind()}", status=item.status,
              priority=item.priority, created_at=item.created_at)
        for item in item_model.objects.only("pk", "status", "priority", "created_at")
    )


class Migration(migrations.Migration):

    dependencies = [
        ("ai_disclosure", "0005_content_hub"),
        ("moderation", "0009_author_email_language"),
    ]

    operations = [
        migrations.AddField(
            model_name="screening",
            name="content",
            field=models.OneToOneField(null=True, on_delete=django.db.models.deletion.CASCADE, related_name="screening", to="ai_disclosure.content", verbose_name="content"),
        ),
        migrations.AddField(
            model_name="reviewitem",
            name="content",
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name="review_items", to="ai_disclosure.content", verbose_name="content"),
        ),
        migrations.RunPython(move_to_content, migrations.RunPython.noop),
    ]
