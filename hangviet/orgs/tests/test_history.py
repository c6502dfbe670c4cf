"""Organisations keep their history: reconstitution, renaming, merging."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from hangviet.audit.log import list_events_for
from hangviet.orgs import actions, queries
from hangviet.orgs.models import Membership, Person
from hangviet.orgs.tests.factories import World, make_agency

pytestmark = pytest.mark.django_db
D = datetime.date


def seat(person: str, role: str) -> actions.Seat:
    return actions.Seat(person=Person.objects.create(full_name=person), role=role)


def test_reconstitution_ends_the_old_line_up_and_keeps_it_in_the_history(world: World) -> None:
    committee = world.vinh_long
    actions.reconstitute_committee(
        committee,
        on=D(2023, 3, 1),
        decision="QĐ 12/QĐ-BCĐ",
        acting_user=None,
        seats=[seat("An", Membership.Role.CHAIR), seat("Bình", Membership.Role.MEMBER)],
    )
    actions.reconstitute_committee(
        committee,
        on=D(2025, 7, 15),
        decision="QĐ 05/QĐ-BCĐ",
        acting_user=None,
        seats=[seat("Chi", Membership.Role.CHAIR)],
    )
    assert [m.person.full_name for m in queries.list_current_members(committee)] == ["Chi"]
    assert {m.person.full_name for m in queries.list_current_members(committee, on=D(2024, 1, 1))} == {"An", "Bình"}
    former = queries.list_former_members(committee)
    assert {(m.person.full_name, m.end) for m in former} == {("An", D(2025, 7, 14)), ("Bình", D(2025, 7, 14))}
    assert "committee.reconstituted" in {event.action for event in list_events_for(committee)}


def test_reconstitution_cannot_predate_the_current_line_up(world: World) -> None:
    actions.reconstitute_committee(
        world.vinh_long, on=D(2025, 7, 15), decision="", acting_user=None, seats=[seat("An", Membership.Role.CHAIR)]
    )
    with pytest.raises(ValidationError):
        actions.reconstitute_committee(world.vinh_long, on=D(2025, 1, 1), decision="", acting_user=None, seats=[])


def test_a_renamed_agency_keeps_the_name_old_records_were_made_under(world: World) -> None:
    agency = make_agency(world.vinh_long, "Sở Nông nghiệp và Phát triển nông thôn")
    actions.rename_organisation(agency, new_name="Sở Nông nghiệp và Môi trường", on=D(2025, 3, 1), acting_user=None)
    assert queries.name_on(agency, D(2024, 12, 31)) == "Sở Nông nghiệp và Phát triển nông thôn"
    assert queries.name_on(agency, D(2025, 3, 1)) == "Sở Nông nghiệp và Môi trường"
    with pytest.raises(ValidationError):
        actions.rename_organisation(agency, new_name="Tên khác", on=D(2025, 2, 1), acting_user=None)


def test_a_merged_agency_ends_and_names_its_successor(world: World) -> None:
    old = make_agency(world.vinh_long, "Sở Thông tin và Truyền thông")
    science = make_agency(world.vinh_long, "Sở Khoa học và Công nghệ")
    actions.merge_organisations([old], science, on=D(2025, 3, 1), acting_user=None)
    old.refresh_from_db()
    assert old.valid_to == D(2025, 2, 28)
    assert list(queries.list_successors(old)) == [science]
    assert list(queries.list_predecessor_committees(science)) == [old]


def test_an_agency_must_belong_to_a_committee(world: World) -> None:
    with pytest.raises(ValidationError):
        make_agency(world.vl_trade, "Phòng trực thuộc Sở")


def test_a_member_may_represent_only_an_agency_of_the_same_committee(world: World) -> None:
    with pytest.raises(ValidationError):
        actions.appoint_member(
            world.vinh_long,
            person=Person.objects.create(full_name="Dũng"),
            role=Membership.Role.MEMBER,
            agency=world.ag_trade,
            start=D(2025, 1, 1),
            acting_user=None,
        )


def test_names_typed_in_decomposed_unicode_are_stored_composed(world: World) -> None:
    decomposed = "So\u0302\u0301 Y te\u0302\u0301"  # "Sở Y tế" typed with combining marks, roughly
    agency = make_agency(world.vinh_long, decomposed)
    assert agency.name == __import__("unicodedata").normalize("NFC", decomposed)
