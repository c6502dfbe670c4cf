"""The public catalogue's search (issue 11): a folded search text and the latest standing on each OCOP product;
on PostgreSQL, a stored generated column ``search_vector`` (``to_tsvector('simple', search_text)``, unknown to the
model: PostgreSQL writes it) with a GIN index, for prefix queries ("nuoc:* & mam:*") that never recompute a vector;
SQLite searches the text with LIKE."""

from collections import defaultdict

from django.db import migrations, models

SEARCH_INDEX = "registry_ocop_search_fts"


def fill(apps, schema_editor):
    from hangviet.registry.search import latest_standing, search_text

    product_model = apps.get_model("registry", "OcopProduct")
    alias_model = apps.get_model("registry", "ProducerAlias")
    area_model = apps.get_model("registry", "PlaceArea")
    recognition_model = apps.get_model("registry", "OcopRecognition")
    aliases = defaultdict(list)
    for producer_id, name in alias_model.objects.values_list("producer_id", "name"):
        aliases[producer_id].append(name)
    provinces = defaultdict(list)
    for place_id, name in area_model.objects.filter(unit__level="province").values_list("place_id", "unit__name"):
        provinces[place_id].append(name)
    standing = defaultdict(list)
    for recognition in recognition_model.objects.all():
        standing[recognition.product_id].append(recognition)
    products = list(product_model.objects.select_related("producer", "place"))
    for product in products:
        producer = product.producer
        product.search_text = search_text(
            product.name,
            producer.name if producer else "",
            *(aliases[producer.pk] if producer else ()),
            product.category,
            product.place.text if product.place else "",
            *(provinces[product.place_id] if product.place_id else ()),
        )
        product.latest_stars, product.latest_from, product.latest_until = latest_standing(standing[product.pk])
    product_model.objects.bulk_update(
        products, ["search_text", "latest_stars", "latest_from", "latest_until"], batch_size=500
    )


def search_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "ALTER TABLE registry_ocopproduct ADD COLUMN IF NOT EXISTS search_vector tsvector "
        "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_text)) STORED"
    )
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {SEARCH_INDEX} ON registry_ocopproduct USING gin (search_vector)"
    )


def drop_search_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {SEARCH_INDEX}")
        schema_editor.execute("ALTER TABLE registry_ocopproduct DROP COLUMN IF EXISTS search_vector")


class Migration(migrations.Migration):
    dependencies = [("registry", "0002_import_jobs"), ("units", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="ocopproduct",
            name="search_text",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.AddField(
            model_name="ocopproduct",
            name="latest_stars",
            field=models.PositiveSmallIntegerField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="ocopproduct",
            name="latest_from",
            field=models.DateField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="ocopproduct",
            name="latest_until",
            field=models.DateField(blank=True, editable=False, null=True),
        ),
        migrations.AddIndex(
            model_name="ocopproduct",
            index=models.Index(fields=["latest_stars", "latest_until"], name="ocop_latest_standing"),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.RunPython(search_index, drop_search_index),
    ]
