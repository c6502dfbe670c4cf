"""A large single report is read by the task worker with the progress page; a small one stays immediate."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from hangviet.ingest.models import IngestDocument
from hangviet.ingest.views import LARGE_TEXT_BYTES
from hangviet.orgs.tests.factories import World

pytestmark = pytest.mark.django_db
SEED = Path(__file__).resolve().parent / "data" / "report_travinh_2023_h1.txt"


def test_a_large_report_goes_to_the_worker_and_a_small_one_is_read_at_once(client: Client, world: World) -> None:
    client.force_login(world.vl_office)
    seed = SEED.read_bytes()
    small = client.post(reverse("ingest:upload"), {"files": [SimpleUploadedFile("nho.txt", seed)]})
    assert small.url == reverse("ingest:review", args=[IngestDocument.objects.get().pk])
    large_content = seed * (LARGE_TEXT_BYTES // len(seed) + 1)
    large = client.post(reverse("ingest:upload"), {"files": [SimpleUploadedFile("lon.txt", large_content)]})
    document = IngestDocument.objects.get(original_name="lon.txt")
    assert large.url == reverse("ingest:batch", args=[document.batch])
    page = client.get(large.url).content.decode()  # the test backend runs the task at once
    assert "1/1" in page
    document.refresh_from_db()
    assert document.status == IngestDocument.Status.READ and document.facts


def test_the_choices_beside_the_files_are_checked_and_nothing_is_stored_when_they_are_wrong(
    client: Client, world: World
) -> None:
    client.force_login(world.commune_clerk)
    seed = SEED.read_bytes()
    for choices, message in (
        ({"organisation": str(world.an_giang.pk)}, "Bạn không nhập số liệu cho đơn vị này"),
        ({"period": "2026-Q7"}, "không hợp lệ"),
    ):
        response = client.post(
            reverse("ingest:upload"), {"files": [SimpleUploadedFile("bc.txt", seed)], **choices}, follow=True
        )
        assert message in response.content.decode()
    assert not IngestDocument.objects.exists()


def test_a_read_only_account_cannot_upload_documents_to_import(client: Client, world: World) -> None:
    client.force_login(world.vl_viewer)
    assert "chỉ được xem số liệu" in client.get(reverse("ingest:upload")).content.decode()
    refused = client.post(reverse("ingest:upload"), {"files": [SimpleUploadedFile("bc.txt", SEED.read_bytes())]})
    assert refused.status_code == 403
    assert not IngestDocument.objects.exists()
