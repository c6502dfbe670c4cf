"""The HTTP API (django-ninja), documented at /api/docs. Every endpoint goes through the access gates."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI, Schema
from ninja.errors import HttpError
from ninja.renderers import JSONRenderer
from ninja.security import django_auth

from hangviet.orgs import queries
from hangviet.orgs.access import get_organisation_for_user
from hangviet.orgs.policy import Need, active_roles
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


def _organisation_out(organisation) -> OrganisationOut:  # type: ignore[no-untyped-def]
    return OrganisationOut(
        id=organisation.pk,
        kind=organisation.kind,
        name=organisation.name,
        unit=organisation.unit.name,
        parent_id=organisation.parent_id,
        valid_from=organisation.valid_from,
        valid_to=organisation.valid_to,
    )


@api.get("/me", response=MeOut, summary="Tài khoản đang đăng nhập và các vai trò")
def me(request: HttpRequest) -> MeOut:
    roles = active_roles(request.user)
    return MeOut(
        username=request.user.get_username(),
        roles=[
            RoleOut(organisation_id=r.organisation_id, organisation=r.organisation.name, role=r.role) for r in roles
        ],
    )


@api.get("/units/resolve", response=ResolutionOut, summary="Đơn vị hành chính cũ nay là đơn vị nào")
def units_resolve(request: HttpRequest, q: str) -> dict:
    if len(q) > 300:
        raise HttpError(422, "Tên đơn vị quá dài (tối đa 300 ký tự).")
    try:
        return resolve_unit(q).as_dict()
    except UnitNotFound as error:
        raise HttpError(404, f"Không tìm thấy đơn vị “{error}”.") from error


@api.get("/organisations/{organisation_id}", response=OrganisationOut, summary="Một tổ chức")
def organisation_detail(request: HttpRequest, organisation_id: int) -> OrganisationOut:
    organisation, _grant = get_organisation_for_user(request.user, organisation_id, need=Need.READ)
    return _organisation_out(organisation)


@api.get(
    "/organisations/{organisation_id}/members",
    response=list[MemberOut],
    summary="Thành viên hiện nay của một Ban Chỉ đạo",
)
def organisation_members(request: HttpRequest, organisation_id: int) -> list[MemberOut]:
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
    response=list[OrganisationOut],
    summary="Cơ quan thành viên và Ban Chỉ đạo cấp dưới",
)
def organisation_children(request: HttpRequest, organisation_id: int) -> list[OrganisationOut]:
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
