from django.contrib import admin, messages
from django.utils.translation import gettext as _

from . import services
from .forms import PolicyForm
from .models import Policy, PolicyVersion, ReviewItem, Screening


class PolicyVersionInline(admin.TabularInline):
    model = PolicyVersion
    fields = ["version", "created_at", "changed_by", "enabled", "action", "priority",
              "expression"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Policy)
class PolicyAdmin(admin.ModelAdmin):
    """Policies are edited here; saving compiles the expression and records a version."""

    form = PolicyForm
    list_display = ["name", "enabled", "action", "priority", "version", "updated_at"]
    list_filter = ["enabled", "action"]
    search_fields = ["name", "expression", "reason"]
    readonly_fields = ["version"]
    inlines = [PolicyVersionInline]
    actions = ["backtest"]

    def save_model(self, request, obj, form, change) -> None:
        services.save_policy(policy=obj, user=request.user)

    @admin.action(description=_("Backtest over recent posts"))
    def backtest(self, request, queryset) -> None:
        for policy in queryset:
            result = services.backtest(expression=policy.expression)
            shown = ", ".join(f"#{pk}" for pk in result.matched_post_ids[:20])
            self.message_user(
                request,
                _("%(name)s would match %(count)d of %(total)d recently screened posts%(ids)s")
                % {"name": policy.name, "count": len(result.matched_post_ids),
                   "total": result.screened, "ids": f": {shown}" if shown else "."},
                messages.INFO,
            )


@admin.register(Screening)
class ScreeningAdmin(admin.ModelAdmin):
    list_display = ["post", "screened_at", "scores"]
    list_select_related = ["post"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(ReviewItem)
class ReviewItemAdmin(admin.ModelAdmin):
    list_display = ["post", "status", "priority", "top_score", "held", "created_at"]
    list_filter = ["status", "held"]
    list_select_related = ["post"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
