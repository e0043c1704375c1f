"""Signals sent by ``ai_disclosure``; other apps (``moderation``, the host) listen to them."""

from django.dispatch import Signal

#: Sent after a disclosure was saved and its transaction committed.
#: Arguments: ``disclosure`` (Disclosure), ``revision`` (DisclosureRevision),
#: ``created`` (bool, first save of this post's disclosure).
disclosure_saved = Signal()
