"""Content types: disclosures and renders point at ``Content`` only; the post link is gone
and ``PostRender`` is now ``ContentRender``.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("ai_disclosure", "0005_content_hub"),
    ]

    operations = [
        migrations.RemoveField(model_name="disclosure", name="post"),
        migrations.RemoveField(model_name="postrender", name="post"),
        migrations.AlterField(
            model_name="disclosure",
            name="content",
            field=models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name="disclosure", to="ai_disclosure.content", verbose_name="content"),
        ),
        migrations.AlterField(
            model_name="postrender",
            name="content",
            field=models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name="render", to="ai_disclosure.content", verbose_name="content"),
        ),
        migrations.RenameModel(old_name="PostRender", new_name="ContentRender"),
        migrations.AlterModelOptions(
            name="contentrender",
            options={"verbose_name": "content render", "verbose_name_plural": "content renders"},
        ),
    ]
