"""Template tags for showing disclosures to readers, and AI tools' suggestions to authors:
``{% load ai_disclosure %}``.
"""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from .. import selectors
from ..api.permissions import is_author

register = template.Library()


@register.inclusion_tag("ai_disclosure/summary.html")
def ai_disclosure_summary(obj):
    """A one-line badge for a post, comment or any registered object: “Human-written” or
    “AI: editing · Claude Opus 4.6 · expert-reviewed” (``selectors.attach_contents`` loads a
    listing's disclosures at once).
    """
    disclosure = selectors.disclosure_of(selectors.content_of(obj))
    cosignature = selectors.confirmed_cosignature(disclosure, post=obj)
    return {
        "disclosure": disclosure,
        "summary": selectors.summarize(
            disclosure, reviewed_by=cosignature.reviewer.get_username() if cosignature else ""
        ),
    }


@register.simple_tag
def ai_confirmed_cosignature(disclosure, rendered):
    """``{% ai_confirmed_cosignature disclosure rendered as cosignature %}``: the reviewer's
    confirmation of the post's current text (``rendered`` is its ``ContentRender``), or ``None``.
    """
    return selectors.confirmed_cosignature(disclosure, body_hash=rendered.content_hash)


@register.filter
def mostly_ai(obj) -> bool:
    """``{% if post|mostly_ai %}`` — by its stored render or the author's estimate."""
    content = selectors.content_of(obj)
    render = selectors.render_of(content)
    share = render.ai_share if render else None
    return selectors.is_mostly_ai(selectors.disclosure_of(content), share)


#: What must not appear raw inside a <script> element (as Django's ``json_script`` escapes).
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def _provenance(context, post):
    request = context.get("request")
    url = ""
    if request is not None and hasattr(post, "get_absolute_url"):
        url = request.build_absolute_uri(post.get_absolute_url())
    return selectors.content_provenance(post, url=url)


@register.simple_tag(takes_context=True)
def ai_disclosure_json_ld(context, post):
    """``<script type="application/ld+json">`` with the post's schema.org description and its
    IPTC ``digitalSourceType``, for the page's ``<head>``; empty without a disclosure.
    """
    found = _provenance(context, post)
    if found is None:
        return ""
    data = json.dumps(found.json_ld, cls=DjangoJSONEncoder).translate(SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(data))


@register.inclusion_tag("ai_disclosure/provenance.html", takes_context=True)
def ai_disclosure_provenance(context, post):
    """The EU AI Act label when the post needs one, and the AI Attribution statement in a
    small "details" element, for beside the summary.
    """
    return {"provenance": _provenance(context, post)}


@register.inclusion_tag("ai_disclosure/tool_suggestions.html", takes_context=True)
def ai_tool_suggestions(context, post):
    """The AI tools' suggestions waiting for the post's author, with Accept and Dismiss
    buttons; nothing for anyone else. Place it inside the post form, next to the disclosure.
    """
    request = context.get("request")
    user = getattr(request, "user", None)
    if post is None or not post.pk or not is_author(user, post):
        return {"rows": []}
    pending = list(selectors.tool_suggestions(post, pending=True))
    present = selectors.passages_in_body(post, pending)
    kinds = {kind.slug: kind.label for kind in selectors.vocabulary().kinds}
    return {
        "rows": [
            {
                "suggestion": suggestion,
                "kind": kinds.get(suggestion.kind, suggestion.kind),
                "in_body": present.get(suggestion.pk),
            }
            for suggestion in pending
        ],
        "next": request.get_full_path(),
    }
