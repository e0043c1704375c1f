# AI tools record what they did to a post, for its author to accept or dismiss (issue 12).

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("ai_disclosure", "0004_expert_cosignatures"),
        migrations.swappable_dependency(settings.AI_DISCLOSURE_POST_MODEL),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='ToolSuggestion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('tool', models.CharField(blank=True, max_length=80, verbose_name='tool')),
                ('kind', models.CharField(max_length=40, verbose_name='kind of AI help')),
                ('model', models.CharField(max_length=80, verbose_name='model')),
                ('block_type', models.CharField(blank=True, max_length=40, verbose_name='AI block type')),
                ('passage', models.TextField(blank=True, verbose_name='passage')),
                ('status', models.CharField(choices=[('pending', 'Waiting for the author'), ('accepted', 'Accepted'), ('dismissed', 'Dismissed')], default='pending', max_length=10, verbose_name='status')),
                ('passage_wrapped', models.BooleanField(default=False, verbose_name='passage marked as an AI block')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='recorded')),
                ('decided_at', models.DateTimeField(blank=True, null=True, verbose_name='decided')),
                ('post', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='ai_tool_suggestions', to=settings.AI_DISCLOSURE_POST_MODEL, verbose_name='post')),
                ('recorded_by', models.ForeignKey(help_text='The account the tool acted for.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='recorded by')),
                ('revision', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='ai_disclosure.disclosurerevision', verbose_name='disclosure revision written on acceptance')),
            ],
            options={
                'verbose_name': 'AI tool suggestion',
                'verbose_name_plural': 'AI tool suggestions',
                'ordering': ['post', 'created_at', 'pk'],
                'constraints': [models.CheckConstraint(condition=models.Q(('status__in', ['pending', 'accepted', 'dismissed'])), name='ai_disclosure_suggestion_status_valid'), models.CheckConstraint(condition=models.Q(models.Q(('decided_at__isnull', True), ('status', 'pending')), models.Q(models.Q(('status', 'pending'), _negated=True), ('decided_at__isnull', False)), _connector='OR'), name='ai_disclosure_suggestion_decided_once'), models.CheckConstraint(condition=models.Q(('passage', ''), models.Q(('block_type', ''), _negated=True), _connector='OR'), name='ai_disclosure_suggestion_passage_has_block_type')],
            },
        ),
    ]
