"""Ask authors how AI was used in a post, and mark AI-written passages inline."""
