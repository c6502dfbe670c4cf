"""A clerk uploads last year's report of a merged province, corrects a figure and imports it; the figures
then count in the consolidated table and the drafted report once accepted."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from hangviet.consolidation.queries import consolidate
from hangviet.documents.compose import compose_report
from hangviet.ingest.actions import several_figures
from hangviet.ingest.models import IngestDocument
from hangviet.lib.vnformat import format_number
from hangviet.orgs.tests.factories import World
from hangviet.periods.models import Period
from hangviet.reporting.models import Report

pytestmark = pytest.mark.django_db
SEED = Path(__file__).resolve().parent.parent.parent / "ingest" / "tests" / "data" / "report_travinh_2023_h1.txt"


def upload(client: Client, *files: tuple[str, bytes], **fields: str):
    return client.post(reverse("ingest:upload"), {"files": [SimpleUploadedFile(n, c) for n, c in files], **fields})


def decisions(document: IngestDocument, **changes: str) -> dict:
    data = {"organisation": document.organisation_id, "period": document.period.code}
    for index, fact in enumerate(document.facts):
        if fact["decision"] == "accept":
            data[f"decision_{index}"] = "accept"
        data[f"indicator_{index}"] = fact["indicator"]
        data[f"value_{index}"] = str(fact["value"])
    data.update(changes)
    return data


def test_upload_review_correct_and_import_the_tra_vinh_report(
    client: Client, world: World, django_capture_on_commit_callbacks
) -> None:
    client.force_login(world.vl_office)
    response = upload(client, ("bao-cao-tra-vinh.txt", SEED.read_bytes()))
    document = IngestDocument.objects.get()
    assert response.url == reverse("ingest:review", args=[document.pk])
    assert (document.organisation, document.period.code) == (world.tra_vinh, "2023-H1")  # guessed from the header
    page = client.get(response.url).content.decode()
    assert '<mark id="fact-0" class="hv-fact">3.904</mark>' in page
    assert 'data-indicator="ocop_products"' in page and "Treo <mark>60</mark> băng rôn" in page
    banners = next(i for i, f in enumerate(document.facts) if f["indicator"] == "banners" and f["value"] == 60)
    corrected = decisions(document, **{f"value_{banners}": "65"})  # the clerk corrects one
    asked = client.post(response.url, corrected)  # several figures of one indicator: asked, never summed unasked
    assert asked.status_code == 200 and 'data-testid="several"' in asked.content.decode()
    summed = sorted(several_figures(document.facts))  # the clerk says they are parts of one total
    response = client.post(response.url, {**corrected, "summed": summed})
    report = Report.objects.get(organisation=world.tra_vinh, period__year=2023, period__kind="H1")
    assert response.url == reverse("reporting:detail", args=[report.pk])
    values = dict(report.values.values_list("indicator__code", "value"))
    assert values["propaganda_sessions"] == 3904 and values["ocop_products"] == 184
    assert values["banners"] == 65 + 5  # the corrected figure plus "05 cụm pano"
    assert "event_revenue_vnd" not in values  # per-market revenue is not a total and was left unticked
    assert report.source == Report.Source.DOCUMENT and report.attachments.get().original_name == "bao-cao-tra-vinh.txt"
    page = client.get(response.url).content.decode()
    assert "Tổng số sản phẩm OCOP khác tổng số sản phẩm 3, 4 và 5 sao" in page  # the same validation

    # The custodian explains the warning, submits and accepts: the figures count from then on.
    form = {f"value__{code}": format_number(value) for code, value in values.items()}
    client.post(
        response.url,
        {
            **form,
            "version": report.version,
            "action": "submit",
            "note__ocop_stars_add_up": "Theo báo cáo gốc số 154/BC-MTTQ-BCĐCVĐ.",
        },
    )
    client.post(reverse("reporting:review", args=[report.pk]), {"action": "accept"})
    report.refresh_from_db()
    assert report.status == Report.Status.ACCEPTED
    h1 = Period.objects.for_code("2023-H1")
    assert consolidate(world.vinh_long, h1).totals["propaganda_sessions"] == 3904
    text = " ".join(block.text for block in compose_report(world.vinh_long, h1).blocks)
    assert "3.904 cuộc cho 267.083 lượt" in text


def test_many_files_are_read_with_progress(client: Client, world: World) -> None:
    client.force_login(world.vl_office)
    response = upload(client, ("a.txt", SEED.read_bytes()), ("b.txt", b"Treo 60 bang ron."), ("c.pdf", b"%PDF-1.4 x"))
    page = client.get(response.url).content.decode()
    assert "3/3" in page and "bị hỏng" in page
    assert set(IngestDocument.objects.values_list("status", flat=True)) == {"read", "failed"}


def test_a_file_that_cannot_be_read_gets_a_reason_and_nothing_is_saved(client: Client, world: World) -> None:
    client.force_login(world.vl_office)
    response = upload(client, ("scan.docx", b"PK\x03\x04 broken"))
    assert "bị hỏng" in response.content.decode()
    assert not IngestDocument.objects.exists() and not Report.objects.exists()


@pytest.mark.parametrize(("persona", "status"), [("ag_office", 404), ("commune_clerk", 404), ("vl_viewer", 404)])
def test_others_cannot_see_or_import_an_uploaded_report(
    client: Client, world: World, persona: str, status: int
) -> None:
    client.force_login(world.vl_office)
    upload(client, ("tv.txt", SEED.read_bytes()))
    document = IngestDocument.objects.get()
    client.force_login(getattr(world, persona))
    assert client.get(reverse("ingest:review", args=[document.pk])).status_code == status
    assert client.post(reverse("ingest:review", args=[document.pk]), decisions(document)).status_code == status
    assert not Report.objects.exists()


def test_importing_for_an_organisation_one_may_not_write_is_refused(client: Client, world: World) -> None:
    client.force_login(world.commune_clerk)
    upload(client, ("tv.txt", SEED.read_bytes()))
    document = IngestDocument.objects.get()
    response = client.post(
        reverse("ingest:review", args=[document.pk]), {**decisions(document), "organisation": world.tra_vinh.pk}
    )
    assert "được phép nhập số liệu" in response.content.decode()
    assert not Report.objects.exists()
