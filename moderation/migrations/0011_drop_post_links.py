"""Content types: screenings and review items point at ``ai_disclosure.Content`` only, and
"one open review item per post" becomes "one open review item per content".
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("moderation", "0010_content_types"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="reviewitem", name="moderation_one_active_item_per_post"
        ),
        migrations.RemoveField(model_name="screening", name="post"),
        migrations.RemoveField(model_name="reviewitem", name="post"),
        migrations.AlterField(
            model_name="screening",
            name="content",
            field=models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name="screening", to="ai_disclosure.content", verbose_name="content"),
        ),
        migrations.AlterField(
            model_name="reviewitem",
            name="content",
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="review_items", to="ai_disclosure.content", verbose_name="content"),
        ),
        migrations.AddConstraint(
            model_name="reviewitem",
            constraint=models.UniqueConstraint(condition=models.Q(("status__in", ("open", "claimed", "info_requested"))), fields=("content",), name="moderation_one_active_item_per_content"),
        ),
    ]
