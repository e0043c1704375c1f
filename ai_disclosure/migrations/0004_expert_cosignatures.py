"""Expert co-signing: the forum user an author names as reviewer, and their answer."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("ai_disclosure", "0003_human_only_tick_bound_to_text"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="CoSignature",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("status", models.CharField(choices=[("invited", "Invited"), ("confirmed", "Confirmed"), ("declined", "Declined")], default="invited", max_length=10, verbose_name="status")),
                ("content_hash", models.CharField(help_text="Content hash of the body the reviewer was asked about.", max_length=64, verbose_name="text reviewed")),
                ("note", models.TextField(blank=True, verbose_name="reviewer's note")),
                ("invited_at", models.DateTimeField(verbose_name="invited")),
                ("responded_at", models.DateTimeField(blank=True, null=True, verbose_name="answered")),
                ("disclosure", models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name="cosignature", to="ai_disclosure.disclosure", verbose_name="disclosure")),
                ("reviewer", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="ai_cosignatures", to=settings.AUTH_USER_MODEL, verbose_name="reviewer")),
            ],
            options={
                "verbose_name": "expert co-signature",
                "verbose_name_plural": "expert co-signatures",
                "indexes": [models.Index(fields=["reviewer", "status"], name="ai_cosign_reviewer_idx")],
            },
        ),
    ]
