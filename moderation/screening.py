"""Screening a post: score the author's own text, build the policy context, run policies.

``services.screen_post`` is the only writer; this module holds the pure steps so they can be
tested and benchmarked without a broker.
"""

from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Model
from django.utils import timezone

from ai_disclosure import selectors as disclosure_selectors
from ai_disclosure import services as disclosure_services
from ai_disclosure.adapter import get_adapter
from ai_disclosure.models import AIShareEstimate, Disclosure, PostRender

from .app_settings import app_settings
from .classifiers.base import Classifier, load_classifiers
from .models import ACTIVE_STATUSES, Policy, PolicyAction, ReviewItem, ReviewStatus
from .policies import engine
from .text import authored_text

#: A change within this time of publishing counts as part of publishing, not an edit.
EDIT_GRACE = timedelta(minutes=5)


@dataclass
class Outcome:
    """What screening found, before it is stored."""

    key: str
    content_hash: str
    scores: dict[str, float]
    evidence: dict[str, list[dict]]
    context: dict
    classifier_versions: dict[str, str]
    policy_versions: dict[str, int]
    matched: list[dict]
    #: Policies that failed on this post: {"policy", "name", "version", "message"}.
    policy_errors: list[dict]


@functools.lru_cache(maxsize=8)
def _classifiers(paths: tuple[str, ...]) -> list[Classifier]:
    return load_classifiers(paths)


def classifiers() -> list[Classifier]:
    """The configured classifiers, loaded once per process."""
    return _classifiers(tuple(app_settings.CLASSIFIERS))


def content_hash(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def classifier_versions() -> dict[str, str]:
    return {classifier.name: classifier.version for classifier in classifiers()}


def score(text: str, context: dict) -> tuple[dict[str, float], dict[str, list[dict]]]:
    """Run every classifier in order; later ones see earlier scores in ``other_scores``."""
    scores: dict[str, float] = {}
    evidence: dict[str, list[dict]] = {}
    for classifier in classifiers():
        result = classifier.score(text, {**context, "other_scores": dict(scores)})
        scores[classifier.name] = round(result.score, 4)
        evidence[classifier.name] = [
            {"start": item.start, "end": item.end, "reason": item.reason, "weight": item.weight,
             "text": text[item.start : item.end]}
            for item in result.evidence
        ]
    return scores, evidence


def screen(post: Model, policies: list[Policy]) -> Outcome:
    """Screen one post against the given (enabled) policies. Reads, never writes."""
    adapter = get_adapter()
    body = adapter.get_body(post)
    render: PostRender = disclosure_services.rendered_post(post)
    disclosure = (
        Disclosure.objects.filter(post=post).prefetch_related("assistance", "revisions").first()
    )
    own_text = authored_text(render.html)
    drafting_types = {
        block_type.slug
        for block_type in disclosure_selectors.block_types()
        if block_type.assistance_kind == "drafting"
    }
    drafted = sum(b["text_length"] for b in render.blocks if b["type"] in drafting_types)
    drafted_share = round(drafted / render.text_length, 4) if render.text_length else 0.0
    published_at = adapter.get_published_at(post)
    updated_at = adapter.get_updated_at(post)
    edited = bool(published_at and updated_at and updated_at - published_at > EDIT_GRACE)

    context = {
        "disclosure": _disclosure_context(disclosure, published_at),
        "content": {
            "length": render.text_length,
            "words": len(own_text.split()),
            "ai_share": render.ai_share,
            "drafted_share": drafted_share,
            "blocks": len(render.blocks),
            "block_types": sorted({block["type"] for block in render.blocks}),
        },
        "author": _author_context(adapter, post),
        "post": {
            "first_post": not adapter.published_posts_by(adapter.get_author(post))
            .exclude(pk=post.pk)
            .exists(),
            "edited_after_publish": edited,
            "age_hours": round((timezone.now() - published_at).total_seconds() / 3600, 2)
            if published_at
            else 0.0,
        },
    }
    scores, evidence = score(
        own_text,
        {
            "human_only": context["disclosure"]["human_only"],
            "ai_share_estimate_max": context["disclosure"]["ai_share_estimate_max"]
            if disclosure and disclosure.ai_share_estimate
            else None,
            "measured_ai_share": drafted_share,
            "ai_block_count": len(render.blocks),
            "edited_after_publish": edited,
        },
    )
    context["scores"] = scores
    context["thresholds"] = {c.name: c.flag_threshold for c in classifiers()}
    results = engine.evaluate_all([policy.expression for policy in policies], context)
    matched = [
        {
            "policy": policy.pk,
            "name": policy.name,
            "version": policy.version,
            "action": policy.action,
            "priority": policy.priority,
            "reason": policy.reason,
        }
        for policy, result in zip(policies, results, strict=True)
        if result is True
    ]
    policy_errors = [
        {"policy": policy.pk, "name": policy.name, "version": policy.version,
         "message": result.message}
        for policy, result in zip(policies, results, strict=True)
        if isinstance(result, engine.EvaluationError)
    ]
    versions = classifier_versions()
    policy_versions = {str(policy.pk): policy.version for policy in policies}
    revision = context["disclosure"]["revisions"]
    key = hashlib.sha256(
        json.dumps(
            [post.pk, render.content_hash, revision, versions, policy_versions], sort_keys=True
        ).encode()
    ).hexdigest()
    return Outcome(
        key=key,
        content_hash=content_hash(body),
        scores=scores,
        evidence=evidence,
        context=context,
        classifier_versions=versions,
        policy_versions=policy_versions,
        matched=matched,
        policy_errors=policy_errors,
    )


def _disclosure_context(disclosure: Disclosure | None, published_at) -> dict:
    if disclosure is None:
        return {
            "present": False, "human_only": False, "autonomous": False, "assistance": [],
            "models": [],
            "ai_share_estimate": "", "ai_share_estimate_max": 1.0, "expertise": "",
            "form_version": 0, "revisions": 0, "changed_after_publish": False,
        }
    revisions = list(disclosure.revisions.all())
    estimate = disclosure.ai_share_estimate
    return {
        "present": True,
        "human_only": disclosure.human_only,
        "autonomous": disclosure.autonomous,
        "assistance": sorted(kind.slug for kind in disclosure.assistance.all()),
        "models": list(disclosure.models_used),
        "ai_share_estimate": estimate,
        "ai_share_estimate_max": 0.0 if disclosure.human_only
        else AIShareEstimate(estimate).bounds[1] if estimate else 1.0,
        "expertise": disclosure.expertise,
        "form_version": disclosure.form_version,
        "revisions": len(revisions),
        "changed_after_publish": bool(
            published_at
            and any(revision.created_at > published_at + EDIT_GRACE for revision in revisions)
        ),
    }


def _author_context(adapter, post: Model) -> dict:
    author = adapter.get_author(post)
    others = adapter.published_posts_by(author).exclude(pk=post.pk)
    items = ReviewItem.objects.filter(post__in=others)
    not_approved = items.filter(
        status__in=[*ACTIVE_STATUSES, ReviewStatus.DELISTED, ReviewStatus.REJECTED]
    ).values("post")
    joined = getattr(author, "date_joined", None)
    return {
        "account_age_days": (timezone.now() - joined).days if joined else 0,
        "approved_posts": others.exclude(pk__in=not_approved).count(),
        "prior_flags": items.count(),
        "delisted_posts": items.filter(status=ReviewStatus.DELISTED).count(),
    }


def review_priority(matched: list[dict]) -> int:
    """An item's priority is that of the most important policy that fired."""
    return max((match["priority"] for match in matched), default=0)


def needs_review(matched: list[dict]) -> list[dict]:
    """The matches that call for a moderator (``label`` policies only annotate)."""
    return [match for match in matched if match["action"] != PolicyAction.LABEL]
