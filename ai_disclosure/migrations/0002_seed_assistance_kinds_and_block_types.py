"""Seed the assistance kinds and AI block types of DESIGN §3–4; admins edit them afterwards."""

from django.db import migrations

KINDS = [
    # slug, label, description, requires verification
    ("drafting", "Drafting", "AI wrote prose that appears in the post", True),
    ("editing", "Editing", "Grammar, style, rephrasing of your own text", False),
    ("translation", "Translation", "AI translated text you wrote in another language", False),
    ("research", "Research", "Finding sources, facts or literature", True),
    ("analysis", "Analysis", "Code, data, maths or experiments", True),
    ("ideation", "Ideation", "Brainstorming, outlines or feedback", False),
]

BLOCK_TYPES = [
    # slug, label, implied assistance kind
    ("ai-written", "AI-written", "drafting"),
    ("ai-edited", "AI-edited", "editing"),
    ("ai-translated", "AI-translated", "translation"),
    ("ai-transcript", "AI transcript", None),
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
