"""Admin form for policies."""

from django import forms

from .models import AuthorEmailPreferences, Policy
from .policies import engine


class PolicyForm(forms.ModelForm):
    """Refuses an expression that does not compile, with the parser's message and position."""

    class Meta:
        model = Policy
        fields = ["name", "expression", "action", "priority", "reason", "enabled"]
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


class EmailPreferencesForm(forms.ModelForm):
    """The kinds of moderation email an author receives, one tick each."""

    class Meta:
        model = AuthorEmailPreferences
        fields = ["request", "decision", "appeal"]
