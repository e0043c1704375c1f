"""Template tags for showing disclosures to readers: ``{% load ai_disclosure %}``."""

from django import template
from django.core.exceptions import ObjectDoesNotExist

from .. import selectors

register = template.Library()


def _disclosure(post):
    try:
        return post.ai_disclosure
    except (ObjectDoesNotExist, AttributeError):
        return None


@register.inclusion_tag("ai_disclosure/summary.html")
def ai_disclosure_summary(post):
    """A one-line badge: “Human-written” or “AI: editing · Claude Opus 4.6 · expert-reviewed”."""
    disclosure = _disclosure(post)
    return {
        "disclosure": disclosure,
        "summary": selectors.summarize(disclosure),
    }


@register.filter
def mostly_ai(post) -> bool:
    """``{% if post|mostly_ai %}`` — by its stored render or the author's estimate."""
    render = getattr(post, "ai_render", None)  # a missing render raises AttributeError
    share = render.ai_share if render else None
    return selectors.is_mostly_ai(_disclosure(post), share)
