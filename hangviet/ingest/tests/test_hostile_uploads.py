"""A hostile-file corpus, generated here, sent to every upload point through the real views as an authorised
user: each file gets a clear Vietnamese error, never a 500, and nothing is stored (no row, no file)."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.messages import constants
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from hangviet.ingest.models import IngestDocument
from hangviet.orgs.tests.factories import World
from hangviet.periods.models import Period
from hangviet.plans import actions as plan_actions
from hangviet.plans.models import Plan, TaskProgress
from hangviet.reporting import actions as reporting_actions
from hangviet.reporting.models import Attachment, ReportValue

pytestmark = pytest.mark.django_db
PLAN_FIXTURE = Path(__file__).resolve().parents[2] / "plans" / "fixtures" / "plan_vinhlong_2026.txt"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Override PartName="/{part}" ContentType="application/vnd.openxmlformats-officedocument.{kind}"/></Types>'
)
DOCX_MAIN = ("word/document.xml", "wordprocessingml.document.main+xml")
XLSX_MAIN = ("xl/workbook.xml", "spreadsheetml.sheet.main+xml")
LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">' for i in range(1, 10))
    + "]><root>&lol9;</root>"
)
XXE = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><root>&x;</root>'


def ooxml(main: tuple[str, str], body: str, extra: dict[str, bytes] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES.format(part=main[0], kind=main[1]))
        archive.writestr(main[0], body)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def zip_bomb(main: tuple[str, str]) -> bytes:
    return ooxml(main, "<root/>", {"xl/sharedStrings.xml": b"<s>" + b"A" * (150 * 1024 * 1024) + b"</s>"})


def corpus() -> list[tuple[str, str, bytes]]:
    docx_ok = ooxml(DOCX_MAIN, "<w:document xmlns:w='x'/>")
    return [
        ("zip bomb .docx", "bao-cao.docx", zip_bomb(DOCX_MAIN)),
        ("zip bomb .xlsx", "bao-cao.xlsx", zip_bomb(XLSX_MAIN)),
        ("exe renamed docx", "bao-cao.docx", b"MZ\x90\x00\x03" + b"\x00" * 200 + b"This program cannot be run"),
        ("exe renamed xlsx", "bao-cao.xlsx", b"MZ\x90\x00\x03" + b"\x00" * 200),
        ("html renamed pdf", "bao-cao.pdf", b"<html><script>alert(1)</script></html>"),
        ("truncated zip docx", "bao-cao.docx", docx_ok[: len(docx_ok) // 2]),
        ("truncated zip xlsx", "bao-cao.xlsx", ooxml(XLSX_MAIN, "<workbook/>")[:120]),
        ("bad xml in xlsx", "bao-cao.xlsx", ooxml(XLSX_MAIN, "<workbook><sheets></workbook")),
        ("billion laughs xlsx", "bao-cao.xlsx", ooxml(XLSX_MAIN, LAUGHS)),
        ("billion laughs docx", "bao-cao.docx", ooxml(DOCX_MAIN, LAUGHS)),
        ("xxe docx", "bao-cao.docx", ooxml(DOCX_MAIN, XXE)),
        ("xxe xlsx", "bao-cao.xlsx", ooxml(XLSX_MAIN, XXE)),
        ("empty file", "bao-cao.txt", b""),
        ("nul bytes in txt", "bao-cao.txt", b"Bao cao\x00\x00\x00"),
        ("leading dot", ".htaccess.txt", b"Bao cao"),
    ]


CORPUS = corpus()
IDS = [case[0] for case in CORPUS]


def media_files() -> set[str]:
    root = Path(settings.MEDIA_ROOT)
    return {str(path) for path in root.rglob("*") if path.is_file()} if root.exists() else set()


def error_messages(response) -> list[str]:
    assert response.status_code < 500
    if response.status_code >= 400:
        return [response.content.decode()]
    return [str(m) for m in response.context["messages"] if m.level == constants.ERROR]


def has_vietnamese(texts: list[str]) -> bool:
    return any(any(ch in text for ch in "ệếờảạợớấắặửữỏơưđ") for text in texts)


@pytest.fixture
def report(world: World):
    return reporting_actions.open_report(world.vl_commune, Period.objects.for_code("2026-H1"), acting_user=None)


@pytest.fixture
def task(world: World):
    from hangviet.orgs.tests.factories import make_agency

    make_agency(world.vinh_long, "Sở Nông nghiệp và Môi trường")
    make_agency(world.vinh_long, "Chi cục Quản lý thị trường tỉnh Vĩnh Long")
    parsed, tasks = plan_actions.read_plan(PLAN_FIXTURE.read_bytes(), "p.txt", world.vinh_long)
    plan = plan_actions.save_plan(world.vinh_long, parsed, tasks, acting_user=world.vl_office)
    return plan.tasks.get(ref="II.2")


def upload_file(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


@pytest.mark.parametrize(("case", "name", "content"), CORPUS, ids=IDS)
def test_report_attachment_refuses_hostile_files(
    client: Client, world: World, report, case: str, name: str, content: bytes
) -> None:
    client.force_login(world.commune_clerk)
    before = media_files()
    response = client.post(
        reverse("reporting:attach", args=[report.pk]), {"file": upload_file(name, content)}, follow=True
    )
    assert has_vietnamese(error_messages(response)), case
    assert not Attachment.objects.exists() and media_files() == before


@pytest.mark.parametrize(("case", "name", "content"), CORPUS, ids=IDS)
def test_excel_upload_refuses_hostile_files(
    client: Client, world: World, report, case: str, name: str, content: bytes
) -> None:
    client.force_login(world.commune_clerk)
    before = media_files()
    response = client.post(
        reverse("reporting:excel_upload", args=[report.pk]), {"file": upload_file(name, content)}, follow=True
    )
    assert has_vietnamese(error_messages(response)), case
    assert not ReportValue.objects.filter(report=report).exists() and media_files() == before


@pytest.mark.parametrize(("case", "name", "content"), CORPUS, ids=IDS)
def test_task_evidence_refuses_hostile_files(
    client: Client, world: World, task, case: str, name: str, content: bytes
) -> None:
    client.force_login(world.vl_trade_clerk)
    before = media_files()
    response = client.post(
        reverse("plans:task", args=[task.pk]),
        {"status": "done", "note": "Xong", "evidence": upload_file(name, content)},
        follow=True,
    )
    assert has_vietnamese(error_messages(response)), case
    assert not TaskProgress.objects.filter(task=task).exists() and media_files() == before


@pytest.mark.parametrize(("case", "name", "content"), CORPUS, ids=IDS)
def test_plan_import_refuses_hostile_files(client: Client, world: World, case: str, name: str, content: bytes) -> None:
    client.force_login(world.vl_office)
    plans_before, before = Plan.objects.count(), media_files()
    response = client.post(
        reverse("plans:import", args=[world.vinh_long.pk]), {"file": upload_file(name, content)}, follow=True
    )
    assert has_vietnamese(error_messages(response)), case
    assert Plan.objects.count() == plans_before and media_files() == before


@pytest.mark.parametrize("count", [1, 2], ids=["single", "bulk"])
@pytest.mark.parametrize(("case", "name", "content"), CORPUS, ids=IDS)
def test_ingest_refuses_hostile_files(
    client: Client, world: World, count: int, case: str, name: str, content: bytes
) -> None:
    client.force_login(world.commune_clerk)
    before = media_files()
    files = [upload_file(name, content) for _ in range(count)]
    response = client.post(reverse("ingest:upload"), {"files": files}, follow=True)
    assert has_vietnamese(error_messages(response)), case
    assert not IngestDocument.objects.exists() and media_files() == before


def test_a_good_file_still_goes_through_every_point(client: Client, world: World, report) -> None:
    client.force_login(world.commune_clerk)
    client.post(reverse("reporting:attach", args=[report.pk]), {"file": upload_file("Biên bản họp.txt", b"OK")})
    attachment = Attachment.objects.get()
    assert attachment.original_name == "Biên bản họp.txt"
    stored = os.path.basename(attachment.file.name)
    assert stored.startswith("Bien-ban-hop") and stored.endswith(".txt")


@pytest.mark.parametrize(
    "name",
    [
        "",
        "   ",
        "bao\x00cao.txt",
        "bao\x07cao.txt",
        "../../etc/passwd.txt",
        "a\\b.txt",
        ".bashrc.txt",
        "a" * 256 + ".txt",
    ],
)
def test_odd_names_are_refused_in_vietnamese(name: str) -> None:
    """Django's multipart parser already drops NUL from names sent over HTTP; the policy refuses them anyway
    (and every other odd name) for files that reach it another way, e.g. the command line."""
    from django.core.exceptions import ValidationError

    from hangviet.lib.uploads import check_upload

    with pytest.raises(ValidationError) as refused:
        check_upload(_named(name, b"Bao cao"))
    assert has_vietnamese(refused.value.messages)


def _named(name: str, content: bytes) -> SimpleUploadedFile:
    upload = SimpleUploadedFile("x.txt", content)
    upload._name = name  # bypass Django's basename so the policy sees the raw name
    return upload
