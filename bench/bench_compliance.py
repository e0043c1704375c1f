"""The admin's compliance report: disclosures per second for the CSV and the monthly table.

Run ``python -m bench compliance`` (``DATABASE_URL`` for PostgreSQL). The database is migrated
and, when it holds fewer disclosures than asked (``BENCH_COMPLIANCE_DISCLOSURES``, default
20,000), topped up with ``seed_demo`` (once; use a database of its own). Each disclosure is
graded and its label decided in Python, so the report's cost grows with the period chosen:
this prints how many disclosures one second of a request covers.
"""

from __future__ import annotations

import os
import time


def main() -> None:
    """Time the CSV download and the HTML report over every disclosure, three runs each."""
    # Lazy: Django is set up (bench/__main__.py or below) after this module is imported.
    from django.conf import settings  # noqa: PLC0415
    from django.contrib.auth import get_user_model  # noqa: PLC0415
    from django.core.management import call_command  # noqa: PLC0415
    from django.test import Client  # noqa: PLC0415
    from django.urls import reverse  # noqa: PLC0415

    from ai_disclosure.models import Disclosure  # noqa: PLC0415

    settings.DEBUG = False
    target = int(os.environ.get("BENCH_COMPLIANCE_DISCLOSURES", "20000"))
    call_command("migrate", verbosity=0)
    existing = Disclosure.objects.count()
    if existing < target:
        print(f"seeding about {target - existing} posts (once) …")
        call_command("seed_demo", posts=target - existing, flagged=0.0, verbosity=0)
    total = Disclosure.objects.count()
    admin, _created = get_user_model().objects.get_or_create(
        username="bench_admin", defaults={"is_staff": True, "is_superuser": True}
    )
    client = Client()
    client.force_login(admin)
    url = reverse("admin:ai_disclosure_compliance_report")

    print(f"{total} disclosures")
    for name, params in (("CSV", {"format": "csv"}), ("HTML table", {})):
        timings = []
        for _run in range(3):
            started = time.perf_counter()
            response = client.get(url, params)
            if params:
                b"".join(response.streaming_content)
            else:
                response.render()
            timings.append(time.perf_counter() - started)
        best = min(timings)
        print(f"  {name:<10} {best:6.2f} s  {total / best:8.0f} disclosures/s")
