"""The human-only tick remembers the text it was given for (a content hash of the body)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("ai_disclosure", "0002_seed_assistance_kinds_and_block_types"),
    ]

    operations = [
        migrations.AddField(
            model_name="disclosure",
            name="human_only_hash",
            field=models.CharField(blank=True, editable=False, help_text="Content hash of the body when the author ticked “100% human-written”; an edit that changes the text asks the author again.", max_length=64, verbose_name="text the human-only tick was given for"),
        ),
        migrations.AddConstraint(
            model_name="disclosure",
            constraint=models.CheckConstraint(condition=models.Q(("human_only", True), ("human_only_hash", ""), _connector="OR"), name="ai_disclosure_tick_hash_only_with_tick"),
        ),
    ]
