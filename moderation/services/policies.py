"""Writes of the policy flow: save and version a policy, backtest a draft."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from django.db import transaction

from ..models import (
    Policy,
    PolicyVersion,
    Screening,
)
from ..policies import engine

#: The fields a ``PolicyVersion`` records: changing any of them changes what the policy does.
VERSIONED_FIELDS = ("expression", "action", "priority", "reason", "enabled", "mode")


#: Seconds a backtest may evaluate for, so one request stays well under a second of CPU
#: even for the costliest expression the budget accepts (a few ms per post).
BACKTEST_SECONDS = 0.5


@dataclass
class BacktestResult:
    """What a draft policy would have matched among recently screened posts."""

    screened: int
    matched_content_ids: list[int]
    #: Posts on which the expression failed (they count as not matched), by message.
    failures: dict[str, int] = field(default_factory=dict)
    #: False when the time limit stopped it before ``limit`` posts (the newest were used).
    complete: bool = True


def backtest(*, expression: str, limit: int = 1000,
             seconds: float | None = BACKTEST_SECONDS) -> BacktestResult:
    """Evaluate an expression over the stored contexts of the most recent screenings, the
    newest first, for at most ``seconds`` (``None``: no time limit, for the command line).

    Raises ``PolicyExpressionError`` for an expression that does not compile or is over its
    cost budget, before any post is read.
    """
    engine.compile_expression(expression)
    recent = (Screening.objects.order_by("-screened_at").values_list("content_id", "context")
              [:limit].iterator(chunk_size=200))
    result = BacktestResult(screened=0, matched_content_ids=[])
    deadline = time.monotonic() + seconds if seconds is not None else None
    for content_id, context in recent:
        if deadline is not None and time.monotonic() >= deadline:
            result.complete = False
            break
        outcome = engine.evaluate(expression, context)
        result.screened += 1
        if isinstance(outcome, engine.EvaluationError):
            result.failures[outcome.message] = result.failures.get(outcome.message, 0) + 1
        elif outcome:
            result.matched_content_ids.append(content_id)
    return result


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
