"""What the editor endpoints compute: the form schema, a draft's preview, and its check.

Pure reads and computations over the existing rules (``rules.validate_disclosure``), the
renderer (``services.render_body``) and the admin-edited vocabularies (``selectors``); nothing
here writes. The rules are never restated: errors come from ``gate.disclosure_errors``, exactly
as for the HTML form, and the nudges (``nudges``) are hints that never block a post.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Model
from django.utils.translation import gettext as _

from .. import rendering, selectors, services
from ..app_settings import app_settings
from ..blocks import KNOWN_ATTRIBUTES, LLM_OUTPUT_TYPE
from ..forms import MAX_MODEL_NAME, MAX_MODELS, MAX_REVIEWER_NAME, DisclosureForm
from ..gate import disclosure_errors
from ..i18n import shipped_text
from ..models import FORM_VERSION, AIShareEstimate, AssistanceKind, Expertise
from ..nudges import Draft, Nudge, nudges_for
from ..rules import (
    AUTONOMOUS_KIND,
    DETAIL_FIELDS,
    DisclosureData,
    allowed_expertise,
    implied_kinds,
    required_kinds,
)

#: The kind of input each form field is, for an editor building its own widgets.
FIELD_KINDS = {
    "human_only": "boolean",
    "assistance": "multiple_choice",
    "models_used": "list",
    "ai_share_estimate": "choice",
    "description": "text",
    "verification": "text",
    "expertise": "choice",
    "reviewer": "text",
    "autonomous": "boolean",
}


def form_schema() -> dict:
    """Everything an editor needs to build the disclosure form and the AI-block tools.

    Labels, help texts and wording come from the HTML form (and so from the admin's wording),
    so both forms always say the same thing.
    """
    form = DisclosureForm()
    kinds = list(selectors.assistance_kinds())
    block_types = selectors.block_types()
    return {
        "form_version": FORM_VERSION,
        "required": app_settings.REQUIRED,
        "wording": form.wording,
        "fields": field_descriptions(form=form, kinds=kinds),
        "policy_url": app_settings.POLICY_URL,
        "assistance_kinds": [
            {
                "slug": kind.slug,
                "label": kind.shown_label,
                "description": kind.shown_description,
                "requires_verification": kind.requires_verification,
            }
            for kind in kinds
        ],
        "block_types": [
            {
                "slug": block_type.slug,
                "label": shipped_text(block_type.label),
                "implies_assistance": block_type.assistance_kind,
                "opening": f':::{block_type.slug}{{model="…"}}',
                "closing": ":::",
                "example": f':::{block_type.slug}{{model="Claude Opus 4.6" note="…"}}\n'
                + _("Text the AI wrote, with **Markdown**.")
                + "\n:::",
            }
            for block_type in block_types
        ],
        "block_syntax": {
            "attributes": list(KNOWN_ATTRIBUTES),
            "description": _(
                "Generic-directive containers at the top level of the post, outside fenced "
                "code: a line “:::type{model=\"…\" note=\"…\"}”, the text, and a line “:::”. "
                "Blocks cannot be nested."
            ),
            "alternative": _(
                "LessWrong's “%%%%%% llm-output model=\"…\"” … “%%%%%% /llm-output” is read as "
                "%(type)s."
            )
            % {"type": LLM_OUTPUT_TYPE},
        },
        "rules": rules(kinds),
        "limits": {
            "max_body_bytes": app_settings.MAX_BODY_BYTES,
            "description_min_length": app_settings.DESCRIPTION_MIN_LENGTH,
            "verification_min_length": app_settings.VERIFICATION_MIN_LENGTH,
            "max_models": MAX_MODELS,
            "max_model_name_length": MAX_MODEL_NAME,
        },
    }


def field_descriptions(
    data: DisclosureData | None = None,
    blocks: Sequence[rendering.Block] = (),
    *,
    form: DisclosureForm | None = None,
    kinds: Sequence[AssistanceKind] | None = None,
) -> list[dict]:
    """Each disclosure field described for code: its label and help, the values it may take
    (for ``data``, a disclosure of a body with these AI ``blocks``: an agent's post may only
    answer "not reviewed"), the choices it must include (kinds the blocks or an agent imply)
    and its limits.
    """
    data = data or DisclosureData()
    form = form or DisclosureForm()
    kinds = list(selectors.assistance_kinds()) if kinds is None else kinds
    expertise = allowed_expertise(data)
    choices = {
        "assistance": [
            {"value": kind.slug, "label": kind.shown_label,
             "description": kind.shown_description}
            for kind in kinds
        ],
        "ai_share_estimate": [
            {"value": value, "label": str(label), "description": ""}
            for value, label in AIShareEstimate.choices
        ],
        "expertise": [
            {"value": value, "label": str(label), "description": ""}
            for value, label in Expertise.choices
            if value in expertise
        ],
    }
    offered = {kind.slug for kind in kinds}
    required = {
        "assistance": [
            slug for slug in required_kinds(data, blocks, selectors.block_types())
            if slug in offered
        ],
    }
    limits = {
        "models_used": {"max_items": MAX_MODELS, "max_length": MAX_MODEL_NAME},
        "description": {"min_length": app_settings.DESCRIPTION_MIN_LENGTH},
        "verification": {"min_length": app_settings.VERIFICATION_MIN_LENGTH},
        "reviewer": {"max_length": MAX_REVIEWER_NAME},
    }
    return [
        {
            "name": name,
            "kind": FIELD_KINDS[name],
            "label": str(form.fields[name].label or ""),
            "help_text": str(form.fields[name].help_text or ""),
            "choices": choices.get(name, []),
            "required_choices": required.get(name, []),
            "suggestions": list(app_settings.MODEL_SUGGESTIONS) if name == "models_used" else [],
            "min_length": limits.get(name, {}).get("min_length"),
            "max_length": limits.get(name, {}).get("max_length"),
            "max_items": limits.get(name, {}).get("max_items"),
        }
        for name in FIELD_KINDS
    ]


def rules(kinds: Sequence[AssistanceKind] | None = None) -> list[dict]:
    """The rules ``validate_disclosure`` enforces, described for people and for code."""
    kinds = list(selectors.assistance_kinds()) if kinds is None else kinds
    needing_check = [kind.slug for kind in kinds if kind.requires_verification]
    return [
        {
            "id": "human_only_or_details",
            # xgettext:no-python-format ("100%" is not a placeholder)
            "text": _("Tick “100% human-written”, or describe how AI was used — not both: "
                      "details given with the tick are refused, not dropped."),
            "fields": ["human_only", *DETAIL_FIELDS],
        },
        {
            "id": "human_only_without_blocks",
            # xgettext:no-python-format ("100%" is not a placeholder)
            "text": _("A post with AI blocks cannot be ticked 100% human-written."),
            "fields": ["human_only"],
        },
        {
            "id": "details_required",
            "text": _("Without the tick: at least one kind of help, the models, an estimate of "
                      "the AI's share, what the AI did and whether an expert reviewed it."),
            "fields": ["assistance", "models_used", "ai_share_estimate", "description",
                       "expertise"],
        },
        {
            "id": "blocks_imply_kinds",
            "text": _("Each AI block type implies a kind of help (see block_types), which must "
                      "be ticked."),
            "fields": ["assistance"],
        },
        {
            "id": "description_min_length",
            "text": _("“What the AI did” needs at least %(min)d characters.")
            % {"min": app_settings.DESCRIPTION_MIN_LENGTH},
            "fields": ["description"],
        },
        {
            "id": "verification_required",
            "text": _("Kinds that produce claims (%(kinds)s) need at least %(min)d characters on "
                      "how the output was checked.")
            % {"kinds": ", ".join(needing_check), "min": app_settings.VERIFICATION_MIN_LENGTH},
            "fields": ["verification"],
            "kinds": needing_check,
        },
        {
            "id": "autonomous_posting",
            "text": _("A post an AI agent wrote and posted on its own (autonomous) cannot be "
                      "ticked 100%% human-written, must tick %(kind)s, and answers expert "
                      "review with “none”: nobody reviewed it before it appeared.")
            % {"kind": AUTONOMOUS_KIND},
            "fields": ["autonomous", "human_only", "assistance", "expertise"],
            "kinds": [AUTONOMOUS_KIND],
            "values": {"expertise": allowed_expertise(DisclosureData(autonomous=True))},
        },
    ]


def preview(body: str) -> rendering.Rendered:
    """Render a draft body, refusing one above the size limit (``ValidationError``)."""
    services.validate_body(body)
    return services.render_body(body)


@dataclass
class DraftCheck:
    """The result of :func:`check`."""

    rendered: rendering.Rendered
    errors: dict[str, list[str]]
    nudges: list[Nudge] = field(default_factory=list)
    suggested_assistance: list[str] = field(default_factory=list)
    suggested_models: list[str] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        """Whether the disclosure breaks no rule, so the post may be submitted."""
        return not self.errors


def check(
    body: str, data: DisclosureData, *, author: Any = None, post: Model | None = None
) -> DraftCheck:
    """Validate a draft's disclosure against its body, and say what will happen (nudges).

    ``post`` is the post being edited, if any: a human-only tick given for its older text
    must be confirmed again. Stores nothing. Raises ``ValidationError`` (code
    ``too_large``) for an oversize body, like ``preview``.
    """
    rendered = preview(body)
    errors = disclosure_errors(data, blocks=rendered.blocks, body=body, post=post, author=author)
    implied = implied_kinds(rendered.blocks, selectors.block_types())
    return DraftCheck(
        rendered=rendered,
        errors=errors,
        nudges=nudges_for(Draft(body=body, rendered=rendered, data=data, author=author,
                                post=post)),
        suggested_assistance=sorted(implied),
        suggested_models=sorted({block.model for block in rendered.blocks if block.model}),
    )
