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
    """Add the ``AI-Disclosure`` header of ``post`` (a host object of any registered type) to
    ``response`` and return it. Content without a disclosure gets none: the draft reads a
    missing header as "nothing disclosed".
    """
    found = selectors.content_provenance(post, url="")
    if found is not None:
        response[HEADER] = found.header
    return response
