"""Rough edges of reading a report file (issue 13): each test failed before its fix."""

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


def _review_data(document: IngestDocument, accept: int = 2, **extra) -> dict:
    """The review form with the first ``accept`` figures ticked (the seed names some indicators twice)."""
    data = {"organisation": document.organisation_id, "period": document.period_guess, "form-TOTAL_FORMS": "999"}
    for index, fact in enumerate(document.facts):
        if index < accept:
            data[f"decision_{index}"] = "accept"
        data[f"indicator_{index}"] = fact["indicator"]
        data[f"value_{index}"] = str(fact["value"])
    data.update(extra)
    return data


def test_several_figures_for_one_indicator_are_not_summed_without_asking(
    client: Client, uploaded: IngestDocument
) -> None:
    assert len(uploaded.facts) >= 2
    url = reverse("ingest:review", args=[uploaded.pk])
    same = {"indicator_0": "banners", "indicator_1": "banners", "value_0": "60", "value_1": "5"}
    page = client.post(url, _review_data(uploaded, **same)).content.decode()
    assert 'data-testid="several"' in page and "có 2 số liệu được chọn (60; 5)" in page
    assert not Report.objects.exists()
    response = client.post(url, _review_data(uploaded, summed="banners", **same))
    assert response.status_code == 302
    assert Report.objects.get().values.get(indicator__code="banners").value == 65


def test_a_period_other_than_the_documents_is_confirmed_and_the_choices_stay(
    client: Client, world: World, uploaded: IngestDocument
) -> None:
    url = reverse("ingest:review", args=[uploaded.pk])
    assert uploaded.period_guess == "2023-H1"
    page = client.post(url, _review_data(uploaded, accept=1, period="2024-H1")).content.decode()
    assert "Văn bản ghi kỳ 6 tháng đầu năm 2023 nhưng bạn chọn kỳ 6 tháng đầu năm 2024" in page
    assert "text-danger" in page.split('data-testid="confirm-period"', 1)[1].split("</div>", 1)[0]
    assert '<option value="2024-H1" selected>' in page  # the chosen period stays chosen
    assert f'<option value="{uploaded.organisation_id}" selected>' in page
    assert not Report.objects.exists()
    response = client.post(url, _review_data(uploaded, accept=1, period="2024-H1", confirm_period="on"))
    assert response.status_code == 302 and Report.objects.get().period.code == "2024-H1"
