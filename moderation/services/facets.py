"""The queue's derived data on review items (facets), written in one place."""

from __future__ import annotations

from ..models import (
    QueueFacet,
    ReviewItem,
    assistance_facet,
    policy_facet,
)


def write_facets(item: ReviewItem, *, assistance: list[str]) -> None:
    """Replace the item's queue facets: the policies that fired (its reasons) and the kinds of
    AI assistance its post's disclosure declares (as screened), each with the item's status
    and queue order."""
    names = {policy_facet(r["policy"]) for r in item.reasons if r.get("policy")}
    names |= {assistance_facet(slug) for slug in assistance}
    QueueFacet.objects.filter(item=item).delete()
    QueueFacet.objects.bulk_create(
        QueueFacet(item=item, name=name, status=item.status, priority=item.priority,
                   created_at=item.created_at)
        for name in sorted(names)
    )


def copy_status_to_facets(item_id: int, status: str) -> None:
    """Every status change of an item goes through here too: the facets keep a copy."""
    QueueFacet.objects.filter(item_id=item_id).update(status=status)
