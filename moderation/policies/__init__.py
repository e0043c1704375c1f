"""Policies: CEL expressions over a documented screening context (``context.py``)."""
