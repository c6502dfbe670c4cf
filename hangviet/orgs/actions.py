"""Every change to organisations, seats and roles goes through one of these actions.

Views, the API, the admin's custom actions and the demo command call them; each writes its audit
event in the same transaction. Callers check access first (``access.py``).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hangviet.audit.log import record
from hangviet.lib.text import normalize_text
from hangviet.orgs.models import (
    AreaAssignment,
    Membership,
    Organisation,
    OrganisationName,
    OrganisationSuccession,
    Person,
    UserRole,
)
from hangviet.units.models import Unit

ONE_DAY = datetime.timedelta(days=1)


@transaction.atomic
def create_organisation(
    *,
    kind: str,
    name: str,
    unit: Unit,
    parent: Organisation | None,
    acting_user: User | None,
    sector: str = Organisation.Sector.OTHER,
    short_name: str = "",
    affiliation: str = "",
    standing_office: str = "",
    valid_from: datetime.date | None = None,
    valid_to: datetime.date | None = None,
) -> Organisation:
    """Create a committee, a member agency or a department outside the committee (addressed by its plans and
    letters). An agency or a department belongs to a committee."""
    if kind == Organisation.Kind.AGENCY and (parent is None or parent.kind != Organisation.Kind.COMMITTEE):
        raise ValidationError(_("Cơ quan thành viên phải thuộc một Ban Chỉ đạo."))
    if kind == Organisation.Kind.DEPARTMENT and (parent is None or parent.kind != Organisation.Kind.COMMITTEE):
        raise ValidationError(_("Cơ quan ngoài Ban Chỉ đạo phải gắn với Ban Chỉ đạo giao nhiệm vụ cho nó."))
    organisation = Organisation.objects.create(
        kind=kind,
        name=normalize_text(name),
        short_name=normalize_text(short_name),
        unit=unit,
        parent=parent,
        sector=sector,
        affiliation=normalize_text(affiliation),
        standing_office=normalize_text(standing_office),
        valid_from=valid_from,
        valid_to=valid_to,
    )
    record(organisation, "organisation.created", actor=acting_user, name=organisation.name)
    return organisation


@transaction.atomic
def rename_organisation(
    organisation: Organisation,
    *,
    new_name: str,
    on: datetime.date,
    acting_user: User | None,
    new_affiliation: str | None = None,
    note: str = "",
) -> Organisation:
    """Give ``organisation`` a new name (or affiliation) from ``on``; the old one is kept with its dates."""
    new_name = normalize_text(new_name)
    affiliation = organisation.affiliation if new_affiliation is None else normalize_text(new_affiliation)
    if new_name == organisation.name and affiliation == organisation.affiliation:
        raise ValidationError(_("Tên mới trùng với tên hiện nay."))
    previous = organisation.former_names.order_by("-valid_to").first()
    if previous is not None and on <= previous.valid_to:
        raise ValidationError(_("Ngày đổi tên phải sau lần đổi tên trước (%(date)s).") % {"date": previous.valid_to})
    OrganisationName.objects.create(
        organisation=organisation,
        name=organisation.name,
        affiliation=organisation.affiliation,
        valid_from=previous.valid_to + ONE_DAY if previous else organisation.valid_from,
        valid_to=on - ONE_DAY,
        note=normalize_text(note),
    )
    old_name = organisation.name
    organisation.name, organisation.affiliation = new_name, affiliation
    organisation.save(update_fields=["name", "affiliation"])
    record(organisation, "organisation.renamed", actor=acting_user, old=old_name, new=new_name, on=on.isoformat())
    return organisation


@transaction.atomic
def merge_organisations(
    predecessors: Iterable[Organisation],
    successor: Organisation,
    *,
    on: datetime.date,
    acting_user: User | None,
    note: str = "",
) -> None:
    """End each predecessor the day before ``on`` and hand its work and records to ``successor``."""
    for predecessor in predecessors:
        if predecessor.pk == successor.pk:
            raise ValidationError(_("Một tổ chức không thể kế thừa chính nó."))
        predecessor.valid_to = on - ONE_DAY
        predecessor.save(update_fields=["valid_to"])
        OrganisationSuccession.objects.update_or_create(
            predecessor=predecessor, successor=successor, defaults={"effective_on": on, "note": normalize_text(note)}
        )
        record(predecessor, "organisation.merged", actor=acting_user, into=successor.name, on=on.isoformat())


@transaction.atomic
def appoint_member(
    committee: Organisation,
    *,
    person: Person,
    role: str,
    start: datetime.date,
    acting_user: User | None,
    agency: Organisation | None = None,
    decision: str = "",
) -> Membership:
    """Seat ``person`` on ``committee`` from ``start`` in ``role``, optionally representing an agency."""
    if not committee.is_committee:
        raise ValidationError(_("Chỉ Ban Chỉ đạo mới có thành viên."))
    if agency is not None and agency.parent_id != committee.pk:
        raise ValidationError(_("Cơ quan đại diện phải là cơ quan thành viên của Ban Chỉ đạo này."))
    if Membership.objects.filter(committee=committee, person=person, end__isnull=True).exists():
        raise ValidationError(_("%(person)s đang là thành viên Ban Chỉ đạo này.") % {"person": person})
    membership = Membership.objects.create(
        committee=committee, person=person, role=role, agency=agency, start=start, decision=normalize_text(decision)
    )
    record(
        committee,
        "membership.appointed",
        actor=acting_user,
        person=person.full_name,
        role=role,
        start=start.isoformat(),
    )
    return membership


@transaction.atomic
def end_membership(membership: Membership, *, end: datetime.date, acting_user: User | None) -> Membership:
    """Close a seat on ``end`` (inclusive); the seat stays in the committee's history."""
    if membership.end is not None:
        raise ValidationError(_("Thành viên này đã thôi nhiệm vụ."))
    if end < membership.start:
        raise ValidationError(_("Ngày thôi nhiệm vụ không được trước ngày bắt đầu."))
    membership.end = end
    membership.save(update_fields=["end"])
    membership.area_assignments.filter(end__isnull=True).update(end=end)
    record(
        membership.committee,
        "membership.ended",
        actor=acting_user,
        person=membership.person.full_name,
        end=end.isoformat(),
    )
    return membership


@dataclass(frozen=True)
class Seat:
    person: Person
    role: str
    agency: Organisation | None = None


@dataclass(frozen=True)
class NewMember:
    full_name: str
    position: str
    role: str


@transaction.atomic
def appoint_new_member(
    committee: Organisation,
    *,
    full_name: str,
    position: str,
    role: str,
    start: datetime.date,
    acting_user: User | None,
    agency: Organisation | None = None,
    decision: str = "",
) -> Membership:
    """Record a new person and seat them in one change: a refused appointment leaves no orphan person."""
    person = Person.objects.create(full_name=normalize_text(full_name), position=normalize_text(position))
    return appoint_member(
        committee, person=person, role=role, start=start, acting_user=acting_user, agency=agency, decision=decision
    )


@transaction.atomic
def reconstitute_committee(
    committee: Organisation,
    *,
    on: datetime.date,
    seats: Iterable[Seat],
    decision: str,
    acting_user: User | None,
    new_members: Iterable[NewMember] = (),
) -> list[Membership]:
    """ "Kiện toàn": end every current seat the day before ``on`` and seat the new line-up from ``on``.

    ``new_members`` are people not yet on record: they are created in the same change, so a refused
    reconstitution leaves no one behind. Earlier seats stay, with their dates, so the history shows who sat when.
    """
    seats = [
        *seats,
        *(
            Seat(person=Person.objects.create(full_name=new.full_name, position=new.position), role=new.role)
            for new in new_members
        ),
    ]
    for membership in committee.memberships.filter(end__isnull=True).select_related("person"):
        if membership.start >= on:
            raise ValidationError(_("Ngày kiện toàn phải sau ngày bắt đầu của các thành viên hiện tại."))
        end_membership(membership, end=on - ONE_DAY, acting_user=acting_user)
    created = [
        appoint_member(
            committee,
            person=seat.person,
            role=seat.role,
            agency=seat.agency,
            start=on,
            decision=decision,
            acting_user=acting_user,
        )
        for seat in seats
    ]
    record(
        committee,
        "committee.reconstituted",
        actor=acting_user,
        on=on.isoformat(),
        decision=decision,
        seats=len(created),
    )
    return created


@transaction.atomic
def assign_area(
    membership: Membership, *, unit: Unit, start: datetime.date, acting_user: User | None
) -> AreaAssignment:
    """Assign a member to follow a lower unit ("theo dõi địa bàn")."""
    assignment = AreaAssignment.objects.create(membership=membership, unit=unit, start=start)
    record(
        membership.committee,
        "membership.area_assigned",
        actor=acting_user,
        person=membership.person.full_name,
        unit=unit.name,
    )
    return assignment


@transaction.atomic
def grant_role(
    user: User,
    organisation: Organisation,
    role: str,
    *,
    acting_user: User | None,
    valid_from: datetime.date | None = None,
) -> UserRole:
    """Let ``user`` act for ``organisation`` in ``role`` (idempotent)."""
    user_role, created = UserRole.objects.get_or_create(
        user=user,
        organisation=organisation,
        role=role,
        defaults={"valid_from": valid_from or timezone.localdate()},
    )
    if created:
        record(organisation, "role.granted", actor=acting_user, user=user.get_username(), role=role)
    return user_role
