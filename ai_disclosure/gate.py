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

from django.core.exceptions import ValidationError

from . import rendering, selectors, services
from .rules import DisclosureData, validate_disclosure


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
    data: DisclosureData, *, blocks: Sequence[rendering.Block]
) -> dict[str, list[str]]:
    """The rules' messages for this disclosure of a body with these AI blocks, field →
    messages; empty when the post may be published.
    """
    try:
        validate_disclosure(
            data,
            blocks=blocks,
            kinds=selectors.vocabulary().kinds_by_slug(),
            block_types=selectors.vocabulary().block_types,
        )
    except ValidationError as error:
        return error.message_dict
    return {}


def check_publishable(*, body: str, disclosure: DisclosureData) -> rendering.Rendered:
    """Refuse a post that may not be published as it stands; return the body's render.

    Raises ``ValidationError`` (code ``too_large``) for a body above the size limit and
    :class:`DisclosureIncomplete` when the disclosure breaks a rule.
    """
    services.validate_body(body)
    rendered = services.render_body(body)
    check_disclosure(disclosure, blocks=rendered.blocks)
    return rendered


def check_disclosure(data: DisclosureData, *, blocks: Sequence[rendering.Block]) -> None:
    """Raise :class:`DisclosureIncomplete` unless this disclosure of a body with these AI
    blocks may be published (e.g. for a post whose stored render is at hand).
    """
    if errors := disclosure_errors(data, blocks=blocks):
        raise DisclosureIncomplete(errors, data=data, blocks=blocks)
