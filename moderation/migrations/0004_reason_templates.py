"""Seed a few reason templates moderators pick when deciding (admins edit them).

Titles and messages are stored in English and marked for translation: moderators see them in
their language while they are unchanged (``ai_disclosure.i18n``).
"""

from django.db import migrations
from django.utils.translation import gettext_noop

TEMPLATES = [
    # title, decision, message
    (gettext_noop("Disclosure is accurate"), "approve",
     gettext_noop("Thanks for disclosing how AI helped with this post. A moderator checked it; nothing to change.")),
    (gettext_noop("Undisclosed AI text"), "delist",
     # xgettext:no-python-format ("100%" is not a placeholder)
     gettext_noop("Parts of this post read as AI-written, but the disclosure says it is 100% human-written. "
                  "The post is delisted. Mark AI passages with an AI block and update the disclosure, then "
                  "appeal if you think we got it wrong.")),
    (gettext_noop("Chat-assistant leftovers"), "delist",
     gettext_noop("This post still contains text pasted from a chat assistant (a greeting, sign-off or "
                  "placeholder) that the disclosure does not mention. It is delisted until that is fixed.")),
    (gettext_noop("Unverified AI research"), "reject",
     gettext_noop("This post presents research an AI did without saying how it was checked. Please verify "
                  "the claims (or have someone with expertise check them) before posting again.")),
    (gettext_noop("Which parts did AI write?"), "request_info",
     gettext_noop("Could you tell us which parts of this post an AI wrote or edited? You can reply here, or "
                  "mark those passages with AI blocks and update the disclosure.")),
    (gettext_noop("How was this checked?"), "request_info",
     gettext_noop("Your disclosure says AI helped with research or analysis. How did you check its output? "
                  "Reply here or add it to the disclosure.")),
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
