"""Template tags for the host's public pages: ``{% load ai_moderation %}``."""

from django import template

from ai_disclosure import content_types
from ai_disclosure.templatetags.ai_disclosure import ai_disclosure_summary

from .. import selectors
from ..forms import ReportForm

register = template.Library()


@register.inclusion_tag("moderation/public_summary.html")
def moderated_disclosure_summary(post):
    """The readers' disclosure badge (``ai_disclosure_summary``), corrected by moderation: once
    moderators delisted the post for undisclosed AI use, it says so instead of what the author
    declared (never "Human-written"). One query per post: for post pages, not long listings.
    """
    return {**ai_disclosure_summary(post), "delisted": selectors.is_delisted(post)}


@register.inclusion_tag("moderation/report_box.html", takes_context=True)
def report_box(context, post):
    """For the post page: a form to report the post as undisclosed AI, or, once the reader
    reported it, what became of their report. Nothing for the post's author; a sign-in link
    for anonymous readers. One query for a signed-in reader.
    """
    request = context["request"]
    user = request.user
    author_id = content_types.adapter_for(post).get_author_id(post)
    is_author = user.is_authenticated and author_id == user.pk
    return {
        "show": not is_author,
        "signed_in": user.is_authenticated,
        "post": post,
        "report": selectors.report_of(post, user),
        "form": ReportForm(),
        "next": request.get_full_path(),
        "csrf_token": context.get("csrf_token"),
    }
