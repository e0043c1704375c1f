#!/usr/bin/env bash
# Set up and run the demo forum: SQLite, fixtures, a local Celery worker, the dev server.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
PORT="${PORT:-8000}"

$PY manage.py migrate --verbosity 0
# Load the demo data once, so what you change in the demo survives a restart.
if ! $PY manage.py shell -c "from django.contrib.auth.models import User; \
    exit(0 if User.objects.filter(username='author').exists() else 1)" >/dev/null 2>&1; then
  $PY manage.py loaddata fixtures/users.json fixtures/posts.json fixtures/comments.json --verbosity 0
  $PY manage.py screen_posts --all --sync >/dev/null
fi

mkdir -p var
.venv/bin/celery -A demo worker --pool=solo --beat --queues=screening,backfill,notifications,webhooks --schedule=var/celerybeat-schedule --loglevel=warning >var/celery-worker.log 2>&1 &
WORKER=$!
trap 'kill $WORKER 2>/dev/null || true' EXIT

cat <<MSG

  Demo forum:   http://127.0.0.1:$PORT/
  Admin:        http://127.0.0.1:$PORT/admin/
  Logins (demo only, password "demo-password"): author, author2, moderator, admin
  Celery worker log: var/celery-worker.log     Stop with Ctrl-C.

MSG
$PY manage.py runserver "127.0.0.1:$PORT"
