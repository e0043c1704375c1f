"""Content types: the ``Content`` hub row per host object, and disclosures and renders moved
from the post they pointed at onto it (the post link itself is dropped in 0004).
"""

import django.db.models.deletion
from django.db import migrations, models

from ai_disclosure.legacy import link_to_content


def move_to_content(apps, schema_editor):
    for model_name in ("Disclosure", "PostRender"):
        link_to_content(apps, "ai_disclosure", model_name)


class Migration(migrations.Migration):

    dependencies = [
        ("ai_disclosure", "0004_expert_cosignatures"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.CreateModel(
            name="Content",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("kind", models.SlugField(help_text="The registry's slug for this type, e.g. post or comment.", max_length=40, verbose_name="content type")),
                ("object_id", models.PositiveBigIntegerField(verbose_name="object id")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                ("content_type", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+", to="contenttypes.contenttype", verbose_name="model")),
                ("parent", models.ForeignKey(blank=True, help_text="The registered object this one answers, e.g. a comment's post.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="children", to="ai_disclosure.content", verbose_name="parent")),
            ],
            options={
                "verbose_name": "content",
                "verbose_name_plural": "contents",
                "constraints": [models.UniqueConstraint(fields=("content_type", "object_id"), name="ai_disclosure_content_unique")],
                "indexes": [models.Index(fields=["kind", "object_id"], name="ai_disclosure_content_kind_idx")],
            },
        ),
        migrations.AddField(
            model_name="disclosure",
            name="content",
            field=models.OneToOneField(null=True, on_delete=django.db.models.deletion.CASCADE, related_name="disclosure", to="ai_disclosure.content", verbose_name="content"),
        ),
        migrations.AddField(
            model_name="postrender",
            name="content",
            field=models.OneToOneField(null=True, on_delete=django.db.models.deletion.CASCADE, related_name="render", to="ai_disclosure.content", verbose_name="content"),
        ),
        migrations.RunPython(move_to_content, migrations.RunPython.noop),
    ]
