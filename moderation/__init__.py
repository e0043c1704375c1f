"""Screening and triage: classifiers, moderator-editable policies, review items."""
