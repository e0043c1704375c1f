"""The demo forum's post and comment forms."""

from django import forms

from ai_disclosure import services
from ai_disclosure.forms import DisclosureGateFormMixin

from .models import Comment, Post


class PostForm(DisclosureGateFormMixin, forms.ModelForm):
    """The post and, through the plugin's publish gate, its disclosure (``disclosure_form``)."""

    class Meta:
        model = Post
        fields = ["title", "body"]
        widgets = {
            "body": forms.Textarea(attrs={"rows": 16, "data-ai-body": True, "spellcheck": "true"}),
        }
        help_texts = {
            "body": "Markdown. Mark AI-written passages with :::ai-written{model=\"…\"} … :::",
        }

    def clean_body(self) -> str:
        """Refuse a body the renderer would refuse, with its message under the field."""
        body = self.cleaned_data["body"]
        services.validate_body(body)
        return body


class CommentForm(DisclosureGateFormMixin, forms.ModelForm):
    """A comment and, through the publish gate, its compact disclosure (the ``comment`` type
    is registered with ``"form": "compact"``).
    """

    content_kind = "comment"

    class Meta:
        model = Comment
        fields = ["body"]
        labels = {"body": "Your comment"}
        widgets = {"body": forms.Textarea(attrs={"rows": 4, "data-ai-body": True})}

    def clean_body(self) -> str:
        """Refuse a body the renderer would refuse, with its message under the field."""
        body = self.cleaned_data["body"]
        services.validate_body(body)
        return body
