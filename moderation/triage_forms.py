"""Forms of the triage pages: they validate input; the views hand it to one service."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Decision, ReasonTemplate


class ResolveForm(forms.Form):
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
    items = forms.TypedMultipleChoiceField(coerce=int, choices=(), label=_("Items"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Any id is acceptable here; the service checks each item and skips the others.
        raw = self.data.getlist("items") if hasattr(self.data, "getlist") else []
        self.fields["items"].choices = [(value, value) for value in raw]


class AuthorMessageForm(forms.Form):
    message = forms.CharField(
        max_length=4000, widget=forms.Textarea(attrs={"rows": 3}), label=_("Your message"),
    )
