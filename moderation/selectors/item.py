"""Reads for one review item's page: the content (post, comment…), evidence, disclosure,
revisions and the suggestions AI tools recorded (dismissed ones included).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Q, QuerySet

from ai_disclosure import content_types
from ai_disclosure import selectors as disclosure_selectors
from ai_disclosure import services as disclosure_services
from ai_disclosure.models import ContentRender, Disclosure, ToolSuggestion

from ..highlight import highlight
from ..localize import localized_evidence, policy_reason
from ..models import (
    AuditEntry,
    AuthorMessage,
    ReasonTemplate,
    ReviewItem,
    Screening,
)
from .authors import AuthorStats, author_history, author_stats, is_escalated
from .registry import model_registry
from .reports import ReportView, post_reports

#: The status filter's choices: "active" (open or claimed) is the queue's default view.


# --- one item ------------------------------------------------------------------------------


@dataclass
class RevisionView:
    """One disclosure revision, marked when made after the post was flagged."""

    number: int
    created_at: datetime
    changed_by: object
    changes: dict
    after_flag: bool


@dataclass
class ItemDetail:
    """A review item with everything a moderator decides on."""

    item: ReviewItem
    #: The host object (a post, a comment…), its registered type's label, its page and
    #: published time, and the object it answers (``None`` for top-level content).
    obj: object
    kind_label: str
    url: str
    published_at: datetime | None
    parent: object
    title: str
    render: ContentRender
    highlighted_html: str
    marks: int
    evidence: list[dict]
    scores: dict[str, float]
    disclosure: Disclosure | None
    disclosure_summary: str
    revisions: list[RevisionView]
    #: Every suggestion AI tools recorded on the post, whatever the author did with it.
    tool_suggestions: list[ToolSuggestion]
    author: object
    author_stats: AuthorStats | None
    history: list[ReviewItem]
    escalated: bool
    audit: list[AuditEntry]
    messages: list[AuthorMessage]
    policies: list[dict]
    classifier_versions: dict[str, str]
    #: Model names in the disclosure that match no registered model (``model_registry``).
    unknown_models: list[str] = field(default_factory=list)
    templates: list[ReasonTemplate] = field(default_factory=list)
    #: Readers' reports of the post, naming the reporters: for moderators only.
    reports: list[ReportView] = field(default_factory=list)


def item_detail(item_id: int) -> ItemDetail:
    """Everything the item page shows. Raises ``ReviewItem.DoesNotExist``."""
    item = ReviewItem.objects.select_related(
        "content", "content__parent", "author", "claimed_by", "resolved_by",
        "excluded_moderator",
    ).get(pk=item_id)
    content = item.content
    obj = content.obj
    registered = content_types.get(content.kind)
    render = disclosure_services.rendered_content(content)
    shown_evidence = localized_evidence(item.evidence)
    html, marks = highlight(render.html, shown_evidence)
    screening = Screening.objects.filter(content=content).first()
    disclosure = disclosure_selectors.disclosure_for(content)
    revisions = []
    if disclosure is not None:
        revisions = [
            RevisionView(r.number, r.created_at, r.changed_by, r.changes,
                         after_flag=r.created_at > item.created_at)
            for r in disclosure.revisions.select_related("changed_by").order_by("number")
        ]
    evidence = [
        {**entry, "classifier": classifier}
        for classifier, entries in shown_evidence.items()
        for entry in entries
    ]
    evidence.sort(key=lambda entry: -float(entry.get("weight") or 0))
    return ItemDetail(
        item=item,
        obj=obj,
        kind_label=registered.label,
        url=registered.adapter.get_url(obj),
        published_at=registered.adapter.get_published_at(obj),
        parent=content.parent.obj if content.parent else None,
        title=item.post_title or registered.adapter.get_title(obj),
        render=render,
        highlighted_html=html,
        marks=marks,
        evidence=evidence,
        scores=(screening.scores if screening else {}),
        disclosure=disclosure,
        disclosure_summary=disclosure_selectors.summarize(
            disclosure, reviewed_by=_confirmed_reviewer(disclosure, render.content_hash)),
        revisions=revisions,
        tool_suggestions=list(disclosure_selectors.tool_suggestions(content)),
        author=item.author,
        author_stats=author_stats([item.author]).get(item.author_id) if item.author else None,
        history=author_history(item.author, exclude=item) if item.author else [],
        escalated=is_escalated(item.author),
        audit=list(item.audit_entries.select_related("actor").order_by("created_at", "id")),
        messages=list(item.messages.order_by("created_at", "id")),
        policies=[policy_reason(fired) for fired in item.reasons],
        classifier_versions=item.classifier_versions,
        templates=list(reason_templates()),
        unknown_models=model_registry().match(disclosure.models_used).unknown
        if disclosure else [],
        reports=post_reports(content),
    )


def _confirmed_reviewer(disclosure: Disclosure | None, body_hash: str) -> str:
    """The username of the expert who co-signed the post's current text, or ``""``."""
    cosignature = disclosure_selectors.confirmed_cosignature(disclosure, body_hash=body_hash)
    return cosignature.reviewer.get_username() if cosignature else ""


def reason_templates(decision: str | None = None) -> QuerySet[ReasonTemplate]:
    """Active reason templates, for one decision (and those for any decision) or all."""
    templates = ReasonTemplate.objects.filter(active=True)
    if decision:
        templates = templates.filter(Q(decision=decision) | Q(decision=""))
    return templates
