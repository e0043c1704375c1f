"""On PostgreSQL, a trigram GIN index for the queue's search (``search_text LIKE '%…%'``).

Written as SQL run only on PostgreSQL, so the app needs neither ``django.contrib.postgres`` nor
PostgreSQL: elsewhere (SQLite) the search is a plain ``LIKE``, fine at the sizes SQLite serves.
The index is not in the model's state, so ``makemigrations`` never sees it.
"""

from django.db import migrations

INDEX = "moderation_item_search_trgm"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = schema_editor.quote_name(apps.get_model("moderation", "ReviewItem")._meta.db_table)
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON {table} USING gin (search_text gin_trgm_ops)"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        # The extension stays: other apps of the project may use it.
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("moderation", "0004_reason_templates")]

    operations = [migrations.RunPython(create, drop)]
