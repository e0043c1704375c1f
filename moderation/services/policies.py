"""Writes of the policy flow: save and version a policy, backtest a draft."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from ..models import (
    Policy,
    PolicyVersion,
    Screening,
)
from ..policies import engine


@dataclass
class BacktestResult:
    """What a draft policy would have matched among recently screened posts."""

    screened: int
    matched_post_ids: list[int]


def backtest(*, expression: str, limit: int = 1000) -> BacktestResult:
    """Evaluate an expression over the stored contexts of the most recent screenings.

    Raises ``PolicyExpressionError`` for an expression that does not compile.
    """
    engine.compile_expression(expression)
    recent = Screening.objects.order_by("-screened_at").values_list("post_id", "context")[:limit]
    matched = [post_id for post_id, context in recent if engine.evaluate(expression, context)]
    return BacktestResult(screened=len(recent), matched_post_ids=matched)


@transaction.atomic
def save_policy(*, policy: Policy, user) -> Policy:
    """Compile, save and version a policy. Raises ``PolicyExpressionError`` if it is invalid."""
    engine.compile_expression(policy.expression)
    if policy.pk:
        previous = Policy.objects.select_for_update().get(pk=policy.pk)
        policy.version = previous.version + 1
    policy.save()
    PolicyVersion.objects.create(
        policy=policy,
        version=policy.version,
        expression=policy.expression,
        action=policy.action,
        priority=policy.priority,
        reason=policy.reason,
        enabled=policy.enabled,
        changed_by=user if user and user.is_authenticated else None,
    )
    return policy
