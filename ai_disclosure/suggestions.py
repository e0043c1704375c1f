"""Writes for AI tools' suggestions: record one, and the author accepts or dismisses it.

A tool (an editor's assistant) acts for the author: it records what it did — the kind of help,
the model, the passage it wrote or changed — and nothing else happens. Only the author's
acceptance changes the disclosure (a new revision, like any disclosure change) and the body
(the passage marked as an AI block); dismissing only closes the suggestion, which moderators
still see. Each state change is one function here; callers check who may call it.
"""

from __future__ import annotations

from dataclasses import replace

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _

from . import blocks, content_types, rendering, selectors, services
from .app_settings import app_settings
from .forms import MAX_MODELS
from .models import Content, Disclosure, SuggestionStatus, ToolSuggestion
from .rules import DisclosureData


class SuggestionConflict(Exception):
    """The suggestion cannot be acted on as asked in its current state; ``code`` says why
    (``already_decided``, ``too_many_suggestions``, ``passage_not_found``,
    ``passage_not_wrappable``, ``too_many_models``) and the message says what to do.
    """

    def __init__(self, message: str, *, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


@transaction.atomic
def record_suggestion(
    *, post: Model, user, kind: str, model: str, tool: str = "", passage: str = "",
    block_type: str = "",
) -> ToolSuggestion:
    """Store what a tool did to ``post`` (a host object of any registered type) for its
    author ``user``; change nothing else.

    The values must already be validated (``api.suggestions.SuggestionWriteSerializer``);
    the passage is stored with newline-only line endings, as the renderer reads text.
    Raises :class:`SuggestionConflict` when the post holds ``MAX_SUGGESTIONS_PER_POST``.
    """
    content = services.content_for(post)
    # Lock the content row so two tools cannot both record the last allowed suggestion.
    Content.objects.select_for_update().filter(pk=content.pk).values_list("pk").first()
    limit = app_settings.MAX_SUGGESTIONS_PER_POST
    if ToolSuggestion.objects.filter(content=content).count() >= limit:
        raise SuggestionConflict(
            _("This post already has %(limit)d suggestions from AI tools, the limit.")
            % {"limit": limit},
            code="too_many_suggestions",
        )
    return ToolSuggestion.objects.create(
        content=content, recorded_by=user, kind=kind, model=model, tool=tool,
        passage=rendering.normalise(passage), block_type=block_type if passage else "",
    )


@transaction.atomic
def accept_suggestion(
    *, suggestion: ToolSuggestion, user, wrap: bool = True
) -> ToolSuggestion:
    """Apply the suggestion for its author ``user``: add its kind and model to the disclosure
    (a new revision; the "100% human-written" tick, if set, is cleared) and, when ``wrap``,
    mark its passage in the body as an AI block.

    Raises :class:`SuggestionConflict` when the suggestion was already decided, when
    ``wrap`` is asked and the passage is no longer in the body or cannot be marked where it
    is (the author may then accept with ``wrap=False``: the disclosure part only), or when
    the disclosure already names as many models as allowed.
    """
    suggestion = ToolSuggestion.objects.select_for_update().select_related("content").get(
        pk=suggestion.pk
    )
    if suggestion.status != SuggestionStatus.PENDING:
        raise SuggestionConflict(
            _("This suggestion was already %(status)s.")
            % {"status": suggestion.get_status_display().lower()},
            code="already_decided",
        )
    content = suggestion.content
    wrapped = wrap and bool(suggestion.passage)
    if wrapped:
        content_types.adapter_for(content.obj).set_body(
            content.obj, _wrapped_body(content.obj, suggestion)
        )
    data = _with_suggestion(selectors.disclosure_for(content), suggestion)
    revision = services.save_disclosure_revision(content=content, user=user, data=data)
    services.rendered_content(content)
    suggestion.status = SuggestionStatus.ACCEPTED
    suggestion.passage_wrapped = wrapped
    suggestion.revision = revision
    suggestion.decided_at = timezone.now()
    suggestion.save(update_fields=["status", "passage_wrapped", "revision", "decided_at"])
    return suggestion


@transaction.atomic
def dismiss_suggestion(*, suggestion: ToolSuggestion) -> ToolSuggestion:
    """Close the suggestion without applying anything; it stays visible to moderators.

    Raises :class:`SuggestionConflict` when it was already decided.
    """
    updated = ToolSuggestion.objects.filter(
        pk=suggestion.pk, status=SuggestionStatus.PENDING
    ).update(status=SuggestionStatus.DISMISSED, decided_at=timezone.now())
    suggestion.refresh_from_db()
    if not updated:
        raise SuggestionConflict(
            _("This suggestion was already %(status)s.")
            % {"status": suggestion.get_status_display().lower()},
            code="already_decided",
        )
    return suggestion


def _wrapped_body(post: Model, suggestion: ToolSuggestion) -> str:
    """The post's body with the suggestion's passage marked, checked by rendering it."""
    body = rendering.normalise(content_types.adapter_for(post).get_body(post))
    new_body = blocks.wrap_passage(
        body, suggestion.passage, block_type=suggestion.block_type, model=suggestion.model
    )
    if new_body is None:
        raise SuggestionConflict(
            _("The passage is no longer in the post's text (it was edited since the tool "
              "recorded it). Mark it by hand if it is still there in another form, and accept "
              "the disclosure part only, or dismiss the suggestion."),
            code="passage_not_found",
        )
    before, after = services.render_body(body), services.render_body(new_body)
    try:
        services.validate_body(new_body)
    except ValidationError as error:
        raise SuggestionConflict(error.messages[0], code="passage_not_wrappable") from error
    if (
        blocks.inside_list_or_quote(body, body.find(suggestion.passage))
        or len(after.blocks) != len(before.blocks) + 1
        or len(after.warnings) > len(before.warnings)
    ):
        raise SuggestionConflict(
            _("The passage is inside a list, a quote, code or another AI block, where an AI "
              "block cannot start. Mark it by hand, and accept the disclosure part only."),
            code="passage_not_wrappable",
        )
    return new_body


def _with_suggestion(
    disclosure: Disclosure | None, suggestion: ToolSuggestion
) -> DisclosureData:
    """The disclosure's values with the suggestion's kind and model added."""
    data = services.disclosure_data(disclosure)
    models_used = list(data.models_used)
    if suggestion.model not in models_used:
        models_used.append(suggestion.model)
    if len(models_used) > MAX_MODELS:
        raise SuggestionConflict(
            _("The disclosure already names %(max)d models, the limit; remove one first.")
            % {"max": MAX_MODELS},
            code="too_many_models",
        )
    return replace(
        data,
        human_only=False,
        assistance={*data.assistance, suggestion.kind},
        models_used=models_used,
    )
