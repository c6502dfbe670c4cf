"""Drafting, editing with versions, issuing with the register's number; who may do it."""

from __future__ import annotations

import datetime
from io import StringIO
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from hangviet.consolidation.tests.conftest import accepted
from hangviet.documents import actions
from hangviet.documents.models import Document
from hangviet.documents.tests.helpers import finish
from hangviet.orgs.tests.factories import World
from hangviet.periods.models import Period

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def draft(world: World) -> Document:
    accepted(world.vl_trade, "2026-H1", propaganda_sessions=3904, propaganda_participants=267083)
    return actions.create_report_draft(world.vinh_long, Period.objects.for_code("2026-H1"), acting_user=world.vl_office)


JUNE_23 = D(2026, 6, 23)


def issue(document: Document, world: World, on: D = JUNE_23) -> Document:
    return actions.issue_document(
        finish(document),
        issued_on=on,
        signer_name="Trần Văn Phúc",
        recipients=["Lưu: VT, BCĐ."],
        acting_user=world.vl_office,
    )


def test_the_register_numbers_each_year_from_01(world: World, draft: Document) -> None:
    first = issue(draft, world)
    second = issue(actions.create_report_draft(world.vinh_long, draft.period, acting_user=None), world)
    next_year = issue(
        actions.create_report_draft(world.vinh_long, draft.period, acting_user=None), world, D(2027, 1, 5)
    )
    assert [first.number_symbol, second.number_symbol, next_year.number_symbol] == [
        "01/BC-BCĐ",
        "02/BC-BCĐ",
        "01/BC-BCĐ",
    ]


def test_an_issued_document_is_immutable(world: World, draft: Document) -> None:
    issued = issue(draft, world)
    with pytest.raises(actions.DocumentStateError):
        actions.save_version(issued, [{"level": 0, "text": "x"}], base_version=1, acting_user=None)
    with pytest.raises(actions.DocumentStateError):
        issue(issued, world)


def test_issuing_needs_a_signer_and_recipients(world: World, draft: Document) -> None:
    with pytest.raises(ValidationError):
        actions.issue_document(draft, issued_on=D(2026, 6, 23), signer_name=" ", recipients=["x"], acting_user=None)
    with pytest.raises(ValidationError):
        actions.issue_document(draft, issued_on=D(2026, 6, 23), signer_name="A", recipients=[" "], acting_user=None)
    assert Document.objects.get(pk=draft.pk).status == "draft"


def editor_post(sections: list, **fields: object) -> dict[str, object]:
    """What the editor page posts: the version form and one formset row per section."""
    data: dict[str, object] = {"section-TOTAL_FORMS": len(sections), "section-INITIAL_FORMS": 0, **fields}
    for index, section in enumerate(sections):
        data.update(
            {
                f"section-{index}-level": section.level,
                f"section-{index}-heading": section.heading,
                f"section-{index}-text": section.text,
            }
        )
    return data


def test_editing_saves_versions_and_the_difference_is_shown(client: Client, world: World, draft: Document) -> None:
    client.force_login(world.vl_office)
    page = client.get(reverse("documents:edit", args=[draft.pk])).content.decode()
    assert "3.904 cuộc" in page
    sections = client.get(reverse("documents:edit", args=[draft.pk])).context["sections"]
    data = editor_post(sections, base_version=1, note="Sửa đoạn mở đầu")
    data["section-0-text"] = "Ban Chỉ đạo tỉnh Vĩnh Long báo cáo kết quả 6 tháng đầu năm 2026 như sau:"
    assert client.post(reverse("documents:edit", args=[draft.pk]), data).status_code == 302
    assert draft.versions.count() == 2
    diff = client.get(reverse("documents:compare", args=[draft.pk]), {"a": 1, "b": 2}).content.decode()
    assert "hv-diff-added" in diff and "báo cáo kết quả 6 tháng đầu năm 2026 như sau:" in diff
    stale = client.post(reverse("documents:edit", args=[draft.pk]), data, follow=True).content.decode()
    assert "phiên bản mới hơn" in stale and draft.versions.count() == 2


def test_the_issued_file_is_listed_and_downloadable(client: Client, world: World, draft: Document) -> None:
    client.force_login(world.vl_office)
    client.post(
        reverse("documents:issue", args=[finish(draft).pk]),
        {"issued_on": "2026-06-23", "signer_name": "Trần Văn Phúc", "recipients": "Lưu: VT, BCĐ.", "confirm": "on"},
    )
    listing = client.get(reverse("documents:committee", args=[world.vinh_long.pk])).content.decode()
    assert "01/BC-BCĐ" in listing and "Đã ban hành" in listing
    response = client.get(reverse("documents:file", args=[draft.pk]))
    assert b"".join(response.streaming_content)[:2] == b"PK"


@pytest.mark.parametrize(
    ("persona", "read", "create"),
    [
        ("vl_office", 200, 302),
        ("vl_viewer", 200, 403),
        ("central_office", 200, 403),
        ("ag_office", 404, 404),
        ("vl_trade_clerk", 404, 404),
        ("commune_clerk", 404, 404),
    ],
)
def test_who_may_read_draft_and_issue(
    client: Client, world: World, draft: Document, persona: str, read: int, create: int
) -> None:
    client.force_login(getattr(world, persona))
    assert client.get(reverse("documents:edit", args=[draft.pk])).status_code == read
    assert client.get(reverse("documents:draft_docx", args=[draft.pk])).status_code == read
    assert (
        client.post(reverse("documents:create_report", args=[world.vinh_long.pk]), {"period": "2026-H1"}).status_code
        == create
    )
    response = client.post(
        reverse("documents:issue", args=[finish(draft).pk]),
        {"issued_on": "2026-06-23", "signer_name": "X", "recipients": "Lưu: VT.", "confirm": "on"},
    )
    assert response.status_code == (302 if create == 302 else create)
    assert Document.objects.get(pk=draft.pk).status == ("issued" if create == 302 else "draft")


def test_the_command_line_writes_the_draft_then_the_issued_version(
    world: World, draft: Document, tmp_path: Path
) -> None:
    target = tmp_path / "report.docx"
    out = StringIO()
    call_command("document", "report", "--unit", "Tỉnh Vĩnh Long", "--period", "2026-H1", "-o", str(target), stdout=out)
    assert "dự thảo" in out.getvalue() and target.read_bytes()[:2] == b"PK"
    issued = issue(draft, world)
    call_command("document", "report", "--unit", "Tỉnh Vĩnh Long", "--period", "2026-H1", "-o", str(target), stdout=out)
    assert "01/BC-BCĐ" in out.getvalue()
    assert target.read_bytes() == issued.file.open("rb").read()


@pytest.mark.parametrize(
    "change",
    [
        {"section-0-level": ""},
        {"section-0-level": "12"},
        {"base_version": "abc"},
        {"base_version": str(2**70)},
        {"section-TOTAL_FORMS": "x"},
        {"section-TOTAL_FORMS": "100000"},
    ],
)
def test_a_malformed_editor_post_is_refused_and_the_typed_text_kept(
    client: Client, world: World, draft: Document, change: dict[str, str]
) -> None:
    client.force_login(world.vl_office)
    sections = client.get(reverse("documents:edit", args=[draft.pk])).context["sections"]
    data = editor_post(sections, base_version=1, note="")
    data["section-0-text"] = "Đoạn mở đầu đã sửa, chưa lưu."
    data.update(change)
    response = client.post(reverse("documents:edit", args=[draft.pk]), data)
    assert response.status_code == 422
    page = response.content.decode()
    assert "Chưa lưu được" in page
    if "section-TOTAL_FORMS" not in change:
        assert "Đoạn mở đầu đã sửa, chưa lưu." in page
    assert draft.versions.count() == 1


def test_comparing_with_a_version_number_beyond_range_is_not_found(
    client: Client, world: World, draft: Document
) -> None:
    client.force_login(world.vl_office)
    response = client.get(reverse("documents:compare", args=[draft.pk]), {"a": "9" * 30, "b": "1"})
    assert response.status_code == 404
