"""The queue's facets: derived rows that let the queue filter by policy and AI assistance."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from django.db import models
from django.utils.translation import gettext_lazy as _

from .review import QUEUE_STATUSES, ReviewItem, ReviewStatus


def policy_facet(policy_id: int) -> str:
    """The facet of items a policy flagged."""
    return f"policy:{policy_id}"


def kind_facet(kind: str) -> str:
    """The facet of items about one content type (``post``, ``comment``…)."""
    return f"type:{kind}"


def assistance_facet(slug: str) -> str:
    """The facet of items whose post's disclosure declares a kind of AI assistance."""
    return f"assistance:{slug}"


class QueueFacetManager(models.Manager):
    """Writes the queue facets that let the queue filter by policy and kind without joins."""

    def write(
        self, *items: ReviewItem, assistance: Mapping[int, Iterable[str]] | None = None
    ) -> None:
        """The one writer of queue facets: bring the facets of ``items`` up to date.

        With ``assistance`` (item id → the assistance kinds its post's disclosure declares, as
        screened), each item's facets are replaced: one for its content type, one per policy
        among its reasons, one per assistance kind. Without it, the facets an item has keep
        their names and get its current status and queue order (after a status change).
        """
        if assistance is None:
            for item in items:
                self.filter(item_id=item.pk).update(
                    status=item.status, priority=item.priority, created_at=item.created_at
                )
            return
        self.filter(item__in=[item.pk for item in items]).delete()
        self.bulk_create(
            self.model(item=item, name=name, status=item.status, priority=item.priority,
                       created_at=item.created_at)
            for item in items
            for name in sorted(_facet_names(item, assistance.get(item.pk, ())))
        )


def _facet_names(item: ReviewItem, assistance: Iterable[str]) -> set[str]:
    names = {policy_facet(reason["policy"]) for reason in item.reasons if reason.get("policy")}
    names.add(kind_facet(item.content.kind))
    return names | {assistance_facet(slug) for slug in assistance}


class QueueFacet(models.Model):
    """Something the queue filters by of which an item has several (its content type, the
    policies that fired, the kinds of AI assistance the disclosure declares), with a copy of
    the item's status and queue order.

    Those facts live in other tables; filtering by them walked the queue checking each item,
    which took ~100 ms at 100,000 items for a rare kind. Here a filtered page is one index range
    scan in queue order. Written only by ``QueueFacet.objects.write()``: screening (the
    names), ``workflow.transition()`` (the status copy), the demo seeder and the test factories.
    """

    item = models.ForeignKey(
        ReviewItem, on_delete=models.CASCADE, related_name="facets", db_index=False,
        verbose_name=_("review item"),
    )
    name = models.CharField(_("facet"), max_length=64)
    status = models.CharField(_("status"), max_length=16, choices=ReviewStatus.choices)
    priority = models.PositiveSmallIntegerField(_("priority"))
    created_at = models.DateTimeField(_("created"))

    objects = QueueFacetManager()

    class Meta:
        verbose_name = _("queue facet")
        verbose_name_plural = _("queue facets")
        constraints = [
            # Also the index for "this item's facets" (the foreign key needs no other).
            models.UniqueConstraint(fields=["item", "name"], name="moderation_facet_unique"),
        ]
        indexes = [
            models.Index(
                fields=["name", "-priority", "created_at", "item"],
                condition=models.Q(status__in=QUEUE_STATUSES),
                name="moderation_facet_queue_idx",
            ),
            models.Index(
                fields=["name", "status", "-priority", "created_at", "item"],
                name="moderation_facet_status_idx",
            ),
            models.Index(
                fields=["name", "-priority", "created_at", "item"], name="moderation_facet_all_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} #{self.item_id}"
