"""Trigram indexes for the register's search on PostgreSQL (a no-op elsewhere).

The register searches with `icontains` over five columns, which PostgreSQL runs as
`UPPER(column::text) LIKE UPPER('%…%')`: no B-tree index helps, so every search read the whole
table. A GIN index with `gin_trgm_ops` on the same expression answers such a LIKE. pg_trgm is a
trusted extension (PostgreSQL 13+): the database's owner may create it."""

from __future__ import annotations

from django.db import migrations

COLUMNS = ["serial", "holder_name_kk", "holder_name_ru", "holder_surname", "holder_email"]
TABLE = "certificates_certificate"


def _name(column: str) -> str:
    return f"certificate_{column}_trgm"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for column in COLUMNS:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {_name(column)} ON {TABLE} "
            f"USING gin ((UPPER({column}::text)) gin_trgm_ops)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for column in COLUMNS:
        schema_editor.execute(f"DROP INDEX IF EXISTS {_name(column)}")


class Migration(migrations.Migration):
    dependencies = [("certificates", "0007_register_order_index")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
