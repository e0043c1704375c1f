"""Writes for data rights: what moderation forgets when a user account is deleted.

The decisions stay, because the dashboard's policy statistics (flags, precision) are
counted from them; what links them to the person goes, and so does what the person wrote.

Removed or blanked, for the deleted user:
- on review items of their posts: the copy of their name (``author_name``, and so the
  queue's ``search_text``) and the text of their appeal; the ``author`` link itself is
  cleared by its foreign key (``SET_NULL``);
- their message thread with the moderators (``AuthorMessage``: their replies and appeals,
  and the moderators' messages to them);
- in the audit log, the text of their appeals and replies (the entries' ``note``); the
  ``actor`` link of every entry they caused is cleared by its foreign key.

Kept, and why:
- each item's post link, title copy, status, decision, times, priority, scores, evidence,
  the policies that fired and their versions: the policy statistics and the precision the
  forum may publish are counted from these; the post itself is the host's to keep or delete
  (deleting it deletes its items);
- what moderators wrote: the internal note and the message that explained the decision,
  on the item and in the audit log, as the record of why the decision was taken;
- a deleted moderator's decisions and audit entries, without the link to them.
"""

from __future__ import annotations

from django.db import transaction

from ..models import AuditAction, AuditEntry, AuthorMessage, ReviewItem


@transaction.atomic
def anonymise_user(*, user) -> int:
    """Remove the user's name and words from moderation data, keeping the decisions.

    Called when the account is deleted (``receivers``), before its rows are unlinked.
    Returns the number of review items that carried their name.
    """
    items = ReviewItem.objects.filter(author=user).update(author_name="", appeal_message="")
    AuthorMessage.objects.filter(author=user).delete()
    AuditEntry.objects.filter(
        actor=user, action__in=[AuditAction.APPEALED, AuditAction.AUTHOR_REPLIED]
    ).exclude(note="").update(note="")
    return items
