"""Reads, one module per audience (queue, item, authors, dashboard, data rights); importable
from here.
"""

from .audit import (  # noqa: F401
    AuditFilters,
    AuditPage,
    audit_log,
    moderators,
)
from .authors import (  # noqa: F401
    AUTHOR_STATES,
    UNKNOWN_AUTHOR,
    AuthorMessageView,
    AuthorReviewState,
    AuthorStats,
    author_history,
    author_review_states,
    author_stats,
    email_preferences,
    is_delisted,
    is_escalated,
)
from .dashboard import (  # noqa: F401
    UPHELD,
    Dashboard,
    PolicyFailure,
    PolicyStats,
    dashboard,
    policy_failures,
)
from .data_rights import (  # noqa: F401
    moderation_section,
)
from .item import (  # noqa: F401
    ItemDetail,
    RevisionView,
    item_detail,
    reason_templates,
)
from .policy_quality import (  # noqa: F401
    PrecisionWarning,
    ShadowAgreement,
    VersionPrecision,
    precision_by_version,
    precision_warnings,
    shadow_agreement,
)
from .queue import (  # noqa: F401
    STATUS_FILTERS,
    QueueFilters,
    QueuePage,
    QueueRow,
    decode_cursor,
    encode_cursor,
    filtered_items,
    neighbours,
    queue,
    queue_filter_choices,
    reviewable_by,
    status_counts,
)
from .registry import (  # noqa: F401
    forget_model_registry,
    model_registry,
)
from .reports import (  # noqa: F401
    ReportView,
    post_reports,
    report_of,
    reports_by,
)
