"""The phase review (Báo cáo sơ kết/tổng kết giai đoạn) drafted from the accepted yearly reports, with the
year-by-year table as its annex, and who may draft it."""

from __future__ import annotations

import io

import pytest
from django.test import Client
from django.urls import reverse
from docx import Document as read_docx

from hangviet.audit.models import AuditEvent
from hangviet.consolidation.tests.conftest import accepted
from hangviet.documents import actions
from hangviet.documents.compose import PLACEHOLDER, compose_phase_report
from hangviet.documents.models import Document
from hangviet.lib.periods import PhaseKey
from hangviet.orgs.tests.factories import World
from hangviet.reporting.models import ReportText, Section

pytestmark = pytest.mark.django_db


@pytest.fixture
def years(world: World) -> World:
    accepted(world.vl_trade, "2024", banners=60, viet_goods_share_pct="90")
    accepted(world.vl_trade, "2025", banners=40)
    accepted(world.vl_commune, "2024", ocop_products=150)
    accepted(world.vl_commune, "2025", ocop_products=184)
    own = accepted(world.vinh_long, "2025", propaganda_sessions=12)
    ReportText.objects.create(report=own, section=Section.LIMITATIONS, text="Kinh phí còn hạn chế.")
    return world


def test_the_draft_sums_flows_over_the_years_and_gives_stocks_at_the_end(years: World) -> None:
    draft = compose_phase_report(years.vinh_long, PhaseKey(2024, 2025))
    text = " ".join(block.text for block in draft.blocks)
    assert draft.summary.startswith("Tổng kết thực hiện Cuộc vận động") and "giai đoạn 2024–2025" in draft.summary
    assert "Treo 100 băng rôn" in text and "^[Gồm: năm 2024: 60 cái; năm 2025: 40 cái.]" in text
    assert "có 184 sản phẩm được công nhận OCOP" in text  # the stock of the last year, never 334
    assert "- Năm 2025: Kinh phí còn hạn chế." in text
    assert "Bài học kinh nghiệm" in text and PLACEHOLDER in text
    assert "so với cùng kỳ" not in text


def test_an_interim_review_says_so_and_missing_years_are_named(years: World) -> None:
    draft = compose_phase_report(years.vinh_long, PhaseKey(2023, 2025), "interim")
    text = " ".join(block.text for block in draft.blocks)
    assert draft.summary.startswith("Sơ kết") and "báo cáo sơ kết kết quả" in text
    assert "Năm 2023 chưa có báo cáo năm được tiếp nhận" in text


def test_the_annex_is_the_year_by_year_table(years: World) -> None:
    (annex,) = compose_phase_report(years.vinh_long, PhaseKey(2024, 2025)).annexes
    assert annex.columns == ["STT", "Chỉ tiêu", "ĐVT", "Năm 2024", "Năm 2025", "Cả giai đoạn"]
    rows = {row[1]: row for row in annex.rows}
    assert rows["Số báo cáo năm đã tiếp nhận"][3:] == ["2", "3", "5"]
    assert rows["Số băng rôn, pano, áp phích tuyên truyền"][3:] == ["60", "40", "100"]
    assert rows["Số sản phẩm OCOP đạt 3 sao trở lên"][-1] == "184 (năm 2025)"
    assert rows["Tỷ lệ hàng Việt tại siêu thị, trung tâm thương mại"][3:] == ["90", "", "(*)"]
    assert "(*) Tỷ lệ theo từng năm." in annex.note


def test_a_long_phase_spreads_its_years_over_annex_pages(years: World) -> None:
    annexes = compose_phase_report(years.vinh_long, PhaseKey(2012, 2026)).annexes
    assert len(annexes) == 3 and all(annex.columns[-1] == "Cả giai đoạn" for annex in annexes)


def test_the_button_drafts_the_review_and_opens_the_editor(client: Client, years: World) -> None:
    client.force_login(years.vl_office)
    response = client.post(
        reverse("documents:create_phase_report", args=[years.vinh_long.pk]), {"phase": "2024-2025", "review": "final"}
    )
    document = Document.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("documents:edit", args=[document.pk])
    assert (document.phase_key, document.period, document.committee) == ("2024-2025", None, years.vinh_long)
    event = AuditEvent.objects.get(action="document.drafted")
    assert event.data == {"phase": "2024-2025", "review": "final"}
    assert client.get(reverse("documents:edit", args=[document.pk])).status_code == 200
    docx = client.get(reverse("documents:draft_docx", args=[document.pk]))
    word = read_docx(io.BytesIO(docx.content))
    annex = word.tables[-1]
    header = [cell.text for cell in annex.rows[0].cells]
    assert "Năm 2024" in header and "Cả giai đoạn" in header
    assert any("184\u00a0(năm\u00a02025)" in cell.text for row in annex.rows for cell in row.cells)


def test_issuing_waits_for_the_lessons_learned(years: World) -> None:
    document = actions.create_phase_report_draft(years.vinh_long, PhaseKey(2024, 2025), acting_user=None)
    assert "3. Bài học kinh nghiệm" in actions.unfinished_sections(document)


@pytest.mark.parametrize(
    ("persona", "committee", "status"),
    [
        ("vl_viewer", "vinh_long", 403),
        ("commune_clerk", "vinh_long", 404),
        ("ag_office", "vinh_long", 404),
        ("vl_office", "vl_trade", 404),
    ],
)
def test_who_may_not_draft_a_phase_review(
    client: Client, world: World, persona: str, committee: str, status: int
) -> None:
    client.force_login(getattr(world, persona))
    url = reverse("documents:create_phase_report", args=[getattr(world, committee).pk])
    assert client.post(url, {"phase": "2024-2025"}).status_code == status
    assert not Document.objects.exists()


@pytest.mark.parametrize("phase", ["2025-2024", "2000-2020", "", "x" * 500, "2024-Q1"])
def test_a_bad_phase_drafts_nothing_and_says_why(client: Client, world: World, phase: str) -> None:
    client.force_login(world.vl_office)
    url = reverse("documents:create_phase_report", args=[world.vinh_long.pk])
    response = client.post(url, {"phase": phase, "review": "final"}, follow=True)
    assert response.status_code == 200 and not Document.objects.exists()
    assert "alert" in response.content.decode()


def test_an_unknown_review_kind_is_refused(client: Client, world: World) -> None:
    client.force_login(world.vl_office)
    url = reverse("documents:create_phase_report", args=[world.vinh_long.pk])
    assert client.post(url, {"phase": "2024-2025", "review": "other"}).status_code == 302
    assert not Document.objects.exists()
