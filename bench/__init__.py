"""Benchmarks: ``python -m bench`` (or ``make bench``) runs every ``bench/bench_*.py`` module.

Each benchmark module has a ``main()`` that prints its own small table.
"""

from __future__ import annotations

import os

import django


def setup_django() -> None:
    """Configure the demo project's settings, which the code under benchmark reads."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "demo.settings")
    django.setup()
