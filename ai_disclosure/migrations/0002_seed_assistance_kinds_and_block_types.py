"""Seed the assistance kinds and AI block types of DESIGN §3–4; admins edit them afterwards.

Labels and descriptions are stored in English and marked for translation (``gettext_noop``): they are
shown translated while unchanged (``ai_disclosure.i18n``).
"""

from django.db import migrations
from django.utils.translation import gettext_noop

KINDS = [
    # slug, label, description, requires verification
    ("drafting", gettext_noop("Drafting"), gettext_noop("AI wrote prose that appears in the post"), True),
    ("editing", gettext_noop("Editing"), gettext_noop("Grammar, style, rephrasing of your own text"), False),
    ("translation", gettext_noop("Translation"), gettext_noop("AI translated text you wrote in another language"), False),
    ("research", gettext_noop("Research"), gettext_noop("Finding sources, facts or literature"), True),
    ("analysis", gettext_noop("Analysis"), gettext_noop("Code, data, maths or experiments"), True),
    ("ideation", gettext_noop("Ideation"), gettext_noop("Brainstorming, outlines or feedback"), False),
]

BLOCK_TYPES = [
    # slug, label, implied assistance kind
    ("ai-written", gettext_noop("AI-written"), "drafting"),
    ("ai-edited", gettext_noop("AI-edited"), "editing"),
    ("ai-translated", gettext_noop("AI-translated"), "translation"),
    ("ai-transcript", gettext_noop("AI transcript"), None),
]


def seed(apps, schema_editor):
    AssistanceKind = apps.get_model("ai_disclosure", "AssistanceKind")
    AIBlockType = apps.get_model("ai_disclosure", "AIBlockType")
    kinds = {}
    for position, (slug, label, description, requires_verification) in enumerate(KINDS):
        kinds[slug], _ = AssistanceKind.objects.get_or_create(
            slug=slug,
            defaults={
                "label": label,
                "description": description,
                "requires_verification": requires_verification,
                "position": position,
            },
        )
    for position, (slug, label, kind) in enumerate(BLOCK_TYPES):
        AIBlockType.objects.get_or_create(
            slug=slug,
            defaults={"label": label, "assistance_kind": kinds.get(kind), "position": position},
        )


class Migration(migrations.Migration):
    dependencies = [("ai_disclosure", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
