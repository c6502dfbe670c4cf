"""The HTTP API (django-ninja), documented at /api/docs. Every endpoint goes through the access gates."""

from __future__ import annotations

import datetime
import math
from decimal import Decimal
from typing import Annotated

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI, Query, Schema, Status
from ninja.errors import HttpError
from ninja.renderers import JSONRenderer
from ninja.security import django_auth
from pydantic import AfterValidator, Field, StrictBool, StrictFloat, StrictInt, StrictStr, StringConstraints

from hangviet.api.common import READ_ERRORS, SIGNED_IN, ErrorOut, ObjectId
from hangviet.api.complaints_public import router as complaints_public_router
from hangviet.api.public import router as public_router
from hangviet.api.registry import router as registry_router
from hangviet.consolidation.queries import aggregate_for_unit, aggregate_roots
from hangviet.lib.http import SignedInRequest
from hangviet.lib.periods import PeriodCodeError
from hangviet.lib.vnnumber import NumberFormatError, parse_vn_number
from hangviet.orgs import queries
from hangviet.orgs.access import get_organisation_for_user
from hangviet.orgs.policy import Need, active_roles, can_read_all
from hangviet.periods.models import Period
from hangviet.reporting import actions as reporting_actions
from hangviet.reporting import queries as reporting_queries
from hangviet.reporting.access import get_report_for_user
from hangviet.reporting.forms import check_stored_number
from hangviet.reporting.models import Report
from hangviet.units.resolve import UnitNotFound, resolve_unit


class VietnameseJSONRenderer(JSONRenderer):
    json_dumps_params = {"ensure_ascii": False}


api = NinjaAPI(
    title="hangviet API",
    version="1",
    description="API của nền tảng Cuộc vận động “Người Việt Nam ưu tiên dùng hàng Việt Nam”. "
    "Đăng nhập bằng phiên làm việc (session) của trang web; mọi lời gọi tuân theo cùng chính sách phân quyền.",
    renderer=VietnameseJSONRenderer(),
    auth=django_auth,
    urls_namespace="api",
)
api.add_router("/registry", registry_router)
api.add_router("/public", complaints_public_router)
api.add_router("/public", public_router)  # open data: anonymous, CORS-open, bounded (issue 11)


class RoleOut(Schema):
    organisation_id: int
    organisation: str
    role: str


class MeOut(Schema):
    username: str
    roles: list[RoleOut]


class UnitOut(Schema):
    key: str
    code: str
    edition: str
    level: str
    name: str
    valid_from: datetime.date | None
    valid_to: datetime.date | None
    full_name: str


class ResolutionOut(Schema):
    query: str
    unit: UnitOut
    is_current: bool
    current: list[UnitOut]


class OrganisationOut(Schema):
    id: int
    kind: str
    name: str
    unit: str
    parent_id: int | None
    valid_from: datetime.date | None
    valid_to: datetime.date | None


class MemberOut(Schema):
    full_name: str
    role: str
    position: str
    agency: str | None
    start: datetime.date
    end: datetime.date | None


def _organisation_out(organisation) -> OrganisationOut:
    return OrganisationOut(
        id=organisation.pk,
        kind=organisation.kind,
        name=organisation.name,
        unit=organisation.unit.name,
        parent_id=organisation.parent_id,
        valid_from=organisation.valid_from,
        valid_to=organisation.valid_to,
    )


@api.get("/me", response={200: MeOut, **SIGNED_IN}, summary="Tài khoản đang đăng nhập và các vai trò")
def me(request: SignedInRequest) -> MeOut:
    roles = active_roles(request.user)
    return MeOut(
        username=request.user.get_username(),
        roles=[
            RoleOut(organisation_id=r.organisation_id, organisation=r.organisation.name, role=r.role) for r in roles
        ],
    )


@api.get(
    "/units/resolve", response={200: ResolutionOut, **READ_ERRORS}, summary="Đơn vị hành chính cũ nay là đơn vị nào"
)
def units_resolve(request: SignedInRequest, q: Query[str]) -> dict:
    if len(q) > 300:
        raise HttpError(422, "Tên đơn vị quá dài (tối đa 300 ký tự).")
    try:
        return resolve_unit(q).as_dict()
    except UnitNotFound as error:
        raise HttpError(404, f"Không tìm thấy đơn vị “{error}”.") from error


@api.get("/organisations/{organisation_id}", response={200: OrganisationOut, **READ_ERRORS}, summary="Một tổ chức")
def organisation_detail(request: SignedInRequest, organisation_id: ObjectId) -> OrganisationOut:
    organisation, _grant = get_organisation_for_user(request.user, organisation_id, need=Need.READ)
    return _organisation_out(organisation)


@api.get(
    "/organisations/{organisation_id}/members",
    response={200: list[MemberOut], **READ_ERRORS},
    summary="Thành viên hiện nay của một Ban Chỉ đạo",
)
def organisation_members(request: SignedInRequest, organisation_id: ObjectId) -> list[MemberOut]:
    organisation, _grant = get_organisation_for_user(request.user, organisation_id, need=Need.READ)
    return [
        MemberOut(
            full_name=seat.person.full_name,
            role=seat.role,
            position=seat.person.position,
            agency=seat.agency.name if seat.agency else None,
            start=seat.start,
            end=seat.end,
        )
        for seat in queries.list_current_members(organisation)
    ]


@api.get(
    "/organisations/{organisation_id}/children",
    response={200: list[OrganisationOut], **READ_ERRORS},
    summary="Cơ quan thành viên và Ban Chỉ đạo cấp dưới",
)
def organisation_children(request: SignedInRequest, organisation_id: ObjectId) -> list[OrganisationOut]:
    organisation, _grant = get_organisation_for_user(request.user, organisation_id, need=Need.READ)
    children = [
        *queries.list_agencies(organisation).select_related("unit"),
        *queries.list_lower_committees(organisation),
    ]
    return [_organisation_out(child) for child in children]


@api.exception_handler(PermissionDenied)
def on_permission_denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return api.create_response(request, {"detail": "Bạn không có quyền thực hiện thao tác này."}, status=403)


@api.exception_handler(Http404)
def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return api.create_response(request, {"detail": "Không tìm thấy."}, status=404)


# --- Reports -------------------------------------------------------------------------------------


class ReportOut(Schema):
    id: int
    organisation: str
    period: str
    status: str
    version: int
    values: dict[str, float]


def _finite(number: float) -> float:
    if not math.isfinite(number):
        raise ValueError("Số phải hữu hạn (không nhận NaN, Infinity).")
    return number


IndicatorCode = Annotated[str, StringConstraints(strict=True, min_length=1, max_length=64)]
# JSON ``true`` is not the number 1, and "yes" is not true: strict types, finite numbers, bounded text.
RawValue = (
    StrictInt | Annotated[StrictFloat, AfterValidator(_finite)] | Annotated[StrictStr, Field(max_length=100)] | None
)


class ValuesIn(Schema):
    version: Annotated[StrictInt, Field(ge=0, le=2**31 - 1)]
    values: Annotated[dict[IndicatorCode, RawValue], Field(max_length=500)]
    submit: StrictBool = False


class ProblemOut(Schema):
    detail: str
    problems: list[str] = []


def _report_out(report: Report) -> ReportOut:
    return ReportOut(
        id=report.pk,
        organisation=report.organisation.name,
        period=report.period.code,
        status=report.status,
        version=report.version,
        values={code: float(value) for code, value in reporting_queries.values_of(report).items()},
    )


@api.get("/reports/{report_id}", response={200: ReportOut, **READ_ERRORS}, summary="Một báo cáo và số liệu của nó")
def report_detail(request: SignedInRequest, report_id: ObjectId) -> ReportOut:
    report, _grant = get_report_for_user(request.user, report_id, need=Need.READ)
    return _report_out(report)


@api.put(
    "/reports/{report_id}/values",
    response={
        200: ReportOut,
        400: ErrorOut,
        401: ErrorOut,
        403: ErrorOut,
        404: ErrorOut,
        409: ProblemOut,
        413: ErrorOut,
        422: ProblemOut,
    },
    summary="Gửi số liệu của một báo cáo (và nộp báo cáo nếu submit=true)",
)
def report_values(request: SignedInRequest, report_id: ObjectId, payload: ValuesIn) -> Status:
    """Numbers may be JSON numbers or Vietnamese text ("3.904", "36,9"); ``null`` clears a value.
    The same validation, optimistic locking (``version``) and workflow as the web form apply."""
    report, _grant = get_report_for_user(request.user, report_id, need=Need.EDIT)
    values: dict[str, Decimal | None] = {}
    problems = []
    for code, raw in payload.values.items():
        try:
            values[code] = (
                None
                if raw is None
                else check_stored_number(Decimal(str(raw)) if isinstance(raw, int | float) else parse_vn_number(raw))
            )
        except NumberFormatError as error:
            problems.append(f"{code}: {error}")
    if problems:
        return Status(422, ProblemOut(detail="Số liệu không hợp lệ; chưa lưu gì.", problems=problems))
    try:
        reporting_actions.save_report(
            report, values=values, expected_version=payload.version, acting_user=request.user, submit=payload.submit
        )
    except reporting_actions.EditConflict as conflict:
        return Status(409, ProblemOut(detail=str(conflict)))
    except reporting_actions.SubmissionBlocked as blocked:
        return Status(
            422, ProblemOut(detail=str(blocked), problems=[v.message for v in blocked.errors + blocked.unexplained])
        )
    except ValidationError as error:
        return Status(422, ProblemOut(detail=" ".join(error.messages)))
    return Status(200, _report_out(report))


@api.get(
    "/aggregates",
    response={200: dict[str, float | None], **READ_ERRORS},
    summary="Tổng hợp số liệu đã tiếp nhận của một đơn vị hành chính (kể cả đơn vị cũ) trong một kỳ",
)
def aggregates(
    request: SignedInRequest,
    unit: Annotated[str, Query(min_length=1, max_length=300)],
    period: Annotated[str, Query(min_length=4, max_length=20)],
) -> dict[str, float | None]:
    """Readable by whoever may read the committee of that unit (or the committee that took it over)."""
    try:
        found = resolve_unit(unit).unit
        chosen = Period.objects.for_code(period)
    except UnitNotFound as error:
        raise HttpError(404, f"Không tìm thấy đơn vị “{error}”.") from error
    except PeriodCodeError as error:
        raise HttpError(422, str(error)) from error
    # The total sums the subtrees of these committees: the caller must be allowed to read every one of them.
    if not can_read_all(request.user, aggregate_roots(found)):
        raise HttpError(404, "Không tìm thấy.")
    totals = aggregate_for_unit(found, chosen)
    return {code: float(value) for code, value in totals.items() if value is not None}
