"""Signals sent by ``moderation``."""

from django.dispatch import Signal

#: Sent after a post was screened and the result committed.
#: Arguments: ``post`` (the host's post), ``screening`` (Screening), ``review_item``
#: (ReviewItem or None when no flag/hold policy matched).
post_screened = Signal()

#: Sent after a moderator's decision on a review item was committed, so the host can react
#: (notify the author, update reputation, clear caches). What the decision does to the post
#: itself (hide, show) is applied through the moderation adapter, in the same transaction.
#: Arguments: ``item`` (ReviewItem), ``decision`` (a ``Decision`` value: "approve", "delist",
#: "reject", "request_info"), ``moderator`` (the user who decided), ``post`` (the host's post).
review_resolved = Signal()

#: Sent after an item returned to the queue: a decision was undone, the author replied or
#: edited the post after a request for information, or the author appealed.
#: Arguments: ``item`` (ReviewItem), ``reason`` ("undo", "author_replied", "author_edited",
#: "appeal"), ``user`` (who caused it), ``post`` (the host's post).
review_reopened = Signal()

#: Sent after a moderator's message to a post's author (a request for information, or the
#: message of a decision) was committed; ``moderation`` emails it from here.
#: Arguments: ``message`` (AuthorMessage), ``item`` (ReviewItem), ``post`` (the host's post).
author_messaged = Signal()

#: Sent after the transaction that wrote webhook deliveries to the outbox committed; the app
#: enqueues their delivery tasks on it. Arguments: ``delivery_ids`` (list of int).
webhooks_queued = Signal()
