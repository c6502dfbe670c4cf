"""Small explicit builders for tests: organisations on real units, users with roles."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser

from hangviet.orgs import actions
from hangviet.orgs.models import Organisation, UserRole
from hangviet.units.models import Unit


def get_unit(edition: str, level: str, code: str) -> Unit:
    return Unit.objects.get(edition=edition, level=level, code=code)


def current_province(code: str) -> Unit:
    return get_unit(Unit.Edition.CURRENT, Unit.Level.PROVINCE, code)


def old_province(code: str) -> Unit:
    return get_unit(Unit.Edition.PRE_2025, Unit.Level.PROVINCE, code)


def current_commune(name: str, province: Unit) -> Unit:
    return Unit.objects.get(edition=Unit.Edition.CURRENT, level=Unit.Level.COMMUNE, parent=province, name=name)


def make_committee(unit: Unit, parent: Organisation | None, **extra: object) -> Organisation:
    return actions.create_organisation(
        kind=Organisation.Kind.COMMITTEE,
        name=f"Ban Chỉ đạo {unit.name}",
        unit=unit,
        parent=parent,
        acting_user=None,
        **extra,
    )


def make_agency(committee: Organisation, name: str, **extra: object) -> Organisation:
    return actions.create_organisation(
        kind=Organisation.Kind.AGENCY, name=name, unit=committee.unit, parent=committee, acting_user=None, **extra
    )


def make_user(
    username: str, organisation: Organisation | None = None, role: str = UserRole.Role.CLERK
) -> AbstractBaseUser:
    user = get_user_model().objects.create_user(username=username, password="mat-khau-thu-nghiem")
    if organisation is not None:
        actions.grant_role(user, organisation, role, acting_user=None, valid_from=datetime.date(2020, 1, 1))
    return user


@dataclass
class World:
    """The personas of the style guide, on real units, with the historic Trà Vinh committee."""

    central: Organisation
    vinh_long: Organisation
    vl_trade: Organisation
    vl_health: Organisation
    vl_commune: Organisation
    vl_sibling_commune: Organisation
    an_giang: Organisation
    ag_trade: Organisation
    tra_vinh: Organisation
    tv_district: Organisation
    tv_agency: Organisation
    central_office: AbstractBaseUser
    vl_office: AbstractBaseUser
    vl_secretariat: AbstractBaseUser
    vl_viewer: AbstractBaseUser
    vl_trade_clerk: AbstractBaseUser
    commune_clerk: AbstractBaseUser
    sibling_commune_clerk: AbstractBaseUser
    ag_office: AbstractBaseUser


def make_world() -> World:
    country = Unit.objects.get(level=Unit.Level.COUNTRY)
    vl_unit, ag_unit = current_province("86"), current_province("91")
    central = make_committee(country, None)
    vinh_long = make_committee(vl_unit, central)
    an_giang = make_committee(ag_unit, central)
    vl_trade = make_agency(vinh_long, "Sở Công Thương", short_name="SCT", sector=Organisation.Sector.TRADE)
    vl_health = make_agency(vinh_long, "Sở Y tế")
    ag_trade = make_agency(an_giang, "Sở Công Thương", short_name="SCT", sector=Organisation.Sector.TRADE)
    vl_commune = make_committee(current_commune("Phường Trà Vinh", vl_unit), vinh_long)
    vl_sibling_commune = make_committee(current_commune("Phường Long Châu", vl_unit), vinh_long)
    tv_unit = old_province("84")
    tra_vinh = make_committee(tv_unit, central, valid_to=datetime.date(2025, 6, 30))
    tv_district = make_committee(
        tv_unit.children.get(name="Huyện Châu Thành"), tra_vinh, valid_to=datetime.date(2025, 6, 30)
    )
    tv_agency = make_agency(tra_vinh, "Sở Công Thương", valid_to=datetime.date(2025, 6, 30))
    actions.merge_organisations([tra_vinh], vinh_long, on=datetime.date(2025, 7, 1), acting_user=None)
    role = UserRole.Role
    return World(
        central=central,
        vinh_long=vinh_long,
        vl_trade=vl_trade,
        vl_health=vl_health,
        vl_commune=vl_commune,
        vl_sibling_commune=vl_sibling_commune,
        an_giang=an_giang,
        ag_trade=ag_trade,
        tra_vinh=tra_vinh,
        tv_district=tv_district,
        tv_agency=tv_agency,
        central_office=make_user("tw", central, role.STANDING_OFFICE),
        vl_office=make_user("vl", vinh_long, role.STANDING_OFFICE),
        vl_secretariat=make_user("vl-tgv", vinh_long, role.SECRETARIAT),
        vl_viewer=make_user("vl-xem", vinh_long, role.VIEWER),
        vl_trade_clerk=make_user("vl-sct", vl_trade, role.CLERK),
        commune_clerk=make_user("ptv", vl_commune, role.CLERK),
        sibling_commune_clerk=make_user("plc", vl_sibling_commune, role.CLERK),
        ag_office=make_user("ag", an_giang, role.STANDING_OFFICE),
    )
