"""Signals sent by ``moderation``."""

from django.dispatch import Signal

#: Sent after a post was screened and the result committed.
#: Arguments: ``post`` (the host's post), ``screening`` (Screening), ``review_item``
#: (ReviewItem or None when no flag/hold policy matched).
post_screened = Signal()
