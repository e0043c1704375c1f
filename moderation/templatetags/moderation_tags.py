"""Small display helpers for the moderation pages: ``{% load moderation_tags %}``."""

from __future__ import annotations

from datetime import datetime

from django import template
from django.utils import timezone
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def short_age(value: datetime | None) -> str:
    """``5m``, ``3h``, ``2d``, ``7w``: how long ago, in one short token."""
    if not value:
        return ""
    seconds = max((timezone.now() - value).total_seconds(), 0)
    for unit, size in (("w", 604800), ("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size:
            return f"{int(seconds // size)}{unit}"
    return _("now")


@register.filter
def days_label(days: int | None) -> str:
    """An account age as ``12 d``, ``5 mo`` or ``3 y``."""
    if days is None:
        return "—"
    if days >= 730:
        return _("%(n)d y") % {"n": days // 365}
    if days >= 60:
        return _("%(n)d mo") % {"n": days // 30}
    return _("%(n)d d") % {"n": days}


@register.filter
def percent(value) -> str:
    """A share in [0, 1] as a whole percentage; ``0`` for a missing value."""
    try:
        return f"{float(value) * 100:.0f}"
    except (TypeError, ValueError):
        return "0"


@register.filter
def score_tone(value) -> str:
    """``high``, ``mid`` or ``low`` for colouring a score (never a verdict)."""
    try:
        score = float(value)
    except (TypeError, ValueError):
        return "low"
    return "high" if score >= 0.8 else "mid" if score >= 0.5 else "low"


@register.filter
def priority_tone(value) -> str:
    """The CSS tone of a priority: urgent, high, normal or low."""
    try:
        priority = int(value)
    except (TypeError, ValueError):
        return "low"
    return "urgent" if priority >= 80 else "high" if priority >= 60 else "normal" \
        if priority >= 40 else "low"


@register.filter
def get_item(mapping, key):
    """``mapping[key]`` in a template, or ``None`` when there is no mapping."""
    try:
        return mapping.get(key)
    except AttributeError:
        return None
