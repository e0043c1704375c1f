"""Load the default policies (DESIGN §5). Admins edit, disable or backtest them afterwards.

Names and reasons are stored in English and marked for translation: moderators read them in
their language while they are unchanged (``ai_disclosure.i18n``).
"""

from django.db import migrations
from django.utils.translation import gettext_noop

POLICIES = [
    # name, expression, action, priority, reason
    (
        gettext_noop("Chat-assistant leftovers"),
        "scores.chat_artifacts >= thresholds.chat_artifacts",
        "flag",
        90,
        gettext_noop(
            "The author's own text contains leftovers of a chat assistant (greeting, sign-off, "
            "placeholder, tracking link or citation marker) outside any AI block."),
    ),
    (
        gettext_noop("Strong AI style on a human-only post"),
        "disclosure.human_only && scores.combined >= thresholds.combined",
        "flag",
        70,
        # xgettext:no-python-format ("100%" is not a placeholder)
        gettext_noop("Ticked 100% human-written, but the text reads strongly like a chat "
                     "assistant's."),
    ),
    (
        gettext_noop("Estimate far below measured AI share"),
        "disclosure.present && !disclosure.human_only"
        " && content.drafted_share > disclosure.ai_share_estimate_max + 0.25",
        "flag",
        60,
        gettext_noop(
            "The AI blocks hold far more of the text than the author's estimate says."),
    ),
    (
        gettext_noop("AI research not expert-reviewed, new author"),
        '"research" in disclosure.assistance && disclosure.expertise == "none"'
        " && author.approved_posts < 3",
        "flag",
        50,
        gettext_noop(
            "A new author publishes research an AI did, and nobody with expertise checked it."),
    ),
    (
        gettext_noop("Mostly AI-written, new author"),
        '(content.drafted_share >= 0.5 || disclosure.ai_share_estimate in ["60-90", "gt90"])'
        " && author.approved_posts < 3",
        "flag",
        40,
        gettext_noop(
            "Most of this post was written by AI, and its author has few approved posts."),
    ),
    (
        gettext_noop("No disclosure"),
        "!disclosure.present",
        "flag",
        30,
        gettext_noop(
            "The post was published without an AI disclosure."),
    ),
    (
        gettext_noop("Disclosure changed after publishing"),
        "disclosure.changed_after_publish",
        "label",
        10,
        gettext_noop(
            "The author changed the disclosure after the post was published."),
    ),
]


def load(apps, schema_editor):
    Policy = apps.get_model("moderation", "Policy")
    PolicyVersion = apps.get_model("moderation", "PolicyVersion")
    for name, expression, action, priority, reason in POLICIES:
        policy, created = Policy.objects.get_or_create(
            name=name,
            defaults={"expression": expression, "action": action, "priority": priority,
                      "reason": reason, "enabled": True},
        )
        if created:
            PolicyVersion.objects.create(
                policy=policy, version=1, expression=expression, action=action,
                priority=priority, reason=reason, enabled=True,
            )


class Migration(migrations.Migration):
    dependencies = [("moderation", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
