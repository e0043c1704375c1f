# The schema of 0.1.0, squashed from the development migrations (unreleased).

import uuid

import django.core.validators
import django.db.models.deletion
import django.db.models.functions.text
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import moderation.models.webhooks
from ai_disclosure.app_settings import app_settings as disclosure_settings

#: The host model 0.1.0 linked to; since the content-type registry, later migrations move
#: these links to ``ai_disclosure.Content`` and drop them. A host that only sets
#: ``AI_DISCLOSURE_CONTENT_TYPES`` gets its first registered model here.
LEGACY_MODEL = disclosure_settings.LEGACY_MODEL


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        migrations.swappable_dependency(LEGACY_MODEL),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='ReasonTemplate',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('title', models.CharField(max_length=120, verbose_name='title')),
                ('decision', models.CharField(blank=True, choices=[('approve', 'Approve'), ('delist', 'Delist'), ('reject', 'Reject'), ('request_info', 'Request information')], help_text='Offered with this decision only; blank offers it with every decision.', max_length=16, verbose_name='for decision')),
                ('message', models.TextField(help_text='Shown to the author with the decision. Never include scores.', verbose_name='message to the author')),
                ('position', models.PositiveSmallIntegerField(default=0, verbose_name='position')),
                ('active', models.BooleanField(default=True, verbose_name='active')),
            ],
            options={
                'verbose_name': 'reason template',
                'verbose_name_plural': 'reason templates',
                'ordering': ['position', 'title'],
            },
        ),
        migrations.CreateModel(
            name='WebhookDelivery',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('event_id', models.UUIDField(default=uuid.uuid4, editable=False, help_text='Sent with the event; the same on every attempt, so receivers can ignore repeats.', verbose_name='event id')),
                ('event', models.CharField(choices=[('item.flagged', 'Item flagged'), ('item.claimed', 'Item claimed'), ('item.decided', 'Item decided'), ('item.reopened', 'Item reopened'), ('item.appealed', 'Item appealed'), ('disclosure.changed', 'Disclosure changed')], max_length=32, verbose_name='event')),
                ('payload', models.JSONField(verbose_name='payload')),
                ('state', models.CharField(choices=[('pending', 'Pending'), ('delivered', 'Delivered'), ('failed', 'Failed')], default='pending', max_length=16, verbose_name='state')),
                ('attempts', models.PositiveSmallIntegerField(default=0, help_text='Attempts since it was queued or replayed.', verbose_name='attempts')),
                ('next_attempt_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='next attempt')),
                ('delivered_at', models.DateTimeField(blank=True, null=True, verbose_name='delivered')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, editable=False, verbose_name='created')),
            ],
            options={
                'verbose_name': 'webhook delivery',
                'verbose_name_plural': 'webhook deliveries',
                'ordering': ['-created_at', '-id'],
            },
        ),
        migrations.CreateModel(
            name='WebhookEndpoint',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=100, verbose_name='name')),
                ('url', models.URLField(max_length=500, verbose_name='URL')),
                ('secret', models.CharField(default=moderation.models.webhooks.new_secret, help_text="Shared with the receiver, which checks each request's signature with it.", max_length=200, verbose_name='secret')),
                ('events', models.JSONField(default=moderation.models.webhooks.all_events, help_text='The event types sent to this endpoint.', verbose_name='events')),
                ('active', models.BooleanField(default=True, verbose_name='active')),
                ('consecutive_failures', models.PositiveIntegerField(default=0, help_text='Deliveries that failed all their attempts since the last success.', verbose_name='failed deliveries in a row')),
                ('disabled_reason', models.TextField(blank=True, help_text='Set when the endpoint was disabled automatically; cleared on re-enabling.', verbose_name='why it was disabled')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, editable=False, verbose_name='created')),
            ],
            options={
                'verbose_name': 'webhook endpoint',
                'verbose_name_plural': 'webhook endpoints',
                'ordering': ['name', 'id'],
            },
        ),
        migrations.CreateModel(
            name='AuthorEmailPreferences',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('request', models.BooleanField(default=True, help_text='A moderator asks how AI was used in one of your posts.', verbose_name='requests for information')),
                ('decision', models.BooleanField(default=True, help_text='A moderator approved, delisted or removed one of your posts.', verbose_name='decisions on my posts')),
                ('appeal', models.BooleanField(default=True, help_text='Another moderator decided a post whose decision you appealed.', verbose_name='outcomes of my appeals')),
                ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='ai_moderation_email_preferences', to=settings.AUTH_USER_MODEL, verbose_name='author')),
            ],
            options={
                'verbose_name': 'author email preferences',
                'verbose_name_plural': 'author email preferences',
            },
        ),
        migrations.CreateModel(
            name='Escalation',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('active', models.BooleanField(default=True, verbose_name='active')),
                ('delists', models.PositiveIntegerField(verbose_name='delisted posts when escalated')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, editable=False, verbose_name='escalated')),
                ('author', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='ai_escalation', to=settings.AUTH_USER_MODEL, verbose_name='author')),
            ],
            options={
                'verbose_name': 'escalated author',
                'verbose_name_plural': 'escalated authors',
            },
        ),
        migrations.CreateModel(
            name='Policy',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=120, unique=True, verbose_name='name')),
                ('expression', models.TextField(help_text='A CEL expression over disclosure.*, content.*, author.*, scores.*, post.*; see the documentation of the policy context.', verbose_name='expression')),
                ('action', models.CharField(choices=[('flag', 'Flag for review'), ('hold', 'Hold: hidden until approved'), ('label', 'Label only (no review item)')], default='flag', max_length=8, verbose_name='action')),
                ('priority', models.PositiveSmallIntegerField(default=50, help_text='0–100; the queue shows higher priorities first.', validators=[django.core.validators.MaxValueValidator(100)], verbose_name='priority')),
                ('reason', models.CharField(max_length=300, verbose_name='reason shown to moderators')),
                ('enabled', models.BooleanField(default=False, verbose_name='enabled')),
                ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
            ],
            options={
                'verbose_name': 'policy',
                'verbose_name_plural': 'policies',
                'ordering': ['-priority', 'name'],
                'constraints': [models.CheckConstraint(condition=models.Q(('priority__lte', 100)), name='moderation_policy_priority_range')],
            },
        ),
        migrations.CreateModel(
            name='ReviewItem',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('post_title', models.CharField(blank=True, help_text='Copied from the post when it is screened, for searching the queue.', max_length=300, verbose_name='post title')),
                ('author_name', models.CharField(blank=True, help_text='Copied from the author when the post is screened, for searching the queue.', max_length=150, verbose_name="author's name")),
                ('search_text', models.GeneratedField(db_persist=True, expression=django.db.models.functions.text.Lower(django.db.models.functions.text.Concat('post_title', models.Value(' '), 'author_name')), output_field=models.TextField(), verbose_name='search text')),
                ('author_approved_posts', models.PositiveIntegerField(default=0, verbose_name="author's approved posts when flagged")),
                ('content_hash', models.CharField(blank=True, help_text="Hash of the post's body as last screened for this item.", max_length=64, verbose_name='content hash')),
                ('disclosure_revision', models.PositiveIntegerField(default=0, help_text="Revisions of the post's disclosure when it was last screened for this item.", verbose_name='disclosure revision')),
                ('status', models.CharField(choices=[('open', 'Open'), ('claimed', 'Claimed'), ('approved', 'Approved'), ('delisted', 'Delisted'), ('rejected', 'Rejected'), ('info_requested', 'Information requested')], default='open', max_length=16, verbose_name='status')),
                ('priority', models.PositiveSmallIntegerField(default=0, verbose_name='priority')),
                ('top_score', models.FloatField(default=0.0, verbose_name='top score')),
                ('held', models.BooleanField(default=False, verbose_name='held')),
                ('reasons', models.JSONField(default=list, help_text='Policies that fired: name, version, action, priority, reason.', verbose_name='reasons')),
                ('evidence', models.JSONField(default=dict, verbose_name='evidence')),
                ('classifier_versions', models.JSONField(default=dict, verbose_name='classifier versions')),
                ('claimed_at', models.DateTimeField(blank=True, null=True, verbose_name='claimed')),
                ('resolved_at', models.DateTimeField(blank=True, null=True, verbose_name='decided')),
                ('decision_note', models.TextField(blank=True, help_text='For moderators only; never shown to the author.', verbose_name='internal note')),
                ('author_message', models.TextField(blank=True, help_text='What the author sees with the decision or the request for information.', verbose_name='message to the author')),
                ('appeal_message', models.TextField(blank=True, verbose_name='appeal')),
                ('appealed_at', models.DateTimeField(blank=True, null=True, verbose_name='appealed')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, editable=False, verbose_name='created')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                ('author', models.ForeignKey(blank=True, help_text="The post's author, copied so the queue can filter and search by author.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='author')),
                ('claimed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='claimed by')),
                ('excluded_moderator', models.ForeignKey(blank=True, help_text='After an appeal, the moderator who made the first decision may not decide again.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='excluded moderator')),
                ('policies', models.ManyToManyField(blank=True, related_name='review_items', to='moderation.policy', verbose_name='policies that fired')),
                ('post', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='ai_review_items', to=LEGACY_MODEL)),
                ('resolved_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='decided by')),
            ],
            options={
                'verbose_name': 'review item',
                'verbose_name_plural': 'review items',
                'ordering': ['-priority', 'created_at', 'id'],
                'permissions': [('moderate', 'Can triage the review queue')],
            },
        ),
        migrations.CreateModel(
            name='QueueFacet',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=64, verbose_name='facet')),
                ('status', models.CharField(choices=[('open', 'Open'), ('claimed', 'Claimed'), ('approved', 'Approved'), ('delisted', 'Delisted'), ('rejected', 'Rejected'), ('info_requested', 'Information requested')], max_length=16, verbose_name='status')),
                ('priority', models.PositiveSmallIntegerField(verbose_name='priority')),
                ('created_at', models.DateTimeField(verbose_name='created')),
                ('item', models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='facets', to='moderation.reviewitem', verbose_name='review item')),
            ],
            options={
                'verbose_name': 'queue facet',
                'verbose_name_plural': 'queue facets',
            },
        ),
        migrations.CreateModel(
            name='AuthorMessage',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('from_author', models.BooleanField(default=False, verbose_name='written by the author')),
                ('kind', models.CharField(choices=[('decision', 'Decision'), ('request', 'Request for information'), ('reply', 'Reply'), ('appeal', 'Appeal')], max_length=10, verbose_name='kind')),
                ('body', models.TextField(verbose_name='message')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, editable=False, verbose_name='sent')),
                ('emailed_at', models.DateTimeField(blank=True, editable=False, help_text='When the author was emailed this message; an email is sent once.', null=True, verbose_name='emailed')),
                ('author', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='ai_moderation_messages', to=settings.AUTH_USER_MODEL, verbose_name='post author')),
                ('item', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='messages', to='moderation.reviewitem', verbose_name='review item')),
            ],
            options={
                'verbose_name': 'message to or from an author',
                'verbose_name_plural': 'messages to and from authors',
                'ordering': ['created_at', 'id'],
            },
        ),
        migrations.CreateModel(
            name='AuditEntry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('action', models.CharField(choices=[('created', 'Flagged'), ('claimed', 'Claimed'), ('released', 'Released'), ('resolved', 'Decided'), ('undone', 'Decision undone'), ('reopened', 'Reopened'), ('author_replied', 'Author replied'), ('appealed', 'Appealed'), ('escalated', 'Author escalated')], max_length=16, verbose_name='action')),
                ('from_status', models.CharField(blank=True, choices=[('open', 'Open'), ('claimed', 'Claimed'), ('approved', 'Approved'), ('delisted', 'Delisted'), ('rejected', 'Rejected'), ('info_requested', 'Information requested')], max_length=16, verbose_name='from')),
                ('to_status', models.CharField(blank=True, choices=[('open', 'Open'), ('claimed', 'Claimed'), ('approved', 'Approved'), ('delisted', 'Delisted'), ('rejected', 'Rejected'), ('info_requested', 'Information requested')], max_length=16, verbose_name='to')),
                ('decision', models.CharField(blank=True, choices=[('approve', 'Approve'), ('delist', 'Delist'), ('reject', 'Reject'), ('request_info', 'Request information')], max_length=16, verbose_name='decision')),
                ('note', models.TextField(blank=True, verbose_name='note')),
                ('data', models.JSONField(blank=True, default=dict, verbose_name='details')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, editable=False, verbose_name='when')),
                ('actor', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='actor')),
                ('item', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='audit_entries', to='moderation.reviewitem', verbose_name='review item')),
            ],
            options={
                'verbose_name': 'audit entry',
                'verbose_name_plural': 'audit log',
                'ordering': ['item', 'created_at', 'id'],
            },
        ),
        migrations.CreateModel(
            name='Screening',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key', models.CharField(max_length=64, verbose_name='idempotency key')),
                ('content_hash', models.CharField(max_length=64, verbose_name='content hash')),
                ('scores', models.JSONField(default=dict, verbose_name='scores')),
                ('evidence', models.JSONField(default=dict, verbose_name='evidence')),
                ('context', models.JSONField(default=dict, verbose_name='policy context')),
                ('classifier_versions', models.JSONField(default=dict, verbose_name='classifier versions')),
                ('policy_versions', models.JSONField(default=dict, verbose_name='policy versions')),
                ('matched', models.JSONField(default=list, verbose_name='matched policies')),
                ('policy_errors', models.JSONField(blank=True, default=list, help_text="Policies that failed on this post instead of giving true or false: policy id, name, version and the engine's message.", verbose_name='policy errors')),
                ('screened_at', models.DateTimeField(auto_now=True, verbose_name='screened')),
                ('post', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='ai_screening', to=LEGACY_MODEL)),
            ],
            options={
                'verbose_name': 'screening',
                'verbose_name_plural': 'screenings',
            },
        ),
        migrations.CreateModel(
            name='WebhookAttempt',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('attempted_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='attempted')),
                ('status_code', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='HTTP status')),
                ('error', models.TextField(blank=True, verbose_name='error')),
                ('duration_ms', models.PositiveIntegerField(default=0, verbose_name='duration (ms)')),
                ('delivery', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='attempt_log', to='moderation.webhookdelivery', verbose_name='delivery')),
            ],
            options={
                'verbose_name': 'webhook attempt',
                'verbose_name_plural': 'webhook attempts',
                'ordering': ['attempted_at', 'id'],
            },
        ),
        migrations.AddField(
            model_name='webhookdelivery',
            name='endpoint',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='deliveries', to='moderation.webhookendpoint', verbose_name='endpoint'),
        ),
        migrations.CreateModel(
            name='PolicyVersion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(verbose_name='version')),
                ('expression', models.TextField(verbose_name='expression')),
                ('action', models.CharField(choices=[('flag', 'Flag for review'), ('hold', 'Hold: hidden until approved'), ('label', 'Label only (no review item)')], max_length=8, verbose_name='action')),
                ('priority', models.PositiveSmallIntegerField(verbose_name='priority')),
                ('reason', models.CharField(max_length=300, verbose_name='reason')),
                ('enabled', models.BooleanField(verbose_name='enabled')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                ('changed_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('policy', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='versions', to='moderation.policy')),
            ],
            options={
                'verbose_name': 'policy version',
                'verbose_name_plural': 'policy versions',
                'ordering': ['policy', '-version'],
                'constraints': [models.UniqueConstraint(fields=('policy', 'version'), name='moderation_policy_version_unique')],
            },
        ),
        migrations.AddIndex(
            model_name='reviewitem',
            index=models.Index(fields=['status', '-priority', 'created_at'], name='moderation_queue_idx'),
        ),
        migrations.AddIndex(
            model_name='reviewitem',
            index=models.Index(condition=models.Q(('status__in', ('open', 'claimed'))), fields=['-priority', 'created_at', 'id'], name='moderation_active_queue_idx'),
        ),
        migrations.AddIndex(
            model_name='reviewitem',
            index=models.Index(fields=['-priority', 'created_at', 'id'], name='moderation_all_order_idx'),
        ),
        migrations.AddIndex(
            model_name='reviewitem',
            index=models.Index(condition=models.Q(('appealed_at__isnull', False)), fields=['-priority', 'created_at', 'id'], name='moderation_appealed_queue_idx'),
        ),
        migrations.AddIndex(
            model_name='reviewitem',
            index=models.Index(fields=['top_score'], name='moderation_item_score_idx'),
        ),
        migrations.AddIndex(
            model_name='reviewitem',
            index=models.Index(fields=['author_approved_posts'], name='moderation_item_newauthor_idx'),
        ),
        migrations.AddIndex(
            model_name='reviewitem',
            index=models.Index(fields=['author', 'status'], name='moderation_item_author_idx'),
        ),
        migrations.AddIndex(
            model_name='reviewitem',
            index=models.Index(fields=['resolved_at'], name='moderation_item_resolved_idx'),
        ),
        migrations.AddIndex(
            model_name='reviewitem',
            index=models.Index(fields=['created_at'], name='moderation_item_created_idx'),
        ),
        migrations.AddConstraint(
            model_name='reviewitem',
            constraint=models.UniqueConstraint(condition=models.Q(('status__in', ('open', 'claimed', 'info_requested'))), fields=('post',), name='moderation_one_active_item_per_post'),
        ),
        migrations.AddConstraint(
            model_name='reviewitem',
            constraint=models.CheckConstraint(condition=models.Q(('top_score__gte', 0), ('top_score__lte', 1)), name='moderation_item_top_score_range'),
        ),
        migrations.AddConstraint(
            model_name='reviewitem',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('status', 'claimed'), _negated=True), models.Q(('claimed_by__isnull', False), ('claimed_at__isnull', False)), _connector='OR'), name='moderation_item_claim_has_holder'),
        ),
        migrations.AddIndex(
            model_name='queuefacet',
            index=models.Index(condition=models.Q(('status__in', ('open', 'claimed'))), fields=['name', '-priority', 'created_at', 'item'], name='moderation_facet_queue_idx'),
        ),
        migrations.AddIndex(
            model_name='queuefacet',
            index=models.Index(fields=['name', 'status', '-priority', 'created_at', 'item'], name='moderation_facet_status_idx'),
        ),
        migrations.AddIndex(
            model_name='queuefacet',
            index=models.Index(fields=['name', '-priority', 'created_at', 'item'], name='moderation_facet_all_idx'),
        ),
        migrations.AddConstraint(
            model_name='queuefacet',
            constraint=models.UniqueConstraint(fields=('item', 'name'), name='moderation_facet_unique'),
        ),
        migrations.AddIndex(
            model_name='authormessage',
            index=models.Index(fields=['author', '-created_at'], name='moderation_msg_author_idx'),
        ),
        migrations.AddIndex(
            model_name='auditentry',
            index=models.Index(fields=['item', 'created_at'], name='moderation_audit_item_idx'),
        ),
        migrations.AddIndex(
            model_name='auditentry',
            index=models.Index(fields=['action', 'created_at'], name='moderation_audit_action_idx'),
        ),
        migrations.AddIndex(
            model_name='auditentry',
            index=models.Index(fields=['-created_at', '-id'], name='moderation_audit_recent_idx'),
        ),
        migrations.AddIndex(
            model_name='auditentry',
            index=models.Index(fields=['actor', '-created_at', '-id'], name='moderation_audit_actor_idx'),
        ),
        migrations.AddIndex(
            model_name='screening',
            index=models.Index(fields=['-screened_at'], name='moderation_screened_idx'),
        ),
        migrations.AddIndex(
            model_name='webhookdelivery',
            index=models.Index(condition=models.Q(('state', 'pending')), fields=['next_attempt_at'], name='moderation_webhook_due_idx'),
        ),
    ]
