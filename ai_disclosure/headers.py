"""The ``AI-Disclosure`` response header (IETF draft draft-abaris-aicdh) for a host's pages.

Call :func:`set_disclosure_header` in the view that shows a post::

    response = render(request, "forum/post_detail.html", {...})
    return set_disclosure_header(response, post)
"""

from __future__ import annotations

from django.db.models import Model
from django.http import HttpResponse

from . import selectors

HEADER = "AI-Disclosure"


def set_disclosure_header(response: HttpResponse, post: Model) -> HttpResponse:
    """Add the post's ``AI-Disclosure`` header to ``response`` and return it. A post without
    a disclosure gets none: the draft reads a missing header as "nothing disclosed".
    """
    found = selectors.post_provenance(post, url="")
    if found is not None:
        response[HEADER] = found.header
    return response
