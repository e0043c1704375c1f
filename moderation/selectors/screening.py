"""What screening reads: a fixed number of queries per batch of posts, however many posts.

Two steps, so that a post whose inputs did not change costs two small queries and no
classifier run: ``keyed_posts`` computes each post's screening key from its body and its
disclosure's revision; ``post_facts`` then reads everything else the posts that need
screening are judged on (disclosure, stored render, author history) in one query plus one
for the disclosures' kinds of assistance.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.db.models import DateTimeField, Model, OuterRef, Prefetch, QuerySet, Subquery, Value
from django.utils import timezone

from ai_disclosure import selectors as disclosure_selectors
from ai_disclosure import services as disclosure_services
from ai_disclosure.adapter import get_adapter, get_post_model
from ai_disclosure.models import AssistanceKind, CoSignature, CoSignatureStatus, DisclosureRevision
from ai_disclosure.rendering import RENDERER_VERSION, content_hash

from ..app_settings import app_settings
from ..models import Escalation, Policy, Screening
from ..scoring import PostFacts, screening_key
from .authors import SubqueryCount, history_columns, stats_from_row
from .registry import model_registry
from .reports import report_columns, reports_context

#: Columns of a stored screening that storing a new one does not read.
_UNUSED_SCREENING_COLUMNS = [f"ai_screening__{name}" for name in (
    "scores", "evidence", "classifier_versions", "policy_versions", "matched", "shadow_matched")]


def enabled_policies() -> list[Policy]:
    """The policies screening runs (active and shadow), in their admin order."""
    return list(Policy.objects.filter(enabled=True))


def drafting_block_types() -> set[str]:
    """Slugs of the AI block types whose text the AI wrote (``content.drafted_share``)."""
    return {block_type.slug for block_type in disclosure_selectors.block_types()
            if block_type.assistance_kind == "drafting"}


@dataclass
class KeyedPost:
    """A post with the key of its current inputs, and its stored screening if any."""

    post: Model
    body_hash: str
    disclosure_revision: int
    #: The ``reports`` map of the policy context (readers' open reports).
    reports: dict
    key: str

    @property
    def stored(self) -> Screening | None:
        """The post's stored screening, or ``None`` if it was never screened."""
        return getattr(self.post, "ai_screening", None)

    @property
    def up_to_date(self) -> bool:
        """Whether the stored screening was made from exactly the current inputs."""
        return self.stored is not None and self.stored.key == self.key


def _revisions() -> QuerySet:
    return DisclosureRevision.objects.filter(disclosure__post=OuterRef("pk"))


def keyed_posts(posts: QuerySet, policies: list[Policy],
                registry_version: str) -> Iterator[KeyedPost]:
    """Each of ``posts`` with its screening key (one query: readers' reports are part of the
    key, so a new report, a settled one or a reporter's changed accuracy screens it again).
    """
    rows = (
        posts.select_related("ai_screening")
        .defer(*_UNUSED_SCREENING_COLUMNS, "ai_screening__context")
        .annotate(
            disclosure_revision=SubqueryCount(_revisions().values("pk")),
            **report_columns(OuterRef("pk")),
            cosigned_hash=Subquery(
                CoSignature.objects.filter(
                    disclosure__post=OuterRef("pk"), status=CoSignatureStatus.CONFIRMED
                ).values("content_hash")[:1]
            ),
        )
    )
    adapter = get_adapter()
    for post in rows:
        body_hash = content_hash(adapter.get_body(post))
        reports = reports_context(post.open_reports, post.open_reports_weight)
        yield KeyedPost(
            post=post,
            body_hash=body_hash,
            disclosure_revision=post.disclosure_revision,
            reports=reports,
            key=screening_key(post_id=post.pk, body_hash=body_hash,
                              disclosure_revision=post.disclosure_revision, policies=policies,
                              registry_version=registry_version,
                              cosigned=post.cosigned_hash == body_hash, reports=reports),
        )


def posts_by_id(post_ids: Iterable[int]) -> QuerySet:
    """The host's posts with these ids, published or not."""
    return get_post_model()._default_manager.filter(pk__in=list(post_ids)).order_by("pk")


def lock_posts(post_ids: Iterable[int]) -> dict[int, Model]:
    """Lock these posts until the caller's transaction ends; with their stored screening."""
    posts = (posts_by_id(post_ids).select_for_update(of=("self",))
             .select_related("ai_screening").defer(*_UNUSED_SCREENING_COLUMNS))
    return {post.pk: post for post in posts}


def post_facts(keyed: list[KeyedPost]) -> list[PostFacts]:
    """What screening judges each post on, author history and escalation included, in two
    queries for the whole list (a post whose
    stored render is out of date is rendered again and stored, which is rare: posts are
    rendered when saved).
    """
    if not keyed:
        return []
    adapter = get_adapter()
    author = adapter.author_field
    rows = (
        posts_by_id(k.post.pk for k in keyed)
        .select_related(author, "ai_disclosure__cosignature", "ai_render")
        .prefetch_related(Prefetch("ai_disclosure__assistance",
                                   queryset=AssistanceKind.objects.only("pk", "slug")))
        .annotate(
            **history_columns(OuterRef(author), other_than=OuterRef("pk")),
            escalated_at=escalated_since(OuterRef(author)),
            last_revision_at=Subquery(
                _revisions().order_by("-created_at").values("created_at")[:1]),
        )
    )
    by_id = {k.post.pk: k for k in keyed}
    facts = []
    for post in rows:
        entry = by_id[post.pk]
        disclosure = getattr(post, "ai_disclosure", None)
        facts.append(PostFacts(
            post=post,
            body_hash=entry.body_hash,
            render=_render(post, entry.body_hash),
            disclosure=disclosure,
            assistance=[kind.slug for kind in disclosure.assistance.all()] if disclosure else [],
            disclosure_revision=entry.disclosure_revision,
            reports=entry.reports,
            last_revision_at=post.last_revision_at,
            published_at=adapter.get_published_at(post),
            updated_at=adapter.get_updated_at(post),
            author=adapter.get_author(post),
            author_stats=stats_from_row(adapter.get_author(post), post),
            escalated_at=post.escalated_at,
            key=entry.key,
        ))
    return facts


def _render(post: Model, body_hash: str):
    stored = getattr(post, "ai_render", None)
    if stored and stored.content_hash == body_hash and stored.renderer_version == RENDERER_VERSION:
        return stored
    return disclosure_services.rendered_post(post)


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


def stale_post_ids(*, limit: int | None = None) -> list[int]:
    """Published posts whose screening is missing or out of date (body, disclosure,
    classifier or policy versions, model registry), the oldest first. Recent posts only,
    except unscreened.
    """
    adapter = get_adapter()
    recent = timezone.now() - timedelta(days=app_settings.SWEEP_WINDOW_DAYS)
    posts = adapter.published_posts()
    missing = list(
        posts.filter(ai_screening__isnull=True).order_by("pk").values_list("pk", flat=True)[
            : limit or None
        ]
    )
    screened = adapter.changed_since(posts.filter(ai_screening__isnull=False), recent)
    stale = [k.post.pk for k in keyed_posts(screened.order_by("pk"), enabled_policies(),
                                            model_registry().version)
             if not k.up_to_date]
    return (missing + stale)[:limit] if limit else missing + stale
