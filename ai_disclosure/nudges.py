"""Nudges: what an author is told before submitting, so nothing about the outcome surprises
them. A nudge never blocks a post (the rules do that); it says what will happen or what a
careful author would want to fix.

This app knows the body and the disclosure; what other apps will do with the post (the
``moderation`` app's policies: "posts like this by new authors are reviewed before they
appear") comes from *nudge sources* they register with :func:`register_nudge_source` in
their ``AppConfig.ready()`` — the same extension point as the data export's sections, so
this app never imports them. A source must be cheap (no classifiers, no network) and store
nothing: the check endpoint calls it on every check.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Model
from django.utils.translation import gettext as _

from .models import AIShareEstimate
from .rendering import Rendered
from .rules import DisclosureData

#: How far the measured AI share may lie outside the estimated bucket before we say so.
SHARE_TOLERANCE = 0.05


@dataclass(frozen=True)
class Nudge:
    """A hint that does not block the post; ``field`` is the disclosure field it is about,
    or ``""`` when it is about the post as a whole.
    """

    field: str
    message: str


@dataclass(frozen=True)
class Draft:
    """What a nudge source sees: the draft, its disclosure, who writes it, the post edited."""

    body: str
    rendered: Rendered
    data: DisclosureData
    author: Any
    post: Model | None = None


NudgeSource = Callable[[Draft], list[Nudge]]
_sources: dict[str, NudgeSource] = {}


def register_nudge_source(name: str, source: NudgeSource) -> None:
    """Add ``source(draft) -> [Nudge]`` to every check; registering ``name`` again replaces it."""
    _sources[name] = source


def nudges_for(draft: Draft) -> list[Nudge]:
    """This app's nudges about the disclosure, then those of the registered sources."""
    found = _disclosure_nudges(draft)
    for source in _sources.values():
        found.extend(source(draft))
    return found


def _disclosure_nudges(draft: Draft) -> list[Nudge]:
    """Where the disclosure and the AI blocks of the body disagree."""
    data, rendered = draft.data, draft.rendered
    if data.human_only:
        return []
    found = []
    block_models = sorted({block.model for block in rendered.blocks if block.model})
    missing_models = [name for name in block_models if name not in data.models_used]
    if missing_models and data.models_used:
        found.append(
            Nudge("models_used", _("Your AI blocks name %(models)s; add them to the models.")
                  % {"models": ", ".join(missing_models)})
        )
    if share_nudge := _share_nudge(data, rendered):
        found.append(share_nudge)
    writing_kinds = {"drafting", "translation"} & data.assistance
    if writing_kinds and not rendered.blocks:
        found.append(Nudge(
            "assistance",
            _("You said the AI helped with %(kinds)s, but the post has no AI blocks. Mark "
              "the passages it wrote (“Insert AI section”) so readers can see which they are.")
            % {"kinds": ", ".join(sorted(writing_kinds))},
        ))
    return found


def _share_nudge(data: DisclosureData, rendered: Rendered) -> Nudge | None:
    """The author's estimate against the share of the text inside AI blocks."""
    if data.ai_share_estimate not in AIShareEstimate.values or not rendered.blocks:
        return None
    estimate = AIShareEstimate(data.ai_share_estimate)
    low, high = estimate.bounds
    values = {"estimate": estimate.label, "share": round(rendered.ai_share * 100)}
    if rendered.ai_share > high + SHARE_TOLERANCE:
        message = _("Your estimate (%(estimate)s) is below the measured AI share "
                    "(%(share)d%% of the text is in AI blocks): adjust it, or mark fewer "
                    "passages as AI-written.") % values
    elif rendered.ai_share < low - SHARE_TOLERANCE:
        message = _("Your estimate (%(estimate)s) is above the measured AI share "
                    "(%(share)d%% of the text is in AI blocks): adjust it, or mark the other "
                    "passages the AI wrote.") % values
    else:
        return None
    return Nudge("ai_share_estimate", message)
