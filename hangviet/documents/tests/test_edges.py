"""Rough edges of issuing a document (issue 13): each test failed before its fix."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from hangviet.consolidation.tests.conftest import accepted
from hangviet.documents import actions
from hangviet.documents.compose import PLACEHOLDER
from hangviet.documents.editing import from_sections, to_sections
from hangviet.documents.models import Document
from hangviet.documents.tests.helpers import finish
from hangviet.lib.docx_layout import Annex, Block, OfficialDocument, build_docx
from hangviet.orgs.tests.factories import World
from hangviet.periods.models import Period

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(world: World) -> Document:
    accepted(world.vl_trade, "2026-H1", propaganda_sessions=3904, propaganda_participants=267083, banners=60)
    accepted(world.vl_health, "2026-H1", banners=5)
    return actions.create_report_draft(world.vinh_long, Period.objects.for_code("2026-H1"), acting_user=world.vl_office)


def _issue_over_http(client: Client, document: Document, **extra: str):
    data = {"issued_on": "2026-06-23", "signer_name": "Trần Văn Phúc", "recipients": "Lưu: VT, BCĐ.", **extra}
    return client.post(reverse("documents:issue", args=[document.pk]), data, follow=True)


def test_a_draft_with_placeholder_sections_is_not_issued_and_the_section_is_named(
    world: World, draft: Document
) -> None:
    assert any(PLACEHOLDER in block["text"] for block in draft.latest.blocks)
    with pytest.raises(ValidationError) as refused:
        actions.issue_document(
            draft, issued_on=Period.objects.for_code("2026-H1").end, signer_name="A", recipients=["B"], acting_user=None
        )
    message = " ".join(refused.value.messages)
    assert "Chưa ban hành được" in message and "mục “2. Công tác quản lý nhà nước" in message
    client = Client()
    client.force_login(world.vl_office)
    page = client.get(reverse("documents:edit", args=[draft.pk])).content.decode()
    assert 'data-testid="unfinished"' in page
    draft.refresh_from_db()
    assert draft.status == Document.Status.DRAFT and not draft.number_symbol


def test_issuing_asks_for_a_confirmation(world: World, draft: Document) -> None:
    finish(draft)
    client = Client()
    client.force_login(world.vl_office)
    page = client.get(reverse("documents:edit", args=[draft.pk])).content.decode()
    assert 'name="confirm"' in page and "không sửa được nữa" in page
    refused = _issue_over_http(client, draft).content.decode()
    assert "hãy đánh dấu ô xác nhận" in refused
    assert Document.objects.get(pk=draft.pk).status == Document.Status.DRAFT
    _issue_over_http(client, draft, confirm="on")
    assert Document.objects.get(pk=draft.pk).status == Document.Status.ISSUED


def _docx_xml(content: bytes, part: str = "word/document.xml") -> str:
    return zipfile.ZipFile(io.BytesIO(content)).read(part).decode()


def test_the_deputy_signs_for_the_head_under_the_committee_as_decree_30_says(world: World, draft: Document) -> None:
    profile = actions.profile_for(world.vinh_long)
    assert (profile.signing_authority, profile.signing_for, profile.signer_position) == (
        "TM. BAN CHỈ ĐẠO",
        "KT. TRƯỞNG BAN",
        "PHÓ TRƯỞNG BAN THƯỜNG TRỰC",
    )
    xml = _docx_xml(actions.render_draft(draft))
    authority, on_behalf, position = (
        xml.index("TM. BAN CHỈ ĐẠO"),
        xml.index("KT. TRƯỞNG BAN"),
        xml.index("PHÓ TRƯỞNG BAN THƯỜNG TRỰC"),
    )
    assert authority < on_behalf < position


def test_numbers_never_break_inside_an_annex_cell() -> None:
    spec = OfficialDocument(
        parent_body="",
        issuing_body="BAN CHỈ ĐẠO",
        number="01/BC-BCĐ",
        place_and_date="Vĩnh Long, ngày 23 tháng 6 năm 2026",
        kind_title="BÁO CÁO",
        summary="Kết quả",
        blocks=[Block("Nội dung.")],
        recipients=["Lưu: VT."],
        signing_authority="TM. BAN CHỈ ĐẠO",
        signer_position="TRƯỞNG BAN",
        signer_name="A",
        annexes=[
            Annex(
                "Số liệu",
                ["STT", "Chỉ tiêu", "ĐVT", "Tổng cộng"],
                [["1", "Số phiên chợ hàng Việt về nông thôn", "phiên", "1.234.567 (ước)"]],
            )
        ],
    )
    xml = _docx_xml(build_docx(spec))
    assert "1.234.567\u00a0(ước)" in xml
    figure_cell = xml[xml.rindex("<w:tc>", 0, xml.index("1.234.567")) : xml.index("1.234.567")]
    assert "<w:noWrap/>" in figure_cell
    name_cell = xml[xml.rindex("<w:tc>", 0, xml.index("Số phiên chợ")) : xml.index("Số phiên chợ")]
    assert "<w:noWrap/>" not in name_cell


def test_the_editor_shows_footnotes_as_footnotes_and_keeps_them_on_save(world: World, draft: Document) -> None:
    blocks = [
        {"level": 1, "text": "I. KẾT QUẢ"},
        {"level": 0, "text": "Treo 65 băng rôn^[Gồm: Sở Công Thương 60 cái.]."},
    ]
    sections = to_sections(blocks)
    assert sections[1].text == "Treo 65 băng rôn¹." and sections[1].notes == "¹ Gồm: Sở Công Thương 60 cái."
    assert from_sections(sections) == blocks
    client = Client()
    client.force_login(world.vl_office)
    page = client.get(reverse("documents:edit", args=[draft.pk])).content.decode()
    assert "^[" not in page.split("<textarea", 1)[1]
    assert 'data-testid="footnotes"' in page and "¹ Gồm: Sở Công Thương 60 cái; Sở Y tế 5 cái." in page
