"""Excel round trip and attachments: real files, clear Vietnamese errors, nothing saved on failure."""

from __future__ import annotations

import io
from decimal import Decimal as D

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from hangviet.orgs.tests.factories import World
from hangviet.reporting import actions
from hangviet.reporting.models import Report

pytestmark = pytest.mark.django_db
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def clerk(client: Client, world: World) -> Client:
    client.force_login(world.commune_clerk)
    return client


def download(client: Client, report: Report) -> bytes:
    response = client.get(reverse("reporting:excel", args=[report.pk]))
    assert response["Content-Type"] == XLSX
    return response.content


def upload(client: Client, report: Report, content: bytes, name: str = "bao-cao.xlsx"):
    return client.post(
        reverse("reporting:excel_upload", args=[report.pk]),
        {"file": SimpleUploadedFile(name, content, content_type=XLSX)},
        follow=True,
    )


def test_the_excel_form_round_trips_through_the_same_validation(
    clerk: Client, world: World, commune_report: Report
) -> None:
    actions.save_report(commune_report, values={"banners": D(7)}, expected_version=1, acting_user=None)
    workbook = load_workbook(io.BytesIO(download(clerk, commune_report)))
    sheet = workbook.active
    rows = {sheet.cell(row=r, column=7).value: r for r in range(7, sheet.max_row + 1)}
    assert sheet.cell(row=rows["banners"], column=4).value == 7
    sheet.cell(row=rows["propaganda_sessions"], column=4).value = 3904
    sheet.cell(row=rows["propaganda_participants"], column=4).value = "267.083"
    buffer = io.BytesIO()
    workbook.save(buffer)
    page = upload(clerk, commune_report, buffer.getvalue()).content.decode()
    assert "Đã nhập số liệu từ tệp Excel" in page
    commune_report.refresh_from_db()
    values = dict(commune_report.values.values_list("indicator__code", "value"))
    assert values == {"banners": D(7), "propaganda_sessions": D(3904), "propaganda_participants": D(267083)}
    assert commune_report.source == Report.Source.EXCEL


def test_a_bad_number_in_excel_names_the_row_and_saves_nothing(clerk: Client, commune_report: Report) -> None:
    workbook = load_workbook(io.BytesIO(download(clerk, commune_report)))
    sheet = workbook.active
    sheet.cell(row=7, column=4).value = "3.9"
    buffer = io.BytesIO()
    workbook.save(buffer)
    page = upload(clerk, commune_report, buffer.getvalue()).content.decode()
    assert "Dòng 7" in page and not commune_report.values.exists()


@pytest.mark.parametrize("content", [b"not a zip at all", b"PK\x03\x04broken", b""])
def test_a_corrupt_workbook_is_refused_in_vietnamese(clerk: Client, commune_report: Report, content: bytes) -> None:
    page = upload(clerk, commune_report, content).content.decode()
    assert "không phải là tệp Excel" in page or "Chưa chọn tệp" in page
    assert not commune_report.values.exists()


def test_a_workbook_of_another_report_is_refused(clerk: Client, world: World, commune_report: Report) -> None:
    other = actions.open_report(
        world.vl_commune, commune_report.period.__class__.objects.for_code("2025"), acting_user=None
    )
    page = upload(clerk, commune_report, download(clerk, other)).content.decode()
    assert "không phải mẫu Excel của báo cáo này" in page


def test_an_upload_from_a_stale_download_conflicts(clerk: Client, world: World, commune_report: Report) -> None:
    content = download(clerk, commune_report)
    actions.save_report(commune_report, values={"banners": D(1)}, expected_version=1, acting_user=world.vl_secretariat)
    page = upload(clerk, commune_report, content).content.decode()
    assert "được tải về trước lần lưu gần nhất" in page


def test_a_signed_scan_is_attached_and_only_readers_download_it(
    client: Client, clerk: Client, world: World, commune_report: Report
) -> None:
    scan = SimpleUploadedFile("ban-ky.pdf", b"%PDF-1.4 signed", content_type="application/pdf")
    clerk.post(reverse("reporting:attach", args=[commune_report.pk]), {"file": scan})
    attachment = commune_report.attachments.get()
    assert attachment.original_name == "ban-ky.pdf"
    assert (
        b"".join(clerk.get(reverse("reporting:attachment", args=[attachment.pk])).streaming_content)
        == b"%PDF-1.4 signed"
    )
    client.force_login(world.sibling_commune_clerk)
    assert client.get(reverse("reporting:attachment", args=[attachment.pk])).status_code == 404


def test_an_executable_attachment_is_refused(clerk: Client, commune_report: Report) -> None:
    page = clerk.post(
        reverse("reporting:attach", args=[commune_report.pk]),
        {"file": SimpleUploadedFile("virus.exe", b"MZ")},
        follow=True,
    ).content.decode()
    assert "Chỉ nhận tệp PDF" in page and not commune_report.attachments.exists()
