"""The moderation API. Each view checks input, calls one selector or service (the same the
pages use) and turns its result into the documented shape.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.db.models import Model
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from ai_disclosure.api.base import (
    ApiView,
    error_responses,
    get_object_or_404,
    object_id_parameter,
)
from ai_disclosure.api.exceptions import Conflict

from .. import selectors, services
from ..models import Policy, ReviewItem
from ..policies.engine import PolicyExpressionError
from . import serializers
from .permissions import CanAddPolicies, IsModerator

TAGS = ["moderation"]
ITEM_ID = object_id_parameter("item_id", ReviewItem, "The review item's id.")
POLICY_ID = object_id_parameter("policy_id", Policy, "The policy's id.")


def _name(user) -> str | None:
    return user.get_username() if user is not None else None


def _row(item: ReviewItem, *, author_stats, disclosure_summary: str, reasons) -> dict:
    stats = author_stats
    return {
        "id": item.pk,
        "status": item.status,
        "priority": item.priority,
        "top_score": item.top_score,
        "held": item.held,
        "type": item.content.kind,
        "object_id": str(item.content.object_id),
        "title": item.post_title,
        "reasons": list(reasons),
        "disclosure_summary": disclosure_summary,
        "author": {
            "username": _name(item.author),
            "account_age_days": stats.account_age_days if stats else None,
            "approved_posts": stats.approved_posts if stats else 0,
            "is_new": stats.is_new if stats else True,
        },
        "claimed_by": _name(item.claimed_by),
        "claimed_at": item.claimed_at,
        "created_at": item.created_at,
    }


def item_representation(item_id: int) -> dict:
    """An item as ``ItemDetailSerializer`` shows it, from ``selectors.item_detail``."""
    detail = selectors.item_detail(item_id)
    item = detail.item
    return serializers.ItemDetailSerializer({
        **_row(
            item,
            author_stats=detail.author_stats,
            disclosure_summary=detail.disclosure_summary,
            reasons=[reason.get("name", "") for reason in detail.policies],
        ),
        "title": detail.title,
        "note": serializers.SCORES_ARE_EVIDENCE,
        "html": detail.highlighted_html,
        "ai_share": detail.render.ai_share,
        "blocks": detail.render.blocks,
        "scores": detail.scores,
        "evidence": detail.evidence,
        "classifier_versions": detail.classifier_versions,
        "policies": detail.policies,
        "unknown_models": detail.unknown_models,
        "revisions": [
            {
                "number": revision.number,
                "created_at": revision.created_at,
                "changed_by": _name(revision.changed_by),
                "changes": revision.changes,
                "after_flag": revision.after_flag,
            }
            for revision in detail.revisions
        ],
        "tool_suggestions": detail.tool_suggestions,
        "history": [
            {"id": other.pk, "type": other.content.kind, "title": other.post_title,
             "status": other.status, "created_at": other.created_at}
            for other in detail.history
        ],
        "escalated": detail.escalated,
        "reports": [
            {"reporter": _name(view.report.reporter), "reason": view.report.reason,
             "created_at": view.report.created_at, "outcome": view.report.outcome,
             "reporter_upheld": view.upheld, "reporter_decided": view.decided,
             "weight": view.weight}
            for view in detail.reports
        ],
        "audit": [
            {"action": entry.action, "actor": _name(entry.actor),
             "from_status": entry.from_status, "to_status": entry.to_status,
             "decision": entry.decision, "note": entry.note,
             "self_review": entry.self_review, "created_at": entry.created_at}
            for entry in detail.audit
        ],
    }).data


class ModeratorView(ApiView):
    """Base of the moderation API: moderators only, service errors mapped to HTTP codes."""

    permission_classes = [IsModerator]

    def handle_exception(self, exc: Exception) -> Response:
        """Answer claim conflicts and bad transitions with 409, a refused permission with 403."""
        # The services raise their own errors; each has one HTTP meaning.
        if isinstance(exc, services.ClaimConflict):
            exc = Conflict(str(exc), code="claim_conflict")
        elif isinstance(exc, services.TransitionError):
            exc = Conflict(str(exc), code="invalid_transition")
        elif isinstance(exc, DjangoPermissionDenied):
            exc = PermissionDenied(str(exc) or None)
        return super().handle_exception(exc)


class QueueView(ModeratorView):
    """The review queue, filtered and paginated by cursor."""

    @extend_schema(
        tags=TAGS,
        operation_id="moderation_queue",
        summary="The review queue",
        description="Review items matching the filters, most urgent first (priority, then "
        "age), one page at a time with a cursor.",
        parameters=[serializers.QueueQuerySerializer],
        responses={200: serializers.QueuePageSerializer, **error_responses(400, 401, 403)},
    )
    def get(self, request: Request) -> Response:
        """One page of the queue for the validated filters."""
        query = serializers.QueueQuerySerializer(data=request.query_params.dict())
        query.is_valid(raise_exception=True)
        page = selectors.queue(
            filters=query.filters(),
            after=query.validated_data.get("after"),
            limit=query.validated_data["limit"],
        )
        return Response(serializers.QueuePageSerializer({
            "results": [
                _row(row.item, author_stats=row.author,
                     disclosure_summary=row.disclosure_summary, reasons=row.reasons)
                for row in page.rows
            ],
            "next_cursor": page.next_cursor,
        }).data)


class ItemObjectMixin:
    """Looks up the review item named in the URL, or 404."""

    def get_item(self, item_id: str) -> Model:
        """The review item with this id, or 404."""
        return get_object_or_404(ReviewItem.objects.all(), item_id)


class ItemView(ItemObjectMixin, ModeratorView):
    """One review item with its evidence."""

    @extend_schema(
        tags=TAGS,
        operation_id="moderation_item",
        summary="One review item, with evidence",
        description="The post (sanitized, evidence highlighted), the policies that fired, the "
        "classifier scores and evidence, the disclosure's revisions, the author's history and "
        "the item's audit log.",
        parameters=[ITEM_ID],
        responses={200: serializers.ItemDetailSerializer, **error_responses(401, 403, 404)},
    )
    def get(self, request: Request, item_id: str) -> Response:
        """The item as ``ItemDetailSerializer`` shows it."""
        return Response(item_representation(self.get_item(item_id).pk))


class ClaimView(ItemObjectMixin, ModeratorView):
    """Claiming an item so no other moderator works on it."""

    @extend_schema(
        tags=TAGS,
        operation_id="moderation_item_claim",
        summary="Claim an item",
        description="Take the item so no other moderator works on it (or renew your claim); "
        "your previous claim is released (one claim at a time by default). 409 while another "
        "moderator holds it, or when it is no longer waiting; 403 for your own post.",
        parameters=[ITEM_ID],
        request=None,
        responses={200: serializers.ItemDetailSerializer, **error_responses(401, 403, 404, 409)},
    )
    def post(self, request: Request, item_id: str) -> Response:
        """Claim the item (or renew the claim) and return it."""
        item = services.claim_item(item=self.get_item(item_id), moderator=request.user)
        return Response(item_representation(item.pk))


class ReleaseView(ItemObjectMixin, ModeratorView):
    """Giving a claimed item back to the queue."""

    @extend_schema(
        tags=TAGS,
        operation_id="moderation_item_release",
        summary="Release a claimed item",
        description="Give the item back to the queue. 409 if you do not hold it.",
        parameters=[ITEM_ID],
        request=None,
        responses={200: serializers.ItemDetailSerializer, **error_responses(401, 403, 404, 409)},
    )
    def post(self, request: Request, item_id: str) -> Response:
        """Release the item and return it."""
        item = services.release_item(item=self.get_item(item_id), moderator=request.user)
        return Response(item_representation(item.pk))


class ResolveView(ItemObjectMixin, ModeratorView):
    """Deciding an item."""

    @extend_schema(
        tags=TAGS,
        operation_id="moderation_item_resolve",
        summary="Decide an item",
        description="approve, delist, reject or request_info, with an internal note and a "
        "message (or reason template) for the author. An open item need not be claimed first. "
        "A reject needs a message or template (400 otherwise); a delist without one tells the "
        "author the reason of the policy that fired. 409 when another moderator holds the "
        "item or it was already decided; 403 for your own post.",
        parameters=[ITEM_ID],
        request=serializers.ResolveSerializer,
        responses={
            200: serializers.ItemDetailSerializer,
            **error_responses(400, 401, 403, 404, 409),
        },
    )
    def post(self, request: Request, item_id: str) -> Response:
        """Record the decision and what the author is told, and return the item."""
        item = self.get_item(item_id)
        incoming = serializers.ResolveSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        values = incoming.validated_data
        template = None
        if values["template"] is not None:
            template = selectors.reason_templates().filter(pk=values["template"]).first()
            if template is None:
                raise ValidationError({"template": ["No active reason template with this id."]})
        resolved = services.resolve_item(
            item=item, moderator=request.user, decision=values["decision"], note=values["note"],
            template=template, message=values["message"],
        )
        return Response(item_representation(resolved.pk))


def _policy_data(policy: Policy) -> dict:
    return serializers.PolicySerializer(policy).data


class PolicyListView(ModeratorView):
    """The policies: listed for moderators, created by admins."""

    permission_classes = [IsModerator, CanAddPolicies]

    @extend_schema(
        tags=TAGS,
        operation_id="moderation_policies",
        summary="All policies",
        responses={
            200: OpenApiResponse(serializers.PolicySerializer(many=True)),
            **error_responses(401, 403),
        },
    )
    def get(self, request: Request) -> Response:
        """Every policy."""
        return Response([_policy_data(policy) for policy in Policy.objects.all()])

    @extend_schema(
        tags=TAGS,
        operation_id="moderation_policy_create",
        summary="Create a policy",
        description="The expression is compiled first; a bad one is refused with 400 and a "
        "message under ``errors.expression``. New policies start disabled unless "
        "``enabled`` is true; backtest them first.",
        request=serializers.PolicyWriteSerializer,
        responses={201: serializers.PolicySerializer, **error_responses(400, 401, 403)},
    )
    def post(self, request: Request) -> Response:
        """Create a policy with a unique name and a compiling, affordable expression."""
        incoming = serializers.PolicyWriteSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        values = incoming.validated_data
        if Policy.objects.filter(name=values["name"]).exists():
            raise ValidationError({"name": ["A policy with this name exists."]})
        try:
            policy = services.save_policy(policy=Policy(**values), user=request.user)
        except PolicyExpressionError as error:
            raise ValidationError({"expression": [str(error)]}) from error
        return Response(_policy_data(policy), status=status.HTTP_201_CREATED)


class BacktestView(ModeratorView):
    """Backtesting a policy against recent screenings."""

    @extend_schema(
        tags=TAGS,
        operation_id="moderation_policy_backtest",
        summary="Backtest a policy",
        description="What the policy (or a draft ``expression``) would have matched among the "
        "most recently screened posts, the newest first, for at most half a second "
        "(``complete`` says whether all ``limit`` posts were used). Nothing is saved.",
        parameters=[POLICY_ID],
        request=serializers.BacktestRequestSerializer,
        responses={200: serializers.BacktestSerializer, **error_responses(400, 401, 403, 404)},
    )
    def post(self, request: Request, policy_id: str) -> Response:
        """Evaluate the policy or the draft expression; a bad expression is a 400."""
        policy = get_object_or_404(Policy.objects.all(), policy_id)
        incoming = serializers.BacktestRequestSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        expression = incoming.validated_data.get("expression") or policy.expression
        try:
            result = services.backtest(
                expression=expression, limit=incoming.validated_data["limit"]
            )
        except PolicyExpressionError as error:
            raise ValidationError({"expression": [str(error)]}) from error
        return Response(serializers.BacktestSerializer({
            "policy": policy.pk,
            "expression": expression,
            "screened": result.screened,
            "matched": len(result.matched_content_ids),
            "matched_content_ids": result.matched_content_ids,
            "failures": result.failures,
            "complete": result.complete,
        }).data)


