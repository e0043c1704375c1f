"""Reads for a user's data export: what moderation stores about them, as they may see it.

An author sees their reviews as the "My posts" page shows them (``author_review_states``):
the state of each review, the moderators' messages to them, and their own replies and
appeals. Scores, evidence, the policies that fired, priorities, internal notes and which
moderator acted are moderators' working material and are not exported; neither is anything
about another user (reports of the user's posts included: who reported them is for
moderators). The user's own reports of other posts are exported with their outcomes.
"""

from __future__ import annotations

from collections import defaultdict

from ..models import (
    ACTIVE_STATUSES,
    AuditEntry,
    AuthorEmailPreferences,
    AuthorMessage,
    Escalation,
    PolicyVersion,
    Report,
    ReviewItem,
)
from .authors import AUTHOR_STATES


def moderation_section(user) -> dict:
    """The ``moderation`` section of ``ai_disclosure.data_rights.export_user_data``."""
    return {
        "reviews": _reviews(user),
        "escalated": Escalation.objects.filter(author=user, active=True).exists(),
        "email_preferences": AuthorEmailPreferences.objects.filter(user=user)
        .values("request", "decision", "appeal", "language").first(),
        "your_moderation_actions": [
            {
                "item": entry.item_id,
                "action": entry.action,
                "decision": entry.decision,
                "at": entry.created_at,
            }
            for entry in AuditEntry.objects.filter(actor=user)
            .only("item_id", "action", "decision", "created_at").order_by("created_at", "pk")
        ],
        "your_reports": [
            {"type": report.content.kind, "post_id": report.content.object_id,
             "reason": report.reason, "at": report.created_at,
             "outcome": report.outcome, "settled_at": report.settled_at}
            for report in Report.objects.filter(reporter=user).select_related("content")
            .order_by("created_at", "pk")
        ],
        "your_policy_changes": [
            {"policy": version.policy.name, "version": version.version, "at": version.created_at}
            for version in PolicyVersion.objects.filter(changed_by=user)
            .select_related("policy").order_by("created_at", "pk")
        ],
    }


def _reviews(user) -> list[dict]:
    """Each review of the user's posts, oldest first, with its messages and appeal."""
    messages = defaultdict(list)
    for message in AuthorMessage.objects.filter(author=user).order_by("created_at", "pk"):
        messages[message.item_id].append({
            "from": "you" if message.from_author else "moderators",
            "kind": message.kind,
            "body": message.body,
            "sent_at": message.created_at,
            "emailed_at": message.emailed_at,
        })
    items = ReviewItem.objects.filter(author=user).select_related("content").only(
        "id", "content__kind", "content__object_id", "status", "held", "author_message",
        "appeal_message", "appealed_at", "author_id",
    ).order_by("created_at", "pk")
    return [
        {
            "item": item.pk,
            "type": item.content.kind,
            "object_id": item.content.object_id,
            "status": item.status,
            "label": str(AUTHOR_STATES[item.status]),
            "held": item.held and item.status in ACTIVE_STATUSES,
            "message_to_you": item.author_message,
            "appeal": {"message": item.appeal_message, "sent_at": item.appealed_at}
            if item.appealed_at else None,
            "messages": messages[item.pk],
        }
        for item in items
    ]
