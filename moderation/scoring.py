"""The pure steps of screening: what one object's facts make of it, with no database access.

``selectors.screening`` reads the facts of a batch of content (any registered type), this
module turns each into classifier scores, the policy context and the policies that matched
(an ``Outcome``), and ``services.screening`` stores the outcomes. Kept free of queries so it
can be tested and benchmarked on its own.
"""

from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from django.db.models import Model
from django.utils import timezone

from ai_disclosure.models import AIShareEstimate, Content, ContentRender, Disclosure

from .app_settings import app_settings
from .classifiers.base import Classifier, load_classifiers
from .classifiers.language_model import cached_hint, calibration
from .model_registry import ModelRegistry
from .models import Policy, PolicyAction, PolicyMode
from .policies import engine
from .text import authored_text

if TYPE_CHECKING:
    from .selectors.authors import AuthorStats

#: A change within this time of publishing counts as part of publishing, not an edit.
EDIT_GRACE = timedelta(minutes=5)


@functools.lru_cache(maxsize=8)
def _classifiers(paths: tuple[str, ...]) -> list[Classifier]:
    return load_classifiers(paths)


def classifiers() -> list[Classifier]:
    """The configured classifiers, loaded once per process."""
    return _classifiers(tuple(app_settings.CLASSIFIERS))


def classifier_versions() -> dict[str, str]:
    """Each configured classifier's version, by name (the language-model hint's too, when on)."""
    versions = {classifier.name: classifier.version for classifier in classifiers()}
    # -- language-model hint (optional [lm] extra; see services.language_model) --
    if app_settings.LANGUAGE_MODEL_ENABLED:
        versions["language_model"] = calibration()["version"]
    return versions


def policy_versions(policies: list[Policy]) -> dict[str, int]:
    """Each policy's version, by id (as a string, the way it is stored in JSON)."""
    return {str(policy.pk): policy.version for policy in policies}


def screening_key(
    *, content_id: int, body_hash: str, disclosure_revision: int, policies: list[Policy],
    registry_version: str, cosigned: bool = False, reports: dict | None = None,
) -> str:
    """What a screening depends on, hashed: the body, the disclosure's revision, whether an
    expert co-signed the current text, the readers' open reports (``reports`` of the policy
    context), the classifier and policy versions (shadow policies' too, so their matches are
    recorded for every post) and the model registry's version. Computed before any classifier
    runs, so screening the same inputs again is recognised at once.
    """
    inputs = [content_id, body_hash, disclosure_revision, classifier_versions(),
              policy_versions(policies), registry_version]
    if cosigned:  # appended only when true, so keys of posts without co-signing stay the same
        inputs.append("cosigned")
    if reports and reports["count"]:  # likewise only for posts with open reports
        inputs.append(["reports", reports])
    return hashlib.sha256(json.dumps(inputs, sort_keys=True).encode()).hexdigest()


@dataclass
class ContentFacts:
    """Everything screening reads about one object of a registered type
    (``selectors.screening`` gathers them): its ``Content`` row and the host object.
    """

    content: Content
    obj: Model
    parent_author_id: int | None
    body_hash: str
    render: ContentRender
    disclosure: Disclosure | None
    assistance: list[str]
    disclosure_revision: int
    #: ``{"count", "weighted"}`` of the readers' open reports (``selectors.reports``).
    reports: dict
    last_revision_at: datetime | None
    published_at: datetime | None
    updated_at: datetime | None
    author: object
    author_stats: AuthorStats
    escalated_at: datetime | None
    key: str


@dataclass
class Outcome:
    """What screening found, before it is stored."""

    facts: ContentFacts
    scores: dict[str, float]
    evidence: dict[str, list[dict]]
    context: dict
    classifier_versions: dict[str, str]
    policy_versions: dict[str, int]
    #: Active policies that matched: they open or update the post's review item.
    matched: list[dict]
    #: Shadow policies that matched: recorded only (``Screening.shadow_matched``).
    shadow_matched: list[dict]
    #: Policies that failed on this post: {"policy", "name", "version", "message"}.
    policy_errors: list[dict]

    @property
    def key(self) -> str:
        """The key of the inputs screened, so an unchanged post is not screened again."""
        return self.facts.key

    @property
    def content_hash(self) -> str:
        """The hash of the body screened, stored with the screening."""
        return self.facts.body_hash


def score(text: str, context: dict) -> tuple[dict[str, float], dict[str, list[dict]]]:
    """Run every classifier in order; later ones see earlier scores in ``other_scores``."""
    scores: dict[str, float] = {}
    evidence: dict[str, list[dict]] = {}
    # -- language-model hint: computed on its own queue, present once it is ready --
    hint = cached_hint(text)
    if hint and hint["score"] is not None:
        scores["language_model"] = hint["score"]
        evidence["language_model"] = hint["evidence"]
    # -- end of the language-model hint --
    for classifier in classifiers():
        result = classifier.score(text, {**context, "other_scores": dict(scores)})
        scores[classifier.name] = round(result.score, 4)
        evidence[classifier.name] = [item.as_dict(text) for item in result.evidence]
    return scores, evidence


def screen(facts: ContentFacts, policies: list[Policy], *, drafting_types: set[str],
           registry: ModelRegistry) -> Outcome:
    """Score one post and run the (enabled) policies on it. ``drafting_types`` are the slugs
    of the AI block types whose text the AI wrote (``content.drafted_share``); ``registry``
    is the model registry the disclosed model names are matched to.
    """
    render = facts.render
    own_text = authored_text(render.html)
    content = content_context(
        render, own_text, drafting_types, kind=facts.content.kind,
        parent_id=facts.content.parent.object_id if facts.content.parent else 0,
        parent_author_is_author=facts.parent_author_id is not None
        and facts.author is not None and facts.parent_author_id == facts.author.pk,
    )
    drafted_share = content["drafted_share"]
    published_at, updated_at = facts.published_at, facts.updated_at
    edited = bool(published_at and updated_at and updated_at - published_at > EDIT_GRACE)
    disclosure = disclosure_context(facts, registry, today=timezone.localdate())
    context = {
        "disclosure": disclosure,
        "content": content,
        "author": facts.author_stats.as_context(),
        "reports": dict(facts.reports),
        "post": {
            "first_post": facts.author_stats.published_posts == 0,
            "edited_after_publish": edited,
            "age_hours": round((timezone.now() - published_at).total_seconds() / 3600, 2)
            if published_at
            else 0.0,
        },
    }
    scores, evidence = score(
        own_text,
        {
            "human_only": disclosure["human_only"],
            "ai_share_estimate_max": disclosure["ai_share_estimate_max"]
            if facts.disclosure and facts.disclosure.ai_share_estimate
            else None,
            "measured_ai_share": drafted_share,
            "ai_block_count": len(render.blocks),
            "edited_after_publish": edited,
            # e.g. for the external detector's sending condition (only new authors' posts)
            "author": context["author"],
        },
    )
    context["scores"] = scores
    context["thresholds"] = {c.name: c.flag_threshold for c in classifiers()}
    if "language_model" in scores:
        context["thresholds"]["language_model"] = calibration()["flag_threshold"]
    results = engine.evaluate_all([policy.expression for policy in policies], context)
    matched, shadow_matched = [], []
    for policy, result in zip(policies, results, strict=True):
        if result is not True:
            continue
        if policy.mode == PolicyMode.SHADOW:
            shadow_matched.append(
                {"policy": policy.pk, "name": policy.name, "version": policy.version})
        else:
            matched.append({
                "policy": policy.pk,
                "name": policy.name,
                "version": policy.version,
                "action": policy.action,
                "priority": policy.priority,
                "reason": policy.reason,
            })
    policy_errors = [
        {"policy": policy.pk, "name": policy.name, "version": policy.version,
         "message": result.message}
        for policy, result in zip(policies, results, strict=True)
        if isinstance(result, engine.EvaluationError)
    ]
    return Outcome(
        facts=facts,
        scores=scores,
        evidence=evidence,
        context=context,
        classifier_versions=classifier_versions(),
        policy_versions=policy_versions(policies),
        matched=matched,
        shadow_matched=shadow_matched,
        policy_errors=policy_errors,
    )


def disclosure_context(facts: ContentFacts, registry: ModelRegistry, *, today: date) -> dict:
    """The ``disclosure`` map of the policy context; model names are matched to ``registry``
    and the newest model's age counted up to ``today`` (the day of screening).
    """
    disclosure = facts.disclosure
    models = registry.match(disclosure.models_used if disclosure else []).context(today)
    if disclosure is None:
        return {**NO_DISCLOSURE, **models}
    cosignature = getattr(disclosure, "cosignature", None)
    return {**models, **declared_context(
        disclosure,
        assistance=facts.assistance,
        form_version=disclosure.form_version,
        revisions=facts.disclosure_revision,
        changed_after_publish=bool(
            facts.published_at and facts.last_revision_at
            and facts.last_revision_at > facts.published_at + EDIT_GRACE
        ),
        cosigned=bool(cosignature and cosignature.is_confirmed_for(facts.body_hash)),
    )}


#: The ``disclosure`` map of a post without a disclosure (the model registry's keys apart).
NO_DISCLOSURE = {
    "present": False, "human_only": False, "autonomous": False, "assistance": [],
    "models": [], "ai_share_estimate": "", "ai_share_estimate_max": 1.0, "expertise": "",
    "cosigned": False, "form_version": 0, "revisions": 0, "changed_after_publish": False,
}


def declared_context(
    declared, *, assistance, form_version: int, revisions: int, changed_after_publish: bool,
    cosigned: bool,
) -> dict:
    """The ``disclosure`` map from what the author declared: a saved ``Disclosure`` or a
    draft's ``DisclosureData`` (the same attribute names).
    """
    estimate = declared.ai_share_estimate
    return {
        "present": True,
        "human_only": declared.human_only,
        "autonomous": declared.autonomous,
        "assistance": sorted(assistance),
        "models": list(declared.models_used),
        "ai_share_estimate": estimate,
        "ai_share_estimate_max": 0.0 if declared.human_only
        else AIShareEstimate(estimate).bounds[1] if estimate else 1.0,
        "expertise": declared.expertise,
        "cosigned": cosigned,
        "form_version": form_version,
        "revisions": revisions,
        "changed_after_publish": changed_after_publish,
    }


def content_context(render, own_text: str, drafting_types: set[str], *, kind: str = "post",
                    parent_id: int = 0, parent_author_is_author: bool = False) -> dict:
    """The ``content`` map: what was measured in the body (a ``ContentRender``'s fields and
    block dicts, or a draft's ``Rendered`` with its ``Block`` records); ``own_text`` is the
    author's own text (``text.authored_text``); ``kind`` the registered content type and
    ``parent_id`` the id of the object it answers (0 for none).
    """
    blocks = [block if isinstance(block, dict) else vars(block) for block in render.blocks]
    drafted = sum(block["text_length"] for block in blocks if block["type"] in drafting_types)
    return {
        "length": render.text_length,
        "words": len(own_text.split()),
        "ai_share": render.ai_share,
        "drafted_share": round(drafted / render.text_length, 4) if render.text_length else 0.0,
        "blocks": len(blocks),
        "block_types": sorted({block["type"] for block in blocks}),
        "type": kind,
        "parent_id": parent_id,
        "parent_author_is_author": parent_author_is_author,
    }


def review_priority(matched: list[dict]) -> int:
    """An item's priority is that of the most important policy that fired."""
    return max((match["priority"] for match in matched), default=0)


def needs_review(matched: list[dict]) -> list[dict]:
    """The matches that call for a moderator (``label`` policies only annotate)."""
    return [match for match in matched if match["action"] != PolicyAction.LABEL]
