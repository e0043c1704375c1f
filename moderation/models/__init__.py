"""The moderation app's models, one module per flow; importable from here as before."""

from .audit import (  # noqa: F401
    AuditAction,
    AuditEntry,
)
from .messages import (  # noqa: F401
    AuthorMessage,
    MessageKind,
    ReasonTemplate,
)
from .policies import (  # noqa: F401
    Policy,
    PolicyAction,
    PolicyVersion,
)
from .review import (  # noqa: F401
    ACTIVE_STATUSES,
    APPEALABLE_STATUSES,
    DECIDED_STATUSES,
    QUEUE_STATUSES,
    TRANSITIONS,
    Decision,
    Escalation,
    QueueFacet,
    ReviewItem,
    ReviewItemQuerySet,
    ReviewStatus,
    assistance_facet,
    policy_facet,
)
from .screening import (  # noqa: F401
    Screening,
)
