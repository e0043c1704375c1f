"""The disclosure form. It works without JavaScript; ``disclosure-form.js`` makes it nicer."""

from __future__ import annotations

import re
from datetime import date, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.urls import NoReverseMatch, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from . import content_types, selectors, services
from .app_settings import app_settings
from .gate import disclosure_errors, stale_tick_errors
from .models import AIShareEstimate, Disclosure, Expertise
from .nudges import Draft, Nudge, nudges_for
from .rendering import content_hash
from .rules import DisclosureData, implied_kinds

MAX_MODELS = 10
MAX_MODEL_NAME = 80
#: Django's own username limit.
MAX_REVIEWER_NAME = 150


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

    #: Whether the compact rules apply (``CompactDisclosureForm``).
    compact = False

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
    reviewer = forms.CharField(
        label=_("Who reviewed it? (their username here)"),
        help_text=_("Optional, with “another person”: they are invited to confirm, and "
                    "readers see “reviewed by @name” once they have."),
        max_length=MAX_REVIEWER_NAME,
        required=False,
    )
    autonomous = forms.BooleanField(
        label=_("An AI agent wrote and posted this on its own"),
        help_text=_("Tick this when a program publishes for you and no person reads the post "
                    "before it appears."),
        required=False,
    )
    #: The content hash of the text the tick is confirmed for (see ``gate.stale_tick_errors``).
    human_only_for = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    #: Nudges to show with the form; the view fills them in (:meth:`compute_nudges`).
    nudges: list[Nudge]
    #: The disclosure as submitted, once the fields are valid (``clean``).
    submitted: DisclosureData | None = None

    def __init__(
        self,
        *args,
        body: str = "",
        instance: Disclosure | None = None,
        post=None,
        author=None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.body = body
        self.post = post if post is not None and post.pk else None
        self.author = author
        self.nudges = []
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
            self.initial["human_only_for"] = instance.human_only_hash
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
        data = self.submitted = self.to_data()
        errors = disclosure_errors(
            data, blocks=self.rendered.blocks if self.rendered else (), author=self.author,
            compact=self.compact,
        )
        if self.rendered is not None and (
            stale := stale_tick_errors(data, body=self.body, post=self.post)
        ):
            errors = {**errors, **stale}
            self._ask_again()
        if errors:
            self.add_error(None, errors)
        return cleaned

    def _ask_again(self) -> None:
        """Show the human-only tick unticked, bound to the text now in the form: ticking it
        again and submitting confirms it for this text.
        """
        self.data = self.data.copy()
        self.data.pop(self.add_prefix("human_only"), None)
        self.data[self.add_prefix("human_only_for")] = content_hash(self.body)

    def compute_nudges(self) -> list[Nudge]:
        """What will happen to the post as the form stands (``nudges``); needs ``is_valid()``
        to have run and a body that renders.
        """
        # What was submitted, before fields with errors were dropped from ``cleaned_data``.
        data = getattr(self, "submitted", None)
        if self.rendered is None or data is None:
            return []
        self.nudges = nudges_for(Draft(body=self.body, rendered=self.rendered, data=data,
                                       author=self.author, post=self.post))
        return self.nudges

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
            reviewer=cleaned.get("reviewer", "").strip().lstrip("@"),
            human_only_for=cleaned.get("human_only_for", ""),
        )

    @property
    def detail_fields(self) -> list[forms.BoundField]:
        """The fields shown when the author did not tick “human-written”."""
        return [self[name] for name in self.fields if name not in ("human_only", "human_only_for")]

    @property
    def check_url(self) -> str:
        """The check endpoint, which the form's JavaScript asks for nudges as the author
        writes; empty when the host did not include the editor API.
        """
        try:
            return reverse("ai_disclosure_api:check")
        except NoReverseMatch:
            return ""

    @property
    def block_kinds(self) -> dict[str, str]:
        """Block type → assistance kind it implies, for the form's JavaScript."""
        return {bt.slug: bt.assistance_kind for bt in self.block_types if bt.assistance_kind}


class CompactDisclosureForm(DisclosureForm):
    """The compact form of light content types (comments, replies): the human-only tick, or
    the kinds of AI help and one sentence on what the AI did. Same rules for the tick and
    the AI blocks, same template (``ai_disclosure/disclosure_form.html``).
    """

    compact = True
    COMPACT_FIELDS = ("human_only", "assistance", "description")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in list(self.fields):
            if name not in self.COMPACT_FIELDS:
                del self.fields[name]
        self.fields["description"].label = _("In one sentence: what did the AI do?")
        self.fields["description"].help_text = ""
        self.fields["description"].widget.attrs["rows"] = 1


def disclosure_form_class(kind: str | None) -> type[DisclosureForm]:
    """The form a registered content type uses (default: the first registered type)."""
    registered = content_types.get(kind) if kind else content_types.default()
    return CompactDisclosureForm if registered.compact else DisclosureForm


class DisclosureGateFormMixin:
    """The publish gate for a host's post form: ``class PostForm(DisclosureGateFormMixin,
    forms.ModelForm)``.

    The form carries ``disclosure_form`` (render it with ``ai_disclosure/disclosure_form.html``
    inside the same ``<form>``); it is valid only when the disclosure is complete for the body
    that will be published (``body_field``), with the same messages as the API; and
    :meth:`disclosure_data` gives what to save with ``services.save_disclosure``. Editing a
    post (a ``ModelForm`` with an ``instance``) starts from its saved disclosure, and an edit
    that changes the text of a post ticked human-only asks for the tick again (the edit is
    kept in the form). Pass ``author`` (the user writing) so a reviewer named to co-sign is
    checked against them; it defaults to the edited post's author. ``content_kind`` names the
    registered content type the form publishes (default: the first registered); a type
    registered with ``"form": "compact"`` gets the compact form.
    """

    body_field = "body"
    content_kind: str | None = None

    def __init__(self, *args, author=None, **kwargs):
        super().__init__(*args, **kwargs)
        post = getattr(self, "instance", None)
        if post is not None and not post.pk:
            post = None
        if author is None and post is not None:
            author = content_types.adapter_for(post).get_author(post)
        self.disclosure_form = disclosure_form_class(self.content_kind)(
            self.data if self.is_bound else None,
            # A bound form gets its body once the post's own fields are cleaned.
            body="" if self.is_bound else self.initial.get(self.body_field) or "",
            instance=selectors.disclosure_for(post) if post is not None else None,
            post=post,
            author=author,
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


#: A reviewer's note stays short: one or two sentences on what they checked.
MAX_COSIGNATURE_NOTE = 500


class CoSignatureAnswerForm(forms.Form):
    """An invited reviewer's answer: confirm (with a short note) or decline."""

    note = forms.CharField(
        label=_("A short note for readers: what did you check?"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=MAX_COSIGNATURE_NOTE,
        required=False,
    )
    decision = forms.ChoiceField(
        choices=[("confirm", _("Confirm")), ("decline", _("Decline"))],
        widget=forms.HiddenInput,
    )


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
