"""Management commands of the ``ai_disclosure`` app."""
