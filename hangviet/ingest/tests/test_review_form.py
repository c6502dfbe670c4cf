"""The review formset: a bad number names its row and imports nothing; extra rows sent by a browser are
ignored (the document decides how many figures there are)."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from hangviet.ingest.models import IngestDocument
from hangviet.orgs.tests.factories import World
from hangviet.reporting.models import Report

pytestmark = pytest.mark.django_db
SEED = Path(__file__).resolve().parent / "data" / "report_travinh_2023_h1.txt"


def test_a_bad_number_on_review_names_its_row_and_imports_nothing(client: Client, world: World) -> None:
    client.force_login(world.vl_office)
    client.post(reverse("ingest:upload"), {"files": [SimpleUploadedFile("bao-cao.txt", SEED.read_bytes())]})
    document = IngestDocument.objects.get()
    data = {"organisation": document.organisation_id, "period": document.period.code, "form-TOTAL_FORMS": "999"}
    for index, fact in enumerate(document.facts):
        data[f"decision_{index}"] = "accept"
        data[f"indicator_{index}"] = fact["indicator"]
        data[f"value_{index}"] = str(fact["value"])
    data["value_1"] = "ba trăm"
    response = client.post(reverse("ingest:review", args=[document.pk]), data)
    assert response.status_code == 200 and "Số liệu dòng 2" in response.content.decode()
    assert not Report.objects.filter(organisation=document.organisation).exists()
