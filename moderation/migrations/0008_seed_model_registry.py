"""Seed the model registry with well-known models: names, vendors and public release dates.

Tiers are a starting point for policies (``"frontier" in disclosure.model_tiers``); admins
add models as they appear, and re-tier them as the field moves on. Only rows that are not
there yet are added, so an admin's edits survive.
"""

import datetime

from django.db import migrations

MODELS = [
    # name, vendor, release date, tiers, aliases
    ("GPT-4", "OpenAI", (2023, 3, 14), ["frontier"], []),
    ("GPT-4o", "OpenAI", (2024, 5, 13), ["frontier"], ["GPT-4 omni"]),
    ("GPT-4o mini", "OpenAI", (2024, 7, 18), ["small"], []),
    ("GPT-5", "OpenAI", (2025, 8, 7), ["frontier"], []),
    ("gpt-oss-120b", "OpenAI", (2025, 8, 5), ["open-weights"], ["gpt-oss"]),
    ("Claude 3 Opus", "Anthropic", (2024, 3, 4), ["frontier"], ["claude-3-opus-20240229"]),
    ("Claude 3.5 Sonnet", "Anthropic", (2024, 6, 20), ["frontier"],
     ["claude-3-5-sonnet-20240620"]),
    ("Claude Opus 4", "Anthropic", (2025, 5, 22), ["frontier"], ["Claude 4 Opus"]),
    ("Claude Sonnet 4", "Anthropic", (2025, 5, 22), ["frontier"], ["Claude 4 Sonnet"]),
    ("Gemini 1.5 Pro", "Google", (2024, 2, 15), ["frontier"], []),
    ("Gemini 2.5 Pro", "Google", (2025, 3, 25), ["frontier"], []),
    ("Gemma 2", "Google", (2024, 6, 27), ["open-weights", "small"], []),
    ("Llama 3 8B", "Meta", (2024, 4, 18), ["open-weights", "small"], ["Llama-3-8B"]),
    ("Llama 3.1 405B", "Meta", (2024, 7, 23), ["frontier", "open-weights"], []),
    ("Mistral 7B", "Mistral AI", (2023, 9, 27), ["open-weights", "small"], []),
    ("Phi-3-mini", "Microsoft", (2024, 4, 23), ["open-weights", "small"], ["Phi-3 mini"]),
    ("DeepSeek-R1", "DeepSeek", (2025, 1, 20), ["frontier", "open-weights"],
     ["deepseek-reasoner"]),
]


def seed(apps, schema_editor):
    AIModel = apps.get_model("moderation", "AIModel")
    for name, vendor, released, tiers, aliases in MODELS:
        AIModel.objects.get_or_create(name=name, defaults={
            "vendor": vendor, "release_date": datetime.date(*released), "tiers": tiers,
            "aliases": aliases})


class Migration(migrations.Migration):
    dependencies = [("moderation", "0007_model_registry")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
