"""What moderation will do with a post not yet submitted, told to its author as nudges.

Registered as a nudge source of ``ai_disclosure`` (``nudges.register_nudge_source`` in
``apps.ready()``): the check endpoint and the post form call :func:`policy_nudges` on every
check, so it runs no classifier, stores nothing and costs a few queries (escalation, the
author's history, the enabled policies; the model registry is cached) plus well under a
millisecond of policy evaluation. The draft is
judged like a screened post whose classifier scores are unknown: ``scores`` is empty, so
policies that read a score never match a draft (see ``policies/context.py``).

What the author is told is the consequence, never a policy's reason or expression (those are
for moderators): the post will be reviewed, before or after it appears, and — when the
policies would not match an established author's identical post — that this is because the
author is new.
"""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from ai_disclosure.nudges import Draft, Nudge

from ..app_settings import app_settings
from ..models import PolicyAction, PolicyMode
from ..policies import engine
from ..scoring import NO_DISCLOSURE, classifiers, content_context, declared_context
from ..text import authored_text
from .authors import UNKNOWN_AUTHOR, author_stats, is_escalated
from .registry import model_registry
from .screening import drafting_block_types, enabled_policies

#: The history of an author whose posts no "new author" policy is about.
ESTABLISHED_AUTHOR = {
    "account_age_days": 10_000, "approved_posts": 10_000, "prior_flags": 0,
    "delisted_posts": 0, "disclosure_changes_after_flag": 0,
}


def draft_context(draft: Draft) -> dict:
    """The policy context of a draft: its disclosure as declared, its body as measured, the
    author's history, no scores.
    """
    data, rendered = draft.data, draft.rendered
    stats = author_stats([draft.author]).get(draft.author.pk) if draft.author else None
    disclosure = NO_DISCLOSURE if data.is_empty() else declared_context(
        data, assistance=data.assistance, form_version=0, revisions=1,
        changed_after_publish=False, cosigned=False,
    )
    models = model_registry().match(data.models_used).context(timezone.localdate())
    return {
        "disclosure": {**disclosure, **models},
        "content": content_context(rendered, authored_text(rendered.html),
                                   drafting_block_types()),
        "author": (stats or UNKNOWN_AUTHOR).as_context(),
        "scores": {},
        "thresholds": {c.name: c.flag_threshold for c in classifiers()},
        "post": {
            "first_post": bool(stats and stats.published_posts == 0),
            "edited_after_publish": draft.post is not None,
            "age_hours": 0.0,
        },
    }


def policy_nudges(draft: Draft) -> list[Nudge]:
    """Tell the author whether a moderator will review the post, and when."""
    if draft.author is None or draft.data.is_empty():  # nothing declared yet: the rules speak
        return []
    if draft.post is None and is_escalated(draft.author):
        return [Nudge("", _("Your new posts are reviewed by a moderator before they appear."))]
    # Shadow policies only record what they would do, and labels open no review.
    policies = [p for p in enabled_policies()
                if p.action != PolicyAction.LABEL and p.mode == PolicyMode.ACTIVE]
    if not policies:
        return []
    context = draft_context(draft)
    results = engine.evaluate_all([p.expression for p in policies], context)
    matched = [p for p, result in zip(policies, results, strict=True) if result is True]
    if not matched:
        return []
    # Would the same post by an established author be reviewed too?
    again = engine.evaluate_all([p.expression for p in matched],
                                {**context, "author": ESTABLISHED_AUTHOR})
    for_new_authors = not any(result is True for result in again)
    held = app_settings.AUTO_HOLD and any(p.action == PolicyAction.HOLD for p in matched)
    if held:
        message = (_("Posts like this by new authors are reviewed by a moderator before they "
                     "appear.") if for_new_authors
                   else _("Posts like this are reviewed by a moderator before they appear."))
    else:
        message = (_("Posts like this by new authors are reviewed by a moderator after they "
                     "appear.") if for_new_authors
                   else _("Posts like this are reviewed by a moderator after they appear."))
    return [Nudge("", message)]
