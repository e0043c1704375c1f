# The schema of 0.1.0, squashed from the development migrations (unreleased).

import django.core.validators
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

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
            name='AssistanceKind',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('slug', models.SlugField(max_length=40, unique=True, verbose_name='slug')),
                ('label', models.CharField(max_length=80, verbose_name='label')),
                ('description', models.CharField(blank=True, max_length=200, verbose_name='description')),
                ('requires_verification', models.BooleanField(default=False, help_text="Authors who pick this kind must say how they checked the AI's output.", verbose_name='requires verification')),
                ('position', models.PositiveSmallIntegerField(default=0, verbose_name='position')),
                ('active', models.BooleanField(default=True, verbose_name='active')),
            ],
            options={
                'verbose_name': 'assistance kind',
                'verbose_name_plural': 'assistance kinds',
                'ordering': ['position', 'slug'],
            },
        ),
        migrations.CreateModel(
            name='FormWording',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('human_only_label', models.CharField(blank=True, help_text='Default: “This post is unambiguously 100% human-written”.', max_length=200, verbose_name='human-only tick label')),
                ('intro', models.TextField(blank=True, verbose_name='introduction')),
                ('description_help', models.TextField(blank=True, verbose_name='help for “what the AI did”')),
                ('verification_help', models.TextField(blank=True, verbose_name='help for “how you checked it”')),
            ],
            options={
                'verbose_name': 'form wording',
                'verbose_name_plural': 'form wording',
            },
        ),
        migrations.CreateModel(
            name='AIBlockType',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('slug', models.CharField(help_text='Written after ::: in the post, e.g. ai-written.', max_length=40, unique=True, validators=[django.core.validators.RegexValidator('^[a-z][a-z0-9-]*$', 'Use lowercase letters, digits and hyphens, starting with a letter.')], verbose_name='slug')),
                ('label', models.CharField(max_length=80, verbose_name='label')),
                ('position', models.PositiveSmallIntegerField(default=0, verbose_name='position')),
                ('active', models.BooleanField(default=True, verbose_name='active')),
                ('assistance_kind', models.ForeignKey(blank=True, help_text='Suggested on the form when a post contains this block.', null=True, on_delete=django.db.models.deletion.SET_NULL, to='ai_disclosure.assistancekind', verbose_name='implied assistance kind')),
            ],
            options={
                'verbose_name': 'AI block type',
                'verbose_name_plural': 'AI block types',
                'ordering': ['position', 'slug'],
            },
        ),
        migrations.CreateModel(
            name='Disclosure',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('human_only', models.BooleanField(default=False, verbose_name='100% human-written')),
                ('autonomous', models.BooleanField(default=False, help_text='An AI agent wrote and posted it; no person reviewed it before publishing.', verbose_name='posted by an AI agent')),
                ('models_used', models.JSONField(blank=True, default=list, verbose_name='models used')),
                ('ai_share_estimate', models.CharField(blank=True, choices=[('none', 'None of the text'), ('lt10', 'Less than 10%'), ('10-30', '10–30%'), ('30-60', '30–60%'), ('60-90', '60–90%'), ('gt90', 'More than 90%')], max_length=8, verbose_name='share of the text written by AI')),
                ('description', models.TextField(blank=True, verbose_name='what the AI did')),
                ('verification', models.TextField(blank=True, verbose_name='how the output was checked')),
                ('expertise', models.CharField(blank=True, choices=[('author', 'Reviewed by me, with relevant expertise'), ('other', 'Reviewed by another person with relevant expertise'), ('none', 'Not reviewed by someone with relevant expertise')], max_length=8, verbose_name='expert review')),
                ('form_version', models.PositiveSmallIntegerField(default=2, verbose_name='form version')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                ('assistance', models.ManyToManyField(blank=True, related_name='+', to='ai_disclosure.assistancekind', verbose_name='kinds of AI help')),
                ('post', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='ai_disclosure', to=LEGACY_MODEL, verbose_name='post')),
            ],
            options={
                'verbose_name': 'disclosure',
                'verbose_name_plural': 'disclosures',
            },
        ),
        migrations.CreateModel(
            name='DisclosureRevision',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('number', models.PositiveIntegerField(verbose_name='number')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                ('form_version', models.PositiveSmallIntegerField(verbose_name='form version')),
                ('data', models.JSONField(help_text='The disclosure as saved.', verbose_name='disclosure')),
                ('changes', models.JSONField(default=dict, help_text='Field name → [before, after].', verbose_name='changes')),
                ('changed_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='changed by')),
                ('disclosure', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='revisions', to='ai_disclosure.disclosure', verbose_name='disclosure')),
            ],
            options={
                'verbose_name': 'disclosure revision',
                'verbose_name_plural': 'disclosure revisions',
                'ordering': ['disclosure', 'number'],
            },
        ),
        migrations.CreateModel(
            name='PostRender',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('content_hash', models.CharField(max_length=64, verbose_name='content hash')),
                ('renderer_version', models.PositiveSmallIntegerField(verbose_name='renderer version')),
                ('html', models.TextField(verbose_name='HTML')),
                ('blocks', models.JSONField(default=list, verbose_name='AI blocks')),
                ('warnings', models.JSONField(default=list, verbose_name='warnings')),
                ('ai_share', models.FloatField(verbose_name='measured AI share')),
                ('text_length', models.PositiveIntegerField(verbose_name='text length')),
                ('rendered_at', models.DateTimeField(auto_now=True, verbose_name='rendered')),
                ('post', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='ai_render', to=LEGACY_MODEL, verbose_name='post')),
            ],
            options={
                'verbose_name': 'post render',
                'verbose_name_plural': 'post renders',
            },
        ),
        migrations.CreateModel(
            name='ReaderPreference',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('collapse_mostly_ai', models.BooleanField(default=False, verbose_name='collapse mostly AI-written posts in listings')),
                ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='ai_reader_preference', to=settings.AUTH_USER_MODEL, verbose_name='user')),
            ],
            options={
                'verbose_name': 'reader preference',
                'verbose_name_plural': 'reader preferences',
            },
        ),
        migrations.AddConstraint(
            model_name='disclosure',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('human_only', True), _negated=True), models.Q(('autonomous', False), ('ai_share_estimate', ''), ('description', ''), ('verification', ''), ('expertise', '')), _connector='OR'), name='ai_disclosure_human_only_has_no_details'),
        ),
        migrations.AddConstraint(
            model_name='disclosurerevision',
            constraint=models.UniqueConstraint(fields=('disclosure', 'number'), name='ai_disclosure_revision_number_unique'),
        ),
        migrations.AddConstraint(
            model_name='postrender',
            constraint=models.CheckConstraint(condition=models.Q(('ai_share__gte', 0), ('ai_share__lte', 1)), name='ai_disclosure_render_ai_share_range'),
        ),
    ]
