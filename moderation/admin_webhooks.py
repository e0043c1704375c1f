"""Admin of webhooks: endpoints, and the outbox with each delivery's attempts and a replay."""

from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import services
from .models import WebhookAttempt, WebhookDelivery, WebhookEndpoint, WebhookEvent


class WebhookEndpointForm(forms.ModelForm):
    """An endpoint's URL (https assumed) and its events as checkboxes."""

    url = forms.URLField(label=gettext_lazy("URL"), max_length=500, assume_scheme="https")
    events = forms.MultipleChoiceField(
        label=gettext_lazy("events"), choices=WebhookEvent.choices,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = WebhookEndpoint
        fields = ["name", "url", "secret", "events", "active"]


@admin.register(WebhookEndpoint)
class WebhookEndpointAdmin(admin.ModelAdmin):
    """Receivers of signed events; one disabled after repeated failures says why here."""

    form = WebhookEndpointForm
    list_display = ["name", "url", "active", "consecutive_failures", "disabled_reason"]
    list_filter = ["active"]
    search_fields = ["name", "url"]
    readonly_fields = ["consecutive_failures", "disabled_reason", "created_at"]

    def save_model(self, request, obj, form, change) -> None:
        """Save; ticking "active" again clears the reason and sends the waiting deliveries."""
        super().save_model(request, obj, form, change)
        if change and obj.active and "active" in form.changed_data:
            services.enable_webhook_endpoint(endpoint=obj)


class WebhookAttemptInline(admin.TabularInline):
    """A delivery's attempts, as logged: read-only."""

    model = WebhookAttempt
    fields = ["attempted_at", "status_code", "error", "duration_ms"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        """Attempts are written by deliveries only."""
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        """An attempt's log is never edited."""
        return False


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(admin.ModelAdmin):
    """The outbox: each event for each endpoint, its attempts, and a replay of failed ones."""

    list_display = ["created_at", "event", "endpoint", "state", "attempts", "next_attempt_at",
                    "delivered_at"]
    list_filter = ["state", "event", "endpoint"]
    list_select_related = ["endpoint"]
    date_hierarchy = "created_at"
    readonly_fields = ["endpoint", "event_id", "event", "payload", "state", "attempts",
                       "next_attempt_at", "delivered_at", "created_at"]
    inlines = [WebhookAttemptInline]
    actions = ["replay"]

    def has_add_permission(self, request) -> bool:
        """Deliveries are written by the events they report only."""
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        """A delivery is never edited; failed ones are replayed."""
        return False

    def has_replay_permission(self, request) -> bool:
        """Replaying needs the permission to change deliveries."""
        return request.user.has_perm("moderation.change_webhookdelivery")

    @admin.action(description=gettext_lazy("Replay failed deliveries"), permissions=["replay"])
    def replay(self, request, queryset) -> None:
        """Queue the selected failed deliveries again, with their event ids."""
        replayed = services.replay_webhooks(deliveries=queryset)
        skipped = queryset.count() - len(replayed)
        self.message_user(
            request,
            _("%(count)d deliveries queued again.") % {"count": len(replayed)}
            + (_(" %(skipped)d were not failed and were left as they are.")
               % {"skipped": skipped} if skipped else ""),
            messages.SUCCESS if replayed else messages.WARNING,
        )
