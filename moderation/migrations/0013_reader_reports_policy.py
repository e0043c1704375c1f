"""Load the default policy on readers' reports: flag a post once its open reports weigh 0.6.

A report weighs its reporter's accuracy, ``(upheld + 1) / (decided + 2)``: 0.5 for a reader
without history. So one new reader alone never flags a post, two do (1.0), and so does one
reader whose reports were upheld more often than not (e.g. one of one: 0.67), while two
readers whose two reports each were both rejected (0.25 + 0.25) do not.

The name and reason are stored in English and marked for translation, like the other default
policies'.
"""

from django.db import migrations
from django.utils.translation import gettext_noop

NAME = gettext_noop("Reported by readers")
EXPRESSION = "reports.weighted >= 0.6"
REASON = gettext_noop(
    "Readers reported this post as using AI it does not disclose, and their reports weigh "
    "enough (each reporter counts by how often their past reports were upheld)."
)


def load(apps, schema_editor):
    Policy = apps.get_model("moderation", "Policy")
    PolicyVersion = apps.get_model("moderation", "PolicyVersion")
    policy, created = Policy.objects.get_or_create(
        name=NAME,
        defaults={"expression": EXPRESSION, "action": "flag", "priority": 55, "reason": REASON,
                  "enabled": True},
    )
    if created:
        PolicyVersion.objects.create(
            policy=policy, version=1, expression=EXPRESSION, action="flag", priority=55,
            reason=REASON, enabled=True,
        )


class Migration(migrations.Migration):
    dependencies = [("moderation", "0012_reader_reports")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
