"""Forms of the triage pages: they validate input; the views hand it to one service."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import AuditAction, Decision, ReasonTemplate
from .selectors import AuditFilters, moderators


class ResolveForm(forms.Form):
    """A moderator's decision on one item, with a reason template and the author's message."""

    decision = forms.ChoiceField(choices=Decision.choices)
    template = forms.ModelChoiceField(
        queryset=ReasonTemplate.objects.filter(active=True), required=False,
        label=_("Reason template"),
    )
    message = forms.CharField(
        required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3}),
        label=_("Message to the author"),
    )
    note = forms.CharField(
        required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 2}),
        label=_("Internal note (moderators only)"),
    )


class BulkForm(ResolveForm):
    """The same decision for several selected items."""

    items = forms.TypedMultipleChoiceField(coerce=int, choices=(), label=_("Items"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Any id is acceptable here; the service checks each item and skips the others.
        raw = self.data.getlist("items") if hasattr(self.data, "getlist") else []
        self.fields["items"].choices = [(value, value) for value in raw]


class AuthorMessageForm(forms.Form):
    """An author's reply or appeal."""

    message = forms.CharField(
        max_length=4000, widget=forms.Textarea(attrs={"rows": 3}), label=_("Your message"),
    )


class AuditFilterForm(forms.Form):
    """The audit log page's filters; every field optional."""

    actor = forms.ModelChoiceField(queryset=moderators(), required=False, label=_("Moderator"),
                                   empty_label=_("Anyone"))
    action = forms.ChoiceField(choices=[("", _("Any action")), *AuditAction.choices],
                               required=False, label=_("Action"))
    item = forms.IntegerField(min_value=1, required=False, label=_("Item #"))
    since = forms.DateField(required=False, label=_("From"),
                            widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(required=False, label=_("To"),
                            widget=forms.DateInput(attrs={"type": "date"}))

    def filters(self) -> AuditFilters:
        """The valid filters (call after ``is_valid()``; invalid fields are left out)."""
        data = getattr(self, "cleaned_data", {})
        actor = data.get("actor")
        return AuditFilters(actor=actor.pk if actor else None, action=data.get("action") or "",
                            item=data.get("item"), since=data.get("since"),
                            until=data.get("until"))
