from django.contrib import admin

from .models import (
    AIBlockType,
    AssistanceKind,
    Disclosure,
    DisclosureRevision,
    FormWording,
    PostRender,
    ReaderPreference,
)


class ViewOnlyAdmin(admin.ModelAdmin):
    """For records the app writes itself (statements, history, caches): shown, not edited."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(AssistanceKind)
class AssistanceKindAdmin(admin.ModelAdmin):
    list_display = ["label", "slug", "requires_verification", "position", "active"]
    list_editable = ["position", "active"]
    prepopulated_fields = {"slug": ["label"]}


@admin.register(AIBlockType)
class AIBlockTypeAdmin(admin.ModelAdmin):
    list_display = ["slug", "label", "assistance_kind", "position", "active"]
    list_editable = ["position", "active"]


@admin.register(FormWording)
class FormWordingAdmin(admin.ModelAdmin):
    """One row of wording; the change list goes straight to it."""

    def has_add_permission(self, request) -> bool:
        return not FormWording.objects.exists()

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class RevisionInline(admin.TabularInline):
    model = DisclosureRevision
    fields = ["number", "created_at", "changed_by", "form_version", "changes"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    ordering = ["-number"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Disclosure)
class DisclosureAdmin(ViewOnlyAdmin):
    """Disclosures are the author's statement: readable here, changed only by the author."""

    list_display = ["post", "human_only", "ai_share_estimate", "expertise", "updated_at"]
    list_filter = ["human_only", "assistance", "expertise", "ai_share_estimate", "form_version"]
    list_select_related = ["post"]
    search_fields = ["description", "verification"]
    inlines = [RevisionInline]


@admin.register(DisclosureRevision)
class DisclosureRevisionAdmin(ViewOnlyAdmin):
    """The append-only history of every disclosure."""

    list_display = ["disclosure", "number", "changed_by", "created_at", "form_version"]
    list_select_related = ["disclosure__post", "changed_by"]

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(PostRender)
class PostRenderAdmin(ViewOnlyAdmin):
    list_display = ["post", "ai_share", "text_length", "renderer_version", "rendered_at"]


admin.site.register(ReaderPreference)
