"""The model registry: AI models authors may name, maintained by admins."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('moderation', '0006_shadow_policies_and_target_precision'),
    ]

    operations = [
        migrations.CreateModel(
            name='AIModel',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=120, unique=True, verbose_name='name')),
                ('vendor', models.CharField(max_length=120, verbose_name='vendor')),
                ('release_date', models.DateField(help_text='When the model was first publicly available.', verbose_name='release date')),
                ('tiers', models.JSONField(blank=True, default=list, help_text='Any of: frontier, open-weights, small.', verbose_name='tiers')),
                ('aliases', models.JSONField(blank=True, default=list, help_text='Other names authors use for this model, e.g. an API identifier.', verbose_name='aliases')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
            ],
            options={
                'verbose_name': 'AI model',
                'verbose_name_plural': 'AI models',
                'ordering': ['-release_date', 'name'],
            },
        ),
    ]
