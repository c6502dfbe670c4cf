"""Steering committees, their member agencies, the people on them, and who may act for whom.

An organisation is attached to the administrative unit it serves. A committee that lived through the
2025 reform is attached to today's unit; one that ended with it (Trà Vinh's) keeps its old unit and
names its successor. Names change too: an organisation keeps its former names with their dates, so
old records show the name they were made under.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hangviet.units.models import Unit


class Organisation(models.Model):
    class Kind(models.TextChoices):
        COMMITTEE = "committee", _("Ban Chỉ đạo")
        AGENCY = "agency", _("Cơ quan, tổ chức thành viên")
        # A body the committee's plans and letters address although it has no seat on the committee ("Sở Tư
        # pháp", "UBND các xã"): attached to that committee (``parent``) to lead tasks and receive documents, but
        # it is no member: it does not report to the committee nor count among its agencies.
        DEPARTMENT = "department", _("Cơ quan, đơn vị ngoài Ban Chỉ đạo")

    class Sector(models.TextChoices):
        FRONT = "front", _("Mặt trận Tổ quốc")
        PARTY = "party", _("Cơ quan Đảng")
        UNIONS = "unions", _("Tổ chức chính trị - xã hội, hội")
        TRADE = "trade", _("Công Thương")
        MARKET_SURVEILLANCE = "market_surveillance", _("Quản lý thị trường")
        AGRICULTURE = "agriculture", _("Nông nghiệp và Môi trường")
        INFORMATION = "information", _("Thông tin, truyền thông, báo chí")
        SCIENCE = "science", _("Khoa học và Công nghệ")
        CULTURE = "culture", _("Văn hóa, Thể thao và Du lịch")
        HEALTH = "health", _("Y tế")
        FINANCE = "finance", _("Tài chính, kế hoạch, đầu tư")
        FOREIGN_AFFAIRS = "foreign_affairs", _("Ngoại vụ")
        BUSINESS = "business", _("Doanh nghiệp, hợp tác xã")
        CONSUMERS = "consumers", _("Bảo vệ người tiêu dùng")
        OTHER = "other", _("Khác")

    kind = models.CharField(_("loại"), max_length=12, choices=Kind.choices)
    name = models.CharField(_("tên hiện nay"), max_length=255)
    short_name = models.CharField(_("tên viết tắt"), max_length=60, blank=True)
    affiliation = models.CharField(
        _("trực thuộc"), max_length=255, blank=True, help_text=_("Cơ quan chủ quản, nếu có.")
    )
    sector = models.CharField(_("lĩnh vực"), max_length=24, choices=Sector.choices, default=Sector.OTHER)
    unit = models.ForeignKey(Unit, verbose_name=_("địa bàn"), on_delete=models.PROTECT, related_name="organisations")
    parent = models.ForeignKey(
        "self",
        verbose_name=_("trực thuộc Ban Chỉ đạo"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text=_("Với cơ quan thành viên: Ban Chỉ đạo của nó. Với Ban Chỉ đạo: Ban Chỉ đạo cấp trên."),
    )
    standing_office = models.CharField(
        _("cơ quan thường trực"),
        max_length=255,
        blank=True,
        help_text=_("Với Ban Chỉ đạo: thường là Ban Thường trực Ủy ban MTTQ Việt Nam cùng cấp."),
    )
    email = models.EmailField(_("thư điện tử"), blank=True)
    valid_from = models.DateField(_("hoạt động từ"), null=True, blank=True)
    valid_to = models.DateField(_("hoạt động đến"), null=True, blank=True)

    class Meta:
        verbose_name = _("tổ chức")
        verbose_name_plural = _("tổ chức")
        ordering = ["kind", "name"]
        indexes = [models.Index(fields=["parent", "kind"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="committee") | Q(parent__isnull=False), name="organisation_agency_has_committee"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_committee(self) -> bool:
        return self.kind == self.Kind.COMMITTEE

    def exists_on(self, day: datetime.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)


class OrganisationName(models.Model):
    """A former name of an organisation, in force from ``valid_from`` to ``valid_to``."""

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("tổ chức"), on_delete=models.CASCADE, related_name="former_names"
    )
    name = models.CharField(_("tên"), max_length=255)
    affiliation = models.CharField(_("trực thuộc"), max_length=255, blank=True)
    valid_from = models.DateField(_("từ ngày"), null=True, blank=True)
    valid_to = models.DateField(_("đến ngày"))
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("tên cũ")
        verbose_name_plural = _("tên cũ")
        ordering = ["organisation", "-valid_to"]

    def __str__(self) -> str:
        return self.name


class OrganisationSuccession(models.Model):
    """``predecessor`` ended and its work (and records) passed to ``successor`` on ``effective_on``."""

    predecessor = models.ForeignKey(
        Organisation, verbose_name=_("tổ chức cũ"), on_delete=models.CASCADE, related_name="successions_out"
    )
    successor = models.ForeignKey(
        Organisation, verbose_name=_("tổ chức kế thừa"), on_delete=models.CASCADE, related_name="successions_in"
    )
    effective_on = models.DateField(_("ngày hiệu lực"))
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("kế thừa tổ chức")
        verbose_name_plural = _("kế thừa tổ chức")
        constraints = [
            models.UniqueConstraint(fields=["predecessor", "successor"], name="organisation_succession_unique_pair"),
        ]

    def __str__(self) -> str:
        return f"{self.predecessor} → {self.successor}"


class Person(models.Model):
    full_name = models.CharField(_("họ và tên"), max_length=120)
    position = models.CharField(_("chức vụ, đơn vị công tác"), max_length=255, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
    )

    class Meta:
        verbose_name = _("cá nhân")
        verbose_name_plural = _("cá nhân")
        ordering = ["full_name"]

    def __str__(self) -> str:
        return self.full_name


class Membership(models.Model):
    """A person's seat on a committee, from ``start`` to ``end``; a reconstitution ends and re-creates seats."""

    class Role(models.TextChoices):
        CHAIR = "chair", _("Trưởng ban")
        STANDING_VICE_CHAIR = "standing_vice_chair", _("Phó Trưởng ban Thường trực")
        VICE_CHAIR = "vice_chair", _("Phó Trưởng ban")
        MEMBER = "member", _("Thành viên")
        SECRETARIAT = "secretariat", _("Tổ giúp việc")

    committee = models.ForeignKey(
        Organisation,
        verbose_name=_("Ban Chỉ đạo"),
        on_delete=models.PROTECT,
        related_name="memberships",
        limit_choices_to={"kind": Organisation.Kind.COMMITTEE},
    )
    person = models.ForeignKey(Person, verbose_name=_("cá nhân"), on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(_("vai trò"), max_length=24, choices=Role.choices)
    agency = models.ForeignKey(
        Organisation,
        verbose_name=_("đại diện cơ quan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="represented_by",
    )
    start = models.DateField(_("từ ngày"))
    end = models.DateField(_("đến ngày"), null=True, blank=True)
    decision = models.CharField(_("theo quyết định"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("thành viên Ban Chỉ đạo")
        verbose_name_plural = _("thành viên Ban Chỉ đạo")
        ordering = ["committee", "start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")), name="membership_end_after_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.get_role_display()}"

    def is_active_on(self, day: datetime.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


class AreaAssignment(models.Model):
    """A member assigned to follow a lower unit ("phân công theo dõi địa bàn")."""

    membership = models.ForeignKey(
        Membership, verbose_name=_("thành viên"), on_delete=models.CASCADE, related_name="area_assignments"
    )
    unit = models.ForeignKey(Unit, verbose_name=_("địa bàn theo dõi"), on_delete=models.PROTECT, related_name="+")
    start = models.DateField(_("từ ngày"))
    end = models.DateField(_("đến ngày"), null=True, blank=True)

    class Meta:
        verbose_name = _("phân công theo dõi địa bàn")
        verbose_name_plural = _("phân công theo dõi địa bàn")
        ordering = ["start"]

    def __str__(self) -> str:
        return f"{self.membership.person} → {self.unit}"


class UserRole(models.Model):
    """A user acts for an organisation in a role; the permission policy reads only these rows."""

    class Role(models.TextChoices):
        STANDING_OFFICE = "standing_office", _("Cơ quan thường trực")
        SECRETARIAT = "secretariat", _("Tổ giúp việc")
        CLERK = "clerk", _("Cán bộ đầu mối")
        VIEWER = "viewer", _("Chỉ xem")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("tài khoản"), on_delete=models.CASCADE, related_name="org_roles"
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("tổ chức"), on_delete=models.CASCADE, related_name="user_roles"
    )
    role = models.CharField(_("vai trò"), max_length=20, choices=Role.choices)
    valid_from = models.DateField(_("từ ngày"), default=datetime.date.today)
    valid_to = models.DateField(_("đến ngày"), null=True, blank=True)

    class Meta:
        verbose_name = _("vai trò người dùng")
        verbose_name_plural = _("vai trò người dùng")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation", "role"], name="user_role_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} – {self.organisation}"
