"""The moderation app's models, one module per flow; importable from here as before."""

from .audit import (  # noqa: F401
    AuditAction,
    AuditEntry,
)
from .facets import (  # noqa: F401
    QueueFacet,
    assistance_facet,
    kind_facet,
    policy_facet,
)
from .messages import (  # noqa: F401
    AuthorEmailKind,
    AuthorEmailPreferences,
    AuthorMessage,
    MessageKind,
    ReasonTemplate,
)
from .policies import (  # noqa: F401
    Policy,
    PolicyAction,
    PolicyMode,
    PolicyVersion,
)
from .registry import (  # noqa: F401
    AIModel,
    ModelTier,
)
from .reports import (  # noqa: F401
    REASON_MAX_LENGTH,
    Report,
    ReportOutcome,
)
from .review import (  # noqa: F401
    ACTIVE_STATUSES,
    APPEALABLE_STATUSES,
    DECIDED_STATUSES,
    QUEUE_STATUSES,
    TRANSITIONS,
    Decision,
    Escalation,
    ReviewItem,
    ReviewItemQuerySet,
    ReviewStatus,
    claimable_by,
)
from .screening import (  # noqa: F401
    Screening,
)
from .webhooks import (  # noqa: F401
    DeliveryState,
    WebhookAttempt,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEvent,
)
