"""Surveys as an office and a respondent rely on them: building one, answering once per device, paper forms,
results with denominators by unit, the weighted shelf share against the target, the export, the gates."""

from __future__ import annotations

import datetime
import io
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.test import Client
from openpyxl import load_workbook

from hangviet.orgs.tests.factories import World
from hangviet.registry.figures import compute, scope_for_unit
from hangviet.surveys import actions
from hangviet.surveys.models import Question, Response, Survey
from hangviet.units.models import Unit

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today()


@pytest.fixture(autouse=True)
def fresh_limits() -> None:
    cache.clear()


def _survey(world: World, **extra: object) -> Survey:
    return actions.create_survey(
        world.vinh_long,
        title="Người tiêu dùng và hàng Việt",
        kind=Survey.Kind.SOCIOLOGICAL,
        opens_on=TODAY - datetime.timedelta(days=1),
        closes_on=TODAY + datetime.timedelta(days=30),
        questions=[
            {"text": "Bạn có ưu tiên mua hàng Việt?", "kind": "single", "options": "Luôn luôn\nThỉnh thoảng\nKhông"},
            {"text": "Bạn mua ở đâu?", "kind": "multiple", "options": "Chợ\nSiêu thị\nTrực tuyến", "required": False},
            {"text": "Mức tin tưởng hàng Việt", "kind": "scale", "required": False},
            {"text": "Góp ý", "kind": "text", "required": False},
            {"text": "Quầy hàng", "kind": "shelf", "required": False},
        ],
        target_share_pct=Decimal(80),
        acting_user=None,
        **extra,
    )


def _ids(survey: Survey) -> dict[str, int]:
    return {q.kind: q.pk for q in survey.questions.all()}


def _ward(name: str) -> Unit:
    return Unit.objects.get(level=Unit.Level.COMMUNE, valid_to__isnull=True, name=name, parent__code="86")


def test_the_public_answers_once_per_device(world: World) -> None:
    survey = _survey(world)
    q = _ids(survey)
    ward = _ward("Phường Trà Vinh")
    client = Client(REMOTE_ADDR="203.0.113.5", HTTP_USER_AGENT="Phone A")
    page = client.get(f"/khao-sat/{survey.slug}/")
    assert page.status_code == 200 and "Bạn có ưu tiên mua hàng Việt?" in page.content.decode()
    data = {"unit": ward.pk, f"q{q['single']}": "0", f"q{q['multiple']}": ["0", "1"], f"q{q['scale']}": "4"}
    assert client.post(f"/khao-sat/{survey.slug}/", data).status_code == 200
    again = client.post(f"/khao-sat/{survey.slug}/", data)
    assert "đã gửi phiếu" in again.content.decode()
    # The same device without its cookie is still recognised by its address and browser.
    fresh = Client(REMOTE_ADDR="203.0.113.5", HTTP_USER_AGENT="Phone A")
    assert "đã gửi phiếu" in fresh.post(f"/khao-sat/{survey.slug}/", data).content.decode()
    Client(REMOTE_ADDR="203.0.113.6", HTTP_USER_AGENT="Phone B").post(f"/khao-sat/{survey.slug}/", data)
    assert Response.objects.filter(survey=survey).count() == 2


def test_a_missing_answer_and_bad_numbers_are_refused_in_vietnamese(world: World) -> None:
    survey = _survey(world)
    q = _ids(survey)
    client = Client()
    missing = client.post(f"/khao-sat/{survey.slug}/", {"unit": _ward("Phường Trà Vinh").pk})
    assert missing.status_code == 400 and "Hãy chọn phương án." in missing.content.decode()
    shelf = client.post(
        f"/khao-sat/{survey.slug}/",
        {
            "unit": _ward("Phường Trà Vinh").pk,
            f"q{q['single']}": "0",
            f"q{q['shelf']}_viet": "90",
            f"q{q['shelf']}_total": "50",
        },
    )
    assert shelf.status_code == 400 and "không thể lớn hơn" in shelf.content.decode()
    foreign = client.post(f"/khao-sat/{survey.slug}/", {"unit": "999999999", f"q{q['single']}": "7"})
    assert foreign.status_code == 400
    assert not Response.objects.exists()


def test_a_closed_survey_takes_no_answer(world: World) -> None:
    survey = _survey(world)
    Survey.objects.filter(pk=survey.pk).update(closes_on=TODAY - datetime.timedelta(days=1))
    q = _ids(survey)
    response = Client().post(f"/khao-sat/{survey.slug}/", {"unit": _ward("Phường Trà Vinh").pk, f"q{q['single']}": "0"})
    assert "hiện không nhận phiếu" in response.content.decode()
    assert not Response.objects.exists()
    assert Client().get("/khao-sat/khong-co/").status_code == 404


def test_results_carry_denominators_by_unit_and_the_weighted_share(world: World) -> None:
    survey = _survey(world)
    q = _ids(survey)
    office = Client()
    office.force_login(world.vl_office)
    for ward, choice, viet, total in (
        ("Phường Trà Vinh", "0", "900", "1000"),
        ("Phường Trà Vinh", "1", "", ""),
        ("Phường Long Châu", "0", "30", "100"),
    ):
        data = {"unit": _ward(ward).pk, f"q{q['single']}": choice}
        if total:
            data |= {f"q{q['shelf']}_viet": viet, f"q{q['shelf']}_total": total}
        assert office.post(f"/quan-ly-khao-sat/{survey.pk}/nhap-phieu/", data).status_code == 302
    page = office.get(f"/quan-ly-khao-sat/{survey.pk}/").content.decode()
    assert "2/3" in page and "66,7" in page  # "Luôn luôn": 2 of the 3 who answered
    # Weighted by items: 930/1.100 = 84,5 % (the mean of the outlets' shares would be 60 %), target 80 % met.
    assert "84,5%" in page and "đạt" in page
    figures = compute(scope_for_unit(world.vinh_long.unit), TODAY - datetime.timedelta(days=1), TODAY)
    assert figures["viet_goods_share_pct"].value == Decimal("84.5")
    assert figures["viet_goods_share_pct"].records == 2
    workbook = load_workbook(io.BytesIO(office.get(f"/quan-ly-khao-sat/{survey.pk}/xuat/").content))
    rows = list(workbook["Kết quả"].iter_rows(values_only=True))
    assert ("Bạn có ưu tiên mua hàng Việt?", "Tất cả", "Luôn luôn", 2, 3, 66.7) in rows
    assert ("Bạn có ưu tiên mua hàng Việt?", "Phường Long Châu", "Luôn luôn", 1, 1, 100.0) in rows
    assert len(list(workbook["Phiếu"].iter_rows())) == 4


def test_an_office_builds_a_survey_with_its_questions(world: World) -> None:
    office = Client()
    office.force_login(world.vl_office)
    data = {
        "owner": world.vinh_long.pk,
        "title": "Khảo sát siêu thị",
        "kind": "market",
        "opens_on": TODAY.isoformat(),
        "closes_on": (TODAY + datetime.timedelta(days=10)).isoformat(),
        "target_share_pct": "80",
        "q-TOTAL_FORMS": "2",
        "q-INITIAL_FORMS": "0",
        "q-MIN_NUM_FORMS": "1",
        "q-MAX_NUM_FORMS": "40",
        "q-0-text": "Quầy hàng",
        "q-0-kind": "shelf",
        "q-0-required": "on",
        "q-1-text": "Siêu thị có ưu tiên hàng Việt?",
        "q-1-kind": "single",
        "q-1-options": "Có",
    }
    refused = office.post("/quan-ly-khao-sat/tao/", data)
    assert refused.status_code == 400 and "ít nhất hai phương án" in refused.content.decode()
    data["q-1-options"] = "Có\nKhông"
    assert office.post("/quan-ly-khao-sat/tao/", data).status_code == 302
    survey = Survey.objects.get()
    assert [q.kind for q in survey.questions.all()] == [Question.Kind.SHELF, Question.Kind.SINGLE]
    assert survey.area == world.vinh_long.unit and survey.target_share_pct == 80


def test_survey_pages_follow_the_owner(world: World) -> None:
    survey = _survey(world)
    other, viewer, clerk = Client(), Client(), Client()
    other.force_login(world.ag_office)
    viewer.force_login(world.vl_viewer)
    clerk.force_login(world.vl_trade_clerk)
    assert other.get(f"/quan-ly-khao-sat/{survey.pk}/").status_code == 404
    assert clerk.get(f"/quan-ly-khao-sat/{survey.pk}/xuat/").status_code == 404
    assert viewer.get(f"/quan-ly-khao-sat/{survey.pk}/").status_code == 200
    assert viewer.post(f"/quan-ly-khao-sat/{survey.pk}/nhap-phieu/", {}).status_code == 403
    assert survey.title not in other.get("/quan-ly-khao-sat/").content.decode()
    assert viewer.get("/quan-ly-khao-sat/tao/").status_code == 403
    forged = {
        "owner": world.vinh_long.pk,
        "title": "X",
        "kind": "market",
        "opens_on": TODAY.isoformat(),
        "closes_on": TODAY.isoformat(),
        "q-TOTAL_FORMS": "1",
        "q-INITIAL_FORMS": "0",
        "q-0-text": "A",
        "q-0-kind": "text",
    }
    assert clerk.post("/quan-ly-khao-sat/tao/", forged).status_code == 404  # an organisation the clerk cannot see
    assert Survey.objects.count() == 1
