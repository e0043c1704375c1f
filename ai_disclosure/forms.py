"""The disclosure form. It works without JavaScript; ``disclosure-form.js`` makes it nicer."""

from __future__ import annotations

import re
from datetime import date, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from . import selectors, services
from .app_settings import app_settings
from .models import AIShareEstimate, Disclosure, Expertise
from .rules import DisclosureData, implied_kinds, validate_disclosure

MAX_MODELS = 10
MAX_MODEL_NAME = 80


class ModelListField(forms.CharField):
    """A comma-separated list of model names (“Claude Opus 4.6, DeepL”)."""

    def prepare_value(self, value):
        return ", ".join(value) if isinstance(value, list | tuple) else value

    def to_python(self, value) -> list[str]:
        names: list[str] = []
        for name in re.split(r"[,\n]", super().to_python(value) or ""):
            name = " ".join(name.split())
            if name and name not in names:
                names.append(name)
        if len(names) > MAX_MODELS:
            raise ValidationError(_("Name at most %(max)d models."), params={"max": MAX_MODELS})
        if any(len(name) > MAX_MODEL_NAME for name in names):
            raise ValidationError(
                _("Model names are at most %(max)d characters; separate models with commas."),
                params={"max": MAX_MODEL_NAME},
            )
        return names


class DisclosureForm(forms.Form):
    """Either the human-only tick, or how AI was used. ``body`` is the post's Markdown."""

    human_only = forms.BooleanField(required=False)
    assistance = forms.ModelMultipleChoiceField(
        label=_("What did the AI help with?"),
        queryset=selectors.assistance_kinds(),
        to_field_name="slug",
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    models_used = ModelListField(
        label=_("Which models or tools?"),
        required=False,
        help_text=_("Separate several with commas."),
    )
    ai_share_estimate = forms.ChoiceField(
        label=_("How much of the text did the AI write?"),
        # The blank choice lets an author clear a pick without JavaScript.
        choices=[("", _("Not answered")), *AIShareEstimate.choices],
        widget=forms.RadioSelect,
        required=False,
    )
    description = forms.CharField(
        label=_("What did the AI do, and what did you do?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    verification = forms.CharField(
        label=_("How did you check the AI's output?"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    expertise = forms.ChoiceField(
        label=_("Did someone with relevant expertise review it?"),
        choices=[("", _("Not answered")), *Expertise.choices],
        widget=forms.RadioSelect,
        required=False,
    )

    def __init__(self, *args, body: str = "", instance: Disclosure | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.body = body
        self.block_types = selectors.block_types()
        self.wording = selectors.form_wording()
        self.fields["human_only"].label = self.wording["human_only_label"]
        self.fields["description"].help_text = self.wording["description_help"]
        self.fields["verification"].help_text = self.wording["verification_help"]
        self.fields["models_used"].widget.attrs["list"] = "ai-model-suggestions"
        self.model_suggestions = app_settings.MODEL_SUGGESTIONS
        self.rendered = services.render_body(body) if body else None
        if instance is not None:
            self.initial.update(services.snapshot(instance))
        elif self.rendered and self.rendered.blocks:
            # AI blocks imply kinds of help: pre-fill them, never add them silently.
            self.initial["assistance"] = list(
                implied_kinds(self.rendered.blocks, self.block_types)
            )
            self.initial["models_used"] = sorted(
                {block.model for block in self.rendered.blocks if block.model}
            )

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        data = self.to_data()
        try:
            validate_disclosure(
                data,
                blocks=self.rendered.blocks if self.rendered else (),
                kinds={kind.slug: kind for kind in self.fields["assistance"].queryset},
                block_types=self.block_types,
            )
        except ValidationError as error:
            self.add_error(None, error)
        return cleaned

    def to_data(self) -> DisclosureData:
        """The submitted disclosure as plain values (after ``is_valid()``)."""
        cleaned = self.cleaned_data
        return DisclosureData(
            human_only=cleaned.get("human_only", False),
            assistance={kind.slug for kind in cleaned.get("assistance") or ()},
            models_used=cleaned.get("models_used") or [],
            ai_share_estimate=cleaned.get("ai_share_estimate", ""),
            description=cleaned.get("description", "").strip(),
            verification=cleaned.get("verification", "").strip(),
            expertise=cleaned.get("expertise", ""),
        )

    @property
    def detail_fields(self) -> list[forms.BoundField]:
        """The fields shown when the author did not tick “human-written”."""
        return [self[name] for name in self.fields if name != "human_only"]

    @property
    def block_kinds(self) -> dict[str, str]:
        """Block type → assistance kind it implies, for the form's JavaScript."""
        return {bt.slug: bt.assistance_kind for bt in self.block_types if bt.assistance_kind}


class ReaderPreferenceForm(forms.Form):
    collapse_mostly_ai = forms.BooleanField(
        label=_("Collapse posts that are mostly AI-written in listings"), required=False
    )


class ComplianceReportForm(forms.Form):
    """The compliance report's period, in whole months (``YYYY-MM``); both ends included."""

    since = forms.DateField(
        label=_("From"), required=False, input_formats=["%Y-%m"],
        widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
    )
    until = forms.DateField(
        label=_("To"), required=False, input_formats=["%Y-%m"],
        widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
    )

    def clean(self) -> dict:
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            raise ValidationError(_("“From” must not be after “To”."))
        return cleaned

    def period(self) -> tuple[date | None, date | None]:
        """``(since, until)`` for ``report.compliance_rows``: ``until`` is exclusive, so it is
        the first day of the month after the one chosen."""
        since, until = self.cleaned_data.get("since"), self.cleaned_data.get("until")
        if until:
            until = (until.replace(day=28) + timedelta(days=4)).replace(day=1)
        return since, until
