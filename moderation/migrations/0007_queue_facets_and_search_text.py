"""Queue filters as index range scans: ``QueueFacet`` (policies and assistance kinds with a copy
of the item's status and queue order), the author's name and a search text on review items, and
an index for appeals. Migration 0008 fills them for existing items."""

import django.db.models.deletion
import django.db.models.functions.text
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('moderation', '0006_queue_order_index_all_statuses'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='QueueFacet',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=64, verbose_name='facet')),
                ('status', models.CharField(choices=[('open', 'Open'), ('claimed', 'Claimed'), ('approved', 'Approved'), ('delisted', 'Delisted'), ('rejected', 'Rejected'), ('info_requested', 'Information requested')], max_length=16, verbose_name='status')),
                ('priority', models.PositiveSmallIntegerField(verbose_name='priority')),
                ('created_at', models.DateTimeField(verbose_name='created')),
            ],
            options={
                'verbose_name': 'queue facet',
                'verbose_name_plural': 'queue facets',
            },
        ),
        migrations.AddField(
            model_name='reviewitem',
            name='author_name',
            field=models.CharField(blank=True, help_text='Copied from the author when the post is screened, for searching the queue.', max_length=150, verbose_name="author's name"),
        ),
        migrations.AddIndex(
            model_name='reviewitem',
            index=models.Index(condition=models.Q(('appealed_at__isnull', False)), fields=['-priority', 'created_at', 'id'], name='moderation_appealed_queue_idx'),
        ),
        migrations.AddField(
            model_name='queuefacet',
            name='item',
            field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='facets', to='moderation.reviewitem', verbose_name='review item'),
        ),
        migrations.AddField(
            model_name='reviewitem',
            name='search_text',
            field=models.GeneratedField(db_persist=True, expression=django.db.models.functions.text.Lower(django.db.models.functions.text.Concat('post_title', models.Value(' '), 'author_name')), output_field=models.TextField(), verbose_name='search text'),
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
    ]
