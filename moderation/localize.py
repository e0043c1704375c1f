"""Reasons stored in English with a screening or a review item, translated when shown.

A worker screens posts in no reader's language, so classifier evidence and the reasons of the
policies that fired are stored in English — the msgid, with an evidence item's values apart in
``args`` — and translated here for the moderator reading them. A language added later thus
applies to old screenings too. Policy names and reasons are admin-editable rows: the shipped
ones are translated while unchanged (``ai_disclosure.i18n.shipped_text``).
"""

from __future__ import annotations

from collections.abc import Mapping

from django.utils.translation import gettext

from ai_disclosure.i18n import shipped_text

from .models import PolicyAction


def evidence_reason(entry: Mapping) -> str:
    """A stored evidence item's reason in the active language."""
    reason = str(entry.get("reason") or "")
    args = entry.get("args")
    if not args:
        return shipped_text(reason)
    try:
        return gettext(reason) % args
    except (KeyError, TypeError, ValueError):  # a stored item from an older message
        return reason


def localized_evidence(evidence: Mapping[str, list[dict]] | None) -> dict[str, list[dict]]:
    """A screening's evidence (classifier → items) with each reason in the active language."""
    return {
        classifier: [{**entry, "reason": evidence_reason(entry)} for entry in entries or []]
        for classifier, entries in (evidence or {}).items()
    }


def policy_reason(fired: Mapping) -> dict:
    """One policy that fired, as stored on a review item, its name and reason translated and
    its action's label (``action_label``) added.
    """
    action = str(fired.get("action") or "")
    return {**fired, "name": shipped_text(str(fired.get("name") or "")),
            "reason": shipped_text(str(fired.get("reason") or "")),
            "action_label": PolicyAction(action).label if action in PolicyAction else action}
