"""``Disclosure.autonomous``: an AI agent wrote and posted the post (form version 2).

The human-only tick now also excludes it, in the database as in the rules.
"""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('ai_disclosure', '0002_seed_assistance_kinds_and_block_types'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='disclosure',
            name='ai_disclosure_human_only_has_no_details',
        ),
        migrations.AddField(
            model_name='disclosure',
            name='autonomous',
            field=models.BooleanField(default=False, help_text='An AI agent wrote and posted it; no person reviewed it before publishing.', verbose_name='posted by an AI agent'),
        ),
        migrations.AlterField(
            model_name='disclosure',
            name='form_version',
            field=models.PositiveSmallIntegerField(default=2, verbose_name='form version'),
        ),
        migrations.AddConstraint(
            model_name='disclosure',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('human_only', True), _negated=True), models.Q(('autonomous', False), ('ai_share_estimate', ''), ('description', ''), ('verification', ''), ('expertise', '')), _connector='OR'), name='ai_disclosure_human_only_has_no_details'),
        ),
    ]
