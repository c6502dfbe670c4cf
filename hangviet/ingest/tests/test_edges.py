"""Rough edges of reading a report file (issue 13): each test failed before its fix."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from hangviet.ingest.models import IngestDocument
from hangviet.orgs.tests.factories import World

pytestmark = pytest.mark.django_db
SEED = Path(__file__).resolve().parent / "data" / "report_travinh_2023_h1.txt"


@pytest.fixture
def uploaded(client: Client, world: World) -> IngestDocument:
    client.force_login(world.vl_office)
    client.post(reverse("ingest:upload"), {"files": [SimpleUploadedFile("bao-cao.txt", SEED.read_bytes())]})
    return IngestDocument.objects.get()


def test_the_review_page_says_the_period_and_the_text_encoding_in_words(
    client: Client, uploaded: IngestDocument
) -> None:
    page = client.get(reverse("ingest:review", args=[uploaded.pk])).content.decode()
    said = page.split("Nhận diện từ văn bản", 1)[1].split("</p>", 1)[0]
    assert "6 tháng đầu năm 2023" in said and "chữ Unicode" in said
    assert "2023-H1" not in said and "unicode" not in said
