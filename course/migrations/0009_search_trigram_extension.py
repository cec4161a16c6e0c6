"""pg_trgm for partial-word search on PostgreSQL (cms.search.search_pages). Nothing on SQLite,
which has no extensions; development there finds partial words by prefix."""

from __future__ import annotations

from django.db import migrations


def create_extension(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")


class Migration(migrations.Migration):
    dependencies = [("course", "0008_glossary_literature_aim")]

    operations = [migrations.RunPython(create_extension, migrations.RunPython.noop)]
