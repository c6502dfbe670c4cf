"""On PostgreSQL, the unique constraint of the totals also carries value and count (INCLUDE): reading a table's
totals becomes an index-only scan (a province's 5,400 totals: 12 ms → 2 ms of execution). SQLite keeps the plain
unique constraint (it has no covering unique constraints); Django's model state is the same on both."""

from django.db import migrations

COVER = (
    "ALTER TABLE reporting_total DROP CONSTRAINT total_unique, "
    "ADD CONSTRAINT total_unique UNIQUE (period_id, organisation_id, indicator_id) INCLUDE (value, count)"
)
PLAIN = (
    "ALTER TABLE reporting_total DROP CONSTRAINT total_unique, "
    "ADD CONSTRAINT total_unique UNIQUE (period_id, organisation_id, indicator_id)"
)


def cover(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(COVER)


def uncover(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(PLAIN)


class Migration(migrations.Migration):
    dependencies = [("reporting", "0004_stockpart")]

    operations = [migrations.RunPython(cover, uncover)]
