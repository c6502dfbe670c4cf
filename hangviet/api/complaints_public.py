"""Public (anonymous) API of consumer reports: file a report, follow it by code. Bounded by a rate limit per
address; answers carry no personal data and the same 404 for every code that is not a report's."""

from __future__ import annotations

import json
from typing import Annotated

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from ninja import Router, Schema, Status
from pydantic import Field, StrictStr

from hangviet.api.common import ErrorOut
from hangviet.complaints import actions
from hangviet.complaints.access import get_report_by_code
from hangviet.complaints.forms import ReportForm, TrackForm
from hangviet.complaints.limits import too_many_message, within

router = Router(tags=["Phản ánh (công khai)"], auth=None)

MAX_BODY = 32 * 1024
PUBLIC_ERRORS = {400: ErrorOut, 404: ErrorOut, 422: ErrorOut, 429: ErrorOut}


class ReportIn(Schema):
    description: Annotated[StrictStr, Field(max_length=4000)]
    place: Annotated[StrictStr, Field(max_length=300)]
    product: Annotated[StrictStr, Field(max_length=200)] = ""
    contact: Annotated[StrictStr, Field(max_length=200)] = ""
    category: Annotated[StrictStr, Field(max_length=20)] = "other"


class CodeOut(Schema):
    code: str


class StatusOut(Schema):
    code: str
    status: str
    status_label: str
    answer: str
    received_on: str
    handled_on: str | None


def _read_body(request: HttpRequest) -> dict[str, str] | str:
    """The JSON object of the request as form data, or a Vietnamese reason it cannot be read. Read here rather than
    by the schema so that every refusal is a sentence in Vietnamese, not the validator's English."""
    if len(request.body) > MAX_BODY:
        return "Dữ liệu gửi lên quá lớn."
    try:
        data = json.loads(request.body or b"null")
    except (ValueError, UnicodeDecodeError):
        return "Dữ liệu gửi lên không phải JSON hợp lệ."
    if not isinstance(data, dict):
        return "Dữ liệu gửi lên phải là một đối tượng JSON (có “description” và “place”)."
    unknown = sorted(set(data) - set(ReportIn.model_fields))
    if unknown:
        return "Trường không được nhận: " + ", ".join(str(name)[:40] for name in unknown[:5]) + "."
    wrong = [name for name, value in data.items() if value is not None and not isinstance(value, str)]
    if wrong:
        return "Các trường phải là chuỗi văn bản: " + ", ".join(wrong) + "."
    return {name: value or "" for name, value in data.items()}


@router.post(
    "/reports",
    response={201: CodeOut, **PUBLIC_ERRORS},
    summary="Gửi phản ánh hàng giả, hàng kém chất lượng (không cần đăng nhập); trả về mã theo dõi",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": ReportIn.model_json_schema()}},
        }
    },
)
def submit(request: HttpRequest) -> Status:
    if not within(request, "attempt"):
        return Status(429, ErrorOut(detail=too_many_message()))
    data = _read_body(request)
    if isinstance(data, str):
        return Status(400, ErrorOut(detail=data))
    form = ReportForm({"category": "other", **data})
    if not form.is_valid():
        problems = " ".join(str(error) for errors in form.errors.values() for error in errors)
        return Status(422, ErrorOut(detail=problems))
    if not within(request, "submit"):
        return Status(429, ErrorOut(detail=too_many_message()))
    try:
        report = actions.submit_report(**form.action_kwargs(), acting_user=None)
    except ValidationError as error:
        return Status(422, ErrorOut(detail=" ".join(error.messages)))
    return Status(201, CodeOut(code=report.code))


@router.get(
    "/reports/{code}",
    response={200: StatusOut, **PUBLIC_ERRORS},
    summary="Tình trạng xử lý một phản ánh theo mã theo dõi (không có thông tin cá nhân)",
)
def follow(request: HttpRequest, code: str) -> Status:
    if not within(request, "lookup"):
        return Status(429, ErrorOut(detail=too_many_message()))
    form = TrackForm({"code": code})
    if not form.is_valid():
        return Status(404, ErrorOut(detail="Không tìm thấy phản ánh có mã này."))
    try:
        report = get_report_by_code(form.cleaned_data["code"])
    except Http404:
        return Status(404, ErrorOut(detail="Không tìm thấy phản ánh có mã này."))
    return Status(
        200,
        StatusOut(
            code=report.code,
            status=report.status,
            status_label=str(report.get_status_display()),
            answer=report.public_answer if report.status == report.Status.HANDLED else "",
            received_on=report.received_at.date().isoformat(),
            handled_on=report.handled_at.date().isoformat() if report.handled_at else None,
        ),
    )
