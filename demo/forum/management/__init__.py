"""Management commands of the demo forum."""
