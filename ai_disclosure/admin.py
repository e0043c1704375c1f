"""Admin pages: editable vocabularies (kinds, block types, wording), read-only history."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import report
from .forms import ComplianceReportForm
from .models import (
    AIBlockType,
    AssistanceKind,
    ContentRender,
    CoSignature,
    Disclosure,
    DisclosureRevision,
    FormWording,
    ReaderPreference,
    ToolSuggestion,
)


class ViewOnlyAdmin(admin.ModelAdmin):
    """For records the app writes itself (statements, history, caches): shown, not edited."""

    def has_add_permission(self, request) -> bool:
        """Refused: these rows are only written by the app's services."""
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        """Refused: what the app recorded is shown as it was recorded."""
        return False


@admin.register(AssistanceKind)
class AssistanceKindAdmin(admin.ModelAdmin):
    """The kinds of AI help the form offers; sites reorder, relabel or retire them here."""

    list_display = ["label", "slug", "requires_verification", "position", "active"]
    list_editable = ["position", "active"]
    prepopulated_fields = {"slug": ["label"]}


@admin.register(AIBlockType)
class AIBlockTypeAdmin(admin.ModelAdmin):
    """The AI block types authors may use in post bodies, and the kind of help each implies."""

    list_display = ["slug", "label", "assistance_kind", "position", "active"]
    list_editable = ["position", "active"]


@admin.register(FormWording)
class FormWordingAdmin(admin.ModelAdmin):
    """One row of wording; the change list goes straight to it."""

    def has_add_permission(self, request) -> bool:
        """Allowed only while no wording row exists, so there is never more than one."""
        return not FormWording.objects.exists()

    def has_delete_permission(self, request, obj=None) -> bool:
        """Refused: without the row the form would silently fall back to the default wording."""
        return False


class RevisionInline(admin.TabularInline):
    """A disclosure's revisions, read-only under it: history is never edited."""

    model = DisclosureRevision
    fields = ["number", "created_at", "changed_by", "form_version", "changes"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    ordering = ["-number"]

    def has_add_permission(self, request, obj=None) -> bool:
        """Refused: revisions are written by the disclosure services only."""
        return False


@admin.register(Disclosure)
class DisclosureAdmin(ViewOnlyAdmin):
    """Disclosures are the author's statement: readable here, changed only by the author."""

    list_display = ["content", "human_only", "autonomous", "ai_share_estimate", "expertise",
                    "updated_at"]
    list_filter = ["content__kind", "human_only", "autonomous", "assistance", "expertise",
                   "ai_share_estimate", "form_version"]
    list_select_related = ["content"]
    search_fields = ["description", "verification"]
    inlines = [RevisionInline]
    change_list_template = "admin/ai_disclosure/disclosure/change_list.html"

    def get_urls(self):
        """Add the compliance report page in front of the model's own admin pages."""
        compliance = path(
            "compliance/",
            self.admin_site.admin_view(self.compliance_report),
            name="ai_disclosure_compliance_report",
        )
        return [compliance, *super().get_urls()]

    def compliance_report(self, request: HttpRequest) -> HttpResponse:
        """Disclosures over time by level, kind, EU label decision and content type, for
        staff who may view disclosures; ``?format=csv`` downloads every disclosure.
        """
        if not self.has_view_permission(request):
            raise PermissionDenied
        form = ComplianceReportForm(request.GET)
        as_csv = request.GET.get("format") == "csv"
        if as_csv and not form.is_valid():
            return HttpResponse(form.errors.as_text(), status=400, content_type="text/plain")
        if as_csv:
            since, until = form.period()
            response = StreamingHttpResponse(
                report.csv_lines(report.compliance_rows(since=since, until=until)),
                content_type="text/csv; charset=utf-8",
            )
            response["Content-Disposition"] = 'attachment; filename="ai-disclosures.csv"'
            return response
        context = {
            **self.admin_site.each_context(request),
            "title": _("AI disclosure compliance report"),
            "opts": self.model._meta,
            "form": form,
        }
        if form.is_valid():
            since, until = form.period()
            months = report.monthly_summary(report.compliance_rows(since=since, until=until))
            context["groups"], context["rows"] = report.summary_table(months)
            context["csv_query"] = request.GET.copy()
            context["csv_query"]["format"] = "csv"
        return TemplateResponse(
            request, "admin/ai_disclosure/compliance_report.html", context,
            status=200 if form.is_valid() else 400,
        )


@admin.register(DisclosureRevision)
class DisclosureRevisionAdmin(ViewOnlyAdmin):
    """The append-only history of every disclosure."""

    list_display = ["disclosure", "number", "changed_by", "created_at", "form_version"]
    list_select_related = ["disclosure__content", "changed_by"]

    def has_delete_permission(self, request, obj=None) -> bool:
        """Refused: deleting a revision would rewrite a disclosure's history."""
        return False


@admin.register(ContentRender)
class ContentRenderAdmin(ViewOnlyAdmin):
    """The cached renders, so an admin can see what readers are shown and how AI-heavy it is."""

    list_display = ["content", "ai_share", "text_length", "renderer_version", "rendered_at"]


@admin.register(CoSignature)
class CoSignatureAdmin(ViewOnlyAdmin):
    """Expert co-signatures: whom each author named, and their answer (written by the app)."""

    list_display = ["disclosure", "reviewer", "status", "invited_at", "responded_at"]
    list_filter = ["status"]
    list_select_related = ["disclosure__post", "reviewer"]
@admin.register(ToolSuggestion)
class ToolSuggestionAdmin(ViewOnlyAdmin):
    """What AI tools recorded on posts and what their authors decided (only they decide)."""

    list_display = ["content", "kind", "model", "tool", "status", "passage_wrapped", "created_at"]
    list_filter = ["status", "kind"]
    list_select_related = ["content"]


admin.site.register(ReaderPreference)
