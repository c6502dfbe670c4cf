"""The permission matrix: every URL pattern and API operation × every persona × read and write.

The expected outcome of each cell comes from the policy's *written* rules, restated below as plain tables of
who reads, edits, reviews and manages which organisation of the test world (``READS``, ``EDITS``, …). They are
deliberately not computed with ``grant_for``: the matrix checks the code against the rules, not against itself.

Every denial is asserted (404 where the object is not visible, so its existence does not leak; 403 where it is
visible but the need is not granted; the sign-in page for anonymous visitors, 401 in the API) and after every
refused write the database is exactly as it was. A URL pattern or API operation without an entry fails the
suite (``test_every_url_and_api_operation_has_an_entry``): a new page cannot ship without saying who may use it.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from typing import Any

import pytest
from django.apps import apps
from django.contrib.auth.models import AbstractBaseUser
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from hangviet.api.main import api as ninja_api
from hangviet.documents import actions as document_actions
from hangviet.documents.tests.helpers import finish
from hangviet.ingest.models import IngestDocument
from hangviet.orgs import actions as org_actions
from hangviet.orgs.models import Membership
from hangviet.orgs.tests.factories import World, make_world
from hangviet.periods.models import Period
from hangviet.plans import actions as plan_actions
from hangviet.plans.models import Plan, Task
from hangviet.registry import actions as registry_actions
from hangviet.registry.actions import OrganiserInput
from hangviet.registry.models import EventOrganiser
from hangviet.reporting import actions as report_actions
from hangviet.reporting.models import Report

H1 = "2026-H1"
OLD = "2024"
PHASE = "2023-2024"

# ---------------------------------------------------------------------------------------------------------------
# The written rules (orgs/policy.py's docstring), restated as tables over the test world.
# ---------------------------------------------------------------------------------------------------------------

PERSONAS = (
    "central_office",  # Cơ quan thường trực Trung ương
    "vl_office",  # Cơ quan thường trực tỉnh Vĩnh Long (successor of Trà Vinh)
    "vl_trade_clerk",  # member agency: Sở Công Thương Vĩnh Long
    "commune_clerk",  # ward: Phường Trà Vinh
    "sibling_commune_clerk",  # sibling ward: Phường Long Châu
    "ag_office",  # another province: An Giang
    "vl_viewer",  # Vĩnh Long, read only
    "anonymous",
)
ALL_ORGS = frozenset(
    {
        "central",
        "vinh_long",
        "vl_trade",
        "vl_health",
        "vl_commune",
        "vl_sibling_commune",
        "an_giang",
        "ag_trade",
        "tra_vinh",
        "tv_district",
        "tv_agency",
    }
)
VL_SUBTREE = frozenset(
    {"vinh_long", "vl_trade", "vl_health", "vl_commune", "vl_sibling_commune", "tra_vinh", "tv_district", "tv_agency"}
)
COMMITTEES = frozenset(
    {"central", "vinh_long", "vl_commune", "vl_sibling_commune", "an_giang", "tra_vinh", "tv_district"}
)

# Own organisation for every role; a committee's standing office also everything below it and below the
# committees merged into it; the successor's users read the records of the organisation they took over.
READS: dict[str, frozenset[str]] = {
    "central_office": ALL_ORGS,
    "vl_office": VL_SUBTREE,
    "vl_trade_clerk": frozenset({"vl_trade"}),
    "commune_clerk": frozenset({"vl_commune"}),
    "sibling_commune_clerk": frozenset({"vl_sibling_commune"}),
    "ag_office": frozenset({"an_giang", "ag_trade"}),
    "vl_viewer": frozenset({"vinh_long", "tra_vinh"}),
    "anonymous": frozenset(),
}
# Own organisation for every role but "Chỉ xem"; the successor's editors complete a merged committee's records.
EDITS: dict[str, frozenset[str]] = {
    "central_office": frozenset({"central"}),
    "vl_office": frozenset({"vinh_long", "tra_vinh"}),
    "vl_trade_clerk": frozenset({"vl_trade"}),
    "commune_clerk": frozenset({"vl_commune"}),
    "sibling_commune_clerk": frozenset({"vl_sibling_commune"}),
    "ag_office": frozenset({"an_giang"}),
    "vl_viewer": frozenset(),
    "anonymous": frozenset(),
}
# The standing office of the committee a reporter reports to (or of the committee that took that one over).
REVIEWS: dict[str, frozenset[str]] = {
    "central_office": frozenset({"vinh_long", "an_giang", "tra_vinh"}),
    "vl_office": frozenset(
        {"vl_trade", "vl_health", "vl_commune", "vl_sibling_commune", "tra_vinh", "tv_district", "tv_agency"}
    ),
    "ag_office": frozenset({"ag_trade"}),
}
# A committee's composition as a whole (reconstitution) is managed by its own standing office or secretariat.
MANAGES: dict[str, frozenset[str]] = {
    "central_office": frozenset({"central"}),
    "vl_office": frozenset({"vinh_long"}),
    "ag_office": frozenset({"an_giang"}),
}
# Plans flow down: a committee's plans are read by whoever reads the committee and by everything below it.
PLAN_READS: dict[str, frozenset[str]] = {
    persona: READS[persona] | {"central"} | ({"vinh_long"} if persona != "ag_office" else set())
    for persona in PERSONAS
    if persona != "anonymous"
} | {"anonymous": frozenset()}
# Figures are imported by whoever edits the organisation (the successor's editors for a merged one).
IMPORTS = EDITS


class Outcome(Enum):
    OK = "allowed"
    FORBIDDEN = "403"
    NOT_FOUND = "404"
    LOGIN = "sign-in page"
    UNAUTHORIZED = "401"


@dataclass(frozen=True)
class Target:
    """One object a URL acts on, and the organisation(s) whose rules decide."""

    label: str
    org: str
    kwargs: dict[str, Any] = field(default_factory=dict)
    committee: str = ""  # for plans and tasks: the committee that issued the plan
    uploader: str = ""
    participants: frozenset[str] = frozenset()  # registry events: organisers that read the row too


Rule = Callable[[str, Target], Outcome]


def _gate(allowed: dict[str, frozenset[str]], *, visible: dict[str, frozenset[str]] = READS) -> Rule:
    def rule(persona: str, target: Target) -> Outcome:
        if persona == "anonymous":
            return Outcome.LOGIN
        if target.org in allowed.get(persona, frozenset()):
            return Outcome.OK
        return Outcome.FORBIDDEN if target.org in visible[persona] else Outcome.NOT_FOUND

    return rule


def public(persona: str, target: Target) -> Outcome:
    return Outcome.OK


def signed_in(persona: str, target: Target) -> Outcome:
    return Outcome.LOGIN if persona == "anonymous" else Outcome.OK


def signs_out(persona: str, target: Target) -> Outcome:
    return Outcome.LOGIN  # signing out ends on the sign-in page, for everyone


def staff_only(persona: str, target: Target) -> Outcome:
    return Outcome.LOGIN  # no persona is staff: the admin sends everyone to its own sign-in page


read = _gate(READS)
edit = _gate(EDITS)
review = _gate(REVIEWS)
manage = _gate(MANAGES)


def committee_only(rule: Rule) -> Rule:
    """Documents belong to committees only: an agency has no document pages (404 for every signed-in user)."""

    def wrapped(persona: str, target: Target) -> Outcome:
        if persona != "anonymous" and target.org not in COMMITTEES:
            return Outcome.NOT_FOUND
        return rule(persona, target)

    return wrapped


def dashboard_home(persona: str, target: Target) -> Outcome:
    """/tong-quan/ leads a user with a role in a committee to its dashboard; anyone else finds nothing there."""
    if persona == "anonymous":
        return Outcome.LOGIN
    return Outcome.NOT_FOUND if persona == "vl_trade_clerk" else Outcome.OK


def national_dashboard(persona: str, target: Target) -> Outcome:
    """The nation's dashboard is the central committee's: read by those who read that committee."""
    if persona == "anonymous":
        return Outcome.LOGIN
    return Outcome.OK if "central" in READS[persona] else Outcome.NOT_FOUND


def plan_read(persona: str, target: Target) -> Outcome:
    if persona == "anonymous":
        return Outcome.LOGIN
    return Outcome.OK if target.committee in PLAN_READS[persona] else Outcome.NOT_FOUND


def task_read(persona: str, target: Target) -> Outcome:
    if persona == "anonymous":
        return Outcome.LOGIN
    visible = target.org in READS[persona] or target.committee in PLAN_READS[persona]
    return Outcome.OK if visible else Outcome.NOT_FOUND


def task_edit(persona: str, target: Target) -> Outcome:
    """Only the lead unit's editors record progress; whoever reads the task is refused with 403."""
    if persona == "anonymous":
        return Outcome.LOGIN
    if target.org in EDITS[persona]:
        return Outcome.OK
    return Outcome.FORBIDDEN if task_read(persona, target) is Outcome.OK else Outcome.NOT_FOUND


def cascade(persona: str, target: Target) -> Outcome:
    """Make a committee's plan from a plan above it: edit the committee, read the plan it comes from."""
    outcome = edit(persona, target)
    if outcome is Outcome.OK and target.committee not in PLAN_READS[persona]:
        return Outcome.NOT_FOUND
    return outcome


def accept_many(persona: str, target: Target) -> Outcome:
    """The board lists the committee's reporters (read it); each ticked report needs review (of vl_commune)."""
    outcome = read(persona, target)
    if outcome is not Outcome.OK:
        return outcome
    return review(persona, Target("ticked", "vl_commune"))


def importer(persona: str, target: Target) -> Outcome:
    """An uploaded document is seen by its uploader and by whoever imports for its organisation; nobody else."""
    if persona == "anonymous":
        return Outcome.LOGIN
    if persona == target.uploader or target.org in IMPORTS[persona]:
        return Outcome.OK
    return Outcome.NOT_FOUND


def uploader_only(persona: str, target: Target) -> Outcome:
    if persona == "anonymous":
        return Outcome.LOGIN
    return Outcome.OK if persona == target.uploader else Outcome.NOT_FOUND


def recipient_only(persona: str, target: Target) -> Outcome:
    """A notification is its recipient's alone (``Target.uploader`` names the recipient): anyone else gets 404."""
    return uploader_only(persona, target)


def may_upload(persona: str, target: Target) -> Outcome:
    """Uploading documents to read is for whoever may import figures for some organisation (not a viewer)."""
    if persona == "anonymous":
        return Outcome.LOGIN
    return Outcome.OK if IMPORTS[persona] else Outcome.FORBIDDEN


# Registry API (bridge): an event is read through whoever recorded it or through any of its co-organisers.
EVENT_CO_ORGANISERS: dict[str, str] = {}


def event_read(persona: str, target: Target) -> Outcome:
    if persona == "anonymous":
        return Outcome.LOGIN
    readers = {target.org, EVENT_CO_ORGANISERS.get(target.label, "")}
    return Outcome.OK if readers & READS[persona] else Outcome.NOT_FOUND


# --- registry pages (issue 10, web part) ---


def registry_read(persona: str, target: Target) -> Outcome:
    """A registry row is read as its recorder's data; an event also by whoever reads one of its organisers."""
    if persona == "anonymous":
        return Outcome.LOGIN
    visible = target.org in READS[persona] or bool(target.participants & READS[persona])
    return Outcome.OK if visible else Outcome.NOT_FOUND


def registry_edit(persona: str, target: Target) -> Outcome:
    """Only the recorder's editors change a row; whoever reads it (a co-organiser, an office above) gets 403."""
    if persona == "anonymous":
        return Outcome.LOGIN
    if target.org in EDITS[persona]:
        return Outcome.OK
    return Outcome.FORBIDDEN if registry_read(persona, target) is Outcome.OK else Outcome.NOT_FOUND


def records_somewhere(persona: str, target: Target) -> Outcome:
    """A create page opens for whoever edits some organisation (it records for one of them); 403 for a viewer."""
    if persona == "anonymous":
        return Outcome.LOGIN
    return Outcome.OK if EDITS[persona] else Outcome.FORBIDDEN


def api(rule: Rule) -> Rule:
    """The API answers 401 (not a redirect) to anonymous callers."""

    def wrapped(persona: str, target: Target) -> Outcome:
        outcome = rule(persona, target)
        return Outcome.UNAUTHORIZED if outcome is Outcome.LOGIN else outcome

    return wrapped


# ---------------------------------------------------------------------------------------------------------------
# The world: the personas of factories.make_world and one object of each kind they could act on.
# ---------------------------------------------------------------------------------------------------------------


@dataclass
class Objects:
    world: World
    targets: dict[str, Target]

    def user(self, persona: str) -> AbstractBaseUser | None:
        return None if persona == "anonymous" else getattr(self.world, persona)


def _docx(text: str) -> bytes:
    from docx import Document as WordDocument

    document = WordDocument()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def build_objects() -> Objects:
    world = make_world()
    org = {name: getattr(world, name) for name in ALL_ORGS}
    period, old = Period.objects.for_code(H1), Period.objects.for_code(OLD)
    targets: dict[str, Target] = {}

    def add(label: str, org_name: str, **extra: Any) -> None:
        targets[label] = Target(label, org_name, **extra)

    for name in ALL_ORGS:
        add(f"org:{name}", name, kwargs={"organisation_id": org[name].pk, "committee_id": org[name].pk})

    # Reports: a submitted ward report (with an attachment), an agency's draft, Trà Vinh's old report.
    submitted = report_actions.open_report(org["vl_commune"], period, acting_user=None)
    report_actions.save_report(
        submitted, values={"banners": Decimal(5)}, expected_version=submitted.version, acting_user=None
    )
    attachment = report_actions.add_attachment(
        submitted, SimpleUploadedFile("bien-ban.docx", _docx("Biên bản")), acting_user=None
    )
    report_actions.submit_report(submitted, acting_user=None)
    draft = report_actions.open_report(org["vl_trade"], period, acting_user=None)
    historic = report_actions.open_report(org["tra_vinh"], old, acting_user=None)
    report_actions.save_report(
        historic, values={"banners": Decimal(3)}, expected_version=historic.version, acting_user=None
    )
    report_actions.submit_report(historic, acting_user=None)
    other = report_actions.open_report(org["ag_trade"], period, acting_user=None)
    for label, report in {
        "report:vl_commune": submitted,
        "report:vl_trade": draft,
        "report:tra_vinh": historic,
        "report:ag_trade": other,
    }.items():
        add(label, label.split(":")[1], kwargs={"report_id": report.pk})
    add("attachment:vl_commune", "vl_commune", kwargs={"attachment_id": attachment.pk})

    # Documents: the province's draft Báo cáo and an issued one; the ward's draft.
    province_draft = document_actions.create_report_draft(org["vinh_long"], period, acting_user=None)
    issued = document_actions.create_report_draft(org["vinh_long"], period, acting_user=None)
    document_actions.issue_document(
        finish(issued),
        issued_on=datetime.date(2026, 7, 10),
        signer_name="Nguyễn Văn A",
        recipients=["Như trên"],
        acting_user=None,
    )
    ward_draft = document_actions.create_report_draft(org["vl_commune"], period, acting_user=None)
    for name in COMMITTEES:  # the issuer profile is made from known data on first use
        document_actions.profile_for(org[name])
    add("document:vinh_long", "vinh_long", kwargs={"document_id": province_draft.pk})
    add("issued:vinh_long", "vinh_long", kwargs={"document_id": issued.pk})
    add("document:vl_commune", "vl_commune", kwargs={"document_id": ward_draft.pk})
    # A letter (công văn) of the province to its trade department, in the department's incoming register.
    letter = document_actions.create_letter(
        org["vinh_long"],
        summary="triển khai kế hoạch",
        organisations=[org["vl_trade"]],
        outside=[],
        body="Nội dung.",
        acting_user=None,
    )
    document_actions.issue_document(
        letter,
        issued_on=datetime.date(2026, 7, 10),
        signer_name="Nguyễn Văn A",
        recipients=["Lưu: VT."],
        acting_user=None,
    )
    add("incoming:vl_trade", "vl_trade", kwargs={"entry_id": letter.incoming_entries.get().pk})

    # Plans: the central plan, the province's plan with a task led by its trade department, An Giang's plan.
    plans = {}
    for name in ("central", "vinh_long", "an_giang"):
        plans[name] = Plan.objects.create(committee=org[name], year=2026, title=f"Kế hoạch năm 2026 ({name})")
        add(f"plan:{name}", name, committee=name, kwargs={"plan_id": plans[name].pk})
    task = Task.objects.create(plan=plans["vinh_long"], ref="III.1", content="Tổ chức phiên chợ", lead=org["vl_trade"])
    ag_task = Task.objects.create(plan=plans["an_giang"], ref="III.1", content="Hội chợ", lead=org["ag_trade"])
    progress = plan_actions.record_progress(
        task,
        status=Task.Status.IN_PROGRESS,
        note="Đang làm",
        acting_user=None,
        evidence=SimpleUploadedFile("minh-chung.docx", _docx("Minh chứng")),
    )
    add("task:vl_trade", "vl_trade", committee="vinh_long", kwargs={"task_id": task.pk})
    add("task:ag_trade", "ag_trade", committee="an_giang", kwargs={"task_id": ag_task.pk})
    add("evidence:vl_trade", "vl_trade", committee="vinh_long", kwargs={"progress_id": progress.pk})
    for name, upper in (("vinh_long", "central"), ("vl_commune", "vinh_long")):  # from the plan of the level above
        add(f"cascade:{name}", name, committee=upper, kwargs={"committee_id": org[name].pk, "plan_id": plans[upper].pk})

    # An uploaded document the ward clerk is reading, in its own batch.
    uploaded = IngestDocument.objects.create(
        batch="5a1e9a4c-0000-4000-8000-000000000001",
        uploaded_by=world.commune_clerk,
        organisation=org["vl_commune"],
        period=period,
        file=SimpleUploadedFile("bao-cao.txt", "Tổ chức 02 phiên chợ".encode()),
        original_name="bao-cao.txt",
        status=IngestDocument.Status.READ,
    )
    add("ingest:vl_commune", "vl_commune", uploader="commune_clerk", kwargs={"document_id": uploaded.pk})
    add("batch:vl_commune", "vl_commune", uploader="commune_clerk", kwargs={"batch_id": uploaded.batch})

    # Committee seats: one in the province committee, one in the ward's.
    for name in ("vinh_long", "vl_commune"):
        seat = org_actions.appoint_new_member(
            org[name],
            full_name="Trần Thị B",
            position="Phó Chủ tịch",
            role=Membership.Role.MEMBER,
            start=datetime.date(2025, 7, 1),
            acting_user=None,
        )
        add(f"membership:{name}", name, kwargs={"membership_id": seat.pk})

    # Registry API (bridge): an agency's event, an old committee's event co-organised by a ward, another
    # province's event.
    for label, recorder, co_organiser in (
        ("api_event:vl_trade", "vl_trade", ""),
        ("api_event:tra_vinh", "tra_vinh", "vl_commune"),
        ("api_event:ag_trade", "ag_trade", ""),
    ):
        event = registry_actions.record_event(
            org[recorder],
            fields={
                "name": f"Phiên chợ hàng Việt ({recorder})",
                "kind": "rural_market",
                "starts_on": datetime.date(2026, 3, 1),
                "ends_on": datetime.date(2026, 3, 1),
            },
            organisers=[OrganiserInput(EventOrganiser.Role.CO_ORGANISER, org[co_organiser])] if co_organiser else [],
            acting_user=None,
        )
        add(label, recorder, kwargs={"event_id": event.pk})
        EVENT_CO_ORGANISERS[label] = co_organiser
    _add_registry_objects(org, add)
    _add_registry_edit_objects(org, add)  # registry edit pages (issue 10, polish)
    _add_portal_objects(org, add)  # the public portal (issue 11)

    targets.update(_registry_import_targets(world))  # registry import (issue 10)
    _add_campaign_objects(org, add)  # campaign: media, commendations, budgets (issue 12)
    targets.update(_complaint_targets(world))  # consumer reports (issue 11, part 5)
    targets.update(_survey_targets(world))  # surveys (issue 11, part 6)
    _add_oversight_objects(org, add)  # oversight (issue 12)
    _add_meeting_objects(org, add)  # oversight meetings (issue 12, part 6)

    # A notification to the ward clerk (issue 13).
    from hangviet.notifications.actions import Notice, notify
    from hangviet.notifications.models import Notification

    notify([world.commune_clerk], Notice(Notification.Kind.OTHER, "matrix", "Thông báo thử", link="/"))
    notice = Notification.objects.get(event_key="matrix")
    add("notification:commune_clerk", "vl_commune", uploader="commune_clerk", kwargs={"notification_id": notice.pk})
    add("nothing", "")
    return Objects(world, targets)


def _add_registry_objects(org: dict[str, Any], add: Callable[..., None]) -> None:
    """Registry rows (issue 10, web part): events of Vĩnh Long's trade agency (co-organised by the ward), of the
    province's committee and of An Giang's trade agency; products, sale points, producers with a duplicate each."""
    from hangviet.registry import actions as registry_actions
    from hangviet.registry.actions import OrganiserInput
    from hangviet.registry.models import EventOrganiser

    day = datetime.date(2026, 3, 10)
    for name in ("vl_trade", "vinh_long", "ag_trade"):
        organisers = [OrganiserInput(EventOrganiser.Role.CO_ORGANISER, name="Bộ Công Thương")]
        if name == "vl_trade":
            organisers.append(OrganiserInput(EventOrganiser.Role.CO_ORGANISER, org["vl_commune"]))
        event = registry_actions.record_event(
            org[name],
            fields={"name": f"Phiên chợ ({name})", "kind": "rural_market", "starts_on": day, "ends_on": day},
            place_text="Khu Du lịch biển Ba Động",
            organisers=organisers,
            acting_user=None,
        )
        participants = frozenset({"vl_commune"}) if name == "vl_trade" else frozenset()
        add(f"event:{name}", name, participants=participants, kwargs={"event_id": event.pk})
        if name == "vl_trade":
            add("place:vl_trade", name, participants=participants, kwargs={"place_id": event.place_id})
    for name in ("vl_trade", "ag_trade"):
        producer = registry_actions.create_producer(org[name], name=f"Hợp tác xã ({name})", acting_user=None)
        duplicate = registry_actions.create_producer(org[name], name=f"HTX ({name})", acting_user=None)
        add(f"producer:{name}", name, kwargs={"producer_id": producer.pk, "duplicate_id": duplicate.pk})
        product = registry_actions.record_product(org[name], name="Mật hoa dừa", producer=duplicate, acting_user=None)
        recognition = registry_actions.recognise_product(product, stars=4, decided_on=day, acting_user=None)
        add(f"product:{name}", name, kwargs={"product_id": product.pk})
        add(f"recognition:{name}", name, kwargs={"recognition_id": recognition.pk})
    for name in ("vinh_long", "ag_trade"):
        point = registry_actions.record_sale_point(
            org[name], fields={"name": "Cửa hàng OCOP", "kind": "ocop_store"}, acting_user=None
        )
        add(f"salepoint:{name}", name, kwargs={"point_id": point.pk})


# --- the public portal (issue 11): a published product, sale point and event, and an unpublished product that
# nobody, signed in or not, finds on the portal ---


def _add_portal_objects(org: dict[str, Any], add: Callable[..., None]) -> None:
    from hangviet.registry import actions as registry_actions

    day = datetime.date(2026, 3, 10)
    shown = registry_actions.record_product(org["vl_trade"], name="Nước mắm cá cơm", producer=None, acting_user=None)
    registry_actions.recognise_product(shown, stars=3, decided_on=day, acting_user=None)
    add("public_product:vl_trade", "vl_trade", kwargs={"slug": "nuoc-mam-ca-com", "pk": shown.pk})
    hidden = registry_actions.record_product(
        org["vl_trade"], name="Nước mắm nội bộ", producer=None, is_public=False, acting_user=None
    )
    add("hidden_product:vl_trade", "vl_trade", kwargs={"slug": "nuoc-mam-noi-bo", "pk": hidden.pk})
    point = registry_actions.record_sale_point(
        org["ag_trade"], fields={"name": "Điểm bán hàng Việt", "kind": "proud_viet"}, acting_user=None
    )
    add("public_salepoint:ag_trade", "ag_trade", kwargs={"slug": "diem-ban-hang-viet", "pk": point.pk})
    event = registry_actions.record_event(
        org["vinh_long"],
        fields={"name": "Hội chợ hàng Việt", "kind": "fair", "starts_on": day, "ends_on": day},
        acting_user=None,
    )
    add("public_event:vinh_long", "vinh_long", kwargs={"slug": "hoi-cho-hang-viet", "pk": event.pk})
    add("sitemap:products", "", kwargs={"section": "products"})


def published(persona: str, target: Target) -> Outcome:
    """A published row is public; an unpublished one is not found on the portal, whoever asks (staff read it in
    the registry pages)."""
    return Outcome.NOT_FOUND if target.label.startswith("hidden_") else Outcome.OK


# --- end of the public portal ---


# --- registry edit pages (issue 10, polish): a model area, a club and a group entry of Vĩnh Long's committee and
# of An Giang's trade agency; products, sale points and producers reuse the targets above ---


def _add_registry_edit_objects(org: dict[str, Any], add: Callable[..., None]) -> None:
    from hangviet.registry import actions as registry_actions

    day = datetime.date(2026, 3, 10)
    for name in ("vinh_long", "ag_trade"):
        area = registry_actions.record_model_area(
            org[name], fields={"name": "Khu dân cư ấp 1", "status": "registered"}, acting_user=None
        )
        add(f"area:{name}", name, kwargs={"area_id": area.pk})
        club = registry_actions.record_club(
            org[name], fields={"name": "CLB người tiêu dùng", "kind": "consumer", "members": 20}, acting_user=None
        )
        add(f"club:{name}", name, kwargs={"club_id": club.pk})
        group = registry_actions.record_event_group(
            org[name],
            fields={"description": "02 phiên chợ", "kind": "rural_market", "starts_on": day, "ends_on": day},
            acting_user=None,
        )
        add(f"group:{name}", name, kwargs={"group_id": group.pk})


def _edited_product(objects: Objects, target: Target) -> dict[str, Any]:
    return {"name": "Mật hoa dừa Cầu Kè", "producer_name": "", "producer_legal_form": "other", "is_public": "on"}


def _edited_point(objects: Objects, target: Target) -> dict[str, Any]:
    return {"name": "Cửa hàng OCOP Cầu Kè", "kind": "ocop_store", "status": "active", "latitude": "9,87"} | {
        "longitude": "106,05"
    }


def _edited_area(objects: Objects, target: Target) -> dict[str, Any]:
    return {"name": "Khu dân cư ấp 2", "status": "recognised", "recognised_on": "2026-02-01"}


def _edited_club(objects: Objects, target: Target) -> dict[str, Any]:
    return {"name": "Câu lạc bộ người tiêu dùng", "kind": "consumer", "members": "35"}


def _edited_producer(objects: Objects, target: Target) -> dict[str, Any]:
    return {"name": "Hợp tác xã Cầu Kè", "legal_form": "cooperative", "tax_code": "2100123456"}


def _edited_group(objects: Objects, target: Target) -> dict[str, Any]:
    return {"description": "03 phiên chợ", "kind": "rural_market", "starts_on": "2026-03-01", "ends_on": "2026-03-31"}


AREA_TARGETS = ("area:vinh_long", "area:ag_trade")
CLUB_TARGETS = ("club:vinh_long", "club:ag_trade")
GROUP_TARGETS = ("group:vinh_long", "group:ag_trade")
# --- end of registry edit pages ---

# --- campaign (issue 12, parts 3-5): outlets are their owners', quotas, schemes and decisions the committee's own
# office's (MANAGES), schemes flow down like plans and nominations up, budgets read by the committee and above ---

SUBTREES = {"central": ALL_ORGS, "vinh_long": VL_SUBTREE, "an_giang": frozenset({"an_giang", "ag_trade"})}


def _add_campaign_objects(org: dict[str, Any], add: Callable[..., None]) -> None:
    from hangviet.campaign import actions as campaign_actions

    day = datetime.date(2026, 3, 1)
    for committee, owner in (("vinh_long", "vl_trade"), ("an_giang", "ag_trade")):
        outlet = campaign_actions.create_outlet(org[owner], name="Trang tin", kind="web", acting_user=None)
        add(f"outlet:{owner}", owner, kwargs={"outlet_id": outlet.pk})
        campaign_actions.set_quota(
            org[committee], outlet, item_type="tin", year=2026, quarter=1, minimum=2, acting_user=None
        )
        add(f"media:{committee}", committee, kwargs={"committee_id": org[committee].pk, "outlet_id": outlet.pk})
    for name in ("central", "vinh_long", "an_giang"):
        add(f"committee:{name}", name, committee=name, kwargs={"committee_id": org[name].pk})
        scheme = campaign_actions.create_scheme(
            org[name], name="Doanh nghiệp tiêu biểu", kind="ton_vinh", year=2026, acting_user=None
        )
        extra: dict[str, Any] = {}
        if name != "central":

            def nominee(label: str, scheme: Any = scheme, proposer: Any = org[name]) -> Any:
                return campaign_actions.nominate(
                    scheme, proposer, nominee=label, category="model_business", acting_user=None
                )

            awarded = nominee("Công ty A")
            campaign_actions.compile_proposal(scheme, [awarded], number="1/TTr", dated=day, acting_user=None)
            (award,) = campaign_actions.decide_awards(
                scheme, [awarded], decision="1/QĐ", decided_on=day, acting_user=None
            )
            add(f"award:{name}", name, kwargs={"award_id": award.pk})
            compiled = nominee("Công ty B")
            campaign_actions.compile_proposal(scheme, [compiled], number="2/TTr", dated=day, acting_user=None)
            extra = {"proposed_id": nominee("Công ty C").pk, "compiled_id": compiled.pk}
        add(f"scheme:{name}", name, committee=name, kwargs={"scheme_id": scheme.pk} | extra)


def nominate_rule(persona: str, target: Target) -> Outcome:
    """Whoever reads the scheme (it flows down) and edits an organisation below its committee nominates; a
    reader who edits nothing there gets 403."""
    outcome = plan_read(persona, target)
    if outcome is not Outcome.OK:
        return outcome
    return Outcome.OK if EDITS[persona] & SUBTREES[target.committee] else Outcome.FORBIDDEN


runs_scheme = _gate(MANAGES, visible=PLAN_READS)


def _quota(objects: Objects, target: Target) -> dict[str, Any]:
    outlet = objects.targets["outlet:vl_trade"].kwargs["outlet_id"]
    return {"outlet": str(outlet), "item_type": "bai", "year": "2026", "quarter": "1", "minimum": "3"}


def _outlet(objects: Objects, target: Target) -> dict[str, Any]:
    owner = objects.world.vl_trade.pk
    return {"owner": str(owner), "name": "Fanpage Sở Công Thương", "kind": "social"}


def _item(objects: Objects, target: Target) -> dict[str, Any]:
    return {"item_type": "tin", "title": "Hội chợ hàng Việt", "published_on": "2026-03-05"}


def _outdoor(objects: Objects, target: Target) -> dict[str, Any]:
    return {"kind": "pano", "pieces": "5", "sites": "Xã Phú Cần", "status": "installed", "installed_on": "2026-03-01"}


def _scheme(objects: Objects, target: Target) -> dict[str, Any]:
    return {"name": "Sản phẩm được người tiêu dùng yêu thích", "kind": "binh_chon", "year": "2026"}


def _nomination(objects: Objects, target: Target) -> dict[str, Any]:
    owner = objects.world.vinh_long if target.committee == "vinh_long" else objects.world.an_giang
    return {"proposer": str(owner.pk), "nominee": "Hợp tác xã Cầu Kè", "category": "model_business"}


def _compile(objects: Objects, target: Target) -> dict[str, Any]:
    return {"number": "3/TTr", "dated": "2026-03-02", "nomination": [str(target.kwargs.get("proposed_id", 0))]}


def _decide(objects: Objects, target: Target) -> dict[str, Any]:
    return {"decision": "2/QĐ", "decided_on": "2026-03-03", "nomination": [str(target.kwargs.get("compiled_id", 0))]}


def _allocation(objects: Objects, target: Target) -> dict[str, Any]:
    return {"what": "allocation", "year": "2026", "amount": "36,9 triệu", "source": "front_estimate"}


CAMPAIGN_COMMITTEES = ("committee:central", "committee:vinh_long", "committee:an_giang")
SCHEME_TARGETS = ("scheme:central", "scheme:vinh_long", "scheme:an_giang")
# --- end of campaign ---
# --- oversight (issue 12): programmes of Vĩnh Long and An Giang, a visit of Vĩnh Long's to the ward, market cases
# of Vĩnh Long's and An Giang's trade departments ---

ENFORCERS = frozenset({"vl_trade", "ag_trade"})  # agencies of an enforcing sector in the test world


def _add_oversight_objects(org: dict[str, Any], add: Callable[..., None]) -> None:
    from hangviet.lib.periods import PeriodKey
    from hangviet.oversight import actions as oversight_actions

    for name, subject in (("vinh_long", "vl_commune"), ("an_giang", "ag_trade")):
        programme = oversight_actions.create_programme(
            org[name],
            kind="supervision",
            title="Giám sát tháng 6",
            year=2026,
            windows_text="tháng 6",
            subjects=[org[subject]],
            acting_user=None,
        )
        add(f"programme:{name}", name, kwargs={"programme_id": programme.pk})
        if name == "vinh_long":
            visit = oversight_actions.open_visit(
                programme,
                subject=org[subject],
                visited_on=datetime.date(2026, 6, 10),
                period=PeriodKey(2026, "H1"),
                acting_user=None,
            )
            add("visit:vinh_long", name, participants=frozenset({subject}), kwargs={"visit_id": visit.pk})
    for name in ("vl_trade", "ag_trade"):
        case = oversight_actions.record_case(
            org[name],
            occurred_on=datetime.date(2026, 3, 12),
            violation_type="counterfeit",
            outcome="fined",
            fine_vnd=Decimal(15_000_000),
            acting_user=None,
        )
        add(f"case:{name}", name, kwargs={"case_id": case.pk})


def enforcer_edit(persona: str, target: Target) -> Outcome:
    """Cases are recorded by an enforcing agency's editors; whoever reads the agency (or edits one that does not
    enforce) gets 403."""
    if persona == "anonymous":
        return Outcome.LOGIN
    if target.org in EDITS[persona] and target.org in ENFORCERS:
        return Outcome.OK
    return Outcome.FORBIDDEN if target.org in READS[persona] else Outcome.NOT_FOUND


def _programme_data(objects: Objects, target: Target) -> dict[str, Any]:
    subject = objects.world.vl_commune
    return {
        "kind": "supervision",
        "title": "Giám sát",
        "year": "2026",
        "windows_text": "quý IV",
        "subjects": [subject.pk],
    }


def _visit_data(objects: Objects, target: Target) -> dict[str, Any]:
    return {"subject": str(objects.world.vl_commune.pk), "visited_on": "2026-06-12", "period": "2026-H1"}


def _case_data(objects: Objects, target: Target) -> dict[str, Any]:
    return {
        "occurred_on": "2026-04-02",
        "violation_type": "unknown_origin",
        "outcome": "fined",
        "origin": "planned",
    } | {"fine": "7.500.000"}


OVERSIGHT_AGENCIES = ("org:vl_trade", "org:vl_health", "org:vl_commune", "org:ag_trade")
PROGRAMME_TARGETS = ("programme:vinh_long", "programme:an_giang")
CASE_TARGETS = ("case:vl_trade", "case:ag_trade")
# --- end of oversight ---
# --- oversight meetings (issue 12, part 6): a past Vĩnh Long giao ban inviting the ward (with a document), an An
# Giang meeting inviting its trade department; the organising committee's office manages, the invited read ---


def _add_meeting_objects(org: dict[str, Any], add: Callable[..., None]) -> None:
    from hangviet.oversight import actions as oversight_actions

    for name, invited in (("vinh_long", "vl_commune"), ("an_giang", "ag_trade")):
        meeting = oversight_actions.schedule_meeting(
            org[name],
            kind="quarterly",
            title="Hội nghị giao ban quý I/2026",
            held_on=datetime.date(2026, 3, 20),
            participants=[org[invited]],
            acting_user=None,
        )
        add(f"meeting:{name}", name, participants=frozenset({invited}), kwargs={"meeting_id": meeting.pk})
        if name == "vinh_long":
            document = oversight_actions.add_meeting_document(
                meeting, SimpleUploadedFile("giay-moi.docx", _docx("Giấy mời")), acting_user=None
            )
            add(
                "meeting_document:vinh_long",
                name,
                participants=frozenset({invited}),
                kwargs={"document_id": document.pk},
            )


def _meeting_data(objects: Objects, target: Target) -> dict[str, Any]:
    return {"kind": "quarterly", "title": "Hội nghị giao ban quý II/2026", "held_on": "2026-06-20"}


MEETING_TARGETS = ("meeting:vinh_long", "meeting:an_giang")
# --- end of oversight meetings ---

# ---------------------------------------------------------------------------------------------------------------
# The matrix: one entry per URL name (``namespace:name``) and per API operation (``METHOD /api/path``).
# ---------------------------------------------------------------------------------------------------------------

Data = Callable[[Objects, Target], dict[str, Any]]


def _no_data(objects: Objects, target: Target) -> dict[str, Any]:
    return {}


@dataclass(frozen=True)
class Entry:
    targets: tuple[str, ...]
    read: Rule | None  # GET (None: the URL answers only to the write method)
    write: Rule | None  # POST (PUT for the API); None: a read-only URL, a POST must change nothing
    data: Data = _no_data
    query: dict[str, str] = field(default_factory=dict)
    method: str = "post"


def _report_form(objects: Objects, target: Target) -> dict[str, Any]:
    report = Report.objects.get(pk=target.kwargs["report_id"])
    return {"version": str(report.version), "value__banners": "7", "action": "save"}


def _accept(objects: Objects, target: Target) -> dict[str, Any]:
    return {"action": "accept"}


def _ticked(objects: Objects, target: Target) -> dict[str, Any]:
    return {"report": [str(objects.targets["report:vl_commune"].kwargs["report_id"])]}


def _deadline(objects: Objects, target: Target) -> dict[str, Any]:
    return {"due": "2026-07-15"}


def _appointment(objects: Objects, target: Target) -> dict[str, Any]:
    return {"full_name": "Lê Văn C", "position": "Ủy viên", "role": Membership.Role.MEMBER, "start": "2026-01-05"}


def _end_seat(objects: Objects, target: Target) -> dict[str, Any]:
    return {"end": "2026-06-30"}


def _a_file(objects: Objects, target: Target) -> dict[str, Any]:
    return {"file": SimpleUploadedFile("bien-ban.docx", _docx("Biên bản bổ sung"))}


def _plan_file(objects: Objects, target: Target) -> dict[str, Any]:
    text = "KẾ HOẠCH\nIII. TỔ CHỨC THỰC HIỆN\n1. Sở Công Thương\n- Tổ chức phiên chợ hàng Việt, quý II năm 2026."
    return {"file": SimpleUploadedFile("ke-hoach.txt", text.encode()), "year": "2026"}


def _plan_written(objects: Objects, target: Target) -> dict[str, Any]:
    committee = target.kwargs["committee_id"]
    return {
        "title": f"Kế hoạch soạn trên hệ thống {committee}",
        "year": "2026",
        "task-TOTAL_FORMS": "1",
        "task-INITIAL_FORMS": "0",
        "task-0-ref": "1",
        "task-0-content": "Tổ chức phiên chợ hàng Việt",
        "task-0-lead": str(committee),
        "task-0-when": "Quý II/2026",
    }


def _progress(objects: Objects, target: Target) -> dict[str, Any]:
    return {"status": Task.Status.DONE, "note": "Đã xong"}


def _upload(objects: Objects, target: Target) -> dict[str, Any]:
    organisation = objects.world.vl_commune
    return {
        "files": SimpleUploadedFile("bao-cao.txt", "Tổ chức 03 phiên chợ".encode()),
        "organisation": str(organisation.pk),
        "period": H1,
    }


def _document_edit(objects: Objects, target: Target) -> dict[str, Any]:
    return {"base_version": "1", "form-TOTAL_FORMS": "0", "form-INITIAL_FORMS": "0"}


def _letter(objects: Objects, target: Target) -> dict[str, Any]:
    """A letter to the committee above (every committee of the world but the central one has one)."""
    return {"summary": "V/v thử", "outside": "Báo tỉnh", "body": "Nội dung."}


def _issue(objects: Objects, target: Target) -> dict[str, Any]:
    return {"issued_on": "2026-07-12", "signer_name": "Nguyễn Văn A"}


def _values(objects: Objects, target: Target) -> dict[str, Any]:
    report = Report.objects.get(pk=target.kwargs["report_id"])
    return {"version": report.version, "values": {"banners": 9}}


def _reconstitution(objects: Objects, target: Target) -> dict[str, Any]:
    return {"on": "2026-07-01", "form-TOTAL_FORMS": "0", "form-INITIAL_FORMS": "0"}


# --- registry pages (issue 10, web part): form data ---


def _recorder(objects: Objects, target: Target) -> dict[str, Any]:
    return {"recorded_by": str(target.kwargs["organisation_id"])}


def _event_fields() -> dict[str, Any]:
    return {
        "name": "Hội chợ hàng Việt",
        "kind": "fair",
        "starts_on": "2026-04-02",
        "ends_on": "2026-04-03",
        "status": "done",
        "place_text": "Phường Trà Vinh",
        "revenue_vnd": "850.000.000",
        "revenue_vnd_q": "3",
        "org-TOTAL_FORMS": "1",
        "org-INITIAL_FORMS": "0",
        "org-0-name": "Bộ Công Thương",
        "org-0-role": "co_organiser",
    }


def _new_event(objects: Objects, target: Target) -> dict[str, Any]:
    return _recorder(objects, target) | _event_fields()


def _new_group(objects: Objects, target: Target) -> dict[str, Any]:
    fields = {"description": "04 cuộc hội chợ", "kind": "fair", "starts_on": "2026-01-01", "ends_on": "2026-06-14"}
    return _recorder(objects, target) | fields | {"declared_count": "4", "booths": "10"}


def _new_named(kind: str) -> Data:
    def data(objects: Objects, target: Target) -> dict[str, Any]:
        return _recorder(objects, target) | {"name": "Tên mới", "kind": kind, "status": "active"}

    return data


def _new_product(objects: Objects, target: Target) -> dict[str, Any]:
    return _recorder(objects, target) | {
        "name": "Bánh tét",
        "producer_name": "Hộ Sáu Dư",
        "producer_legal_form": "other",
    }


def _new_area(objects: Objects, target: Target) -> dict[str, Any]:
    return _recorder(objects, target) | {"name": "Khu dân cư ấp Cồn Chim", "status": "registered"}


def _new_producer(objects: Objects, target: Target) -> dict[str, Any]:
    return _recorder(objects, target) | {"name": "Hợp tác xã mới", "legal_form": "cooperative"}


def _recognition(objects: Objects, target: Target) -> dict[str, Any]:
    return {"stars": "5", "decided_on": "2026-05-01"}


def _registration(objects: Objects, target: Target) -> dict[str, Any]:
    return {"year": "2026", "registered_on": "2026-03-01"}


def _revoke(objects: Objects, target: Target) -> dict[str, Any]:
    return {"revoked_on": "2026-05-01", "reason": "Không duy trì tiêu chí"}


def _verify(objects: Objects, target: Target) -> dict[str, Any]:
    return {"on": "2026-01-05", "status": "paused"}


def _merge(objects: Objects, target: Target) -> dict[str, Any]:
    return {"duplicate": str(target.kwargs["duplicate_id"])}


def _resolve(objects: Objects, target: Target) -> dict[str, Any]:
    return {"q": "Phường Trà Vinh, Tỉnh Vĩnh Long"}


REGISTRY_RECORDERS = ("org:vl_trade", "org:vinh_long", "org:tra_vinh", "org:an_giang")
EVENT_TARGETS = ("event:vl_trade", "event:vinh_long", "event:ag_trade")
PRODUCT_TARGETS = ("product:vl_trade", "product:ag_trade")
PRODUCER_TARGETS = ("producer:vl_trade", "producer:ag_trade")
SALEPOINT_TARGETS = ("salepoint:vinh_long", "salepoint:ag_trade")

# --- registry import and export (issue 10, the import part) ---------------------------------------------------
REGISTRY_LIST = "Tên sản phẩm,Hạng sao,Năm công nhận\nMật hoa dừa,4 sao,2022\nKẹo dừa,6 sao,2022\n"


def _registry_import_targets(world: World) -> dict[str, Target]:
    """A list the ward clerk uploaded and checked (one row refused), not yet confirmed."""
    from hangviet.registry.importing import jobs as import_jobs

    job = import_jobs.start_import(
        SimpleUploadedFile("ocop.csv", REGISTRY_LIST.encode()),
        kind="ocop",
        recorded_by=world.vl_commune,
        acting_user=world.commune_clerk,
    )
    return {
        "import:vl_commune": Target("import:vl_commune", "vl_commune", {"job_id": job.pk}, uploader="commune_clerk")
    }


def _registry_list(objects: Objects, target: Target) -> dict[str, Any]:
    return {
        "kind": "ocop",
        "organisation": str(target.kwargs["organisation_id"]),
        "file": SimpleUploadedFile("ocop.csv", REGISTRY_LIST.encode()),
    }


def _confirm_import(objects: Objects, target: Target) -> dict[str, Any]:
    return {"confirm": "on"}


# --- end of registry import and export ------------------------------------------------------------------------

# --- consumer reports (issue 11, part 5): a report is handled by the body it is routed to; only the users acting
# for that body (their own role) read it, all but viewers act on it; the public files and follows by code ---
COMPLAINT_CODE = "PA-23456789AB"  # the Vĩnh Long trade department's report, followed by the public
ACTS_FOR: dict[str, str] = {
    "central_office": "central",
    "vl_office": "vinh_long",
    "vl_trade_clerk": "vl_trade",
    "commune_clerk": "vl_commune",
    "sibling_commune_clerk": "vl_sibling_commune",
    "ag_office": "an_giang",
    "vl_viewer": "vinh_long",
}


def _complaint_targets(world: World) -> dict[str, Target]:
    from django.core.files.base import ContentFile
    from PIL import Image

    from hangviet.complaints import actions as complaint_actions
    from hangviet.complaints.models import ConsumerReport

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(buffer, format="JPEG")
    found: dict[str, Target] = {}
    for name, place in (
        ("vl_trade", "Phường Trà Vinh, tỉnh Vĩnh Long"),
        ("vinh_long", "Phường Long Châu, tỉnh Vĩnh Long"),
        ("an_giang", "Phường Long Xuyên, tỉnh An Giang"),
    ):
        if name == "vl_trade":
            complaint_actions.set_route(world.vinh_long.unit, world.vl_trade, acting_user=None)
        report = complaint_actions.submit_report(
            description="Nước mắm giả nhãn hiệu",
            place_text=place,
            contact="0909 123 456",
            photo=ContentFile(buffer.getvalue(), name="anh.jpg") if name == "vl_trade" else None,
        )
        if name == "vl_trade":
            ConsumerReport.objects.filter(pk=report.pk).update(code=COMPLAINT_CODE)
            complaint_actions.set_route(world.vinh_long.unit, world.vinh_long, acting_user=None)
        found[f"complaint:{name}"] = Target(f"complaint:{name}", name, {"report_id": report.pk, "code": COMPLAINT_CODE})
    return found


def complaint_read(persona: str, target: Target) -> Outcome:
    if persona == "anonymous":
        return Outcome.LOGIN
    return Outcome.OK if ACTS_FOR[persona] == target.org else Outcome.NOT_FOUND


def complaint_edit(persona: str, target: Target) -> Outcome:
    outcome = complaint_read(persona, target)
    return Outcome.FORBIDDEN if outcome is Outcome.OK and persona == "vl_viewer" else outcome


def _fresh_limits() -> None:
    """The public endpoints are rate limited per address; every persona calls from 127.0.0.1."""
    from django.core.cache import cache

    cache.clear()


def _public_report(objects: Objects, target: Target) -> dict[str, Any]:
    _fresh_limits()
    return {"category": "fake", "description": "Sữa bột giả bán ở chợ", "place": "Phường Trà Vinh, tỉnh Vĩnh Long"}


def _public_report_json(objects: Objects, target: Target) -> dict[str, Any]:
    return {key: value for key, value in _public_report(objects, target).items() if key != "category"}


def _more_information(objects: Objects, target: Target) -> dict[str, Any]:
    _fresh_limits()
    return {"code": COMPLAINT_CODE, "text": "Quầy số 12"}


def _offline_report(objects: Objects, target: Target) -> dict[str, Any]:
    return _public_report(objects, target) | {"organisation": str(target.kwargs["organisation_id"])}


def _forward(objects: Objects, target: Target) -> dict[str, Any]:
    return {"to": str(objects.world.vl_health.pk), "note": "Thuốc"}


def _route(objects: Objects, target: Target) -> dict[str, Any]:
    return {"organisation": str(target.kwargs["organisation_id"])}


COMPLAINT_TARGETS = ("complaint:vl_trade", "complaint:vinh_long", "complaint:an_giang")
# --- end of consumer reports ---

# --- surveys (issue 11, part 6): a survey is its owner's data; the public answers an open one by its link ---


def _survey_targets(world: World) -> dict[str, Target]:
    from hangviet.surveys import actions as survey_actions

    found: dict[str, Target] = {}
    today = datetime.date.today()
    for name in ("vinh_long", "vl_trade", "an_giang"):
        owner = getattr(world, name)
        survey = survey_actions.create_survey(
            owner,
            title=f"Khảo sát ({name})",
            kind="sociological",
            opens_on=today - datetime.timedelta(days=1),
            closes_on=today + datetime.timedelta(days=30),
            questions=[{"text": "Bạn có ưu tiên hàng Việt?", "kind": "single", "options": "Có\nKhông"}],
            acting_user=None,
        )
        question = survey.questions.get()
        unit = survey_queries_units(survey)[0]
        found[f"survey:{name}"] = Target(
            f"survey:{name}",
            name,
            {"survey_id": survey.pk, "slug": survey.slug, "answer": {"unit": str(unit.pk), f"q{question.pk}": "0"}},
        )
    return found


def survey_queries_units(survey: Any) -> list[Any]:
    from hangviet.surveys.queries import units_for

    return units_for(survey)


def _survey_answer(objects: Objects, target: Target) -> dict[str, Any]:
    _fresh_limits()
    return dict(target.kwargs["answer"])


def _new_survey(objects: Objects, target: Target) -> dict[str, Any]:
    today = datetime.date.today().isoformat()
    return {
        "owner": str(target.kwargs["organisation_id"]),
        "title": "Khảo sát mới",
        "kind": "opinion",
        "opens_on": today,
        "closes_on": today,
        "q-TOTAL_FORMS": "1",
        "q-INITIAL_FORMS": "0",
        "q-0-text": "Góp ý của bạn",
        "q-0-kind": "text",
    }


SURVEY_TARGETS = ("survey:vinh_long", "survey:vl_trade", "survey:an_giang")
# --- end of surveys ---

ORG_TARGETS = ("org:vinh_long", "org:vl_trade", "org:vl_commune", "org:tra_vinh", "org:an_giang")
COMMITTEE_TARGETS = ("org:vinh_long", "org:vl_commune", "org:tra_vinh", "org:central")
REPORT_TARGETS = ("report:vl_commune", "report:vl_trade", "report:tra_vinh", "report:ag_trade")
NOTHING = ("nothing",)

MATRIX: dict[str, Entry] = {
    # web
    "web:home": Entry(NOTHING, read=public, write=None),  # visitors: the public portal; staff: their work
    "web:login": Entry(NOTHING, read=public, write=public, data=lambda o, t: {"username": "x", "password": "y"}),
    "web:logout": Entry(NOTHING, read=None, write=signs_out),
    "web:units": Entry(NOTHING, read=signed_in, write=None, query={"q": "Trà Vinh"}),
    "web:healthz": Entry(NOTHING, read=public, write=None),
    "set_language": Entry(NOTHING, read=None, write=public, data=lambda o, t: {"language": "en", "next": "/"}),
    "admin:*": Entry(NOTHING, read=staff_only, write=staff_only),
    # notifications (issue 13): one's own list and preference; a notification only by its recipient
    "notifications:inbox": Entry(NOTHING, read=signed_in, write=None),
    "notifications:open": Entry(("notification:commune_clerk",), read=None, write=recipient_only),
    "notifications:mark_all_read": Entry(NOTHING, read=None, write=signed_in),
    "notifications:preferences": Entry(NOTHING, read=None, write=signed_in, data=lambda o, t: {"channel": "in_app"}),
    # organisations and committees
    "orgs:detail": Entry(ORG_TARGETS, read=read, write=None),
    "orgs:appoint": Entry(COMMITTEE_TARGETS, read=None, write=edit, data=_appointment),
    "orgs:reconstitute": Entry(COMMITTEE_TARGETS, read=manage, write=manage, data=_reconstitution),
    "orgs:end_membership": Entry(
        ("membership:vinh_long", "membership:vl_commune"), read=None, write=edit, data=_end_seat
    ),
    # reports
    "reporting:mine": Entry(NOTHING, read=signed_in, write=None),
    "reporting:open": Entry(
        ("org:vl_commune", "org:vl_trade", "org:tra_vinh", "org:an_giang"),
        read=None,
        write=edit,
        data=lambda o, t: {"period": H1},
    ),
    "reporting:detail": Entry(REPORT_TARGETS, read=read, write=edit, data=_report_form),
    "reporting:check": Entry(REPORT_TARGETS, read=None, write=edit, data=_report_form),
    "reporting:review": Entry(REPORT_TARGETS, read=None, write=review, data=_accept),
    "reporting:attach": Entry(REPORT_TARGETS, read=None, write=edit, data=_a_file),
    "reporting:attachment": Entry(("attachment:vl_commune",), read=read, write=None),
    "reporting:excel": Entry(REPORT_TARGETS, read=read, write=None),
    "reporting:excel_upload": Entry(REPORT_TARGETS, read=None, write=edit, data=_a_file),
    # the committee's reporting board and consolidated table
    "consolidation:board_today": Entry(COMMITTEE_TARGETS, read=read, write=None),
    "consolidation:board": Entry(COMMITTEE_TARGETS, read=read, write=None),
    "consolidation:remind": Entry(COMMITTEE_TARGETS, read=None, write=edit),
    "consolidation:accept_many": Entry(COMMITTEE_TARGETS, read=None, write=accept_many, data=_ticked),
    "consolidation:deadline": Entry(COMMITTEE_TARGETS, read=None, write=edit, data=_deadline),
    "consolidation:table": Entry(COMMITTEE_TARGETS, read=read, write=None),
    "consolidation:table_xlsx": Entry(COMMITTEE_TARGETS, read=read, write=None),
    "consolidation:phase_today": Entry(COMMITTEE_TARGETS, read=read, write=None),
    "consolidation:phase": Entry(COMMITTEE_TARGETS, read=read, write=None),
    "consolidation:phase_xlsx": Entry(COMMITTEE_TARGETS, read=read, write=None),
    # documents
    "documents:committee": Entry(COMMITTEE_TARGETS + ("org:vl_trade",), read=committee_only(read), write=None),
    "documents:create_report": Entry(
        COMMITTEE_TARGETS + ("org:vl_trade",), read=None, write=committee_only(edit), data=lambda o, t: {"period": H1}
    ),
    "documents:create_phase_report": Entry(
        COMMITTEE_TARGETS + ("org:vl_trade",), read=None, write=committee_only(edit), data=lambda o, t: {"phase": PHASE}
    ),
    "documents:edit": Entry(("document:vinh_long", "document:vl_commune"), read=read, write=edit, data=_document_edit),
    "documents:compare": Entry(
        ("document:vinh_long", "document:vl_commune"), read=read, write=None, query={"a": "1", "b": "1"}
    ),
    "documents:draft_docx": Entry(("document:vinh_long", "document:vl_commune"), read=read, write=None),
    "documents:issue": Entry(("document:vinh_long", "document:vl_commune"), read=None, write=edit, data=_issue),
    "documents:file": Entry(("issued:vinh_long",), read=read, write=None),
    # letters and the incoming register (issue 12, part 7)
    "documents:write_letter": Entry(
        COMMITTEE_TARGETS + ("org:vl_trade",), read=committee_only(edit), write=committee_only(edit), data=_letter
    ),
    "documents:incoming": Entry(ORG_TARGETS, read=read, write=None),
    "documents:incoming_xlsx": Entry(ORG_TARGETS, read=read, write=None),
    "documents:incoming_file": Entry(("incoming:vl_trade",), read=read, write=None),
    "documents:incoming_handled": Entry(
        ("incoming:vl_trade",), read=None, write=edit, data=lambda o, t: {"note": "Đã giao phòng nghiệp vụ"}
    ),
    # plans and tasks
    "plans:mine": Entry(NOTHING, read=signed_in, write=None),
    "plans:task": Entry(("task:vl_trade", "task:ag_trade"), read=task_read, write=task_edit, data=_progress),
    "plans:evidence": Entry(("evidence:vl_trade",), read=task_read, write=None),
    "plans:committee": Entry(COMMITTEE_TARGETS, read=read, write=None),
    "plans:import": Entry(COMMITTEE_TARGETS, read=None, write=edit, data=_plan_file),
    "plans:save_import": Entry(COMMITTEE_TARGETS, read=None, write=edit),
    "plans:write": Entry(COMMITTEE_TARGETS, read=edit, write=edit, data=_plan_written),
    "plans:cascade": Entry(("cascade:vinh_long", "cascade:vl_commune"), read=cascade, write=cascade),
    "plans:overdue": Entry(COMMITTEE_TARGETS, read=read, write=None, query={"on": "2026-12-31"}),
    "plans:detail": Entry(("plan:central", "plan:vinh_long", "plan:an_giang"), read=plan_read, write=None),
    "plans:export": Entry(("plan:central", "plan:vinh_long", "plan:an_giang"), read=plan_read, write=None),
    # reading old reports
    "ingest:upload": Entry(NOTHING, read=signed_in, write=may_upload, data=_upload),
    "ingest:batch": Entry(("batch:vl_commune",), read=uploader_only, write=None),
    "ingest:review": Entry(("ingest:vl_commune",), read=importer, write=importer),
    # dashboards (a committee's, the nation's: the central committee's with the map of the provinces)
    "dashboard:home": Entry(NOTHING, read=dashboard_home, write=None),
    "dashboard:national": Entry(NOTHING, read=national_dashboard, write=None),
    "dashboard:committee": Entry(COMMITTEE_TARGETS + ("org:vl_trade",), read=committee_only(read), write=None),
    "dashboard:download": Entry(COMMITTEE_TARGETS + ("org:vl_trade",), read=committee_only(read), write=None),
    # registries (lists show only what the user may read)
    "registry:home": Entry(NOTHING, read=signed_in, write=None),
    "registry:events": Entry(NOTHING, read=signed_in, write=None),
    "registry:products": Entry(NOTHING, read=signed_in, write=None),
    "registry:salepoints": Entry(NOTHING, read=signed_in, write=None),
    "registry:areas": Entry(NOTHING, read=signed_in, write=None),
    "registry:clubs": Entry(NOTHING, read=signed_in, write=None),
    "registry:producers": Entry(NOTHING, read=signed_in, write=None),
    # --- registry pages (issue 10, web part): records are the recorder's data, events also the organisers' ---
    "registry:event_create": Entry(REGISTRY_RECORDERS, read=records_somewhere, write=edit, data=_new_event),
    "registry:event_detail": Entry(EVENT_TARGETS, read=registry_read, write=None),
    "registry:event_edit": Entry(
        EVENT_TARGETS, read=registry_edit, write=registry_edit, data=lambda o, t: _event_fields()
    ),
    "registry:event_delete": Entry(EVENT_TARGETS, read=registry_edit, write=registry_edit),
    "registry:event_group_create": Entry(REGISTRY_RECORDERS, read=records_somewhere, write=edit, data=_new_group),
    "registry:organisation_options": Entry(NOTHING, read=signed_in, write=None, query={"q": "Vĩnh Long"}),
    "registry:product_create": Entry(REGISTRY_RECORDERS, read=records_somewhere, write=edit, data=_new_product),
    "registry:product_detail": Entry(PRODUCT_TARGETS, read=registry_read, write=None),
    "registry:product_recognise": Entry(PRODUCT_TARGETS, read=None, write=registry_edit, data=_recognition),
    "registry:product_register": Entry(PRODUCT_TARGETS, read=None, write=registry_edit, data=_registration),
    "registry:recognition_revoke": Entry(
        ("recognition:vl_trade", "recognition:ag_trade"), read=None, write=registry_edit, data=_revoke
    ),
    "registry:ocop_expiring": Entry(NOTHING, read=signed_in, write=None),
    "registry:salepoint_create": Entry(
        REGISTRY_RECORDERS, read=records_somewhere, write=edit, data=_new_named("ocop_store")
    ),
    "registry:salepoint_detail": Entry(SALEPOINT_TARGETS, read=registry_read, write=None),
    "registry:salepoint_verify": Entry(SALEPOINT_TARGETS, read=None, write=registry_edit, data=_verify),
    "registry:area_create": Entry(REGISTRY_RECORDERS, read=records_somewhere, write=edit, data=_new_area),
    "registry:club_create": Entry(REGISTRY_RECORDERS, read=records_somewhere, write=edit, data=_new_named("consumer")),
    "registry:producer_create": Entry(REGISTRY_RECORDERS, read=records_somewhere, write=edit, data=_new_producer),
    "registry:producer_detail": Entry(PRODUCER_TARGETS, read=registry_read, write=None),
    "registry:producer_merge": Entry(PRODUCER_TARGETS, read=registry_edit, write=registry_edit, data=_merge),
    "registry:places": Entry(NOTHING, read=signed_in, write=None),
    "registry:place_resolve": Entry(("place:vl_trade",), read=registry_edit, write=registry_edit, data=_resolve),
    # registry edit pages (issue 10, polish): only the recorder's editors; whoever reads the row gets 403
    "registry:product_edit": Entry(PRODUCT_TARGETS, read=registry_edit, write=registry_edit, data=_edited_product),
    "registry:salepoint_edit": Entry(SALEPOINT_TARGETS, read=registry_edit, write=registry_edit, data=_edited_point),
    "registry:area_edit": Entry(AREA_TARGETS, read=registry_edit, write=registry_edit, data=_edited_area),
    "registry:club_edit": Entry(CLUB_TARGETS, read=registry_edit, write=registry_edit, data=_edited_club),
    "registry:producer_edit": Entry(PRODUCER_TARGETS, read=registry_edit, write=registry_edit, data=_edited_producer),
    "registry:event_group_edit": Entry(GROUP_TARGETS, read=registry_edit, write=registry_edit, data=_edited_group),
    "registry:event_group_delete": Entry(GROUP_TARGETS, read=registry_edit, write=registry_edit),
    # registry import and export (issue 10, the import part): the recording organisation's editors import; an
    # uploaded list is followed and confirmed by its uploader only; an export holds only what the user reads
    "registry:import": Entry(ORG_TARGETS, read=signed_in, write=edit, data=_registry_list),
    "registry:import_job": Entry(("import:vl_commune",), read=uploader_only, write=uploader_only, data=_confirm_import),
    "registry:import_refused": Entry(("import:vl_commune",), read=uploader_only, write=None),
    "registry:export": Entry(NOTHING, read=signed_in, write=None, query={"kind": "ocop"}),
    # campaign (issue 12, parts 3-5)
    "campaign:home": Entry(NOTHING, read=signed_in, write=None),
    "campaign:media_board": Entry(COMMITTEE_TARGETS, read=read, write=None, query={"year": "2026", "quarter": "1"}),
    "campaign:media_board_xlsx": Entry(COMMITTEE_TARGETS, read=read, write=None),
    "campaign:set_quota": Entry(COMMITTEE_TARGETS, read=None, write=manage, data=_quota),
    "campaign:outlet_create": Entry(COMMITTEE_TARGETS, read=None, write=manage, data=_outlet),
    "campaign:remind": Entry(
        ("media:vinh_long", "media:an_giang"),
        read=None,
        write=manage,
        data=lambda o, t: {"year": "2026", "quarter": "1"},
    ),
    "campaign:outlet": Entry(("outlet:vl_trade", "outlet:ag_trade"), read=read, write=edit, data=_item),
    "campaign:outdoor": Entry(ORG_TARGETS, read=read, write=edit, data=_outdoor),
    "campaign:awards": Entry(CAMPAIGN_COMMITTEES, read=plan_read, write=runs_scheme, data=_scheme),
    "campaign:scheme": Entry(SCHEME_TARGETS, read=plan_read, write=nominate_rule, data=_nomination),
    "campaign:compile": Entry(SCHEME_TARGETS, read=None, write=runs_scheme, data=_compile),
    "campaign:decide": Entry(SCHEME_TARGETS, read=None, write=runs_scheme, data=_decide),
    "campaign:publish": Entry(
        ("award:vinh_long", "award:an_giang"), read=None, write=manage, data=lambda o, t: {"published": "on"}
    ),
    "campaign:budget": Entry(
        COMMITTEE_TARGETS + ("org:vl_trade",), read=committee_only(read), write=committee_only(edit), data=_allocation
    ),
    "campaign:budget_xlsx": Entry(COMMITTEE_TARGETS + ("org:vl_trade",), read=committee_only(read), write=None),
    # consumer reports (issue 11, part 5): filed and followed by anyone; handled by the body they are routed to
    "complaints:new": Entry(NOTHING, read=public, write=public, data=_public_report),
    "complaints:track": Entry(
        NOTHING, read=public, write=public, data=_more_information, query={"code": COMPLAINT_CODE}
    ),
    "complaints:queue": Entry(NOTHING, read=signed_in, write=None),
    "complaints:offline": Entry(
        ("org:vl_trade", "org:vl_commune", "org:an_giang"), read=records_somewhere, write=edit, data=_offline_report
    ),
    "complaints:detail": Entry(COMPLAINT_TARGETS, read=complaint_read, write=None),
    "complaints:photo": Entry(("complaint:vl_trade",), read=complaint_read, write=None),
    "complaints:forward": Entry(COMPLAINT_TARGETS, read=None, write=complaint_edit, data=_forward),
    "complaints:ask": Entry(
        COMPLAINT_TARGETS, read=None, write=complaint_edit, data=lambda o, t: {"question": "Tên quầy hàng?"}
    ),
    "complaints:close": Entry(
        COMPLAINT_TARGETS,
        read=None,
        write=complaint_edit,
        data=lambda o, t: {"outcome": "resolved", "public_answer": "Đã kiểm tra"},
    ),
    "complaints:routing": Entry(("org:vinh_long", "org:an_giang"), read=manage, write=manage, data=_route),
    # surveys (issue 11, part 6): the owner's data; an open survey is answered by anyone through its link
    "surveys:answer": Entry(("survey:vinh_long",), read=public, write=public, data=_survey_answer),
    "surveys:list": Entry(NOTHING, read=signed_in, write=None),
    "surveys:create": Entry(
        ("org:vinh_long", "org:vl_trade", "org:an_giang"), read=records_somewhere, write=edit, data=_new_survey
    ),
    "surveys:detail": Entry(SURVEY_TARGETS, read=read, write=None),
    "surveys:export": Entry(SURVEY_TARGETS, read=read, write=None),
    "surveys:paper": Entry(SURVEY_TARGETS, read=edit, write=edit, data=_survey_answer),
    "POST /api/public/reports": Entry(NOTHING, read=None, write=public, data=_public_report_json, method="json"),
    "GET /api/public/reports/{code}": Entry(("complaint:vl_trade",), read=public, write=None),
    # oversight (issue 12): programmes and visits are the inspecting committee's (a visit is also read by whoever
    # reads its subject); cases are the enforcing agency's, read by the offices above it, recorded by its editors
    "oversight:home": Entry(NOTHING, read=signed_in, write=None),
    "oversight:programme_create": Entry(
        COMMITTEE_TARGETS + ("org:vl_trade",),
        read=committee_only(edit),
        write=committee_only(edit),
        data=_programme_data,
    ),
    "oversight:programme": Entry(PROGRAMME_TARGETS, read=read, write=edit, data=_visit_data),
    "oversight:visit": Entry(("visit:vinh_long",), read=registry_read, write=None),
    "oversight:finding_add": Entry(
        ("visit:vinh_long",), read=None, write=registry_edit, data=lambda o, t: {"kind": "strength", "text": "Tốt"}
    ),
    "oversight:recommendation_add": Entry(
        ("visit:vinh_long",),
        read=None,
        write=registry_edit,
        data=lambda o, t: {"text": "Kiện toàn Tổ giúp việc", "due_on": "2026-09-30"},
    ),
    "oversight:conclusion": Entry(("visit:vinh_long",), read=registry_read, write=None),
    "oversight:cases": Entry(NOTHING, read=signed_in, write=None),
    "oversight:case": Entry(CASE_TARGETS, read=read, write=None),
    "oversight:case_create": Entry(OVERSIGHT_AGENCIES, read=enforcer_edit, write=enforcer_edit, data=_case_data),
    "oversight:total_create": Entry(
        OVERSIGHT_AGENCIES,
        read=enforcer_edit,
        write=enforcer_edit,
        data=lambda o, t: {"period": H1, "inspections": "3"},
    ),
    # oversight meetings (issue 12, part 6): the organising committee's; read also through an invited organisation
    "oversight:meetings": Entry(COMMITTEE_TARGETS + ("org:vl_trade",), read=committee_only(read), write=None),
    "oversight:meeting_create": Entry(
        COMMITTEE_TARGETS + ("org:vl_trade",),
        read=committee_only(edit),
        write=committee_only(edit),
        data=_meeting_data,
    ),
    "oversight:meeting": Entry(MEETING_TARGETS, read=registry_read, write=None),
    "oversight:meeting_edit": Entry(MEETING_TARGETS, read=registry_edit, write=registry_edit, data=_meeting_data),
    "oversight:meeting_conclusions": Entry(
        MEETING_TARGETS,
        read=None,
        write=registry_edit,
        data=lambda o, t: {
            "conclusions": "Đẩy mạnh tuyên truyền",
            "follow-TOTAL_FORMS": "0",
            "follow-INITIAL_FORMS": "0",
        },
    ),
    "oversight:meeting_cancel": Entry(
        MEETING_TARGETS, read=None, write=registry_edit, data=lambda o, t: {"reason": "x"}
    ),
    "oversight:meeting_document_add": Entry(
        MEETING_TARGETS,
        read=None,
        write=registry_edit,
        data=lambda o, t: {"file": SimpleUploadedFile("bien-ban.txt", "Biên bản".encode())},
    ),
    "oversight:meeting_document": Entry(("meeting_document:vinh_long",), read=registry_read, write=None),
    "oversight:meeting_notice": Entry(MEETING_TARGETS, read=registry_read, write=None),
    # the public portal (issue 11): anonymous pages for everyone, published rows only
    "portal:home": Entry(NOTHING, read=public, write=None),
    "portal:products": Entry(NOTHING, read=public, write=None, query={"q": "nuoc mam", "tinh": "Vĩnh Long"}),
    "portal:products_csv": Entry(NOTHING, read=public, write=None, query={"q": "nuoc mam"}),
    "portal:product": Entry(("public_product:vl_trade", "hidden_product:vl_trade"), read=published, write=None),
    "portal:salepoints": Entry(NOTHING, read=public, write=None, query={"tinh": "An Giang"}),
    "portal:salepoints_csv": Entry(NOTHING, read=public, write=None),
    "portal:salepoint": Entry(("public_salepoint:ag_trade",), read=public, write=None),
    "portal:events": Entry(NOTHING, read=public, write=None),
    "portal:events_csv": Entry(NOTHING, read=public, write=None),
    "portal:event": Entry(("public_event:vinh_long",), read=public, write=None),
    "portal:areas": Entry(NOTHING, read=public, write=None),
    "portal:robots": Entry(NOTHING, read=public, write=None),
    "portal:sitemap": Entry(NOTHING, read=public, write=None),
    "portal:sitemap_section": Entry(("sitemap:products",), read=public, write=None),
    "GET /api/public/products": Entry(
        NOTHING, read=public, write=None, query={"q": "nuoc mam", "province": "vinh long"}
    ),
    "GET /api/public/sale-points": Entry(NOTHING, read=public, write=None, query={"province": "An Giang"}),
    "GET /api/public/events": Entry(NOTHING, read=public, write=None),
    # the API (django-ninja): its schema and documentation are public, every operation needs a session
    "api:openapi-json": Entry(NOTHING, read=public, write=None),
    "api:openapi-view": Entry(NOTHING, read=public, write=None),
    "GET /api/me": Entry(NOTHING, read=api(signed_in), write=None),
    "GET /api/units/resolve": Entry(NOTHING, read=api(signed_in), write=None, query={"q": "Phường Trà Vinh"}),
    "GET /api/organisations/{organisation_id}": Entry(ORG_TARGETS, read=api(read), write=None),
    "GET /api/organisations/{organisation_id}/members": Entry(ORG_TARGETS, read=api(read), write=None),
    "GET /api/organisations/{organisation_id}/children": Entry(ORG_TARGETS, read=api(read), write=None),
    "GET /api/reports/{report_id}": Entry(REPORT_TARGETS, read=api(read), write=None),
    "PUT /api/reports/{report_id}/values": Entry(
        REPORT_TARGETS, read=None, write=api(edit), data=_values, method="put"
    ),
    "GET /api/aggregates": Entry(
        ("aggregate:vinh_long", "aggregate:tra_vinh", "aggregate:vl_commune", "aggregate:an_giang"),
        read=api(read),
        write=None,
    ),
    # registry API (bridge): lists hold only readable rows; figures of a unit as its aggregate
    "GET /api/registry/events": Entry(NOTHING, read=api(signed_in), write=None),
    "GET /api/registry/events/{event_id}": Entry(
        ("api_event:vl_trade", "api_event:tra_vinh", "api_event:ag_trade"), read=api(event_read), write=None
    ),
    "GET /api/registry/ocop": Entry(NOTHING, read=api(signed_in), write=None),
    "GET /api/registry/salepoints": Entry(NOTHING, read=api(signed_in), write=None),
    "GET /api/registry/figures": Entry(
        ("aggregate:vinh_long", "aggregate:tra_vinh", "aggregate:vl_commune", "aggregate:an_giang"),
        read=api(read),
        write=None,
    ),
}

# The aggregate of a unit sums its committee's subtree: readable as that committee is.
AGGREGATE_UNITS = {
    "aggregate:vinh_long": ("vinh_long", "Tỉnh Vĩnh Long"),
    "aggregate:tra_vinh": ("tra_vinh", "Tỉnh Trà Vinh"),
    "aggregate:vl_commune": ("vl_commune", "Phường Trà Vinh, tỉnh Vĩnh Long"),
    "aggregate:an_giang": ("an_giang", "Tỉnh An Giang"),
}


# ---------------------------------------------------------------------------------------------------------------
# Enumerating the URL conf and the API.
# ---------------------------------------------------------------------------------------------------------------


def _url_names(patterns: list[URLPattern | URLResolver], namespace: str = "") -> set[str]:
    names: set[str] = set()
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}:{pattern.namespace}".strip(":") if pattern.namespace else namespace
            if inner == "admin":
                names.add("admin:*")  # Django's own admin: staff only, checked as one entry
                continue
            names |= _url_names(pattern.url_patterns, inner)
        elif namespace != "api" or pattern.name in ("openapi-json", "openapi-view"):
            assert pattern.name, f"URL pattern {pattern.pattern} has no name"
            names.add(f"{namespace}:{pattern.name}".strip(":"))
    return names


def _api_operations() -> set[str]:
    schema = ninja_api.get_openapi_schema()
    return {f"{method.upper()} {path}" for path, methods in schema["paths"].items() for method in methods}


def test_every_url_and_api_operation_has_an_entry() -> None:
    declared = _url_names(get_resolver().url_patterns) | _api_operations()
    missing = sorted(declared - MATRIX.keys())
    stale = sorted(MATRIX.keys() - declared)
    assert not missing, f"URLs without a permission-matrix entry (add them to MATRIX): {missing}"
    assert not stale, f"matrix entries for URLs that no longer exist: {stale}"


# ---------------------------------------------------------------------------------------------------------------
# Running a cell.
# ---------------------------------------------------------------------------------------------------------------

UNWATCHED = {"units", "sessions", "axes", "contenttypes"}  # reference data, sign-in bookkeeping
# Derived, not state: a read may store the registries' figures it computed (registry.figure_cache).
UNWATCHED_MODELS = {"registry.FigureCache"}


def database_state() -> dict[str, str]:
    """A digest of every row of every table a request could write (reference data and sessions aside)."""
    state = {}
    for model in apps.get_models():
        if model._meta.app_label in UNWATCHED or model._meta.label in UNWATCHED_MODELS or model._meta.proxy:
            continue
        rows = list(model._default_manager.order_by("pk").values_list())
        state[model._meta.label] = hashlib.sha256(repr(rows).encode()).hexdigest()
    return state


def _path(name: str, entry: Entry, target: Target) -> tuple[str, dict[str, str]]:
    query = dict(entry.query)
    if name == "admin:*":
        return "/quan-tri/orgs/organisation/", query
    if name.startswith(("GET ", "PUT ", "POST ", "DELETE ")):
        path = name.split(" ", 1)[1]
        if name.startswith("GET /api/public/"):  # public reads: no unit or period, just the path
            return path.replace("{code}", str(target.kwargs.get("code", ""))), query
        if target.label in AGGREGATE_UNITS:
            query |= {"unit": AGGREGATE_UNITS[target.label][1], "period": H1}
        for key, value in target.kwargs.items():
            path = path.replace("{" + key + "}", str(value))
        return path, query
    kwargs = dict(target.kwargs)
    if name.startswith("consolidation:") and name != "consolidation:board_today":
        kwargs["code"] = H1
        kwargs["key"] = PHASE
    if name == "dashboard:download":
        kwargs["part"] = "bao-cao"
    resolver_kwargs = {key: value for key, value in kwargs.items() if key in _parameters(name)}
    return reverse(name, kwargs=resolver_kwargs), query


def _parameters(name: str) -> set[str]:
    """The keyword arguments the URL pattern ``namespace:name`` takes."""
    namespace, _, url_name = name.rpartition(":")
    resolver = get_resolver().namespace_dict[namespace][1] if namespace else get_resolver()
    found: set[str] = set()
    for possibilities, _pattern, _defaults, _converters in resolver.reverse_dict.getlist(url_name):
        for _format, params in possibilities:
            found |= set(params)
    return found


def _observed(response: Any, api_call: bool) -> Outcome:
    status = response.status_code
    assert status < 500, f"server error {status}"
    if status == 401:
        return Outcome.UNAUTHORIZED
    if status == 403:
        return Outcome.FORBIDDEN
    if status == 404:
        return Outcome.NOT_FOUND
    location = response.headers.get("Location", "")
    if status == 302 and ("/dang-nhap/" in location or "/quan-tri/login/" in location):
        return Outcome.LOGIN
    return Outcome.OK


def _call(client: Client, name: str, entry: Entry, objects: Objects, target: Target, mode: str) -> Any:
    path, query = _path(name, entry, target)
    if mode == "read":
        return client.get(path, query)
    data = entry.data(objects, target)
    if entry.method == "json":
        return client.post(path, json.dumps(data), content_type="application/json")
    if entry.method == "put":
        return client.put(
            path + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else ""),
            json.dumps(data),
            content_type="application/json",
        )
    if query:
        path += "?" + "&".join(f"{k}={v}" for k, v in query.items())
    return client.post(path, data)


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_permission_matrix(name: str) -> None:
    entry = MATRIX[name]
    objects = build_objects()
    failures: list[str] = []
    for persona in PERSONAS:
        client = Client()
        user = objects.user(persona)
        if user is not None:
            client.force_login(user)
        for label in entry.targets:
            target = objects.targets[label] if label in objects.targets else Target(label, "", {})
            if label in AGGREGATE_UNITS:
                target = Target(label, AGGREGATE_UNITS[label][0])
            for mode, rule in (("read", entry.read), ("write", entry.write)):
                if rule is None and (mode == "read" or entry.method in ("put", "json")):
                    continue
                before = database_state()
                savepoint = transaction.savepoint_create()
                try:
                    response = _call(client, name, entry, objects, target, mode)
                    observed = _observed(response, name.startswith(("GET ", "PUT ")))
                    after = database_state()
                finally:
                    transaction.savepoint_rollback(savepoint)
                expected = rule(persona, target) if rule is not None else None
                cell = f"{persona} {mode} {label}"
                if rule is None:
                    # A read-only URL: a POST is refused or ignored, and changes nothing.
                    if after != before:
                        failures.append(f"{cell}: a POST to a read-only URL changed {_changed(before, after)}")
                    continue
                if observed is not expected:
                    failures.append(f"{cell}: expected {expected.value}, got {observed.value} ({response.status_code})")
                elif expected is not Outcome.OK and after != before:
                    failures.append(f"{cell}: refused, but the database changed: {_changed(before, after)}")
    assert not failures, "\n".join(failures)


def _changed(before: dict[str, str], after: dict[str, str]) -> list[str]:
    return sorted(label for label in before if before[label] != after.get(label))
