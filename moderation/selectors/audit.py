"""Reads for the moderators' audit log page: every entry, newest first, filtered and paged."""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db.models import F, Q, QuerySet
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from ..models import AuditEntry
from ..permissions import PERMISSION


@dataclass(frozen=True)
class AuditFilters:
    """What the audit log page shows: one moderator's, one action's, one item's entries,
    within a date range (each optional).
    """

    actor: int | None = None
    action: str = ""
    item: int | None = None
    since: date | None = None
    until: date | None = None

    def as_params(self) -> dict[str, str]:
        """The filters as query parameters, for links that keep them."""
        values = {"actor": self.actor, "action": self.action, "item": self.item,
                  "since": self.since, "until": self.until}
        return {key: str(value) for key, value in values.items() if value not in (None, "")}


@dataclass
class AuditPage:
    """One page of the audit log and the cursor for the next."""

    entries: list[AuditEntry]
    next_cursor: str | None


def audit_log(*, filters: AuditFilters, after: str | None = None, limit: int = 50) -> AuditPage:
    """One page of the audit log, newest first, in one query however long the page is.

    Keyset-paginated on (``created_at``, ``id``) so a late page costs what the first does; an
    invalid cursor starts at the newest entry.
    """
    # The item's title only: loading whole items (their evidence JSON) cost ~2 ms per row.
    entries = (
        _filtered(filters).select_related("actor").annotate(item_title=F("item__post_title"))
        .order_by("-created_at", "-id")
    )
    position = _decode(after)
    if position:
        created_at, pk = position
        entries = entries.filter(
            Q(created_at__lt=created_at) | Q(created_at=created_at, id__lt=pk)
        )
    fetched = list(entries[: limit + 1])
    page = fetched[:limit]
    more = len(fetched) > limit
    return AuditPage(entries=page, next_cursor=_encode(page[-1]) if more and page else None)


def _filtered(filters: AuditFilters) -> QuerySet[AuditEntry]:
    entries = AuditEntry.objects.all()
    if filters.actor is not None:
        entries = entries.filter(actor_id=filters.actor)
    if filters.action:
        entries = entries.filter(action=filters.action)
    if filters.item is not None:
        entries = entries.filter(item_id=filters.item)
    if filters.since:
        entries = entries.filter(created_at__gte=_start_of(filters.since))
    if filters.until:
        entries = entries.filter(created_at__lt=_start_of(filters.until, next_day=True))
    return entries


def _start_of(day: date, *, next_day: bool = False) -> datetime:
    moment = timezone.make_aware(datetime.combine(day, time.min))
    return moment + timedelta(days=1) if next_day else moment


def moderators() -> QuerySet:
    """Users who may moderate (by group or own permission, or superusers), by username."""
    app_label, codename = PERMISSION.split(".")
    users = get_user_model()
    granted = {"permissions__content_type__app_label": app_label,
               "permissions__codename": codename}
    return users.objects.filter(
        Q(is_superuser=True)
        | Q(**{f"groups__{key}": value for key, value in granted.items()})
        | Q(**{f"user_{key}": value for key, value in granted.items()}),
        is_active=True,
    ).distinct().order_by(users.USERNAME_FIELD)


def _encode(entry: AuditEntry) -> str:
    raw = json.dumps([entry.created_at.isoformat(), entry.pk])
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def _decode(cursor: str | None) -> tuple[datetime, int] | None:
    if not cursor:
        return None
    try:
        created, pk = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        created_at = parse_datetime(created)
        return (created_at, int(pk)) if created_at else None
    except (ValueError, TypeError, binascii.Error):
        return None
