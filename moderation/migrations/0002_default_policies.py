"""Load the default policies (DESIGN §5). Admins edit, disable or backtest them afterwards."""

from django.db import migrations

POLICIES = [
    # name, expression, action, priority, reason
    (
        "Chat-assistant leftovers",
        "scores.chat_artifacts >= thresholds.chat_artifacts",
        "flag",
        90,
        "The author's own text contains leftovers of a chat assistant (greeting, sign-off, "
        "placeholder, tracking link or citation marker) outside any AI block.",
    ),
    (
        "Strong AI style on a human-only post",
        "disclosure.human_only && scores.combined >= thresholds.combined",
        "flag",
        70,
        "Ticked 100% human-written, but the text reads strongly like a chat assistant's.",
    ),
    (
        "Estimate far below measured AI share",
        "disclosure.present && !disclosure.human_only"
        " && content.drafted_share > disclosure.ai_share_estimate_max + 0.25",
        "flag",
        60,
        "The AI blocks hold far more of the text than the author's estimate says.",
    ),
    (
        "AI research not expert-reviewed, new author",
        '"research" in disclosure.assistance && disclosure.expertise == "none"'
        " && author.approved_posts < 3",
        "flag",
        50,
        "A new author publishes research an AI did, and nobody with expertise checked it.",
    ),
    (
        "Mostly AI-written, new author",
        '(content.drafted_share >= 0.5 || disclosure.ai_share_estimate in ["60-90", "gt90"])'
        " && author.approved_posts < 3",
        "flag",
        40,
        "Most of this post was written by AI, and its author has few approved posts.",
    ),
    (
        "No disclosure",
        "!disclosure.present",
        "flag",
        30,
        "The post was published without an AI disclosure.",
    ),
    (
        "Disclosure changed after publishing",
        "disclosure.changed_after_publish",
        "label",
        10,
        "The author changed the disclosure after the post was published.",
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
