"""Management commands of the ``moderation`` app."""
