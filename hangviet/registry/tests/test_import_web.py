"""The import pages: check (dry run) → confirm → result; long lists in the background with a progress page; the
refused rows to download; export limited to what the user reads; denials."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from hangviet.registry import actions
from hangviet.registry.importing import jobs
from hangviet.registry.models import ImportJob, OcopProduct, SalePoint
from hangviet.registry.tasks import import_job_task
from hangviet.registry.tests.listfiles import csv_bytes

pytestmark = pytest.mark.django_db
ROWS = [
    ["Tên sản phẩm", "Chủ thể", "Địa chỉ", "Hạng sao", "Ngày quyết định"],
    ["Mật hoa dừa", "HTX Mật hoa dừa", "xã Phú Cần, huyện Tiểu Cần", "4 sao", "15/03/2021"],
    ["Bánh tét", "Cơ sở Hai Ứng", "ấp Cồn Chim, xã Hòa Minh, huyện Châu Thành", "3", "2022"],
    ["Kẹo dừa", "Cơ sở Hai Ứng", "", "6 sao", "15/03/2021"],
]


def _client(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _upload(client: Client, organisation, rows=ROWS, name="ocop.csv", kind="ocop"):
    return client.post(
        reverse("registry:import"),
        {"kind": kind, "organisation": organisation.pk, "file": SimpleUploadedFile(name, csv_bytes(rows))},
    )


def test_check_then_confirm_then_the_result(world):
    client = _client(world.vl_office)
    assert client.get(reverse("registry:import")).status_code == 200
    response = _upload(client, world.tra_vinh)
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("registry:import_job", args=[job.pk])
    page = client.get(response["Location"]).content.decode()
    assert job.status == "checked" and OcopProduct.objects.count() == 0  # the check wrote nothing
    assert 'data-testid="count-created">2<' in page and 'data-testid="count-refused">1 —' in page
    assert "Hạng sao “6 sao” không hợp lệ" in page
    assert "→ nay Xã Hòa Minh, Tỉnh Vĩnh Long" in page
    assert "chỉ có năm 2022: ghi là 31/12/2022" in page

    refused = client.get(reverse("registry:import_refused", args=[job.pk]))
    sheet = load_workbook(io.BytesIO(refused.content)).active
    assert [cell.value for cell in sheet[1]][-1] == "Lý do không nhập"
    assert [cell.value for cell in sheet[2]][:2] == [4, "Kẹo dừa"]
    assert sheet[2][-1].value.startswith("Hạng sao “6 sao” không hợp lệ")

    response = client.post(reverse("registry:import_job", args=[job.pk]), {"confirm": "on"})
    job.refresh_from_db()
    assert job.status == "done" and OcopProduct.objects.count() == 2
    assert set(OcopProduct.objects.values_list("recorded_by", flat=True)) == {world.tra_vinh.pk}
    page = client.get(reverse("registry:import_job", args=[job.pk])).content.decode()
    assert "Đã nhập: 02 dòng thêm mới" in page or "Đã nhập: 2 dòng thêm mới" in page
    client.post(reverse("registry:import_job", args=[job.pk]), {"confirm": "on"})  # a second click imports nothing
    assert OcopProduct.objects.count() == 2


def test_a_file_refused_whole_is_explained_on_the_form_and_nothing_is_kept(world):
    client = _client(world.commune_clerk)
    response = _upload(client, world.vl_commune, rows=[["Họ tên", "Chức vụ"], ["A", "B"]])
    assert response.status_code == 200
    assert "Không nhận ra dòng tiêu đề của danh sách sản phẩm ocop" in response.content.decode()
    response = _upload(client, world.vl_commune, name="ocop.exe")
    assert "Không nhận loại tệp “.exe”" in response.content.decode()
    assert ImportJob.objects.count() == 0


def test_who_may_import_for_which_organisation(world):
    assert _upload(_client(None), world.vinh_long)["Location"].startswith("/dang-nhap/")
    assert _upload(_client(world.vl_viewer), world.vinh_long).status_code == 403  # reads it, does not edit
    assert _upload(_client(world.vl_office), world.vl_commune).status_code == 403  # oversees, does not record
    assert _upload(_client(world.ag_office), world.vinh_long).status_code == 404  # another province
    assert _upload(_client(world.sibling_commune_clerk), world.vl_commune).status_code == 404
    assert ImportJob.objects.count() == 0 and OcopProduct.objects.count() == 0
    page = _client(world.vl_office).get(reverse("registry:import")).content.decode()
    assert f'value="{world.tra_vinh.pk}"' in page and f'value="{world.vl_commune.pk}"' not in page
    viewer_page = _client(world.vl_viewer).get(reverse("registry:import")).content.decode()
    assert "không nhập danh sách được" in viewer_page


def test_an_import_is_followed_and_confirmed_only_by_the_one_who_uploaded_it(world):
    _upload(_client(world.commune_clerk), world.vl_commune)
    job = ImportJob.objects.get()
    for other in (world.sibling_commune_clerk, world.vl_office, world.ag_office):
        client = _client(other)
        assert client.get(reverse("registry:import_job", args=[job.pk])).status_code == 404
        assert client.post(reverse("registry:import_job", args=[job.pk]), {"confirm": "on"}).status_code == 404
        assert client.get(reverse("registry:import_refused", args=[job.pk])).status_code == 404
    assert OcopProduct.objects.count() == 0


def test_a_long_list_is_checked_and_imported_in_the_background_with_progress(world, settings, monkeypatch):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}  # the worker is not running
    monkeypatch.setattr(jobs, "BACKGROUND_ROWS", 2)
    client = _client(world.commune_clerk)
    response = _upload(client, world.vl_commune)
    job = ImportJob.objects.get()
    assert job.status == "checking"
    partial = client.get(response["Location"], headers={"HX-Request": "true"}).content.decode()
    assert 'hx-trigger="every 2s"' in partial and "Đang kiểm tra từng dòng" in partial
    assert import_job_task.call(job.pk, True) == "checked"  # what the worker runs
    job.refresh_from_db()
    assert (job.status, job.rows_done, job.rows_total) == ("checked", 3, 3)
    client.post(response["Location"], {"confirm": "on"})
    job.refresh_from_db()
    assert job.status == "importing" and OcopProduct.objects.count() == 0
    assert 'data-status="importing"' in client.get(response["Location"]).content.decode()
    import_job_task.call(job.pk, False)
    job.refresh_from_db()
    assert job.status == "done" and OcopProduct.objects.count() == 2


def test_export_holds_only_the_rows_the_user_reads(world):
    for recorder, name in ((world.vinh_long, "Cửa hàng OCOP Vĩnh Long"), (world.an_giang, "Cửa hàng OCOP An Giang")):
        actions.record_sale_point(recorder, fields={"name": name, "kind": "ocop_store"}, acting_user=None)
    assert SalePoint.objects.count() == 2

    def names(user, **query) -> list[str]:
        response = _client(user).get(reverse("registry:export"), {"kind": "salepoints", **query})
        assert response.status_code == 200
        sheet = load_workbook(io.BytesIO(response.content)).active
        return [row[1] for row in sheet.iter_rows(min_row=4, values_only=True)]

    assert names(world.vl_office) == ["Cửa hàng OCOP Vĩnh Long"]
    assert names(world.ag_office) == ["Cửa hàng OCOP An Giang"]
    assert names(world.central_office) == ["Cửa hàng OCOP An Giang", "Cửa hàng OCOP Vĩnh Long"]
    assert names(world.commune_clerk) == []
    client = _client(world.vl_office)
    assert (
        client.get(reverse("registry:export"), {"kind": "salepoints", "organisation": world.an_giang.pk}).status_code
        == 404
    )
    assert client.get(reverse("registry:export"), {"kind": "nothing"}).status_code == 302


def test_an_import_that_fails_midway_says_so_and_leaves_nothing(world, monkeypatch):
    from hangviet.registry.importing import planners

    client = _client(world.commune_clerk)
    response = _upload(client, world.vl_commune)

    def crash(day):
        raise RuntimeError("the worker was killed")

    monkeypatch.setattr(planners, "ocop_validity_end", crash)
    client.post(response["Location"], {"confirm": "on"})
    job = ImportJob.objects.get()
    assert job.status == "failed" and OcopProduct.objects.count() == 0
    assert "không dòng nào được ghi" in client.get(response["Location"]).content.decode()
