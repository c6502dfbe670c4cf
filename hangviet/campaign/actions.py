"""Every change of state of the campaign app: one function each, atomic, audited."""

from __future__ import annotations

import datetime
import functools
from collections.abc import Iterable

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from hangviet.audit.log import record
from hangviet.campaign.catalogue import ItemType
from hangviet.campaign.models import (
    Award,
    AwardScheme,
    BudgetAllocation,
    BudgetSpend,
    CommendationProposal,
    Contribution,
    MediaItem,
    MediaOutlet,
    MediaQuota,
    MediaReminder,
    Nomination,
    OutdoorAsset,
    quarter_bounds,
)
from hangviet.campaign.queries import outlet_progress
from hangviet.lib.i18n import in_vietnamese
from hangviet.lib.text import normalize_text
from hangviet.lib.vnformat import format_date_short
from hangviet.notifications.actions import Notice, notify
from hangviet.notifications.models import Notification
from hangviet.orgs.models import Organisation, UserRole
from hangviet.orgs.policy import list_subtree_ids
from hangviet.plans.models import Task
from hangviet.registry.models import Producer


def _text(value: str) -> str:
    return normalize_text(value or "")


def _positive(amount: int, what: str | None = None) -> int:
    if amount is None or int(amount) <= 0:
        raise ValidationError(_("%(what)s phải lớn hơn 0.") % {"what": what or _("Số tiền")}, code="amount")
    return int(amount)


def _below(committee: Organisation, organisation: Organisation, message: str) -> None:
    if organisation.pk not in list_subtree_ids({committee.pk}):
        raise ValidationError(message, code="outside")


# --- media ---------------------------------------------------------------------------------------------------


@transaction.atomic
def create_outlet(owner: Organisation, *, name: str, kind: str, url: str = "", acting_user: User | None) -> MediaOutlet:
    name = _text(name)
    if not name:
        raise ValidationError(_("Hãy nhập tên kênh."), code="name")
    if MediaOutlet.objects.filter(owner=owner, name=name).exists():
        raise ValidationError(_("Đơn vị đã có kênh «%(name)s».") % {"name": name}, code="duplicate")
    outlet = MediaOutlet.objects.create(owner=owner, name=name, kind=kind, url=url)
    record(outlet, "campaign.outlet_created", actor=acting_user, owner=owner.pk)
    return outlet


@transaction.atomic
def record_item(
    outlet: MediaOutlet,
    *,
    item_type: str,
    title: str,
    published_on: datetime.date,
    link: str = "",
    acting_user: User | None,
) -> MediaItem:
    title = _text(title)
    if not title:
        raise ValidationError(_("Hãy nhập tiêu đề tin, bài."), code="title")
    if item_type not in ItemType.values:
        raise ValidationError(_("Thể loại không có trong danh mục."), code="item_type")
    if published_on > timezone.localdate():
        raise ValidationError(_("Ngày đăng, phát không được sau hôm nay."), code="future")
    item = MediaItem.objects.create(
        outlet=outlet, item_type=item_type, title=title, published_on=published_on, link=link
    )
    record(item, "campaign.item_recorded", actor=acting_user, outlet=outlet.pk, type=item_type)
    return item


@transaction.atomic
def record_outdoor(
    recorded_by: Organisation,
    *,
    kind: str,
    pieces: int,
    sites: str,
    status: str,
    installed_on: datetime.date | None = None,
    permit_request: str = "",
    permit_body: str = "",
    permit_decision: str = "",
    acting_user: User | None,
) -> OutdoorAsset:
    _positive(pieces, _("Số cái"))
    if not _text(sites):
        raise ValidationError(_("Hãy ghi vị trí lắp đặt."), code="sites")
    asset = OutdoorAsset.objects.create(
        recorded_by=recorded_by,
        kind=kind,
        pieces=pieces,
        sites=_text(sites),
        status=status,
        installed_on=installed_on,
        permit_request=_text(permit_request),
        permit_body=_text(permit_body),
        permit_decision=_text(permit_decision),
    )
    record(asset, "campaign.outdoor_recorded", actor=acting_user, pieces=pieces, kind=kind)
    return asset


@transaction.atomic
def set_quota(
    committee: Organisation,
    outlet: MediaOutlet,
    *,
    item_type: str,
    year: int,
    quarter: int,
    minimum: int,
    task: Task | None = None,
    acting_user: User | None,
) -> MediaQuota | None:
    """Set (or with 0 remove) the minimum number of items of a type ``outlet`` owes ``committee`` in a quarter."""
    _below(
        committee,
        outlet.owner,
        _("Kênh «%(outlet)s» không thuộc %(committee)s.") % {"outlet": outlet.name, "committee": committee.name},
    )
    if quarter not in (1, 2, 3, 4):
        raise ValidationError(_("Quý phải từ 1 đến 4."), code="quarter")
    if minimum < 0:
        raise ValidationError(_("Chỉ tiêu không được âm."), code="minimum")
    if task is not None and task.plan.committee_id != committee.pk:
        raise ValidationError(_("Nhiệm vụ không thuộc kế hoạch của Ban Chỉ đạo này."), code="task")
    existing = (
        MediaQuota.objects.select_for_update()
        .filter(committee=committee, outlet=outlet, item_type=item_type, year=year, quarter=quarter)
        .first()
    )
    if minimum == 0:
        if existing is not None:
            record(existing, "campaign.quota_removed", actor=acting_user)
            existing.delete()
        return None
    if existing is None:
        existing = MediaQuota(committee=committee, outlet=outlet, item_type=item_type, year=year, quarter=quarter)
    existing.minimum = minimum
    existing.task = task
    existing.save()
    record(existing, "campaign.quota_set", actor=acting_user, minimum=minimum, year=year, quarter=quarter)
    return existing


def outlet_recipients(outlet: MediaOutlet) -> list[User]:
    """The owner's users who record (not viewers): they are told through the notifications app."""
    ids = (
        UserRole.objects.filter(organisation=outlet.owner, valid_to__isnull=True)
        .exclude(role=UserRole.Role.VIEWER)
        .values("user_id")
    )
    return list(User.objects.filter(pk__in=ids, is_active=True).order_by("username"))


@transaction.atomic
def remind_outlet(
    committee: Organisation,
    outlet: MediaOutlet,
    *,
    year: int,
    quarter: int,
    acting_user: User | None,
    today: datetime.date | None = None,
) -> MediaReminder:
    """Tell the outlet's owner what it still owes for the quarter — its users through the notifications app (bell,
    and e-mail as each chose), the owner's own address by e-mail — and keep the reminder (with nobody to reach it
    is kept with no recipients, and the page says so)."""
    progress = outlet_progress(committee, outlet, year, quarter)
    if not progress.shortfall:
        raise ValidationError(
            _("«%(outlet)s» đã đủ chỉ tiêu quý %(quarter)s/%(year)s.")
            % {"outlet": outlet.name, "quarter": quarter, "year": year},
            code="not_short",
        )
    day = today or timezone.localdate()
    users = outlet_recipients(outlet)
    reached = [user.email or user.get_username() for user in users]
    if outlet.owner.email and outlet.owner.email not in reached:
        reached.append(outlet.owner.email)
    reminder = MediaReminder.objects.create(
        committee=committee,
        outlet=outlet,
        year=year,
        quarter=quarter,
        shortfall=progress.shortfall,
        recipients=", ".join(reached),
        sent_on=day,
        sent_by=acting_user if acting_user is not None and acting_user.is_authenticated else None,
    )
    record(outlet, "campaign.outlet_reminded", actor=acting_user, quarter=f"{quarter}/{year}", to=len(reached))
    _start, end = quarter_bounds(year, quarter)
    with in_vietnamese():  # stored and mailed to the outlet: in the committee's language, not the clerk's
        subject = _("Chỉ tiêu tuyên truyền quý %(quarter)s/%(year)s: %(outlet)s còn %(shortfall)s") % {
            "quarter": quarter,
            "year": year,
            "outlet": outlet.name,
            "shortfall": progress.shortfall,
        }
        body = _(
            "%(committee)s đề nghị %(outlet)s hoàn thành chỉ tiêu tuyên truyền về Cuộc vận động "
            "quý %(quarter)s/%(year)s (đến ngày %(end)s): hiện còn %(shortfall)s. "
            "Đề nghị cập nhật các tin, bài đã đăng, phát trên hangviet."
        ) % {
            "committee": committee.name,
            "outlet": outlet.name,
            "quarter": quarter,
            "year": year,
            "end": format_date_short(end),
            "shortfall": progress.shortfall,
        }
    notify(
        users,
        Notice(
            Notification.Kind.OTHER,
            f"media-reminder:{reminder.pk}",
            subject,
            body,
            link=reverse("campaign:outlet", args=[outlet.pk]),
        ),
        actor=acting_user if acting_user is not None and acting_user.is_authenticated else None,
    )
    if outlet.owner.email and outlet.owner.email not in {user.email for user in users}:
        transaction.on_commit(functools.partial(send_mail, subject, body, None, [outlet.owner.email]))
    return reminder


# --- commendations ---------------------------------------------------------------------------------------------


@transaction.atomic
def create_scheme(
    owner: Organisation, *, name: str, kind: str, year: int, criteria: str = "", acting_user: User | None
) -> AwardScheme:
    if not owner.is_committee:
        raise ValidationError(_("Chỉ Ban Chỉ đạo tổ chức khen thưởng, tôn vinh."), code="committee")
    name = _text(name)
    if not name:
        raise ValidationError(_("Hãy nhập tên đợt khen thưởng."), code="name")
    scheme = AwardScheme.objects.create(owner=owner, name=name, kind=kind, year=year, criteria=_text(criteria))
    record(scheme, "campaign.scheme_created", actor=acting_user)
    return scheme


@transaction.atomic
def nominate(
    scheme: AwardScheme,
    proposer: Organisation,
    *,
    nominee: str,
    category: str,
    producer: Producer | None = None,
    achievements: str = "",
    acting_user: User | None,
) -> Nomination:
    """Nominations flow up: from the scheme's committee or an organisation below it."""
    _below(
        scheme.owner,
        proposer,
        _("%(proposer)s không thuộc %(committee)s, không đề nghị được.")
        % {"proposer": proposer.name, "committee": scheme.owner.name},
    )
    nominee = _text(nominee)
    if not nominee:
        raise ValidationError(_("Hãy nhập tên tập thể, cá nhân hoặc doanh nghiệp được đề nghị."), code="nominee")
    nomination = Nomination.objects.create(
        scheme=scheme,
        proposer=proposer,
        nominee=nominee,
        category=category,
        producer=producer,
        achievements=_text(achievements),
    )
    record(nomination, "campaign.nominated", actor=acting_user, scheme=scheme.pk, proposer=proposer.pk)
    return nomination


@transaction.atomic
def compile_proposal(
    scheme: AwardScheme,
    nominations: Iterable[Nomination],
    *,
    number: str,
    dated: datetime.date,
    acting_user: User | None,
) -> CommendationProposal:
    """The office's tờ trình: the chosen nominations (still "đề nghị") go into it."""
    ids = [nomination.pk for nomination in nominations]
    chosen = list(
        Nomination.objects.select_for_update().filter(pk__in=ids, scheme=scheme, status=Nomination.Status.PROPOSED)
    )
    if not chosen:
        raise ValidationError(_("Hãy chọn ít nhất một đề nghị chưa đưa vào tờ trình."), code="empty")
    number = _text(number)
    if not number:
        raise ValidationError(_("Hãy nhập số tờ trình."), code="number")
    proposal = CommendationProposal.objects.create(scheme=scheme, number=number, dated=dated)
    Nomination.objects.filter(pk__in=[n.pk for n in chosen]).update(
        status=Nomination.Status.COMPILED, proposal=proposal
    )
    record(scheme, "campaign.proposal_compiled", actor=acting_user, number=number, nominations=len(chosen))
    return proposal


@transaction.atomic
def decide_awards(
    scheme: AwardScheme,
    awarded: Iterable[Nomination],
    *,
    decision: str,
    decided_on: datetime.date,
    form: str = "",
    acting_user: User | None,
) -> list[Award]:
    """The decision: the ticked nominations of the tờ trình are awarded, the others of it are not."""
    decision = _text(decision)
    if not decision:
        raise ValidationError(_("Hãy nhập số quyết định."), code="decision")
    compiled = list(Nomination.objects.select_for_update().filter(scheme=scheme, status=Nomination.Status.COMPILED))
    if not compiled:
        raise ValidationError(_("Chưa có đề nghị nào trong tờ trình để quyết định."), code="empty")
    chosen = {nomination.pk for nomination in awarded}
    awards = []
    for nomination in compiled:
        if nomination.pk in chosen:
            nomination.status = Nomination.Status.AWARDED
            awards.append(
                Award.objects.create(nomination=nomination, decision=decision, decided_on=decided_on, form=_text(form))
            )
        else:
            nomination.status = Nomination.Status.REJECTED
        nomination.save(update_fields=["status"])
    record(scheme, "campaign.awards_decided", actor=acting_user, decision=decision, awarded=len(awards))
    return awards


@transaction.atomic
def publish_award(award: Award, *, published: bool, acting_user: User | None, on: datetime.date | None = None) -> Award:
    """Put an awardee in (or take it out of) the public directory of trusted businesses."""
    award = Award.objects.select_for_update().get(pk=award.pk)
    award.published_on = (on or timezone.localdate()) if published else None
    award.save(update_fields=["published_on"])
    record(award, "campaign.award_published" if published else "campaign.award_unpublished", actor=acting_user)
    return award


# --- budgets ---------------------------------------------------------------------------------------------------


def _committee_only(committee: Organisation) -> None:
    if not committee.is_committee:
        raise ValidationError(_("Kinh phí chỉ ghi cho Ban Chỉ đạo."), code="committee")


@transaction.atomic
def allocate_budget(
    committee: Organisation,
    *,
    year: int,
    amount: int,
    source: str,
    legal_basis: str = "",
    decision: str = "",
    allocated_on: datetime.date | None = None,
    acting_user: User | None,
) -> BudgetAllocation:
    _committee_only(committee)
    allocation = BudgetAllocation.objects.create(
        committee=committee,
        year=year,
        amount=_positive(amount),
        source=source,
        legal_basis=_text(legal_basis),
        decision=_text(decision),
        allocated_on=allocated_on,
    )
    record(allocation, "campaign.budget_allocated", actor=acting_user, year=year, amount=allocation.amount)
    return allocation


@transaction.atomic
def record_spend(
    committee: Organisation,
    *,
    spent_on: datetime.date,
    amount: int,
    category: str,
    activity: str,
    voucher: str = "",
    task: Task | None = None,
    acting_user: User | None,
) -> BudgetSpend:
    _committee_only(committee)
    if not _text(activity):
        raise ValidationError(_("Hãy ghi hoạt động đã chi."), code="activity")
    spend = BudgetSpend.objects.create(
        committee=committee,
        spent_on=spent_on,
        amount=_positive(amount),
        category=category,
        activity=_text(activity),
        voucher=_text(voucher),
        task=task,
    )
    record(spend, "campaign.spend_recorded", actor=acting_user, amount=spend.amount)
    return spend


@transaction.atomic
def record_contribution(
    committee: Organisation,
    *,
    donor: str,
    amount: int,
    received_on: datetime.date,
    purpose: str = "",
    acting_user: User | None,
) -> Contribution:
    _committee_only(committee)
    if not _text(donor):
        raise ValidationError(_("Hãy ghi đơn vị đóng góp."), code="donor")
    contribution = Contribution.objects.create(
        committee=committee,
        donor=_text(donor),
        amount=_positive(amount),
        purpose=_text(purpose),
        received_on=received_on,
    )
    record(contribution, "campaign.contribution_recorded", actor=acting_user, amount=contribution.amount)
    return contribution
