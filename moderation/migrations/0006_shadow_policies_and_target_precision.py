"""Policies get a mode (active or shadow) and an optional target precision; versions record the
mode, screenings the shadow policies that matched."""

import django.core.validators
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('moderation', '0005_search_trigram_index_on_postgresql'),
    ]

    operations = [
        migrations.AddField(
            model_name='policy',
            name='mode',
            field=models.CharField(choices=[('active', 'Active: matches are reviewed'), ('shadow', 'Shadow: matches are only recorded')], default='active', help_text="A shadow policy runs on every screening and records what it would have flagged, without creating or changing review items; the dashboard compares its matches with moderators' decisions.", max_length=8, verbose_name='mode'),
        ),
        migrations.AddField(
            model_name='policy',
            name='target_precision',
            field=models.FloatField(blank=True, help_text="Optional, 0–1: the dashboard warns when the share of the policy's most recent decided items that moderators upheld falls below it.", null=True, validators=[django.core.validators.MinValueValidator(0.0), django.core.validators.MaxValueValidator(1.0)], verbose_name='target precision'),
        ),
        migrations.AddField(
            model_name='policyversion',
            name='mode',
            field=models.CharField(choices=[('active', 'Active: matches are reviewed'), ('shadow', 'Shadow: matches are only recorded')], default='active', max_length=8, verbose_name='mode'),
        ),
        migrations.AddField(
            model_name='screening',
            name='shadow_matched',
            field=models.JSONField(blank=True, default=list, help_text='Shadow policies that matched this post (policy id, name, version): what they would have flagged. They open no review item.', verbose_name='shadow matches'),
        ),
        migrations.AddConstraint(
            model_name='policy',
            constraint=models.CheckConstraint(condition=models.Q(('target_precision__isnull', True), models.Q(('target_precision__gte', 0), ('target_precision__lte', 1)), _connector='OR'), name='moderation_policy_target_precision_range'),
        ),
    ]
