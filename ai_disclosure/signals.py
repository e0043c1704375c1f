"""Signals sent by ``ai_disclosure``; other apps (``moderation``, the host) listen to them."""

from django.dispatch import Signal

#: Sent after a disclosure was saved and its transaction committed.
#: Arguments: ``disclosure`` (Disclosure), ``revision`` (DisclosureRevision),
#: ``created`` (bool, first save of this post's disclosure).
disclosure_saved = Signal()

#: Sent after a forum user was invited to co-sign a post's disclosure as its expert reviewer
#: (named by the author, or asked again because the text changed since they confirmed), once
#: the transaction committed. Arguments: ``cosignature`` (CoSignature).
cosignature_requested = Signal()

#: Sent after an invited reviewer confirmed or declined, once the transaction committed.
#: Arguments: ``cosignature`` (CoSignature).
cosignature_answered = Signal()
