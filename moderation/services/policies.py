"""Writes of the policy flow: save and version a policy, backtest a draft."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction

from ..models import (
    Policy,
    PolicyVersion,
    Screening,
)
from ..policies import engine

#: The fields a ``PolicyVersion`` records: changing any of them changes what the policy does.
VERSIONED_FIELDS = ("expression", "action", "priority", "reason", "enabled")


@dataclass
class BacktestResult:
    """What a draft policy would have matched among recently screened posts."""

    screened: int
    matched_post_ids: list[int]
    #: Posts on which the expression failed (they count as not matched), by message.
    failures: dict[str, int] = field(default_factory=dict)


def backtest(*, expression: str, limit: int = 1000) -> BacktestResult:
    """Evaluate an expression over the stored contexts of the most recent screenings.

    Raises ``PolicyExpressionError`` for an expression that does not compile or is over its
    cost budget, before any post is read.
    """
    engine.compile_expression(expression)
    recent = Screening.objects.order_by("-screened_at").values_list("post_id", "context")[:limit]
    matched: list[int] = []
    failures: dict[str, int] = {}
    for post_id, context in recent:
        result = engine.evaluate(expression, context)
        if isinstance(result, engine.EvaluationError):
            failures[result.message] = failures.get(result.message, 0) + 1
        elif result:
            matched.append(post_id)
    return BacktestResult(screened=len(recent), matched_post_ids=matched, failures=failures)


@transaction.atomic
def save_policy(*, policy: Policy, user) -> Policy:
    """Compile, save and version a policy. Raises ``PolicyExpressionError`` if it is invalid.

    A save that changes none of the versioned fields (a rename, or saving the form
    unchanged) keeps the version, so screenings stay current and no post is re-screened.
    """
    engine.compile_expression(policy.expression)
    if policy.pk:
        previous = Policy.objects.select_for_update().get(pk=policy.pk)
        if all(getattr(previous, name) == getattr(policy, name) for name in VERSIONED_FIELDS):
            policy.version = previous.version
            policy.save()
            return policy
        policy.version = previous.version + 1
    policy.save()
    PolicyVersion.objects.create(
        policy=policy,
        changed_by=user if user and user.is_authenticated else None,
        version=policy.version,
        **{name: getattr(policy, name) for name in VERSIONED_FIELDS},
    )
    return policy
