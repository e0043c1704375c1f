"""Texts the apps seed into the database in English, translated when they are shown.

The assistance kinds and AI block types (migration ``0002``), moderation's default policies and
reason templates are rows admins may edit. They are stored once, in English, and marked with
``gettext_noop`` in their data migrations so ``makemessages`` puts them in the catalogs. When
shown, a stored text is translated while it is still the text the app shipped — it is then a
msgid of the catalogs — and shown as written once an admin has changed it (an edited text has
no translation). No per-language copies and no "unchanged" flag: the text is its own key.
"""

from django.utils.translation import gettext


def shipped_text(text: str) -> str:
    """``text`` in the active language if it is a shipped default, else ``text`` unchanged."""
    # gettext("") would answer the catalog's header.
    return gettext(text) if text else text
