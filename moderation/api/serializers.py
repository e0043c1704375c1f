"""Request and response shapes of the moderation API."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from ai_disclosure.api.base import StrictBooleanField, StrictSerializer, TextField
from ai_disclosure.api.suggestions import SuggestionSerializer

from .. import selectors
from ..models import Decision, Policy, PolicyAction, PolicyMode, ReviewStatus
from ..policies.budget import MAX_LENGTH

SCORES_ARE_EVIDENCE = _(
    "Scores and evidence are hints for a human moderator, never a verdict: nothing is "
    "decided by them alone."
)


class StrictIntegerField(serializers.IntegerField):
    """JSON integers only (DRF's also takes ``"5"`` and ``5.0``)."""

    def to_internal_value(self, data: Any) -> int:
        """Refuse booleans and anything that is not already an integer."""
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictFloatField(serializers.FloatField):
    """JSON numbers only (DRF's also takes ``"0.5"`` and ``true``)."""

    def to_internal_value(self, data: Any) -> float:
        """Refuse booleans and anything that is not already a number."""
        if isinstance(data, bool) or not isinstance(data, int | float):
            self.fail("invalid")
        return super().to_internal_value(data)


# --- input ------------------------------------------------------------------------------


class QueueQuerySerializer(StrictSerializer):
    """The queue's filters, as query parameters; all optional."""

    status = serializers.ChoiceField(
        choices=list(selectors.STATUS_FILTERS), default="active",
        help_text=_("active (open or claimed, the default), open, claimed, info_requested, "
                    "appealed, approved, delisted, rejected or all."),
    )
    policy = serializers.IntegerField(
        required=False, min_value=1, max_value=2**63 - 1,
        help_text=_("Only items a policy (by id) flagged."),
    )
    type = serializers.SlugField(
        required=False, max_length=40, help_text=_("Only items about this content type.")
    )
    assistance = serializers.SlugField(
        required=False, max_length=40, help_text=_("Only posts declaring this kind of AI help.")
    )
    score_min = serializers.FloatField(required=False, min_value=0, max_value=1)
    score_max = serializers.FloatField(required=False, min_value=0, max_value=1)
    new_authors = serializers.BooleanField(
        required=False, default=False, help_text=_("Only authors with few approved posts.")
    )
    q = serializers.CharField(
        required=False, max_length=100, help_text=_("Search in titles and usernames.")
    )
    after = serializers.CharField(
        required=False, max_length=200,
        help_text=_("The ``next_cursor`` of the previous page (keyset pagination)."),
    )
    limit = serializers.IntegerField(required=False, default=50, min_value=1, max_value=200)

    def filters(self) -> selectors.QueueFilters:
        """The validated query as the selector's filters."""
        values = self.validated_data
        return selectors.QueueFilters(
            status=values["status"],
            type=values.get("type", ""),
            policy=values.get("policy"),
            assistance=values.get("assistance", ""),
            score_min=values.get("score_min"),
            score_max=values.get("score_max"),
            new_authors=values.get("new_authors", False),
            q=values.get("q", "").strip(),
        )


class ResolveSerializer(StrictSerializer):
    """A moderator's decision: the decision, an internal note, and what the author is told."""

    decision = serializers.ChoiceField(choices=Decision.choices)
    note = TextField(
        required=False, allow_blank=True, default="", max_length=5000,
        help_text=_("Internal note, for moderators only."),
    )
    message = TextField(
        required=False, allow_blank=True, default="", max_length=5000,
        help_text=_("What the author is told (else the template's message)."),
    )
    template = StrictIntegerField(
        required=False, allow_null=True, default=None, min_value=1, max_value=2**63 - 1,
        help_text=_("Id of a reason template whose message the author gets."),
    )


class PolicyWriteSerializer(StrictSerializer):
    """A new policy; its expression is compiled and its cost checked before it is saved."""

    name = TextField(max_length=Policy._meta.get_field("name").max_length)
    expression = TextField(
        max_length=MAX_LENGTH,
        help_text=_("A CEL expression over disclosure.*, content.*, author.*, scores.*, post.*; "
                    "compiled and checked against its cost budget on save (400 naming the "
                    "error or the limit otherwise)."),
    )
    action = serializers.ChoiceField(choices=PolicyAction.choices, default=PolicyAction.FLAG)
    priority = StrictIntegerField(min_value=0, max_value=100, default=50)
    reason = TextField(max_length=Policy._meta.get_field("reason").max_length)
    enabled = StrictBooleanField(default=False)
    mode = serializers.ChoiceField(
        choices=PolicyMode.choices, default=PolicyMode.ACTIVE,
        help_text=_("shadow: the policy's matches are only recorded and compared with "
                    "moderators' decisions on the dashboard; no review item is created."),
    )
    target_precision = StrictFloatField(
        required=False, allow_null=True, default=None, min_value=0, max_value=1,
        help_text=_("Optional, 0–1: the dashboard warns when the policy's recent precision "
                    "falls below it."),
    )


class BacktestRequestSerializer(StrictSerializer):
    """Backtest options: a draft expression instead of the saved one, and how far back to look."""

    expression = TextField(
        required=False, max_length=MAX_LENGTH,
        help_text=_("A draft expression to try instead of the policy's saved one."),
    )
    limit = StrictIntegerField(
        required=False, default=1000, min_value=1, max_value=5000,
        help_text=_("How many of the most recent screenings to evaluate."),
    )


# --- output -----------------------------------------------------------------------------


class AuthorSerializer(serializers.Serializer):
    """What the queue shows about a post's author, to weigh new accounts."""

    username = serializers.CharField(allow_null=True)
    account_age_days = serializers.IntegerField(allow_null=True)
    approved_posts = serializers.IntegerField()
    is_new = serializers.BooleanField()


class ReasonSerializer(serializers.Serializer):
    """A policy that fired."""

    name = serializers.CharField(required=False)
    version = serializers.IntegerField(required=False)
    action = serializers.CharField(required=False)
    priority = serializers.IntegerField(required=False)
    reason = serializers.CharField(required=False, allow_blank=True)


class QueueItemSerializer(serializers.Serializer):
    """One row of the queue: why the item is there and how urgent it is."""

    id = serializers.IntegerField()
    status = serializers.ChoiceField(choices=ReviewStatus.choices)
    priority = serializers.IntegerField()
    top_score = serializers.FloatField(help_text=SCORES_ARE_EVIDENCE)
    held = serializers.BooleanField(help_text=_("Hidden from readers until approved."))
    type = serializers.CharField(help_text=_("The content type (post, comment…)."))
    object_id = serializers.CharField(help_text=_("The id of the post (comment…) in its type."))
    title = serializers.CharField(allow_blank=True)
    reasons = serializers.ListField(child=serializers.CharField())
    disclosure_summary = serializers.CharField()
    author = AuthorSerializer()
    claimed_by = serializers.CharField(allow_null=True)
    claimed_at = serializers.DateTimeField(allow_null=True)
    created_at = serializers.DateTimeField()


class QueuePageSerializer(serializers.Serializer):
    """One page of the queue and the cursor for the next."""

    results = QueueItemSerializer(many=True)
    next_cursor = serializers.CharField(
        allow_null=True, help_text=_("Pass as ``after`` for the next page; null on the last.")
    )


class EvidenceSerializer(serializers.Serializer):
    """One piece of classifier evidence: what was found, where, and how strongly."""

    classifier = serializers.CharField()
    reason = serializers.CharField(required=False, allow_blank=True)
    start = serializers.IntegerField(required=False, allow_null=True)
    end = serializers.IntegerField(required=False, allow_null=True)
    weight = serializers.FloatField(required=False, allow_null=True)


class AuditEntrySerializer(serializers.Serializer):
    """One line of an item's audit log: who moved it from which status to which."""

    action = serializers.CharField()
    actor = serializers.CharField(allow_null=True)
    from_status = serializers.CharField(allow_blank=True)
    to_status = serializers.CharField(allow_blank=True)
    decision = serializers.CharField(allow_blank=True)
    note = serializers.CharField(allow_blank=True)
    self_review = serializers.BooleanField(
        help_text="A moderator acted on their own post (AI_MODERATION_ALLOW_SELF_REVIEW)."
    )
    created_at = serializers.DateTimeField()


class RevisionSummarySerializer(serializers.Serializer):
    """One revision of the post's disclosure, marked when made after the flag."""

    number = serializers.IntegerField()
    created_at = serializers.DateTimeField()
    changed_by = serializers.CharField(allow_null=True)
    changes = serializers.DictField(child=serializers.ListField())
    after_flag = serializers.BooleanField(help_text=_("Changed after the post was flagged."))


class HistorySerializer(serializers.Serializer):
    """One earlier review item of the same author, for context."""

    id = serializers.IntegerField()
    type = serializers.CharField(help_text=_("The content type (post, comment…)."))
    title = serializers.CharField(allow_blank=True)
    status = serializers.CharField()
    created_at = serializers.DateTimeField()


class ItemReportSerializer(serializers.Serializer):
    """A reader's report of the post, with the reporter's accuracy."""

    reporter = serializers.CharField()
    reason = serializers.CharField()
    created_at = serializers.DateTimeField()
    outcome = serializers.CharField()
    reporter_upheld = serializers.IntegerField(help_text=_("The reporter's upheld reports."))
    reporter_decided = serializers.IntegerField(
        help_text=_("The reporter's reports a moderator decided on."))
    weight = serializers.FloatField(
        help_text=_("The report's weight in reports.weighted: (upheld + 1) / (decided + 2)."))


class ItemDetailSerializer(QueueItemSerializer):
    """One review item with everything a moderator decides on."""

    note = serializers.CharField(help_text=_("How to read scores and evidence."))
    html = serializers.CharField(
        allow_blank=True, help_text=_("The post, sanitized, with evidence spans highlighted.")
    )
    ai_share = serializers.FloatField()
    blocks = serializers.ListField(child=serializers.DictField())
    scores = serializers.DictField(child=serializers.FloatField(), help_text=SCORES_ARE_EVIDENCE)
    evidence = serializers.ListField(child=serializers.DictField())
    classifier_versions = serializers.DictField(child=serializers.CharField())
    policies = ReasonSerializer(many=True)
    unknown_models = serializers.ListField(
        child=serializers.CharField(),
        help_text=_("Model names in the disclosure that match no model in the registry."),
    )
    revisions = RevisionSummarySerializer(many=True)
    tool_suggestions = SuggestionSerializer(
        many=True,
        help_text=_("What AI tools recorded on the post and whether the author accepted or "
                    "dismissed it."),
    )
    history = HistorySerializer(many=True)
    escalated = serializers.BooleanField()
    audit = AuditEntrySerializer(many=True)
    reports = ItemReportSerializer(many=True)


class PolicySerializer(serializers.Serializer):
    """A policy as moderators read it in the API."""

    id = serializers.IntegerField()
    name = serializers.CharField()
    expression = serializers.CharField()
    action = serializers.ChoiceField(choices=PolicyAction.choices)
    priority = serializers.IntegerField()
    reason = serializers.CharField()
    enabled = serializers.BooleanField()
    mode = serializers.ChoiceField(choices=PolicyMode.choices)
    target_precision = serializers.FloatField(allow_null=True)
    version = serializers.IntegerField()
    updated_at = serializers.DateTimeField()


class BacktestSerializer(serializers.Serializer):
    """What a policy (or a draft expression) would have matched among recent screenings."""

    policy = serializers.IntegerField()
    expression = serializers.CharField()
    screened = serializers.IntegerField(help_text=_("Recent screenings evaluated."))
    matched = serializers.IntegerField()
    matched_content_ids = serializers.ListField(child=serializers.IntegerField())
    complete = serializers.BooleanField(
        help_text=_("False when the time limit stopped the backtest before ``limit`` posts; "
                    "``screened`` says how many of the newest it evaluated."),
    )
    failures = serializers.DictField(
        child=serializers.IntegerField(),
        help_text=_("Posts on which the expression failed (counted as not matched), "
                    "by the engine's message."),
    )
