"""Request and response shapes of the editor API. Input serializers only parse and type-check;
the disclosure rules live in ``rules.validate_disclosure`` and are applied by the views.
"""

from __future__ import annotations

from typing import Any

from django.core.validators import validate_slug
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from ..forms import MAX_MODEL_NAME, MAX_MODELS, MAX_REVIEWER_NAME
from ..models import AIShareEstimate, Expertise
from ..rules import DisclosureData
from .base import StrictBooleanField, StrictSerializer, TextField

#: Generous caps on free text, so one request cannot make the database store megabytes.
MAX_TEXT = 5000
MAX_KINDS = 20


def _body_field() -> TextField:
    return TextField(
        allow_blank=True,
        trim_whitespace=False,
        help_text=_("The post's Markdown, with AI blocks. Above AI_DISCLOSURE_MAX_BODY_BYTES "
                    "(UTF-8) the request is refused with 413."),
    )


# --- input ------------------------------------------------------------------------------


class DisclosureWriteSerializer(StrictSerializer):
    """A disclosure as sent by an editor: the human-only tick, or the details of AI use.

    Omitted fields count as empty, so a missing answer is reported by the rules (422).
    """

    human_only = StrictBooleanField(
        # xgettext:no-python-format ("100%" is not a placeholder)
        default=False, help_text=_("“This post is unambiguously 100% human-written”.")
    )
    assistance = serializers.ListField(
        child=TextField(max_length=40, validators=[validate_slug]),
        default=list,
        max_length=MAX_KINDS,
        help_text=_("Slugs of the kinds of AI help (see the form schema's assistance_kinds)."),
    )
    models_used = serializers.ListField(
        child=TextField(max_length=MAX_MODEL_NAME),
        default=list,
        max_length=MAX_MODELS,
        help_text=_("Models or tools used, e.g. “Claude Opus 4.6”."),
    )
    ai_share_estimate = serializers.ChoiceField(
        choices=AIShareEstimate.choices,
        allow_blank=True,
        default="",
        help_text=_("The author's estimate of how much of the text the AI wrote."),
    )
    description = TextField(
        allow_blank=True, default="", max_length=MAX_TEXT,
        help_text=_("What the AI did and what the author did."),
    )
    verification = TextField(
        allow_blank=True, default="", max_length=MAX_TEXT,
        help_text=_("How the AI's output was checked."),
    )
    expertise = serializers.ChoiceField(
        choices=Expertise.choices,
        allow_blank=True,
        default="",
        help_text=_("Whether someone with relevant expertise reviewed the AI's part."),
    )

    autonomous = StrictBooleanField(
        default=False,
        help_text=_("An AI agent wrote and posted this on its own, with no person reviewing it "
                    "first. Implies the kind drafting and expertise “none”."),
    )
    reviewer = TextField(
        allow_blank=True, default="", max_length=MAX_REVIEWER_NAME,
        help_text=_("With expertise “other”: the username of the forum user who reviewed the "
                    "post. They are invited to co-sign; readers see “reviewed by @name” once "
                    "they confirm."),
    )
    human_only_for = TextField(
        allow_blank=True, default="", max_length=64,
        help_text=_("The SHA-256 (hex) of the body the human-only tick is confirmed for. Needed "
                    "only when an edit changes the text of a post ticked human-only: without "
                    "it the edit is refused with 422 (errors.human_only)."),
    )

    def validate_models_used(self, value: list[str]) -> list[str]:
        """Tidy the model names as the HTML form does: collapse spaces, drop blanks and repeats."""
        names: list[str] = []
        for name in value:
            name = " ".join(name.split())
            if name and name not in names:
                names.append(name)
        return names

    def to_data(self) -> DisclosureData:
        """The validated input as the rules' plain record (after ``is_valid()``)."""
        return disclosure_data(self.validated_data)


def disclosure_data(values: dict[str, Any] | None) -> DisclosureData:
    """``DisclosureWriteSerializer`` output (or ``None`` for “not sent”) → ``DisclosureData``."""
    if values is None:
        return DisclosureData()
    return DisclosureData(
        human_only=values.get("human_only", False),
        assistance=set(values.get("assistance", ())),
        models_used=list(values.get("models_used", ())),
        ai_share_estimate=values.get("ai_share_estimate", ""),
        description=values.get("description", "").strip(),
        verification=values.get("verification", "").strip(),
        expertise=values.get("expertise", ""),
        autonomous=values.get("autonomous", False),
        reviewer=values.get("reviewer", "").strip().lstrip("@"),
        human_only_for=values.get("human_only_for", "").strip().lower(),
    )


class PreviewDraftSerializer(StrictSerializer):
    """A draft to render: its Markdown body."""

    body = _body_field()


class CheckDraftSerializer(StrictSerializer):
    """A draft to check: its Markdown body and the disclosure the author means to submit."""

    body = _body_field()
    disclosure = DisclosureWriteSerializer(help_text=_("The disclosure to check."))
    post = TextField(
        required=False, allow_blank=True, default="",
        help_text=_("The id of the post being edited, if any (your own): a human-only tick "
                    "given for its older text must be confirmed for the new one."),
    )


# --- output -----------------------------------------------------------------------------


class BlockSerializer(serializers.Serializer):
    """One AI block found in the body: its type, the model and note given, and where it is."""

    type = serializers.CharField(help_text=_("Block type slug, e.g. ai-written."))
    model = serializers.CharField(allow_blank=True)
    note = serializers.CharField(allow_blank=True)
    start_line = serializers.IntegerField(help_text=_("1-based line of the opening marker."))
    end_line = serializers.IntegerField(help_text=_("1-based line of the closing marker."))
    text_length = serializers.IntegerField(help_text=_("Visible characters inside the block."))


class WarningSerializer(serializers.Serializer):
    """A warning about the draft's Markdown, with the line it is about."""

    line = serializers.IntegerField(help_text=_("1-based line the warning is about."))
    message = serializers.CharField()


class PreviewSerializer(serializers.Serializer):
    """A draft as its page would show it: sanitized HTML, its AI blocks and measured AI share."""

    html = serializers.CharField(
        allow_blank=True,
        help_text=_("Sanitized HTML; each AI block is a labelled <section class=\"ai-block\">."),
    )
    blocks = BlockSerializer(many=True)
    ai_share = serializers.FloatField(
        min_value=0, max_value=1,
        help_text=_("Visible characters inside AI blocks / all visible characters."),
    )
    text_length = serializers.IntegerField(help_text=_("Visible characters of the whole post."))
    warnings = WarningSerializer(many=True)


class NudgeSerializer(serializers.Serializer):
    """A hint that does not block the post: about one disclosure field, or what will happen."""

    field = serializers.CharField(
        allow_blank=True,
        help_text=_("The disclosure field the hint is about; empty when it is about the post "
                    "as a whole, e.g. that it will be reviewed before it appears."),
    )
    message = serializers.CharField()


class CheckSerializer(serializers.Serializer):
    """Whether a draft's disclosure may be submitted: broken rules per field, hints, preview."""

    valid = serializers.BooleanField(help_text=_("True when the disclosure may be submitted."))
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text=_("Field → messages of the rules the disclosure breaks."),
    )
    nudges = NudgeSerializer(many=True, help_text=_("Hints that do not block the post."))
    suggested_assistance = serializers.ListField(
        child=serializers.CharField(), help_text=_("Kinds of help the post's AI blocks imply.")
    )
    suggested_models = serializers.ListField(
        child=serializers.CharField(), help_text=_("Models named in the post's AI blocks.")
    )
    preview = PreviewSerializer()

    def to_representation(self, instance: Any) -> dict:
        """Serialize a ``drafts.DraftCheck``; its rendering is shown as ``preview``."""
        return super().to_representation(
            {
                "valid": instance.valid,
                "errors": instance.errors,
                "nudges": instance.nudges,
                "suggested_assistance": instance.suggested_assistance,
                "suggested_models": instance.suggested_models,
                "preview": instance.rendered,
            }
        )


class DisclosureSerializer(serializers.Serializer):
    """A saved disclosure, as in its latest revision."""

    post = serializers.CharField(help_text=_("The post's id."))
    human_only = serializers.BooleanField()
    assistance = serializers.ListField(child=serializers.CharField())
    models_used = serializers.ListField(child=serializers.CharField())
    ai_share_estimate = serializers.ChoiceField(choices=AIShareEstimate.choices, allow_blank=True)
    description = serializers.CharField(allow_blank=True)
    verification = serializers.CharField(allow_blank=True)
    expertise = serializers.ChoiceField(choices=Expertise.choices, allow_blank=True)
    autonomous = serializers.BooleanField(help_text=_("An AI agent wrote and posted it."))
    reviewer = serializers.CharField(
        allow_blank=True, help_text=_("Username of the forum user named as expert reviewer.")
    )
    # A plain string, not a second enum of the invitation's ``answer`` choices in the schema.
    reviewer_answer = serializers.CharField(
        allow_blank=True,
        help_text=_("Where the reviewer's invitation stands: invited (for the current text), "
                    "confirmed or declined; empty without a reviewer."),
    )
    reviewed_by = serializers.CharField(
        allow_blank=True,
        help_text=_("The reviewer's username once they confirmed the current text; empty "
                    "until then (and again after an edit, until they confirm it)."),
    )
    form_version = serializers.IntegerField()
    summary = serializers.CharField(help_text=_("The one line readers see."))
    revision = serializers.IntegerField(help_text=_("Number of the latest revision."))
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class RevisionSerializer(serializers.Serializer):
    """One saved version of a disclosure: who saved it and when, the values and what changed."""

    number = serializers.IntegerField()
    created_at = serializers.DateTimeField()
    changed_by = serializers.CharField(
        allow_null=True, source="changed_by.get_username", default=None,
        help_text=_("Username of who saved it; null if the account is gone."),
    )
    form_version = serializers.IntegerField()
    data = serializers.DictField(help_text=_("The disclosure as saved."))
    changes = serializers.DictField(
        child=serializers.ListField(), help_text=_("Field → [before, after].")
    )


# --- the form schema --------------------------------------------------------------------


class ChoiceSerializer(serializers.Serializer):
    """One value a field may take, with its label and explanation."""

    value = serializers.CharField()
    label = serializers.CharField()
    description = serializers.CharField(allow_blank=True)


class FieldSerializer(serializers.Serializer):
    """One field of the disclosure form, described so a client can build the input and check it."""

    name = serializers.CharField()
    kind = serializers.ChoiceField(
        choices=["boolean", "multiple_choice", "list", "choice", "text"],
        help_text=_("What kind of input to build."),
    )
    label = serializers.CharField()
    help_text = serializers.CharField(allow_blank=True)
    choices = ChoiceSerializer(
        many=True, help_text=_("The values allowed (for a refused disclosure: allowed now).")
    )
    required_choices = serializers.ListField(
        child=serializers.CharField(),
        help_text=_("Values that must be among those chosen, e.g. the kinds a post's AI blocks "
                    "imply; empty in the form schema, which knows no post."),
    )
    suggestions = serializers.ListField(child=serializers.CharField())
    min_length = serializers.IntegerField(allow_null=True)
    max_length = serializers.IntegerField(allow_null=True)
    max_items = serializers.IntegerField(allow_null=True)


class AssistanceKindSerializer(serializers.Serializer):
    """A kind of AI help an author can declare; some need a note on how it was checked."""

    slug = serializers.CharField()
    label = serializers.CharField()
    description = serializers.CharField(allow_blank=True)
    requires_verification = serializers.BooleanField()


class BlockTypeSerializer(serializers.Serializer):
    """One AI block type: its opening and closing lines, an example, the help it implies."""

    slug = serializers.CharField()
    label = serializers.CharField()
    implies_assistance = serializers.CharField(
        allow_null=True, help_text=_("Kind of help a post with this block must tick.")
    )
    opening = serializers.CharField(help_text=_("The opening line, to be followed by the text."))
    closing = serializers.CharField(help_text=_("The closing line."))
    example = serializers.CharField()


class BlockSyntaxSerializer(serializers.Serializer):
    """The AI block syntax all block types share: the attributes, explained, and the alternative."""

    attributes = serializers.ListField(child=serializers.CharField())
    description = serializers.CharField()
    alternative = serializers.CharField()


class RuleSerializer(serializers.Serializer):
    """One disclosure rule in words, with the fields it concerns and any values it restricts."""

    id = serializers.CharField()
    text = serializers.CharField()
    fields = serializers.ListField(child=serializers.CharField())
    kinds = serializers.ListField(child=serializers.CharField(), required=False)
    values = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text=_("Field → the only values it may take under this rule."),
    )


class WordingSerializer(serializers.Serializer):
    """The texts the form shows around its fields, so every client words the disclosure alike."""

    human_only_label = serializers.CharField()
    intro = serializers.CharField()
    description_help = serializers.CharField()
    verification_help = serializers.CharField()


class LimitsSerializer(serializers.Serializer):
    """The size limits of a post and its disclosure, as the API enforces them."""

    max_body_bytes = serializers.IntegerField()
    description_min_length = serializers.IntegerField()
    verification_min_length = serializers.IntegerField()
    max_models = serializers.IntegerField()
    max_model_name_length = serializers.IntegerField()


class FormSchemaSerializer(serializers.Serializer):
    """The disclosure form, described for an editor that builds its own."""

    form_version = serializers.IntegerField(
        help_text=_("Bumped when fields or rules change; sent back with each disclosure.")
    )
    required = serializers.BooleanField(
        help_text=_("Whether a post needs a complete disclosure before it is published.")
    )
    wording = WordingSerializer()
    fields = FieldSerializer(many=True)
    policy_url = serializers.CharField(
        allow_null=True, help_text=_("The forum's page on AI use (AI_DISCLOSURE_POLICY_URL).")
    )
    assistance_kinds = AssistanceKindSerializer(many=True)
    block_types = BlockTypeSerializer(many=True)
    block_syntax = BlockSyntaxSerializer()
    rules = RuleSerializer(many=True)
    limits = LimitsSerializer()

