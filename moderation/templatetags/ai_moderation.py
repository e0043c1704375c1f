"""Template tags for the host's public pages: ``{% load ai_moderation %}``."""

from django import template

from ai_disclosure.templatetags.ai_disclosure import ai_disclosure_summary

from .. import selectors

register = template.Library()


@register.inclusion_tag("moderation/public_summary.html")
def moderated_disclosure_summary(post):
    """The readers' disclosure badge (``ai_disclosure_summary``), corrected by moderation: once
    moderators delisted the post for undisclosed AI use, it says so instead of what the author
    declared (never "Human-written"). One query per post: for post pages, not long listings.
    """
    return {**ai_disclosure_summary(post), "delisted": selectors.is_delisted(post)}
