"""API load test: gunicorn on 127.0.0.1, 20 concurrent clients, requests/s and p95 latency.

Two scenarios, each for a fixed time (``--seconds``, default 10, after a 1 s warm-up):

- ``preview``: ``POST /api/ai-disclosure/v1/preview/`` with a 5 KB post with AI blocks;
- ``disclosure PUT``: ``PUT /api/ai-disclosure/v1/posts/{id}/disclosure/``, each client the
  author of its own post, alternating two valid disclosures (so every PUT writes a revision).

Clients authenticate with tokens and keep their connection open. The server runs the demo
project (``bench/api_settings.py``) on a throw-away database: a new database on the local
PostgreSQL when it answers (dropped afterwards), else SQLite (``--database sqlite``), or
``BENCH_DATABASE_URL``; with ``--workers`` gthread workers. Server and database are made and
removed here, and every phase has a fixed duration, so the run is bounded in time.
Run with ``python -m bench api`` or ``python -m bench.bench_api``.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLIENTS = 20

PARAGRAPH = (
    "We measured the review queue for three months. The median wait fell from nine hours to "
    "two once moderators could see the disclosure next to the post, and the share of appeals "
    "that were upheld stayed flat, which is what we hoped for. "
)
AI_SECTION = (
    ':::ai-written{model="Claude Opus 4.6"}\n'
    "## Summary\n\n- The queue got shorter.\n- Appeals did not rise.\n\n" + PARAGRAPH + "\n:::\n"
)


def five_kb_post() -> str:
    """About 5,000 bytes of Markdown: prose, a list, code, and two AI blocks."""
    parts: list[str] = ["# Three months of disclosure data\n"]
    while sum(len(p) for p in parts) < 4200:
        parts.append(PARAGRAPH * 2 + "\n")
        if len(parts) % 4 == 0:
            parts.append(AI_SECTION)
    parts.append("```python\nprint(render(post.body).ai_share)\n```\n")
    parts.append(AI_SECTION.replace("ai-written", "ai-edited"))
    body = "\n".join(parts)
    filler = (PARAGRAPH * 3)[: max(0, 4998 - len(body.encode()))]
    return f"{body}\n{filler.strip()}\n"


DISCLOSURES = [
    {
        "human_only": False,
        "assistance": ["drafting", "editing"],
        "models_used": ["Claude Opus 4.6"],
        "ai_share_estimate": "10-30",
        "description": "Claude wrote the two marked summaries from my notes; the rest is mine.",
        "verification": "I checked every number against the queue export.",
        "expertise": "author",
    },
    {
        "human_only": False,
        "assistance": ["drafting", "editing"],
        "models_used": ["Claude Opus 4.6", "GPT-5"],
        "ai_share_estimate": "10-30",
        "description": "The marked summaries are the model's; I wrote and checked the rest.",
        "verification": "A colleague re-ran my queue query and compared the numbers.",
        "expertise": "other",
    },
]

SETUP = """
import json, sys
from django.utils import timezone
from rest_framework.authtoken.models import Token
from django.contrib.auth import get_user_model
from demo.forum.models import Post
body = sys.stdin.read()
clients = []
for i in range({clients}):
    user = get_user_model().objects.create_user(f"bench{{i}}", password="x")
    post = Post.objects.create(author=user, title=f"Bench {{i}}", body=body,
                               published_at=timezone.now())
    clients.append({{"token": Token.objects.create(user=user).key, "post": post.pk}})
print(json.dumps(clients))
"""


POSTGRES_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"


def throwaway_postgres() -> tuple[str, Callable[[], None]] | None:
    """A fresh database on the local PostgreSQL (production-like), and how to drop it;
    ``None`` when no PostgreSQL answers there.
    """
    try:
        # Lazy: psycopg is optional; without it the benchmark falls back to SQLite.
        import psycopg  # noqa: PLC0415

        admin = psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True, connect_timeout=2)
    except Exception:  # no driver or no server: fall back to SQLite
        return None
    name = f"bench_api_{os.getpid()}"
    admin.execute(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()

    return POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}", drop


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def prepare(env: dict[str, str], body: str) -> list[dict]:
    """Migrate the throw-away database; create the clients' users, tokens and posts."""
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=env, check=True, cwd=ROOT, timeout=300)
    done = subprocess.run(
        [*manage, "shell", "-c", SETUP.format(clients=CLIENTS)],
        env=env, check=True, cwd=ROOT, input=body, capture_output=True, text=True, timeout=120,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def start_server(env: dict[str, str], port: int, workers: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [
            sys.executable, "-m", "gunicorn", "demo.wsgi:application",
            "--bind", f"127.0.0.1:{port}",
            "--workers", str(workers), "--worker-class", "gthread", "--threads", "4",
            "--keep-alive", "30", "--log-level", "warning",
        ],
        env=env, cwd=ROOT,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/api/ai-disclosure/v1/schema/")
            if connection.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise RuntimeError("gunicorn did not answer within 30 s")


def load(port: int, requests: list[tuple[str, str, str, bytes]], seconds: float) -> dict:
    """Each client thread repeats its requests until the time is up; latencies of the
    measured window (after a 1 s warm-up) are kept.
    """
    warm_up_end = time.monotonic() + 1.0
    end = warm_up_end + seconds
    latencies: list[list[float]] = [[] for _ in requests]
    errors = [0] * len(requests)

    def client(index: int) -> None:
        method, path, token, payload = requests[index]
        headers = {"Authorization": f"Token {token}", "Content-Type": "application/json"}
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        while (now := time.monotonic()) < end:
            started = time.perf_counter()
            try:
                connection.request(method, path, body=payload, headers=headers)
                response = connection.getresponse()
                response.read()
                ok = response.status < 300
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                ok = False
            if now >= warm_up_end:
                if ok:
                    latencies[index].append(time.perf_counter() - started)
                else:
                    errors[index] += 1
        connection.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(len(requests))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    every = sorted(latency for per_client in latencies for latency in per_client)
    return {
        "requests": len(every),
        "errors": sum(errors),
        "rps": len(every) / seconds,
        "p50_ms": statistics.median(every) * 1000 if every else float("nan"),
        "p95_ms": every[int(len(every) * 0.95) - 1] * 1000 if every else float("nan"),
    }


def main() -> None:
    """Start gunicorn, run both scenarios, print requests/s and p95, stop gunicorn."""
    parser = argparse.ArgumentParser(prog="bench_api")
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument(
        "--database", choices=["auto", "sqlite"], default="auto",
        help="auto: a throw-away database on the local PostgreSQL if it answers, else SQLite",
    )
    args, _unknown = parser.parse_known_args()
    body = five_kb_post()
    postgres = None
    if args.database == "auto" and not os.environ.get("BENCH_DATABASE_URL"):
        postgres = throwaway_postgres()
    with tempfile.TemporaryDirectory(prefix="bench-api-") as var_dir:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "bench.api_settings",
            "BENCH_VAR_DIR": var_dir,
            "DEMO_VAR_DIR": var_dir,
            "PYTHONPATH": str(ROOT),
        }
        if postgres:
            env["BENCH_DATABASE_URL"] = postgres[0]
        elif args.database == "sqlite":
            env.pop("BENCH_DATABASE_URL", None)
        database = "PostgreSQL" if "postgres" in env.get("BENCH_DATABASE_URL", "") else "SQLite"
        try:
            results = run(env, body, args)
        finally:
            if postgres:
                postgres[1]()
    print(f"gunicorn on 127.0.0.1 ({database}): {args.workers} gthread workers x 4 threads; "
          f"{CLIENTS} concurrent clients; {args.seconds:.0f} s per scenario; "
          f"post body {len(body.encode())} bytes")
    header = ("scenario", "req/s", "p50 ms", "p95 ms", "requests", "errors")
    print("{:<22} {:>8} {:>8} {:>8} {:>9} {:>7}".format(*header))
    for name, result in results.items():
        print(f"{name:<22} {result['rps']:>8.1f} {result['p50_ms']:>8.1f} "
              f"{result['p95_ms']:>8.1f} {result['requests']:>9} {result['errors']:>7}")


def run(env: dict[str, str], body: str, args: argparse.Namespace) -> dict:
    """Prepare the database, start gunicorn, run both scenarios, stop gunicorn."""
    clients = prepare(env, body)
    port = free_port()
    server = start_server(env, port, args.workers)
    try:
        preview = json.dumps({"body": body}).encode()
        return {
            "preview (5 KB post)": load(
                port,
                [("POST", "/api/ai-disclosure/v1/preview/", c["token"], preview)
                 for c in clients],
                args.seconds,
            ),
            "disclosure PUT": load(
                port,
                [
                    ("PUT", f"/api/ai-disclosure/v1/posts/{c['post']}/disclosure/",
                     c["token"], json.dumps(DISCLOSURES[i % 2]).encode())
                    for i, c in enumerate(clients)
                ],
                args.seconds,
            ),
        }
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    main()
