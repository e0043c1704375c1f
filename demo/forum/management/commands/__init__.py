"""``seed_demo``: fill the demo forum with synthetic posts."""
