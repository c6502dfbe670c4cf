"""Propaganda media and quotas, commendations and the trusted-business directory, committee budgets.

Every row belongs to an organisation (the outlet's owner, the proposing organisation, the committee) and is read
and written through ``orgs/policy.campaign_grant``. Money is VND as integers.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hangviet.campaign.catalogue import (
    AssetKind,
    BudgetSource,
    ItemType,
    NomineeCategory,
    OutletKind,
    PermitStatus,
    SchemeKind,
    SpendCategory,
)
from hangviet.lib.periods import QuarterKey
from hangviet.orgs.models import Organisation
from hangviet.plans.models import Task
from hangviet.registry.models import Producer


def quarter_bounds(year: int, quarter: int) -> tuple[datetime.date, datetime.date]:
    """First and last day of a calendar quarter (the one definition: ``lib.periods.QuarterKey``)."""
    key = QuarterKey(year, quarter)
    return key.start, key.end


class MediaOutlet(models.Model):
    """A newspaper, a radio-TV channel, a portal, a page: owned by an organisation, which records its items."""

    name = models.CharField(_("tên kênh"), max_length=255)
    kind = models.CharField(_("loại"), max_length=20, choices=OutletKind.choices)
    owner = models.ForeignKey(
        Organisation, verbose_name=_("cơ quan chủ quản"), on_delete=models.PROTECT, related_name="media_outlets"
    )
    url = models.URLField(_("địa chỉ trang"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("kênh tuyên truyền")
        verbose_name_plural = _("kênh tuyên truyền")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["owner", "name"], name="campaign_outlet_unique_name")]

    def __str__(self) -> str:
        return self.name


class MediaItem(models.Model):
    """One tin, bài, phóng sự, chuyên mục… published on ``published_on``."""

    outlet = models.ForeignKey(MediaOutlet, verbose_name=_("kênh"), on_delete=models.PROTECT, related_name="items")
    item_type = models.CharField(_("thể loại"), max_length=16, choices=ItemType.choices)
    title = models.CharField(_("tiêu đề"), max_length=500)
    published_on = models.DateField(_("ngày đăng, phát"))
    link = models.URLField(_("đường dẫn"), max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tin, bài tuyên truyền")
        verbose_name_plural = _("tin, bài tuyên truyền")
        ordering = ["-published_on", "-id"]
        indexes = [models.Index(fields=["outlet", "published_on"])]

    def __str__(self) -> str:
        return self.title


class MediaQuota(models.Model):
    """The minimum number of items of one type an outlet owes a committee in a quarter (set from the plan)."""

    committee = models.ForeignKey(
        Organisation, verbose_name=_("Ban Chỉ đạo"), on_delete=models.PROTECT, related_name="media_quotas"
    )
    outlet = models.ForeignKey(MediaOutlet, verbose_name=_("kênh"), on_delete=models.PROTECT, related_name="quotas")
    item_type = models.CharField(_("thể loại"), max_length=16, choices=ItemType.choices)
    year = models.PositiveSmallIntegerField(_("năm"))
    quarter = models.PositiveSmallIntegerField(_("quý"))
    minimum = models.PositiveIntegerField(_("số tối thiểu"))
    task = models.ForeignKey(
        Task, verbose_name=_("nhiệm vụ trong kế hoạch"), null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        verbose_name = _("chỉ tiêu tuyên truyền")
        verbose_name_plural = _("chỉ tiêu tuyên truyền")
        ordering = ["year", "quarter", "outlet__name", "item_type"]
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "outlet", "item_type", "year", "quarter"], name="campaign_quota_unique"
            ),
            models.CheckConstraint(condition=Q(quarter__gte=1, quarter__lte=4), name="campaign_quota_quarter"),
        ]

    def __str__(self) -> str:
        return f"{self.outlet} – {self.get_item_type_display()} Q{self.quarter}/{self.year}"


class MediaReminder(models.Model):
    """A reminder sent to an outlet short of its quota (to its owner's users, by e-mail), kept as evidence."""

    committee = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    outlet = models.ForeignKey(MediaOutlet, on_delete=models.PROTECT, related_name="reminders")
    year = models.PositiveSmallIntegerField()
    quarter = models.PositiveSmallIntegerField()
    shortfall = models.CharField(max_length=500)
    recipients = models.TextField(blank=True)
    sent_on = models.DateField()
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        ordering = ["-sent_on", "-id"]

    def __str__(self) -> str:
        return f"{self.outlet} – {self.shortfall}"


class OutdoorAsset(models.Model):
    """Băng rôn, pano, cụm pano… with their sites and the permit asked of the culture office."""

    recorded_by = models.ForeignKey(
        Organisation, verbose_name=_("đơn vị thực hiện"), on_delete=models.PROTECT, related_name="outdoor_assets"
    )
    kind = models.CharField(_("loại"), max_length=12, choices=AssetKind.choices)
    pieces = models.PositiveIntegerField(_("số cái"))
    sites = models.TextField(_("vị trí lắp đặt"))
    installed_on = models.DateField(_("ngày lắp đặt"), null=True, blank=True)
    permit_request = models.CharField(_("văn bản đề nghị"), max_length=255, blank=True)
    permit_body = models.CharField(_("cơ quan chấp thuận"), max_length=255, blank=True)
    permit_decision = models.CharField(_("văn bản chấp thuận"), max_length=255, blank=True)
    status = models.CharField(_("tình trạng"), max_length=12, choices=PermitStatus.choices)

    class Meta:
        verbose_name = _("băng rôn, pano")
        verbose_name_plural = _("băng rôn, pano")
        ordering = ["-installed_on", "-id"]

    def __str__(self) -> str:
        return f"{self.pieces} {self.get_kind_display().lower()}"


class AwardScheme(models.Model):
    """A commendation, honour, vote or contest run by a committee."""

    owner = models.ForeignKey(
        Organisation, verbose_name=_("Ban Chỉ đạo"), on_delete=models.PROTECT, related_name="award_schemes"
    )
    name = models.CharField(_("tên"), max_length=255)
    kind = models.CharField(_("hình thức"), max_length=16, choices=SchemeKind.choices)
    year = models.PositiveSmallIntegerField(_("năm"))
    criteria = models.CharField(_("văn bản hướng dẫn tiêu chuẩn"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("đợt khen thưởng, tôn vinh")
        verbose_name_plural = _("đợt khen thưởng, tôn vinh")
        ordering = ["-year", "name"]

    def __str__(self) -> str:
        return self.name


class CommendationProposal(models.Model):
    """The compiled proposal (tờ trình) of a scheme's nominations."""

    scheme = models.ForeignKey(AwardScheme, on_delete=models.PROTECT, related_name="proposals")
    number = models.CharField(_("số tờ trình"), max_length=100)
    dated = models.DateField(_("ngày"))

    def __str__(self) -> str:
        return self.number


class Nomination(models.Model):
    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Đề nghị")
        COMPILED = "compiled", _("Đã đưa vào tờ trình")
        AWARDED = "awarded", _("Được khen thưởng")
        REJECTED = "rejected", _("Không được khen thưởng")

    scheme = models.ForeignKey(AwardScheme, on_delete=models.PROTECT, related_name="nominations")
    proposer = models.ForeignKey(
        Organisation, verbose_name=_("đơn vị đề nghị"), on_delete=models.PROTECT, related_name="nominations"
    )
    nominee = models.CharField(_("tên tập thể, cá nhân, doanh nghiệp"), max_length=255)
    category = models.CharField(_("danh mục"), max_length=20, choices=NomineeCategory.choices)
    producer = models.ForeignKey(
        Producer, verbose_name=_("chủ thể trong sổ theo dõi"), null=True, blank=True, on_delete=models.SET_NULL
    )
    achievements = models.TextField(_("thành tích tóm tắt"), blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PROPOSED)
    proposal = models.ForeignKey(
        CommendationProposal, null=True, blank=True, on_delete=models.PROTECT, related_name="nominations"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["scheme", "id"]

    def __str__(self) -> str:
        return self.nominee


class Award(models.Model):
    """A nomination granted by a decision; ``published`` puts it in the public trusted-business directory."""

    nomination = models.OneToOneField(Nomination, on_delete=models.PROTECT, related_name="award")
    decision = models.CharField(_("quyết định"), max_length=255)
    decided_on = models.DateField(_("ngày quyết định"))
    form = models.CharField(_("hình thức khen thưởng"), max_length=255, blank=True)
    published_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-decided_on", "id"]

    def __str__(self) -> str:
        return str(self.nomination)


class BudgetAllocation(models.Model):
    committee = models.ForeignKey(
        Organisation, verbose_name=_("Ban Chỉ đạo"), on_delete=models.PROTECT, related_name="budget_allocations"
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    amount = models.PositiveBigIntegerField(_("số tiền (đồng)"))
    source = models.CharField(_("nguồn"), max_length=16, choices=BudgetSource.choices)
    legal_basis = models.CharField(_("căn cứ"), max_length=255, blank=True)
    decision = models.CharField(_("quyết định giao"), max_length=255, blank=True)
    allocated_on = models.DateField(_("ngày giao"), null=True, blank=True)

    class Meta:
        ordering = ["-year", "committee__name"]
        indexes = [models.Index(fields=["committee", "year"])]

    def __str__(self) -> str:
        return f"{self.committee} – {self.year}"


class BudgetSpend(models.Model):
    committee = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="budget_spends")
    spent_on = models.DateField(_("ngày chi"))
    amount = models.PositiveBigIntegerField(_("số tiền (đồng)"))
    category = models.CharField(_("nội dung chi"), max_length=14, choices=SpendCategory.choices)
    activity = models.CharField(_("hoạt động"), max_length=255)
    task = models.ForeignKey(Task, null=True, blank=True, on_delete=models.SET_NULL)
    voucher = models.CharField(_("chứng từ"), max_length=100, blank=True)

    class Meta:
        ordering = ["-spent_on", "-id"]

    def __str__(self) -> str:
        return self.activity


class Contribution(models.Model):
    """Xã hội hóa: money businesses give, kept apart from the committee's budget."""

    committee = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="contributions")
    donor = models.CharField(_("đơn vị đóng góp"), max_length=255)
    amount = models.PositiveBigIntegerField(_("số tiền (đồng)"))
    purpose = models.CharField(_("mục đích"), max_length=255, blank=True)
    received_on = models.DateField(_("ngày nhận"))

    class Meta:
        ordering = ["-received_on", "-id"]

    def __str__(self) -> str:
        return self.donor
