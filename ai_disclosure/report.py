"""Reads for the compliance report: every disclosure with its level of AI involvement and
its EU AI Act label decision, month by month, and as CSV.

Levels and decisions are computed from each disclosure as it stands now (``compliance``), so
the report always agrees with what the post pages show.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from . import provenance, selectors
from .compliance import label_decision
from .i18n import shipped_text
from .models import AssistanceKind, Disclosure
from .provenance import Level

#: Rows fetched from the database at a time; keeps memory flat on large forums.
CHUNK_SIZE = 1000


@dataclass(frozen=True)
class ComplianceRow:
    """One disclosure, as the report and its CSV show it."""

    disclosure_id: int
    object_id: str
    content_type: str
    disclosed_at: datetime
    updated_at: datetime
    human_only: bool
    kinds: tuple[str, ...]
    models: tuple[str, ...]
    share_estimate: str
    expertise: str
    level: Level
    label_required: bool
    reason_code: str


def compliance_rows(
    *, since: date | None = None, until: date | None = None
) -> Iterator[ComplianceRow]:
    """Disclosures first made on or after ``since`` and before ``until``, oldest first.

    Reads plain values in chunks (two queries a chunk) rather than model instances: the
    report covers every disclosure of the period, and building instances cost 10× more.
    """
    disclosures = Disclosure.objects.order_by("created_at", "pk")
    if since:
        disclosures = disclosures.filter(created_at__date__gte=since)
    if until:
        disclosures = disclosures.filter(created_at__date__lt=until)
    values = disclosures.values_list(
        "pk", "content__object_id", "content__kind", "created_at", "updated_at", "human_only",
        "models_used",
        "ai_share_estimate", "expertise", "autonomous",
        # the stored render's AI blocks; NULL when the post was never shown
        "content__render__blocks", "content__render__text_length",
    ).iterator(chunk_size=CHUNK_SIZE)
    kinds_of_blocks = selectors.block_kinds()
    for chunk in _chunks(values, CHUNK_SIZE):
        kinds: dict[int, list[str]] = {}
        for disclosure_id, slug in Disclosure.assistance.through.objects.filter(
            disclosure_id__in=[values[0] for values in chunk]
        ).values_list("disclosure_id", "assistancekind__slug"):
            kinds.setdefault(disclosure_id, []).append(slug)
        for (pk, object_id, content_type, created_at, updated_at, human_only, models, estimate,
             expertise, autonomous, blocks, text_length) in chunk:
            shape = provenance.shape_of(
                human_only=human_only, kinds=kinds.get(pk, ()), models=models,
                share_estimate=estimate, expertise=expertise, blocks=blocks or [],
                text_length=text_length or 0, block_kinds=kinds_of_blocks,
                autonomous=autonomous,
            )
            decision = label_decision(shape)
            yield ComplianceRow(
                disclosure_id=pk,
                object_id=str(object_id),
                content_type=content_type,
                disclosed_at=created_at,
                updated_at=updated_at,
                human_only=human_only,
                kinds=tuple(sorted(shape.kinds)),
                models=shape.models,
                share_estimate=estimate,
                expertise=expertise,
                level=decision.level,
                label_required=decision.required,
                reason_code=decision.reason_code,
            )


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


@dataclass
class MonthSummary:
    """Counts of one month's disclosures along each dimension of the report."""

    month: date
    total: int = 0
    label_required: int = 0
    by_level: Counter = field(default_factory=Counter)
    by_kind: Counter = field(default_factory=Counter)
    by_content_type: Counter = field(default_factory=Counter)

    def levels(self) -> list[int]:
        """Counts per level, in the order of :class:`Level`."""
        return [self.by_level[level] for level in Level]


def monthly_summary(rows: Iterable[ComplianceRow]) -> list[MonthSummary]:
    """The rows counted by the month (in the current time zone) they were first disclosed."""
    months: dict[date, MonthSummary] = {}
    for row in rows:
        month = timezone.localtime(row.disclosed_at).date().replace(day=1)
        summary = months.setdefault(month, MonthSummary(month))
        summary.total += 1
        summary.label_required += row.label_required
        summary.by_level[row.level] += 1
        summary.by_kind.update(row.kinds)
        summary.by_content_type[row.content_type] += 1
    return [months[month] for month in sorted(months)]


def summary_table(months: list[MonthSummary]) -> tuple[list[tuple[str, list[str]]], list[list]]:
    """The months as a table: column groups ``(title, column titles)`` and one row a month
    (month, total, labels required, then a count per level, kind and content type).
    """
    kinds = sorted(set().union(*(month.by_kind for month in months)))
    types = sorted(set().union(*(month.by_content_type for month in months)))
    kind_labels = dict(AssistanceKind.objects.values_list("slug", "label"))
    groups = [
        ("", [_("Month"), _("Disclosures"), _("Label required")]),
        (_("Level of AI involvement"), [str(level.label) for level in Level]),
        (_("Kind of AI help"), [shipped_text(kind_labels.get(kind, kind)) for kind in kinds]),
        (_("Content type"), types),
    ]
    rows = [
        [month.month, month.total, month.label_required, *month.levels(),
         *(month.by_kind[kind] for kind in kinds),
         *(month.by_content_type[name] for name in types)]
        for month in months
    ]
    return groups, rows


CSV_HEADER = [
    "disclosure_id", "object_id", "content_type", "disclosed_at", "updated_at", "human_only",
    "kinds", "models", "ai_share_estimate", "expertise", "level", "label_required",
    "reason",
]


class _Line:
    """A file whose ``write`` returns what it was given, for streaming ``csv.writer``."""

    def write(self, value: str) -> str:
        return value


def csv_lines(rows: Iterable[ComplianceRow]) -> Iterator[str]:
    """The report as CSV lines, header first. Kinds are space-separated slugs; models, which
    authors type, are a JSON list, so no cell an author controls can start a spreadsheet
    formula.
    """
    writer = csv.writer(_Line())
    yield writer.writerow(CSV_HEADER)
    for row in rows:
        yield writer.writerow([
            row.disclosure_id, row.object_id, row.content_type,
            row.disclosed_at.isoformat(), row.updated_at.isoformat(),
            "yes" if row.human_only else "no", " ".join(row.kinds),
            json.dumps(list(row.models), ensure_ascii=False), row.share_estimate,
            row.expertise, row.level.value, "yes" if row.label_required else "no",
            row.reason_code,
        ])
