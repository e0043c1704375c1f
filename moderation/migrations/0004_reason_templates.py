"""Seed a few reason templates moderators pick when deciding (admins edit them)."""

from django.db import migrations

TEMPLATES = [
    # title, decision, message
    ("Disclosure is accurate", "approve",
     "Thanks for disclosing how AI helped with this post. A moderator checked it; nothing to change."),
    ("Undisclosed AI text", "delist",
     "Parts of this post read as AI-written, but the disclosure says it is 100% human-written. "
     "The post is delisted. Mark AI passages with an AI block and update the disclosure, then "
     "appeal if you think we got it wrong."),
    ("Chat-assistant leftovers", "delist",
     "This post still contains text pasted from a chat assistant (a greeting, sign-off or "
     "placeholder) that the disclosure does not mention. It is delisted until that is fixed."),
    ("Unverified AI research", "reject",
     "This post presents research an AI did without saying how it was checked. Please verify "
     "the claims (or have someone with expertise check them) before posting again."),
    ("Which parts did AI write?", "request_info",
     "Could you tell us which parts of this post an AI wrote or edited? You can reply here, or "
     "mark those passages with AI blocks and update the disclosure."),
    ("How was this checked?", "request_info",
     "Your disclosure says AI helped with research or analysis. How did you check its output? "
     "Reply here or add it to the disclosure."),
]


def seed(apps, schema_editor):
    ReasonTemplate = apps.get_model("moderation", "ReasonTemplate")
    for position, (title, decision, message) in enumerate(TEMPLATES):
        ReasonTemplate.objects.get_or_create(
            title=title, defaults={"decision": decision, "message": message,
                                   "position": position * 10}
        )


class Migration(migrations.Migration):
    dependencies = [("moderation", "0003_moderators_group_permission")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
