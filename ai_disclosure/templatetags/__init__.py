"""Template tags of the ``ai_disclosure`` app (``{% load ai_disclosure %}``)."""
