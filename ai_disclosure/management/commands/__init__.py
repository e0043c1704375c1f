"""``export_user_data``: a user's stored data, for access requests."""
