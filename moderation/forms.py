"""Forms: policies and the model registry (admin), an author's moderation-email
preferences, readers' reports.
"""

import re

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .models import REASON_MAX_LENGTH, AIModel, AuthorEmailPreferences, ModelTier, Policy
from .policies import engine


class PolicyForm(forms.ModelForm):
    """Refuses an expression that does not compile, with the parser's message and position."""

    class Meta:
        model = Policy
        fields = ["name", "expression", "action", "priority", "reason", "enabled", "mode",
                  "target_precision"]
        widgets = {"expression": forms.Textarea(attrs={"rows": 3, "class": "vLargeTextField",
                                                         "spellcheck": "false"})}

    def clean_expression(self) -> str:
        """The expression, trimmed; refused with the engine's message if it does not compile."""
        expression = self.cleaned_data["expression"].strip()
        try:
            engine.compile_expression(expression)
        except engine.PolicyExpressionError as error:
            raise forms.ValidationError(str(error), code="invalid_expression") from error
        return expression


class AIModelForm(forms.ModelForm):
    """A registered model: tiers as ticks, aliases one per line (or separated by commas)."""

    tiers = forms.MultipleChoiceField(
        label=_("tiers"), choices=ModelTier.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    aliases = forms.CharField(
        label=_("aliases"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Other names authors use for this model, one per line. Case, spaces and "
                    "punctuation do not matter when names are matched."),
    )

    class Meta:
        model = AIModel
        fields = ["name", "vendor", "release_date", "tiers", "aliases"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["aliases"] = "\n".join(self.instance.aliases)

    def clean_aliases(self) -> list[str]:
        """The aliases as a list, without blanks or repeats, each at most 120 characters."""
        aliases = []
        for alias in re.split(r"[\n,]", self.cleaned_data["aliases"]):
            alias = alias.strip()
            if len(alias) > 120:
                raise forms.ValidationError(_("An alias may have at most 120 characters."))
            if alias and alias not in aliases:
                aliases.append(alias)
        return aliases


class EmailPreferencesForm(forms.ModelForm):
    """The kinds of moderation email an author receives, one tick each, and their language
    (one of the site's ``LANGUAGES``, or blank for the site's language).
    """

    class Meta:
        model = AuthorEmailPreferences
        fields = ["request", "decision", "appeal", "language"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["language"]
        self.fields["language"] = forms.ChoiceField(
            label=field.label, help_text=field.help_text, required=False,
            choices=[("", _("The site's language")), *settings.LANGUAGES])


class ReportForm(forms.Form):
    """A reader's report of a post as undisclosed AI: a short reason."""

    reason = forms.CharField(
        label=_("Why do you think this post uses AI it does not disclose?"),
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": REASON_MAX_LENGTH}),
    )
