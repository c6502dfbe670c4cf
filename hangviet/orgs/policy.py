"""The one permission policy: what a user may do with an organisation's data.

Every view, API endpoint and command that acts for a user asks ``grant_for(user, organisation)``
(through the access gates in ``access.py``) or lists through ``visible_organisation_ids(user)``.

The rules, from a user's active roles (``UserRole``):
- own organisation: every role reads; every role but "Chỉ xem" edits;
- a committee's standing office or secretariat also reads (and reviews) everything below that
  committee: its member agencies, lower committees and their agencies, and the historic committees
  whose work passed to it (Trà Vinh's under Vĩnh Long) with everything below them;
- the central committee sits above every committee, so its standing office reads everything;
- the successor of a historic organisation is the custodian of its records: its users read them, its
  editors complete them (an old report entered from its document), its standing office reviews them;
- review (accept or return a report) belongs only to the standing office or secretariat of the committee
  the reporter reports to (or of the committee that took that one over): ``Grant.can_review``;
- a committee's composition as a whole (reconstitution) is managed by its own standing office or
  secretariat, not by a focal officer: ``Grant.can_manage``; single seats are edited like other data;
- an aggregate over several organisations is readable only if each of them is (``can_read_all``);
- official documents belong to committees only (``may_keep_documents``);
- plans flow down: a committee's plans are read by whoever reads the committee and by every organisation
  below it, which carries them out (``can_read_plans``);
- figures are imported (from a report's document) by whoever edits the organisation, and by the standing
  office of a committee for the committees merged into it (``importable_ids``);
- a registry row (an event, an OCOP product, a sale point…) is the recording organisation's data: read and
  written as that organisation's; an event is also read by whoever reads one of its organisers
  (``registry_grant``), so a co-organiser sees the one event instead of recording a second;
- the campaign's rows (``campaign_grant``): an outlet's items and outdoor media are its owner's data (the owner's
  editors record them, whoever reads the owner reads them); quotas, award schemes (their proposals, decisions and
  publication) and reminders belong to the committee's own standing office or secretariat (``can_review`` on the
  committee), which reads everything below it; nominations flow up: an organisation's editors nominate to a
  scheme of a committee above it (or its own), the scheme's committee office decides them; budgets are the
  committee's data, read by the committee and those above it;
- a consumer report (phản ánh) is handled by the body it is routed to: the users acting for that body (their
  own role, not an office above) read it with the reporter's contact and, but for viewers, act on it; the
  intake organisation that wrote it down and a body that forwarded it read it without acting
  (``complaint_grant``); a province's routing is set by its committee's standing office or secretariat;
- oversight (``oversight_grant``): an inspection or supervision programme, its visits and recommendations are
  the inspecting committee's data (its editors write, the offices above it read); a visit is also read by
  whoever reads its subject (the inspected body sees its own visit and findings, not the other subjects');
  a market-control or food-safety case (and a period total) is the enforcing agency's data: its editors
  record it, the standing offices and secretariats of the committees above it read it, nobody else —
  never a sibling agency, never the public; only an agency of an enforcing sector (``may_enforce``: Công
  Thương, Quản lý thị trường, Y tế, Khoa học và Công nghệ, Nông nghiệp và Môi trường) records cases;
- nothing else: no reading across to a sibling, and no reading or writing upwards.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Q
from django.utils import timezone

from hangviet.orgs.models import Organisation, OrganisationSuccession, UserRole

OVERSEEING_ROLES = frozenset({UserRole.Role.STANDING_OFFICE, UserRole.Role.SECRETARIAT})


class Need(Enum):
    READ = "read"
    EDIT = "edit"
    REVIEW = "review"
    MANAGE = "manage"  # change a committee's composition (appoint, end seats, reconstitute)


@dataclass(frozen=True)
class Grant:
    """What one user may do with one organisation's data, and through which role."""

    organisation_id: int
    can_read: bool
    can_edit: bool
    can_review: bool
    role: str
    can_manage: bool = False

    @property
    def role_label(self) -> str:
        return str(UserRole.Role(self.role).label)

    def allows(self, need: Need) -> bool:
        return {
            Need.READ: self.can_read,
            Need.EDIT: self.can_edit,
            Need.REVIEW: self.can_review,
            Need.MANAGE: self.can_manage,
        }[need]


def active_roles(user: User | AnonymousUser, on: datetime.date | None = None) -> list[UserRole]:
    """The user's roles in force on ``on`` (default today); none for anonymous or inactive users."""
    if not user.is_authenticated or not user.is_active:
        return []
    day = on or timezone.localdate()
    roles = getattr(user, "_hangviet_roles", None)
    if roles is None or roles[0] != day:
        found = list(
            UserRole.objects.filter(user=user, valid_from__lte=day)
            .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=day))
            .select_related("organisation")
            .order_by("id")
        )
        roles = (day, found)
        user._hangviet_roles = roles  # type: ignore[attr-defined]  # cached for this request's user object
    return roles[1]


def _closure(start: Iterable[int], step: Callable[[set[int]], set[int]]) -> set[int]:
    """Every id reachable from ``start`` by repeating ``step`` (one query per level), ``start`` excluded."""
    origin = set(start)
    found: set[int] = set()
    frontier = set(origin)
    while frontier:
        frontier = step(frontier) - found - origin
        found |= frontier
    return found


def _parents_of(ids: set[int]) -> set[int]:
    return set(Organisation.objects.filter(pk__in=ids, parent__isnull=False).values_list("parent_id", flat=True))


def _children_of(ids: set[int]) -> set[int]:
    return set(Organisation.objects.filter(parent_id__in=ids).values_list("id", flat=True))


def _successors_of(ids: set[int]) -> set[int]:
    return set(OrganisationSuccession.objects.filter(predecessor_id__in=ids).values_list("successor_id", flat=True))


def _predecessors_of(ids: set[int]) -> set[int]:
    return set(OrganisationSuccession.objects.filter(successor_id__in=ids).values_list("predecessor_id", flat=True))


def list_overseer_ids(organisation: Organisation) -> set[int]:
    """Ids of the organisations above ``organisation``: its parents, and whoever took over from them.

    Walks up both ``parent`` links and succession links (a historic committee's records passed to
    its successor), so Tỉnh Trà Vinh's district committees are overseen by Tỉnh Vĩnh Long.
    """
    return _closure({organisation.pk}, lambda ids: _parents_of(ids) | _successors_of(ids))


def list_successor_ids(organisation: Organisation) -> set[int]:
    """Ids of every organisation that took over ``organisation``'s work, at any distance."""
    return _closure({organisation.pk}, _successors_of)


def list_predecessor_ids(root_ids: Iterable[int]) -> set[int]:
    """Ids of every organisation whose work passed, at any distance, to one of ``root_ids``."""
    return _closure(root_ids, _predecessors_of)


def list_subtree_ids(root_ids: Iterable[int]) -> set[int]:
    """Ids of the given organisations and everything below them (children and predecessors, recursively)."""
    roots = set(root_ids)
    return roots | _closure(roots, lambda ids: _children_of(ids) | _predecessors_of(ids))


def grant_for(user: User | AnonymousUser, organisation: Organisation) -> Grant | None:
    """What ``user`` may do with ``organisation``'s data, or ``None`` if they may not even see it."""
    roles = active_roles(user)
    if not roles:
        return None
    own = [role for role in roles if role.organisation_id == organisation.pk]
    if own:
        editing = [role for role in own if role.role != UserRole.Role.VIEWER]
        best = (editing or own)[0]
        managing = [role for role in own if role.role in OVERSEEING_ROLES]
        return Grant(
            organisation_id=organisation.pk,
            can_read=True,
            can_edit=bool(editing),
            can_review=False,
            role=(managing or editing or own)[0].role,
            can_manage=bool(managing) and organisation.kind == Organisation.Kind.COMMITTEE,
        )
    if organisation.valid_to is not None:
        # A historic organisation's records belong to whoever took over its work: they read them.
        successors = list_successor_ids(organisation)
        inherited = [role for role in roles if role.organisation_id in successors]
        if inherited:
            # The successor is the custodian of the predecessor's records: it may complete and review them
            # (enter an old report from its document, accept it), but only through its own editing roles.
            editing = [role for role in inherited if role.role != UserRole.Role.VIEWER]
            best = (editing or inherited)[0]
            return Grant(
                organisation_id=organisation.pk,
                can_read=True,
                can_edit=bool(editing),
                can_review=is_recipient_office(user, organisation),
                role=best.role,
            )
    overseeing = [
        role
        for role in roles
        if role.role in OVERSEEING_ROLES and role.organisation.kind == Organisation.Kind.COMMITTEE
    ]
    if not overseeing:
        return None
    above = list_overseer_ids(organisation)
    for role in overseeing:
        if role.organisation_id in above:
            return Grant(
                organisation_id=organisation.pk,
                can_read=True,
                can_edit=False,
                can_review=is_recipient_office(user, organisation),
                role=role.role,
            )
    return None


def is_recipient_office(user: User | AnonymousUser, organisation: Organisation) -> bool:
    """True if ``user`` is the standing office (or secretariat) of the committee ``organisation`` reports
    to, or of the committee that took that one over: the people who accept or return its reports."""
    recipients = (
        _closure({organisation.parent_id}, _successors_of) | {organisation.parent_id}
        if organisation.parent_id
        else set()
    )
    if organisation.valid_to is not None:
        recipients |= list_successor_ids(organisation)  # the custodian of a merged committee's records
    return any(role.role in OVERSEEING_ROLES and role.organisation_id in recipients for role in active_roles(user))


def can_read_all(user: User | AnonymousUser, organisations: Iterable[Organisation]) -> bool:
    """True if ``user`` may read every one of ``organisations`` (and there is at least one).

    A total over several organisations' subtrees (an old district's aggregate) is readable only by whoever may
    read each organisation it sums, never by someone who sees just one part of it."""
    chosen = list(organisations)
    return bool(chosen) and all(grant_for(user, organisation) is not None for organisation in chosen)


def may_keep_documents(organisation: Organisation) -> bool:
    """Official documents (Báo cáo, Kế hoạch, Thông báo) are issued by steering committees only."""
    return organisation.kind == Organisation.Kind.COMMITTEE


def can_read_plans(user: User | AnonymousUser, committee: Organisation) -> bool:
    """Plans flow down: whoever reads the committee, and every organisation below it (it carries them out)."""
    if grant_for(user, committee) is not None:
        return True
    return any(committee.pk in list_overseer_ids(role.organisation) for role in active_roles(user))


def importable_ids(user: User | AnonymousUser) -> set[int]:
    """Organisations ``user`` imports figures for: its own (not as a viewer), and the committees merged into a
    committee whose standing office or secretariat it is (nobody else can still write their old reports)."""
    roles = [role for role in active_roles(user) if role.role != UserRole.Role.VIEWER]
    own = {role.organisation_id for role in roles}
    overseeing = {role.organisation_id for role in roles if role.role in OVERSEEING_ROLES}
    return own | (list_predecessor_ids(overseeing) if overseeing else set())


def visible_organisation_ids(user: User | AnonymousUser) -> set[int]:
    """Ids of every organisation whose data ``user`` may read (the same answer as ``grant_for``)."""
    roles = active_roles(user)
    own = {role.organisation_id for role in roles}
    overseen_roots = {
        role.organisation_id
        for role in roles
        if role.role in OVERSEEING_ROLES and role.organisation.kind == Organisation.Kind.COMMITTEE
    }
    inherited = list_predecessor_ids(own) if own else set()
    return own | inherited | (list_subtree_ids(overseen_roots) if overseen_roots else set())


def registry_grant(
    user: User | AnonymousUser, recorder: Organisation, participants: Iterable[Organisation] = ()
) -> Grant | None:
    """What ``user`` may do with a registry row recorded by ``recorder``: the recorder's grant; failing that,
    read-only through any organisation that took part in it (an event's co-organisers)."""
    grant = grant_for(user, recorder)
    if grant is not None:
        return grant
    for participant in participants:
        seen = grant_for(user, participant)
        if seen is not None:
            return Grant(organisation_id=recorder.pk, can_read=True, can_edit=False, can_review=False, role=seen.role)
    return None


def runs_committee(user: User | AnonymousUser, committee: Organisation) -> str | None:
    """The role through which ``user`` is the committee's own standing office or secretariat (sets quotas,
    decides awards), or ``None``."""
    if not committee.is_committee:
        return None
    for role in active_roles(user):
        if role.organisation_id == committee.pk and role.role in OVERSEEING_ROLES:
            return role.role
    return None


def campaign_grant(
    user: User | AnonymousUser, owner: Organisation, committee: Organisation | None = None
) -> Grant | None:
    """What ``user`` may do with a campaign row kept by ``owner`` (an outlet's owner, a nominating organisation, a
    committee's budget) under ``committee`` (the committee that set the quota or runs the scheme): the owner's
    grant, with ``can_review`` when the user runs ``committee``; the committee's office reads the row even when
    it does not read the owner (a nomination sent up from below reaches it through the committee)."""
    grant = grant_for(user, owner)
    runs = runs_committee(user, committee) if committee is not None else None
    if grant is None:
        if runs is None:
            return None
        return Grant(organisation_id=owner.pk, can_read=True, can_edit=False, can_review=True, role=runs)
    return Grant(
        organisation_id=grant.organisation_id,
        can_read=grant.can_read,
        can_edit=grant.can_edit,
        can_review=runs is not None,
        role=grant.role,
        can_manage=grant.can_manage,
    )


def acting_for_ids(user: User | AnonymousUser) -> set[int]:
    """Ids of the organisations ``user`` acts for through an active role of its own (no office above counts)."""
    return {role.organisation_id for role in active_roles(user)}


def complaint_grant(user: User | AnonymousUser, receiver: Organisation, readers: Iterable[int] = ()) -> Grant | None:
    """What ``user`` may do with a consumer report routed to ``receiver``: its own role there decides (every
    role reads, all but viewers act); failing that, read-only through one of ``readers`` (the intake organisation,
    bodies that forwarded it). ``Grant.can_review`` is unused; the contact is shown when ``organisation_id`` is the
    receiver's."""
    own = [role for role in active_roles(user) if role.organisation_id == receiver.pk]
    if own:
        editing = [role for role in own if role.role != UserRole.Role.VIEWER]
        return Grant(
            organisation_id=receiver.pk,
            can_read=True,
            can_edit=bool(editing),
            can_review=False,
            role=(editing or own)[0].role,
        )
    for role in active_roles(user):
        if role.organisation_id in set(readers):
            return Grant(
                organisation_id=role.organisation_id, can_read=True, can_edit=False, can_review=False, role=role.role
            )
    return None


ENFORCING_SECTORS = frozenset(
    {
        Organisation.Sector.TRADE,
        Organisation.Sector.MARKET_SURVEILLANCE,
        Organisation.Sector.HEALTH,
        Organisation.Sector.SCIENCE,
        Organisation.Sector.AGRICULTURE,
    }
)


def may_enforce(organisation: Organisation) -> bool:
    """Market-control and food-safety cases are recorded by agencies of an enforcing sector only (Quản lý thị
    trường, Sở Công Thương, Sở Y tế, Sở Khoa học và Công nghệ, Sở Nông nghiệp và Môi trường)."""
    return organisation.kind == Organisation.Kind.AGENCY and organisation.sector in ENFORCING_SECTORS


def oversight_grant(
    user: User | AnonymousUser, owner: Organisation, subjects: Iterable[Organisation] = ()
) -> Grant | None:
    """What ``user`` may do with an oversight record of ``owner`` (the inspecting committee of a programme, the
    enforcing agency of a case): the owner's grant; failing that, read-only through a subject of the record
    (the inspected body reads its own visit). Cases pass no subjects: only the agency and the offices above it."""
    grant = grant_for(user, owner)
    if grant is not None:
        return grant
    for subject in subjects:
        seen = grant_for(user, subject)
        if seen is not None:
            return Grant(organisation_id=owner.pk, can_read=True, can_edit=False, can_review=False, role=seen.role)
    return None
