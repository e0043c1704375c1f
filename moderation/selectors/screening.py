"""What screening reads: a fixed number of queries per batch, however many objects.

Screening works on ``ai_disclosure.Content`` rows, whatever their registered type. Two
steps, so that an object whose inputs did not change costs two small queries and no
classifier run: ``keyed_contents`` computes each object's screening key from its body and its
disclosure's revision; ``content_facts`` then reads everything else the objects that need
screening are judged on (disclosure, stored render, author history): two queries plus one
per content type in the batch.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import DateTimeField, Model, OuterRef, Prefetch, QuerySet, Subquery, Value
from django.utils import timezone

from ai_disclosure import content_types
from ai_disclosure import selectors as disclosure_selectors
from ai_disclosure import services as disclosure_services
from ai_disclosure.models import (
    AssistanceKind,
    Content,
    CoSignature,
    CoSignatureStatus,
    DisclosureRevision,
)
from ai_disclosure.rendering import RENDERER_VERSION, content_hash

from ..app_settings import app_settings
from ..models import Escalation, Policy, Screening
from ..scoring import ContentFacts, screening_key
from .authors import SubqueryCount, history_columns, stats_from_row
from .registry import model_registry
from .reports import report_columns, reports_context

#: Columns of a stored screening that storing a new one does not read.
_UNUSED_SCREENING_COLUMNS = [f"screening__{name}" for name in (
    "scores", "evidence", "classifier_versions", "policy_versions", "matched", "shadow_matched")]


def enabled_policies() -> list[Policy]:
    """The policies screening runs (active and shadow), in their admin order."""
    return list(Policy.objects.filter(enabled=True))


def drafting_block_types() -> set[str]:
    """Slugs of the AI block types whose text the AI wrote (``content.drafted_share``)."""
    return {block_type.slug for block_type in disclosure_selectors.block_types()
            if block_type.assistance_kind == "drafting"}


@dataclass
class KeyedContent:
    """A content row (its host object loaded) with the key of its current inputs, and its
    stored screening if any.
    """

    content: Content
    body_hash: str
    disclosure_revision: int
    #: The ``reports`` map of the policy context (readers' open reports).
    reports: dict
    key: str

    @property
    def stored(self) -> Screening | None:
        """The stored screening, or ``None`` if it was never screened."""
        return getattr(self.content, "screening", None)

    @property
    def up_to_date(self) -> bool:
        """Whether the stored screening was made from exactly the current inputs."""
        return self.stored is not None and self.stored.key == self.key


def _revisions() -> QuerySet:
    return DisclosureRevision.objects.filter(disclosure__content=OuterRef("pk"))


def keyed_contents(contents: QuerySet, policies: list[Policy],
                   registry_version: str) -> Iterator[KeyedContent]:
    """Each of ``contents`` whose host object still exists, with its screening key (one
    query, plus one per content type for the host objects). Readers' open reports are part
    of the key, so a new report, a settled one or a reporter's changed accuracy screens it
    again.
    """
    rows = (
        contents.select_related("screening")
        .defer(*_UNUSED_SCREENING_COLUMNS, "screening__context")
        .annotate(
            disclosure_revision=SubqueryCount(_revisions().values("pk")),
            **report_columns(OuterRef("pk")),
            cosigned_hash=Subquery(
                CoSignature.objects.filter(
                    disclosure__content=OuterRef("pk"), status=CoSignatureStatus.CONFIRMED
                ).values("content_hash")[:1]
            ),
        )
        .prefetch_related("obj")
    )
    for content in rows:
        if content.obj is None:
            continue  # the host object is gone
        body_hash = content_hash(content_types.adapter_for(content.obj).get_body(content.obj))
        reports = reports_context(content.open_reports, content.open_reports_weight)
        yield KeyedContent(
            content=content,
            body_hash=body_hash,
            disclosure_revision=content.disclosure_revision,
            reports=reports,
            key=screening_key(content_id=content.pk, body_hash=body_hash,
                              disclosure_revision=content.disclosure_revision,
                              policies=policies, registry_version=registry_version,
                              cosigned=content.cosigned_hash == body_hash, reports=reports),
        )


def contents_by_id(content_ids: Iterable[int]) -> QuerySet:
    """The content rows with these ids, published or not."""
    return Content.objects.filter(pk__in=list(content_ids)).order_by("pk")


def lock_contents(content_ids: Iterable[int]) -> dict[int, Content]:
    """Lock these content rows until the caller's transaction ends; with their stored
    screening and their host objects (read after the lock, so their body is current).
    """
    contents = (contents_by_id(content_ids).select_for_update(of=("self",))
                .select_related("screening").defer(*_UNUSED_SCREENING_COLUMNS)
                .prefetch_related("obj"))
    return {content.pk: content for content in contents}


def content_facts(keyed: list[KeyedContent]) -> list[ContentFacts]:
    """What screening judges each object on, author history and escalation included: two
    queries for the content rows and their kinds of assistance, one per content type for
    the host objects with their authors' history (an object whose stored render is out of
    date is rendered again and stored, which is rare: objects are rendered when saved).
    """
    if not keyed:
        return []
    contents = {
        content.pk: content
        for content in contents_by_id(k.content.pk for k in keyed)
        .select_related("disclosure__cosignature", "render", "parent")
        .prefetch_related(Prefetch("disclosure__assistance",
                                   queryset=AssistanceKind.objects.only("pk", "slug")),
                          "parent__obj")
        .annotate(last_revision_at=Subquery(
            _revisions().order_by("-created_at").values("created_at")[:1]))
    }
    hosts = _hosts_with_history([k.content for k in keyed])
    facts = []
    for entry in keyed:
        content = contents[entry.content.pk]
        host = hosts.get((entry.content.kind, entry.content.object_id))
        if host is None:
            continue  # deleted between the two reads
        content.obj = host
        adapter = content_types.adapter_for(host)
        disclosure = getattr(content, "disclosure", None)
        author = adapter.get_author(host)
        facts.append(ContentFacts(
            content=content,
            obj=host,
            parent_author_id=_parent_author_id(content.parent),
            body_hash=entry.body_hash,
            render=_render(content, entry.body_hash),
            disclosure=disclosure,
            assistance=[kind.slug for kind in disclosure.assistance.all()] if disclosure else [],
            disclosure_revision=entry.disclosure_revision,
            reports=entry.reports,
            last_revision_at=content.last_revision_at,
            published_at=adapter.get_published_at(host),
            updated_at=adapter.get_updated_at(host),
            author=author,
            author_stats=stats_from_row(author, host),
            escalated_at=host.escalated_at,
            key=entry.key,
        ))
    return facts


def _hosts_with_history(contents: list[Content]) -> dict[tuple[str, int], Model]:
    """The host objects of ``contents`` by (kind, id), annotated with their author's history
    and escalation: one query per content type.
    """
    by_kind: dict[str, list[int]] = defaultdict(list)
    for content in contents:
        by_kind[content.kind].append(content.object_id)
    hosts = {}
    for kind, object_ids in by_kind.items():
        registered = content_types.get(kind)
        author = registered.adapter.author_field
        rows = registered.model._default_manager.filter(pk__in=object_ids).select_related(
            author
        ).annotate(
            **history_columns(OuterRef(author), other_than=(registered.model, OuterRef("pk"))),
            escalated_at=escalated_since(OuterRef(author)),
        )
        hosts.update({(kind, row.pk): row for row in rows})
    return hosts


def _parent_author_id(parent: Content | None):
    if parent is None or parent.obj is None:
        return None
    return content_types.adapter_for(parent.obj).get_author_id(parent.obj)


def _render(content: Content, body_hash: str):
    stored = getattr(content, "render", None)
    if stored and stored.content_hash == body_hash and stored.renderer_version == RENDERER_VERSION:
        return stored
    return disclosure_services.rendered_content(content)


def escalated_since(author) -> Subquery | Value:
    """When the author (a reference to their id) was escalated, i.e. since when their new
    posts are held; null when they are not, or escalation is turned off.
    """
    if not app_settings.ESCALATION_DELISTS:
        return Value(None, output_field=DateTimeField())
    return Subquery(Escalation.objects.filter(author=author, active=True).values("created_at"))


def escalated_at(author) -> datetime | None:
    """When the author was escalated, or ``None`` (see ``escalated_since``)."""
    if author is None:
        return None
    return (get_user_model()._default_manager.filter(pk=author.pk)
            .annotate(since=escalated_since(OuterRef("pk"))).values_list("since", flat=True)
            .first())


def unknown_published(*, limit: int | None = None) -> list[Model]:
    """Published host objects (any registered type) the plugin has no ``Content`` row for:
    published before the registry knew their type, or loaded from fixtures.
    """
    found: list[Model] = []
    for registered in content_types.registry().values():
        known = Content.objects.filter(
            content_type=ContentType.objects.get_for_model(registered.model)
        ).values("object_id")
        found += registered.adapter.published().exclude(pk__in=known).order_by("pk")[
            : limit or None]
    return found[:limit] if limit else found


def stale_content_ids(*, limit: int | None = None) -> list[int]:
    """Content rows of published objects (any registered type) whose screening is missing or
    out of date (body, disclosure, classifier or policy versions), the oldest first. Recent
    objects only, except unscreened ones.
    """
    recent = timezone.now() - timedelta(days=app_settings.SWEEP_WINDOW_DAYS)
    missing, stale = [], []
    registry_version = model_registry().version
    for registered in content_types.registry().values():
        adapter = registered.adapter
        published = adapter.published()
        known = Content.objects.filter(
            content_type=ContentType.objects.get_for_model(registered.model))
        missing += list(known.filter(screening__isnull=True,
                                     object_id__in=published.values("pk"))
                        .order_by("pk").values_list("pk", flat=True)[: limit or None])
        changed = adapter.changed_since(published, recent).values("pk")
        screened = known.filter(screening__isnull=False, object_id__in=changed)
        stale += [k.content.pk for k in keyed_contents(screened.order_by("pk"),
                                                       enabled_policies(), registry_version)
                  if not k.up_to_date]
    missing.sort()
    return (missing + stale)[:limit] if limit else missing + stale
