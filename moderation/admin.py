"""Django admin for moderation: policies are edited here, review records only shown."""

from django.contrib import admin, messages
from django.utils.translation import gettext as _

from . import (
    admin_webhooks,  # noqa: F401  (registers the webhook admin)
    services,
)
from .forms import AIModelForm, PolicyForm
from .models import (
    AIModel,
    AuditEntry,
    AuthorMessage,
    Escalation,
    Policy,
    PolicyVersion,
    ReasonTemplate,
    Report,
    ReviewItem,
    Screening,
)
from .policies.engine import PolicyExpressionError


class PolicyVersionInline(admin.TabularInline):
    """A policy's earlier versions, read only: saving the policy records them."""

    model = PolicyVersion
    fields = ["version", "created_at", "changed_by", "enabled", "mode", "action", "priority",
              "expression"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        """Versions are recorded by saving the policy, never added by hand."""
        return False


@admin.register(Policy)
class PolicyAdmin(admin.ModelAdmin):
    """Policies are edited here; saving compiles the expression and records a version."""

    form = PolicyForm
    list_display = ["name", "enabled", "mode", "action", "priority", "target_precision",
                    "version", "updated_at"]
    list_filter = ["enabled", "mode", "action"]
    search_fields = ["name", "expression", "reason"]
    readonly_fields = ["version"]
    inlines = [PolicyVersionInline]
    actions = ["backtest"]

    def save_model(self, request, obj, form, change) -> None:
        """Save through the service, which compiles the expression and records a version."""
        services.save_policy(policy=obj, user=request.user)

    @admin.action(description=_("Backtest over recent posts"))
    def backtest(self, request, queryset) -> None:
        """Report, per selected policy, which recently screened posts its expression would match."""
        for policy in queryset:
            try:
                result = services.backtest(expression=policy.expression)
            except PolicyExpressionError as error:
                self.message_user(request, f"{policy.name}: {error}", messages.ERROR)
                continue
            shown = ", ".join(f"#{pk}" for pk in result.matched_content_ids[:20])
            self.message_user(
                request,
                _("%(name)s would match %(count)d of %(total)d recently screened posts%(ids)s")
                % {"name": policy.name, "count": len(result.matched_content_ids),
                   "total": result.screened, "ids": f": {shown}" if shown else "."},
                messages.INFO,
            )


@admin.register(AIModel)
class AIModelAdmin(admin.ModelAdmin):
    """The model registry: what policies know about the models authors name."""

    form = AIModelForm
    list_display = ["name", "vendor", "release_date", "tiers", "aliases"]
    search_fields = ["name", "vendor"]
    date_hierarchy = "release_date"


@admin.register(Screening)
class ScreeningAdmin(admin.ModelAdmin):
    """Classifier scores per post, as screening wrote them; read only."""

    list_display = ["content", "screened_at", "scores"]
    list_select_related = ["content"]

    def has_add_permission(self, request) -> bool:
        """Screenings are written by the screening service only."""
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        """Scores are evidence for decisions, so they are never edited."""
        return False


class ReadOnlyMixin:
    """History is written by the services only: the admin shows it and never changes it."""

    def has_add_permission(self, request, obj=None) -> bool:
        """History is added by the services only."""
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        """History is never rewritten."""
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        """History is never deleted."""
        return False


class AuditEntryInline(ReadOnlyMixin, admin.TabularInline):
    """The item's audit log, shown under the review item."""

    model = AuditEntry
    fields = ["created_at", "actor", "action", "from_status", "to_status", "decision", "note"]
    readonly_fields = fields
    extra = 0


class AuthorMessageInline(ReadOnlyMixin, admin.TabularInline):
    """The messages between moderators and the post's author about this item."""

    model = AuthorMessage
    fields = ["created_at", "from_author", "kind", "body", "emailed_at"]
    readonly_fields = fields
    extra = 0


@admin.register(ReviewItem)
class ReviewItemAdmin(admin.ModelAdmin):
    """Items are decided on the moderation pages; here they are looked up, with their log."""

    list_display = ["post_title", "author", "status", "priority", "top_score", "held",
                    "claimed_by", "resolved_by", "created_at"]
    list_filter = ["status", "held", "content__kind", "policies"]
    search_fields = ["post_title", "author__username"]
    list_select_related = ["author", "claimed_by", "resolved_by"]
    date_hierarchy = "created_at"
    inlines = [AuditEntryInline, AuthorMessageInline]
    readonly_fields = ["content", "author", "post_title", "status", "priority", "top_score", "held",
                       "reasons", "evidence", "classifier_versions", "claimed_by", "claimed_at",
                       "resolved_by", "resolved_at", "decision_note", "author_message",
                       "appealed_at", "appeal_message", "excluded_moderator", "created_at"]
    exclude = ["policies"]

    def has_add_permission(self, request) -> bool:
        """Review items come from screening, never from the admin."""
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        """Decisions are made on the moderation pages, which log them."""
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        """Items stay, for the audit trail."""
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyMixin, admin.ModelAdmin):
    """The append-only audit log of every triage action and status change."""

    list_display = ["created_at", "item", "actor", "action", "from_status", "to_status",
                    "decision"]
    list_filter = ["action", "decision"]
    search_fields = ["item__post_title", "actor__username", "note"]
    list_select_related = ["item", "actor"]
    date_hierarchy = "created_at"


@admin.register(Report)
class ReportAdmin(ReadOnlyMixin, admin.ModelAdmin):
    """Readers' reports: filed by readers, settled by moderators' decisions, never edited."""

    list_display = ["created_at", "content", "reporter", "outcome", "settled_at"]
    list_filter = ["outcome"]
    search_fields = ["reporter__username", "reason"]
    list_select_related = ["content", "reporter"]
    date_hierarchy = "created_at"


@admin.register(ReasonTemplate)
class ReasonTemplateAdmin(admin.ModelAdmin):
    """Reusable explanations moderators pick when deciding."""

    list_display = ["title", "decision", "active", "position"]
    list_editable = ["active", "position"]
    list_filter = ["decision", "active"]
    search_fields = ["title", "message"]


@admin.register(Escalation)
class EscalationAdmin(admin.ModelAdmin):
    """Authors whose new posts are held; untick "active" to lift an escalation."""

    list_display = ["author", "active", "delists", "created_at"]
    list_filter = ["active"]
    list_editable = ["active"]
    readonly_fields = ["author", "delists", "created_at"]

    def has_add_permission(self, request) -> bool:
        """Escalation follows enough delisted posts by one author; here it is only lifted."""
        return False


@admin.register(AuthorMessage)
class AuthorMessageAdmin(ReadOnlyMixin, admin.ModelAdmin):
    """Messages between moderators and authors, read only: they are part of the record."""

    list_display = ["created_at", "item", "author", "from_author", "kind"]
    list_filter = ["kind", "from_author"]
    list_select_related = ["item", "author"]
