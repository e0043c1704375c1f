"""Writes, one module per flow (screening, policies, triage, data rights); importable from
here."""

from .data_rights import (  # noqa: F401
    anonymise_user,
)
from .facets import (  # noqa: F401
    copy_status_to_facets,
    write_facets,
)
from .policies import (  # noqa: F401
    BacktestResult,
    backtest,
    save_policy,
)
from .screening import (  # noqa: F401
    enabled_policies,
    hold_if_escalated,
    screen_post,
    stale_post_ids,
)
from .triage import (  # noqa: F401
    DEFAULT_INFO_REQUEST,
    AppealNotAllowed,
    ClaimConflict,
    ModerationError,
    TransitionError,
    appeal,
    bulk_resolve,
    claim_item,
    claim_next,
    log_action,
    note_post_edited,
    release_item,
    reply_to_request,
    resolve_item,
    undo_resolution,
)
