"""Writes, one module per flow (screening, policies, triage, data rights); importable from
here.
"""

from .appeals import (  # noqa: F401
    AppealNotAllowed,
    appeal,
    note_content_edited,
    reply_to_request,
)
from .author_email import (  # noqa: F401
    save_email_preferences,
    send_author_email,
)
from .cosign_email import (  # noqa: F401
    send_cosignature_invitation,
)
from .data_rights import (  # noqa: F401
    anonymise_user,
)
from .policies import (  # noqa: F401
    BacktestResult,
    backtest,
    save_policy,
)
from .reports import (  # noqa: F401
    AlreadyReported,
    OwnPost,
    ReportRateLimited,
    ReportRefused,
    file_report,
    settle_reports,
)
from .screening import (  # noqa: F401
    contents_to_screen,
    hold_if_escalated,
    screen_content,
    screen_contents,
)
from .triage import (  # noqa: F401
    DEFAULT_INFO_REQUEST,
    ClaimConflict,
    ModerationError,
    SelfReviewRefused,
    TransitionError,
    bulk_resolve,
    claim_item,
    claim_next,
    release_item,
    resolve_item,
    undo_resolution,
)
from .webhooks import (  # noqa: F401
    deliver_webhook,
    due_webhook_delivery_ids,
    enable_webhook_endpoint,
    replay_webhooks,
)
