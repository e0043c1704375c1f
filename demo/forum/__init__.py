"""The demo forum: a minimal host app showing how a site plugs the two apps in."""
