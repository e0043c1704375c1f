"""The publish gate: refuse to publish a post without a complete disclosure.

With ``AI_DISCLOSURE_REQUIRED`` on (the default) a post needs either the human-only tick or
the details of its AI use; with it off, a post may have no disclosure, but one that was
started must still be consistent. There is one set of rules (``rules.validate_disclosure``)
and so one set of field-level messages, reached three ways:

- :func:`check_publishable` — the service, for the host's own publishing code (an import, a
  management command, a custom view): raises :class:`DisclosureIncomplete`.
- ``forms.DisclosureGateFormMixin`` — for the host's post form in Django views.
- ``api.gate.DisclosureGateSerializerMixin`` — for DRF serializers: the refusal is a 422 that
  also lists each field's allowed values and links the forum's AI policy.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.utils.translation import gettext as _

from . import content_types, rendering, selectors, services
from .models import Disclosure
from .rules import DisclosureData, validate_disclosure

#: The code of the message asking the author to tick "human-written" again for edited text.
STALE_TICK = "human_only_stale"


class DisclosureIncomplete(ValidationError):
    """The post may not be published: its disclosure is missing, incomplete or contradictory.

    ``message_dict`` maps each field to its messages; ``data`` and ``blocks`` are what was
    checked, so a caller can work out what each field may hold now.
    """

    def __init__(
        self, errors: dict[str, list[str]], *, data: DisclosureData, blocks: Sequence
    ) -> None:
        super().__init__(errors)
        self.data = data
        self.blocks = list(blocks)


def disclosure_errors(
    data: DisclosureData,
    *,
    blocks: Sequence[rendering.Block],
    body: str | None = None,
    post: Model | None = None,
    author: Any = None,
    compact: bool = False,
) -> dict[str, list[str]]:
    """The rules' messages for this disclosure of a body with these AI blocks, field →
    messages; empty when the post may be published. ``compact``: the compact form's rules
    (a content type registered with ``"form": "compact"``).

    With ``body`` and the ``post`` being edited, a human-only tick given for an older text
    must be confirmed again (:func:`stale_tick_errors`); with the ``author``, a reviewer
    named to co-sign must be another user of the forum (:func:`reviewer_errors`).
    """
    errors: dict[str, list[str]] = {}
    try:
        validate_disclosure(
            data,
            blocks=blocks,
            kinds=selectors.vocabulary().kinds_by_slug(),
            block_types=selectors.vocabulary().block_types,
            compact=compact,
        )
    except ValidationError as error:
        errors = error.message_dict
    extra = {**reviewer_errors(data, author=author)}
    if body is not None:
        extra.update(stale_tick_errors(data, body=body, post=post))
    for name, messages in extra.items():
        errors.setdefault(name, []).extend(messages)
    return errors


def stale_tick_errors(
    data: DisclosureData, *, body: str, post: Model | None
) -> dict[str, list[str]]:
    """Ask again for a human-only tick given for another text than ``body``.

    The tick is bound to the text it was given for (``Disclosure.human_only_hash``). When an
    edit changes the text of a post ticked human-only, the tick counts only if the author
    confirms it for the new text: ``data.human_only_for`` is the new body's content hash (the
    HTML form sends it back once it has asked; an API client sends it itself).
    """
    if not data.human_only or post is None or post.pk is None:
        return {}
    ticked_for = (
        Disclosure.objects.filter(content=selectors.content_of(post), human_only=True)
        .values_list("human_only_hash", flat=True).first()
    )
    body_hash = rendering.content_hash(body)
    if not ticked_for or body_hash in (ticked_for, data.human_only_for):
        return {}
    return {"human_only": [_(
        # xgettext:no-python-format ("100%" is not a placeholder)
        "You changed the text since you ticked “100% human-written”. Tick the box again to "
        "confirm it for the new text, or tell readers below how AI was used. Your edit is kept."
    )]}


def reviewer_errors(data: DisclosureData, *, author: Any = None) -> dict[str, list[str]]:
    """A reviewer named to co-sign must be an active user of the forum, and not the author."""
    if not data.reviewer:
        return {}
    user_model = get_user_model()
    reviewer = (
        user_model._default_manager.filter(
            **{user_model.USERNAME_FIELD: data.reviewer}, is_active=True
        ).only("pk").first()
    )
    if reviewer is None:
        message = _("Nobody on this forum is called “%(name)s”. Check the username, or leave "
                    "the reviewer empty.") % {"name": data.reviewer}
    elif author is not None and reviewer.pk == author.pk:
        message = _("You cannot co-sign your own post: name the other person who reviewed it.")
    else:
        return {}
    return {"reviewer": [message]}


def saved_disclosure_errors(post: Model) -> dict[str, list[str]]:
    """:func:`disclosure_errors` for the post's saved disclosure and body: what its author
    must still fill in (e.g. after accepting an AI tool's suggestion).
    """
    blocks = [rendering.Block(**block) for block in services.rendered_content(post).blocks]
    data = services.disclosure_data(selectors.disclosure_for(post))
    return disclosure_errors(data, blocks=blocks, compact=content_types.of(post).compact)


def check_publishable(
    *, body: str, disclosure: DisclosureData, post: Model | None = None, author: Any = None,
    kind: str | None = None,
) -> rendering.Rendered:
    """Refuse content that may not be published as it stands; return the body's render.
    ``kind``: its registered content type (default: the first), which says whether the
    compact form's rules apply.

    ``post`` is the post being edited (``None`` for a new one) and ``author`` its author, for
    the tick bound to the text and the co-signing reviewer (see :func:`disclosure_errors`).
    Raises ``ValidationError`` (code ``too_large``) for a body above the size limit and
    :class:`DisclosureIncomplete` when the disclosure breaks a rule.
    """
    services.validate_body(body)
    rendered = services.render_body(body)
    if errors := disclosure_errors(
        disclosure, blocks=rendered.blocks, body=body, post=post, author=author,
        compact=is_compact(kind),
    ):
        raise DisclosureIncomplete(errors, data=disclosure, blocks=rendered.blocks)
    return rendered


def is_compact(kind: str | None) -> bool:
    """Whether the registered type ``kind`` (default: the first) uses the compact form."""
    return (content_types.get(kind) if kind else content_types.default()).compact


def check_disclosure(
    data: DisclosureData, *, blocks: Sequence[rendering.Block], author: Any = None,
    compact: bool = False,
) -> None:
    """Raise :class:`DisclosureIncomplete` unless this disclosure of a body with these AI
    blocks may be published (e.g. for a post whose stored render is at hand); ``compact``:
    the compact form's rules. The tick is given here for the post's current text, so it is
    not asked again.
    """
    if errors := disclosure_errors(data, blocks=blocks, author=author, compact=compact):
        raise DisclosureIncomplete(errors, data=data, blocks=blocks)
