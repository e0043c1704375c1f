"""The disclosure form. It works without JavaScript; ``disclosure-form.js`` makes it nicer."""

from __future__ import annotations

import re
from datetime import date, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from . import selectors, services
from .app_settings import app_settings
from .gate import disclosure_errors
from .models import AIShareEstimate, Disclosure, Expertise
from .rules import DisclosureData, implied_kinds

MAX_MODELS = 10
MAX_MODEL_NAME = 80


class ModelListField(forms.CharField):
    """A comma-separated list of model names (“Claude Opus 4.6, DeepL”)."""

    def prepare_value(self, value):
        """Show a stored list as the comma-separated text the author typed."""
        return ", ".join(value) if isinstance(value, list | tuple) else value

    def to_python(self, value) -> list[str]:
        """Split on commas and newlines, squash whitespace and drop duplicates, keeping order."""
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
    autonomous = forms.BooleanField(
        label=_("An AI agent wrote and posted this on its own"),
        help_text=_("Tick this when a program publishes for you and no person reads the post "
                    "before it appears."),
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
        self.policy_url = app_settings.POLICY_URL
        if instance is not None:
            self.initial.update(services.snapshot(instance))
        elif not self.is_bound and self.rendered and self.rendered.blocks:
            # AI blocks imply kinds of help: pre-fill them, never add them silently.
            self.initial["assistance"] = list(
                implied_kinds(self.rendered.blocks, self.block_types)
            )
            self.initial["models_used"] = sorted(
                {block.model for block in self.rendered.blocks if block.model}
            )

    @cached_property
    def rendered(self):
        """The body rendered (for its AI blocks); ``None`` without a body or when it is above
        the size limit, which the post's own form reports.
        """
        if not self.body:
            return None
        try:
            services.validate_body(self.body)
        except ValidationError:
            return None
        return services.render_body(self.body)

    def clean(self):
        """Apply the disclosure rules once the fields themselves are valid."""
        cleaned = super().clean()
        if self.errors:
            return cleaned
        errors = disclosure_errors(
            self.to_data(), blocks=self.rendered.blocks if self.rendered else ()
        )
        if errors:
            self.add_error(None, errors)
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
            autonomous=cleaned.get("autonomous", False),
        )

    @property
    def detail_fields(self) -> list[forms.BoundField]:
        """The fields shown when the author did not tick “human-written”."""
        return [self[name] for name in self.fields if name != "human_only"]

    @property
    def block_kinds(self) -> dict[str, str]:
        """Block type → assistance kind it implies, for the form's JavaScript."""
        return {bt.slug: bt.assistance_kind for bt in self.block_types if bt.assistance_kind}


class DisclosureGateFormMixin:
    """The publish gate for a host's post form: ``class PostForm(DisclosureGateFormMixin,
    forms.ModelForm)``.

    The form carries ``disclosure_form`` (render it with ``ai_disclosure/disclosure_form.html``
    inside the same ``<form>``); it is valid only when the disclosure is complete for the body
    that will be published (``body_field``), with the same messages as the API; and
    :meth:`disclosure_data` gives what to save with ``services.save_disclosure``. Editing a
    post (a ``ModelForm`` with an ``instance``) starts from its saved disclosure.
    """

    body_field = "body"
    disclosure_form_class = DisclosureForm

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        post = getattr(self, "instance", None)
        self.disclosure_form = self.disclosure_form_class(
            self.data if self.is_bound else None,
            # A bound form gets its body once the post's own fields are cleaned.
            body="" if self.is_bound else self.initial.get(self.body_field) or "",
            instance=selectors.disclosure_for(post) if post is not None else None,
            prefix=self.prefix,
        )

    def full_clean(self) -> None:
        """Validate the post, then its disclosure against the text that would be published."""
        super().full_clean()
        if not self.is_bound:
            return
        # The rules apply to the text that will be published: the cleaned body, or none
        # when the body itself is refused (e.g. too large; its field says so).
        self.disclosure_form.body = getattr(self, "cleaned_data", {}).get(self.body_field, "")
        self.disclosure_form.full_clean()

    def is_valid(self) -> bool:
        """Valid only when both the post and its disclosure are."""
        return super().is_valid() and self.disclosure_form.is_valid()

    def disclosure_data(self) -> DisclosureData:
        """The submitted disclosure as plain values (after ``is_valid()``)."""
        return self.disclosure_form.to_data()


class ReaderPreferenceForm(forms.Form):
    """A reader's choice to fold mostly AI-written posts away in listings."""

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
        """Refuse a period that ends before it starts."""
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            raise ValidationError(_("“From” must not be after “To”."))
        return cleaned

    def period(self) -> tuple[date | None, date | None]:
        """``(since, until)`` for ``report.compliance_rows``: ``until`` is exclusive, so it is
        the first day of the month after the one chosen.
        """
        since, until = self.cleaned_data.get("since"), self.cleaned_data.get("until")
        if until:
            until = (until.replace(day=28) + timedelta(days=4)).replace(day=1)
        return since, until
