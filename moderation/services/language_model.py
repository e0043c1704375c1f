"""The language-model hint's flow: score a post on the model's own queue, keep the result
where screening finds it, and screen the post again with it.

Screening never waits for the model: it reads a result kept in the cache (keyed by the exact
text scored and the calibration version) through ``classifiers.language_model.cached_hint``,
and the task ``moderation.score_language_model`` fills that cache, then re-screens.
Everything here is a no-op unless ``AI_MODERATION_LANGUAGE_MODEL_ENABLED`` is on.
"""

from __future__ import annotations

import logging

from ai_disclosure import services as disclosure_services
from ai_disclosure.models import Content

from ..app_settings import app_settings
from ..classifiers import language_model
from ..text import authored_text
from .screening import screen_contents

logger = logging.getLogger(__name__)

def own_text(content) -> str:
    """The text screening scores for ``content`` (a host object or its ``Content`` row): its
    author's own words.
    """
    return authored_text(disclosure_services.rendered_content(content).html)


def _content(content_id: int) -> Content | None:
    content = Content.objects.filter(pk=content_id).first()
    return content if content is not None and content.obj is not None else None


def needs_scoring(content_id: int) -> bool:
    """The hint is on and this content's current text has no result yet."""
    if not app_settings.LANGUAGE_MODEL_ENABLED:
        return False
    content = _content(content_id)
    return content is not None and language_model.cached_hint(own_text(content)) is None


def score_content(*, content_id: int) -> dict | None:
    """Score a content's own text with the language model, keep the result, and screen it
    again so the combined score and the policies see it. Returns the result stored (None when
    the content is gone, the hint is off, or the text was already scored).
    """
    if not app_settings.LANGUAGE_MODEL_ENABLED:
        return None
    content = _content(content_id)
    if content is None:
        logger.info("Content %s is gone; no language-model hint.", content_id)
        return None
    text = own_text(content)
    if language_model.cached_hint(text) is not None:
        return None
    try:
        result = language_model.LanguageModelClassifier().judge(text)
    except language_model.LanguageModelUnavailable as error:
        # The system check (moderation.E010) says the same at start-up.
        logger.error("No language-model hint for content %s: %s", content_id, error)
        return None
    stored = {
        "score": None if result is None else result.score,
        "evidence": [] if result is None else [item.as_dict(text) for item in result.evidence],
    }
    language_model.keep_hint(text, stored)
    if stored["score"] is not None:
        # The screening key does not change with the hint: screen again regardless.
        screen_contents(content_ids=[content_id], force=True)
    return stored
